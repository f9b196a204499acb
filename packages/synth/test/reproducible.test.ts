import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHashes, generate } from './support/population.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('reproducibility', () => {
  it('writes identical bytes for the same seed and as-of, and different output for another seed or date', async () => {
    const a = await generate(200, 42);
    const b = await generate(200, 42);
    const c = await generate(200, 43);
    const d = await generate(200, 42, '2025-01-31');
    dirs.push(a.dir, b.dir, c.dir, d.dir);
    const hashesA = fileHashes(a.dir);
    expect(Object.keys(hashesA)).toHaveLength(21);
    expect(fileHashes(b.dir)).toEqual(hashesA);
    expect(a.result).toEqual(b.result);
    expect(fileHashes(c.dir)['Patient.ndjson']).not.toBe(hashesA['Patient.ndjson']);
    expect(fileHashes(c.dir)['Appointment.ndjson']).not.toBe(hashesA['Appointment.ndjson']);
    expect(fileHashes(d.dir)['Appointment.ndjson']).not.toBe(hashesA['Appointment.ndjson']);
  });

  it('gives a person the same records whatever the population size (per-person randomness)', async () => {
    const small = await generate(30, 7);
    const large = await generate(60, 7);
    dirs.push(small.dir, large.dir);
    const { readType } = await import('./support/population.ts');
    const firstPatients = readType(small.dir, 'Patient');
    const samePeople = readType(large.dir, 'Patient').slice(0, 30);
    // Names, NHS numbers and dates of birth do not depend on how many others were generated.
    expect(samePeople.map((p) => [p.id, p.identifier, p.name, p.birthDate])).toEqual(firstPatients.map((p) => [p.id, p.identifier, p.name, p.birthDate]));
  });
});
