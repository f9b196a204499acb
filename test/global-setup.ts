import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { openStore } from '@continuity/store';
import { PGLITE_SNAPSHOT } from './support/snapshot-path.ts';

/** Builds the migrated PGlite snapshot the tests start from (see test/support/stores.ts). */
export default async function setup() {
  if (existsSync(PGLITE_SNAPSHOT)) return;
  const store = await openStore({ dataDir: 'memory://' });
  if (store.raw.kind !== 'pglite') throw new Error('expected PGlite');
  const dump = await store.raw.client.dumpDataDir('none');
  const partial = `${PGLITE_SNAPSHOT}.${process.pid}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, PGLITE_SNAPSHOT);
  await store.close();
}
