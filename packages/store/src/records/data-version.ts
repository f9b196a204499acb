import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Rows of data_change above which a reader folds them into one: keeps the sum cheap to read. */
const FOLD_ABOVE = 200;

/**
 * A marker that moves with every committed write to the data reports read, from this process or
 * any other (migration 024, data_change): equal markers mean the same data. Read it before reading
 * the data a result is made from, and keep the result under it: a write committed in between makes
 * the kept result newer than its marker, never older, and the next reader finds a new marker.
 */
export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const { version, rows } = (await sql<{ version: string; rows: string }>`SELECT coalesce(sum(changes), 0)::text AS version, count(*)::text AS rows FROM data_change`.execute(db)).rows[0]!;
  if (Number(rows) > FOLD_ABOVE) {
    // One statement, so the sum never changes: only rows this statement deletes are added back, and
    // a fold running at the same time skips the rows this one took.
    await sql`WITH folded AS (DELETE FROM data_change RETURNING changes) INSERT INTO data_change (changes) SELECT sum(changes) FROM folded HAVING count(*) > 0`.execute(db);
  }
  return version;
}
