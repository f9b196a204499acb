import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface RecordVersion {
  versionId: number;
  /** When this version was written (ISO instant). */
  lastUpdated: string;
  resource: Record<string, unknown>;
}

/**
 * Every version of one of a person's records that is still held, newest first: the current one from
 * `record`, the ones it replaced in the app from `record_version` (migration 013). Empty when the
 * person has no record with that id.
 */
export async function readRecordVersions(db: Kysely<Database>, personId: string, type: string, id: string): Promise<RecordVersion[]> {
  const rows = (await sql<{ version_id: number; last_updated: Date | string; resource: Record<string, unknown> }>`
    SELECT version_id, last_updated, resource FROM record WHERE person_id = ${personId} AND resource_type = ${type} AND id = ${id}
    UNION ALL
    SELECT version_id, last_updated, resource FROM record_version WHERE person_id = ${personId} AND resource_type = ${type} AND id = ${id}
    ORDER BY version_id DESC`.execute(db)).rows;
  return rows.map((r) => ({ versionId: r.version_id, lastUpdated: new Date(r.last_updated).toISOString(), resource: r.resource }));
}
