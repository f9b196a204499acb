import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Rows per INSERT: 3 parameters each stays well under PostgreSQL's 65,535 per statement. */
const ROWS_PER_STATEMENT = 5000;

/** Adds or replaces postcode centroids, in the caller's transaction. */
export async function savePostcodeCentroids(db: Kysely<Database>, rows: Array<{ postcode: string; latitude: number; longitude: number }>): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    await db
      .insertInto('postcode_centroid')
      .values(rows.slice(i, i + ROWS_PER_STATEMENT))
      .onConflict((oc) => oc.column('postcode').doUpdateSet((eb) => ({ latitude: eb.ref('excluded.latitude'), longitude: eb.ref('excluded.longitude') })))
      .execute();
  }
}

/** The centroid of a postcode (in its written form), or null when none is held. */
export async function postcodeCentroid(db: Kysely<Database>, postcode: string): Promise<{ latitude: number; longitude: number } | null> {
  const row = await db.selectFrom('postcode_centroid').select(['latitude', 'longitude']).where('postcode', '=', postcode).executeTakeFirst();
  return row ? { latitude: Number(row.latitude), longitude: Number(row.longitude) } : null;
}
