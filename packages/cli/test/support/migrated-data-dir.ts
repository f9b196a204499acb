import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_SNAPSHOT } from '../../../../test/support/snapshot-path.ts';

/**
 * A new folder holding an empty, migrated embedded database for commands to run on. The CLI would
 * make one itself on its first call, but that costs each test seconds of initdb and migrations in
 * the child; unpacking the migrated snapshot test/global-setup.ts builds (PGlite's dump is a tar of
 * its data folder) costs a fraction of a second. Tests of what the CLI does with a brand-new folder
 * keep using an empty one.
 */
export function migratedDataDir(prefix: string): string {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  execFileSync('tar', ['-xf', PGLITE_SNAPSHOT, '-C', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return dataDir;
}
