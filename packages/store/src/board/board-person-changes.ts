import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/**
 * Call in the transaction that wrote these people's records: their shares kept by the board
 * projection (board-projection.ts, migration 030) are then rebuilt before the next pack reads them.
 * A module of its own, so that the record writers need not import the board's builders.
 */
export async function boardRecordsChanged(db: Kysely<Database>, personIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(personIds)].sort();
  if (ids.length === 0) return;
  // Sorted, so that two writers lock the rows in one order and cannot deadlock.
  await sql`INSERT INTO board_person AS b (person_id) SELECT unnest(${ids}::text[])
    ON CONFLICT (person_id) DO UPDATE SET generation = b.generation + 1`.execute(db);
}

/** The projection's tables: derived from the records, so neither backed up nor restored. */
export const BOARD_PROJECTION_TABLES = ['board_person', 'board_person_day', 'board_day', 'board_day_total'];
