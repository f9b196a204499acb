import type { Store } from '@continuity/store';
import { sql } from 'kysely';

/**
 * What a refused request may change: the audit log (refusals are audited, which is right), sessions
 * (signing in and last-seen times), and an account's count of wrong passwords (the lockout).
 */
const MAY_CHANGE: Record<string, string[] | 'all'> = {
  audit_event: 'all',
  app_session: 'all',
  app_user: ['failed_sign_ins', 'locked_until'],
};

const tablesOf = new WeakMap<Store, Array<{ name: string }>>();

/**
 * A digest of every row of every table in the store, except what a refusal may rightly change:
 * two equal fingerprints mean the store is byte-for-byte the same. Plain SQL both databases run.
 */
export async function storeFingerprint(store: Store): Promise<Record<string, string>> {
  // One statement for all tables, with the list read once: a fingerprint is taken after every fuzzed request.
  let tables = tablesOf.get(store);
  if (!tables) {
    tables = (await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(store.db)).rows;
    tablesOf.set(store, tables);
  }
  const digests = tables
    .filter(({ name }) => MAY_CHANGE[name] !== 'all')
    .map(({ name }) => {
      const skip = MAY_CHANGE[name];
      const row = skip && skip !== 'all' ? sql`to_jsonb(t) - ${sql.raw(`ARRAY[${skip.map((c) => `'${c}'`).join(',')}]`)}::text[]` : sql`to_jsonb(t)`;
      return sql`SELECT ${name} AS name, count(*)::int || ':' || md5(coalesce(string_agg(r::text, E'\n' ORDER BY r::text), '')) AS digest
        FROM (SELECT ${row} AS r FROM ${sql.table(name)} t) rows`;
    });
  const result = await sql<{ name: string; digest: string }>`${sql.join(digests, sql` UNION ALL `)}`.execute(store.db);
  return Object.fromEntries(result.rows.map((r) => [r.name, r.digest]));
}
