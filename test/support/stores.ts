import { existsSync, readFileSync } from 'node:fs';
import { createScratchDatabase, openStore, type Store } from '@continuity/store';
import { PGLITE_SNAPSHOT } from './snapshot-path.ts';

/**
 * The stores every store-touching test runs against: embedded PGlite always, and a real PostgreSQL
 * server when TEST_DATABASE_URL is set (.ci/run sets it). Each call gives a new, empty, migrated
 * database of its own: a copy of the migrated one test/global-setup.ts makes, for each kind.
 */
export interface StoreKind {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
}

let snapshot: Blob | undefined;

function pgliteSnapshot(): Blob | undefined {
  if (!snapshot && existsSync(PGLITE_SNAPSHOT)) snapshot = new Blob([readFileSync(PGLITE_SNAPSHOT)]);
  return snapshot;
}

/** A new PostgreSQL database copied from a template (the run's migrated one by default), dropped when the store closes. */
export async function openPostgresCopy(serverUrl: string, template = process.env.TEST_DATABASE_TEMPLATE): Promise<Store> {
  const scratch = await createScratchDatabase(serverUrl, 'continuity_test', template);
  const store = await openStore({ databaseUrl: scratch.url });
  const close = store.close;
  store.close = async () => {
    await close();
    await scratch.drop();
  };
  return store;
}

export const storeKinds: StoreKind[] = [
  { name: 'pglite', open: () => openStore({ dataDir: 'memory://', pgliteSnapshot: pgliteSnapshot() }) },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: () => openPostgresCopy(process.env.TEST_DATABASE_URL!) }] : []),
];
