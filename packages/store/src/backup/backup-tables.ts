import { sql, type Kysely } from 'kysely';
import { BOARD_PROJECTION_TABLES } from '../board/board-person-changes.ts';
import type { Database } from '../schema.ts';

/** A table a backup holds: its name, primary key (for reading in order) and the tables it refers to. */
export interface BackupTable {
  name: string;
  key: string[];
  dependsOn: string[];
}

/**
 * Sign-in sessions, and single sign-ons begun but not finished, are not kept: a restored system
 * must not accept tokens issued before, and everyone simply signs in again. Nor is the data version
 * (data_change, migration 024): it only says when kept report builds are stale, and the restore's own
 * writes move it. Nor is the board projection (migration 030): it is rebuilt from the records. Everything else is kept, the audit log and the links to single sign-on identities included.
 */
export const NOT_BACKED_UP = new Set(['app_session', 'sso_attempt', 'data_change', ...BOARD_PROJECTION_TABLES]);

/**
 * The platform's tables from the catalogue (partitions are read through their parent), in an order
 * where every table comes after the ones its foreign keys point at, so a restore never breaks one.
 */
export async function backupTables(db: Kysely<Database>): Promise<BackupTable[]> {
  const tables = (await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`.execute(db)).rows.map((r) => r.name).filter((t) => !NOT_BACKED_UP.has(t));
  const keys = (await sql<{ name: string; column: string; position: number }>`
    SELECT c.relname AS name, a.attname AS column, array_position(i.indkey::int2[], a.attnum) AS position
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey::int2[])
    WHERE n.nspname = 'public' AND i.indisprimary`.execute(db)).rows;
  const references = (await sql<{ name: string; target: string }>`
    SELECT c.relname AS name, t.relname AS target FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND k.contype = 'f'`.execute(db)).rows;
  const described = tables.map((name) => ({
    name,
    key: keys.filter((k) => k.name === name).sort((a, b) => a.position - b.position).map((k) => k.column),
    dependsOn: [...new Set(references.filter((r) => r.name === name && r.target !== name).map((r) => r.target))],
  }));
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < described.length) {
    const next = described.find((t) => !placed.has(t.name) && t.dependsOn.every((d) => placed.has(d) || !tables.includes(d)));
    if (!next) throw new Error('the tables refer to each other in a circle: a backup cannot order them');
    ordered.push(next);
    placed.add(next.name);
  }
  for (const table of ordered) if (table.key.length === 0) throw new Error(`table ${table.name} has no primary key to read it in order`);
  return ordered;
}

/** A table name as SQL, schema-qualified: "record" is also the name of a PostgreSQL pseudo-type. */
export const tableRef = (name: string) => sql.raw(`public."${name.replace(/"/g, '""')}"`);
