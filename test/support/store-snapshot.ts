import { createScratchDatabase, openStore, type Store } from '@continuity/store';
import { openPostgresCopy, type StoreKind } from './stores.ts';

/**
 * A seeded store frozen once, so a test that needs many identical seeded stores (one per role, say)
 * seeds one and opens copies, instead of importing and signing in all over again for each. Each copy
 * is a database of its own: what one copy's test writes never reaches another.
 */
export interface StoreSnapshot {
  open(): Promise<Store>;
  /** Removes what the snapshot keeps outside the process (PostgreSQL's template database). */
  drop(): Promise<void>;
}

/**
 * Seeds a store of this kind and freezes it. PGlite: a dump of its data folder, which each copy
 * loads. PostgreSQL: the seeded database, closed (nobody may be connected to a template), which each
 * copy is created from.
 */
export async function seededSnapshot(kind: StoreKind, seed: (store: Store) => Promise<void>): Promise<StoreSnapshot> {
  if (kind.name === 'pglite') {
    const store = await kind.open();
    try {
      await seed(store);
      if (store.raw.kind !== 'pglite') throw new Error('expected PGlite');
      const dump = await store.raw.client.dumpDataDir('none');
      return { open: () => openStore({ dataDir: 'memory://', pgliteSnapshot: dump }), drop: async () => {} };
    } finally {
      await store.close();
    }
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  // From the run's migrated template, so seeding is the only work done here.
  const template = await createScratchDatabase(serverUrl, 'continuity_seeded', process.env.TEST_DATABASE_TEMPLATE);
  try {
    const store = await openStore({ databaseUrl: template.url });
    try {
      await seed(store);
    } finally {
      await store.close();
    }
  } catch (error) {
    await template.drop();
    throw error;
  }
  const templateName = new URL(template.url).pathname.slice(1);
  return {
    open: () => openPostgresCopy(serverUrl, templateName),
    drop: template.drop,
  };
}
