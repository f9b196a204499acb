import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { openStore, type Store } from '@continuity/store';
import { PGLITE_SNAPSHOT } from './snapshot-path.ts';

/**
 * The stores every store-touching test runs against: embedded PGlite always, and a real PostgreSQL
 * server when TEST_DATABASE_URL is set (.ci/run sets it). Each call gives a new, empty, migrated
 * database of its own.
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

let databases = 0;

async function openFreshPostgres(serverUrl: string): Promise<Store> {
  const name = `continuity_test_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  const close = store.close;
  store.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  return store;
}

export const storeKinds: StoreKind[] = [
  { name: 'pglite', open: () => openStore({ dataDir: 'memory://', pgliteSnapshot: pgliteSnapshot() }) },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: () => openFreshPostgres(process.env.TEST_DATABASE_URL!) }] : []),
];
