import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { importPath, type Store } from '@continuity/store';
import { generatePopulation } from '@continuity/synth';
import type { StoreKind } from '../../../../test/support/stores.ts';

/** A synthetic population written once for a test file, removed after it: its folder. */
export function syntheticPopulation(options: { people: number; seed: number; asOf: string }): { readonly dir: string } {
  const held = { dir: '' };
  beforeAll(async () => {
    held.dir = mkdtempSync(join(tmpdir(), 'continuity-population-'));
    await generatePopulation({ ...options, outDir: held.dir });
  });
  afterAll(() => rmSync(held.dir, { recursive: true, force: true }));
  return held;
}

/** That population imported, every record accepted, into a fresh store of one kind for a describe block. */
export function importedStore(kind: StoreKind, population: { readonly dir: string }): { readonly store: Store } {
  const held = { store: undefined as unknown as Store };
  beforeAll(async () => {
    held.store = await kind.open();
    expect((await importPath(held.store, population.dir)).rejected).toBe(0);
  });
  afterAll(async () => {
    await held.store?.close();
  });
  return held;
}
