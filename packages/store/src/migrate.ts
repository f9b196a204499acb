import { readdirSync, readFileSync } from 'node:fs';
import type { Store } from './database.ts';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
/** Any constant: serialises migrators started at once against one PostgreSQL server. */
const MIGRATION_LOCK = 7_311_042;

export interface Migration {
  version: number;
  name: string;
  script: string;
}

export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      script: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8'),
    }));
}

/** Applies every migration not yet applied, each in its own transaction. */
export async function migrate(store: Store): Promise<number[]> {
  await store.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const migration of listMigrations()) {
    const done = await store.scriptTransaction(async (run) => {
      await run('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const existing = await run('SELECT 1 FROM schema_migration WHERE version = $1', [migration.version]);
      if (existing.length > 0) return false;
      await run(migration.script);
      await run('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
