import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listMigrations } from '@continuity/store';

/**
 * A migrated, empty PGlite database, made once and reused so each test skips initdb. Named by the
 * migrations it contains, so a new migration makes a new snapshot.
 */
const migrationsHash = createHash('sha256')
  .update(listMigrations().map((m) => m.script).join('\n'))
  .digest('hex')
  .slice(0, 16);

export const PGLITE_SNAPSHOT = join(tmpdir(), `continuity-test-pglite-${migrationsHash}.tar`);
