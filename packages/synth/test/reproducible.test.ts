import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePopulation } from '../src/index.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { AS_OF, fileHashes, generate } from './support/population.ts';

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

  it('writes a population in parts whose files together hold exactly the whole population\'s lines', async () => {
    const whole = await generate(40, 5);
    dirs.push(whole.dir);
    const parts = [
      { from: 0, to: 13 },
      { from: 13, to: 14 },
      { from: 14, to: 40 },
    ];
    const partDirs = parts.map(() => mkdtempSync(join(tmpdir(), 'continuity-synth-part-')));
    dirs.push(...partDirs);
    const results = await Promise.all(parts.map((part, i) => generatePopulation({ people: 40, seed: 5, asOf: AS_OF, outDir: partDirs[i]!, part })));
    expect(results.map((r) => r.people)).toEqual([13, 1, 26]);
    // A part with no record of a type writes no file for it.
    const linesOf = (dir: string, name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean) : []);
    for (const name of readdirSync(whole.dir)) {
      const fromParts = new Set(partDirs.flatMap((dir) => linesOf(dir, name)));
      expect([...fromParts].sort(), name).toEqual(linesOf(whole.dir, name).sort());
    }
    // Each part holds its own people only: the whole population's Patients, split between them.
    expect(partDirs.map((dir) => linesOf(dir, 'Patient.ndjson').length)).toEqual([13, 1, 26]);
  });

  it('refuses a part outside the population', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'continuity-synth-part-'));
    dirs.push(outDir);
    for (const part of [{ from: 5, to: 5 }, { from: -1, to: 3 }, { from: 0, to: 11 }, { from: 0.5, to: 3 }]) {
      await expect(generatePopulation({ people: 10, seed: 1, asOf: AS_OF, outDir, part })).rejects.toThrow(/part must be a range/);
    }
  });
});
