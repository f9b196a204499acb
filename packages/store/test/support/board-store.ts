import { importPath, type Store } from '@continuity/store';
import { expect } from 'vitest';
import type { StoreKind } from '../../../../test/support/stores.ts';
import { boardScenario } from './board-scenario.ts';
import { writeNdjson } from './scenario.ts';

/** A new store of this kind holding the board scenario, imported without a single refusal. */
export async function openBoardStore(kind: StoreKind): Promise<Store> {
  const store = await kind.open();
  expect((await importPath(store, writeNdjson(boardScenario()))).errors).toEqual([]);
  return store;
}
