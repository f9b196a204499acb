import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, openStore } from '@continuity/store';

/**
 * Gives the run one temporary folder, which every test worker, server and CLI child inherits as
 * TMPDIR and which is removed when the run ends, so scratch stores and NDJSON files written by tests
 * never pile up in the machine's /tmp. Then builds the migrated stores the tests start from (see
 * test/support/stores.ts): a PGlite snapshot inside that folder and, given TEST_DATABASE_URL, a
 * template database on that server, named to the workers in TEST_DATABASE_TEMPLATE.
 */
export default async function setup() {
  const runFolder = mkdtempSync(join(tmpdir(), 'continuity-test-run-'));
  process.env.TMPDIR = runFolder;
  // Imported after TMPDIR is set: the snapshot's path is worked out from it when the module loads.
  const { PGLITE_SNAPSHOT } = await import('./support/snapshot-path.ts');
  if (!existsSync(PGLITE_SNAPSHOT)) {
    const store = await openStore({ dataDir: 'memory://' });
    if (store.raw.kind !== 'pglite') throw new Error('expected PGlite');
    const dump = await store.raw.client.dumpDataDir('none');
    const partial = `${PGLITE_SNAPSHOT}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, PGLITE_SNAPSHOT);
    await store.close();
  }
  // Copying a migrated database is several times quicker than migrating each test's anew.
  const template = process.env.TEST_DATABASE_URL ? await createScratchDatabase(process.env.TEST_DATABASE_URL, 'continuity_template') : undefined;
  if (template) {
    const store = await openStore({ databaseUrl: template.url });
    await store.close();
    process.env.TEST_DATABASE_TEMPLATE = new URL(template.url).pathname.slice(1);
  }
  return async () => {
    await template?.drop();
    rmSync(runFolder, { recursive: true, force: true });
  };
}
