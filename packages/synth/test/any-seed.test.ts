import { rmSync } from 'node:fs';
import { validateResource, type ResourceType } from '@continuity/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, readAll } from './support/population.ts';

describe('any seed and as-of date', () => {
  it('gives a small population whose every resource is valid FHIR for the platform', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.date({ min: new Date('2012-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        async (seed, date) => {
          const { dir } = await generate(12, seed, date.toISOString().slice(0, 10));
          try {
            for (const [type, list] of readAll(dir)) {
              for (const r of list) {
                const checked = validateResource(r, type as ResourceType);
                expect(checked.ok ? 'ok' : `${type}/${r.id}: ${checked.message}`).toBe('ok');
              }
            }
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
