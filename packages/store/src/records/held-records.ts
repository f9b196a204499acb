import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface HeldRecord<T extends string = string> {
  personId: string;
  type: T;
  contentHash: string;
}

/**
 * Records of these types already held with this id, whoever's they are: an id the app's forms make
 * once (a contact, a result) means, when found, the record was sent before, or that the id was
 * reused, which must be refused rather than overwrite another record.
 */
export async function findRecordsWithId<T extends string>(db: Kysely<Database>, types: readonly T[], id: string): Promise<HeldRecord<T>[]> {
  const rows = await db.selectFrom('record').select(['person_id', 'resource_type', 'content_hash']).where('resource_type', 'in', [...types]).where('id', '=', id).execute();
  return rows.map((r) => ({ personId: r.person_id, type: r.resource_type as T, contentHash: r.content_hash }));
}
