import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePopulation, type SynthResult } from '../../src/index.ts';

export type R = Record<string, any>;

export const AS_OF = '2025-06-30';

export async function generate(people: number, seed: number, asOf = AS_OF): Promise<{ dir: string; result: SynthResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-synth-test-'));
  const result = await generatePopulation({ people, seed, asOf, outDir: dir });
  return { dir, result };
}

/** Every file's SHA-256, by file name. */
export function fileHashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir).sort().map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]),
  );
}

/** All resources of one type, parsed. */
export function readType(dir: string, type: string): R[] {
  const text = readFileSync(join(dir, `${type}.ndjson`), 'utf8');
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as R);
}

export function readAll(dir: string): Map<string, R[]> {
  const all = new Map<string, R[]>();
  for (const name of readdirSync(dir).sort()) all.set(name.replace(/\.ndjson$/, ''), readType(dir, name.replace(/\.ndjson$/, '')));
  return all;
}

export const patientOf = (r: R): string | undefined =>
  (r.subject ?? r.patient)?.reference ?? (r.participant as R[] | undefined)?.map((x) => x.actor?.reference).find((a: string | undefined) => a?.startsWith('Patient/'));

export const codeIn = (concepts: R[] | R | undefined, system: string): string | undefined =>
  ([] as R[]).concat(concepts ?? []).flatMap((c) => (c.coding as R[] | undefined) ?? []).find((c) => c.system === system)?.code;
