import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario, writeNdjson } from './support/scenario.ts';

/** A fixture record with one field replaced by anything at all: near-misses are the hard inputs. */
const mutated = fc
  .tuple(fc.constantFrom(...Object.values(scenario()).flat()), fc.jsonValue({ maxDepth: 3 }), fc.nat())
  .map(([record, value, pick]) => {
    const keys = Object.keys(record);
    return { ...record, [keys[pick % keys.length]!]: value };
  });

const line = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  mutated.map((r) => JSON.stringify(r)),
  fc.string({ maxLength: 200 }).filter((s) => !s.includes('\n')),
);

describe('import of arbitrary input', () => {
  let store: Store;
  beforeAll(async () => {
    store = await storeKinds[0]!.open();
    await importPath(store, writeNdjson(scenario()));
  });
  afterAll(async () => {
    await store.close();
  });

  it('accounts for every line, never throws, and changes nothing when nothing is accepted', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 20 }), fc.constantFrom(...Object.keys(scenario())), async (lines, type) => {
        tried += lines.length;
        const before = await store.db.selectFrom('record').select(['id', 'version_id']).orderBy('id').execute();
        const report = await importPath(store, writeNdjson({}, { [`${type}.ndjson`]: lines.join('\n') + '\n' }));
        const nonBlank = lines.filter((l) => l.trim() !== '').length;
        expect(report.imported + report.rejected).toBe(nonBlank);
        for (const error of report.errors) expect(error.message.length).toBeGreaterThan(0);
        if (report.created + report.updated === 0) {
          expect(await store.db.selectFrom('record').select(['id', 'version_id']).orderBy('id').execute()).toEqual(before);
        }
      }),
      { numRuns: 40, seed: 20251125 },
    );
    expect(tried).toBeGreaterThan(100);
  });
});
