import { sql, type Kysely } from 'kysely';
import { boardRecordsChanged } from '../board/board-person-changes.ts';
import { engagementRecordTypes, engagementRecordsChanged } from '../engagement/engagement-state.ts';
import type { Database } from '../schema.ts';
import { prepareRecord, type IncomingRecord } from './prepare.ts';

export interface StoredRecord {
  resource: Record<string, unknown>;
  versionId: number;
  status: string | null;
}

/** One of a person's records with its version, or undefined when they have none with that id. */
export async function readPersonRecord(db: Kysely<Database>, personId: string, type: string, id: string): Promise<StoredRecord | undefined> {
  const row = await db
    .selectFrom('record')
    .select(['resource', 'version_id', 'status'])
    .where('person_id', '=', personId)
    .where('resource_type', '=', type)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { resource: row.resource, versionId: row.version_id, status: row.status } : undefined;
}

/**
 * Writes a new version of one existing person-scoped record, only if it is still the version the
 * writer read: a clinician's change must never silently overwrite one made since they looked.
 * Returns the new version, or undefined when the record changed (or vanished) in the meantime. The
 * version it replaces is kept in record_version (readRecordVersions; migration 029's trigger).
 * Call inside the transaction that also writes the audit entry.
 */
export async function updatePersonRecord(db: Kysely<Database>, record: IncomingRecord & { personId: string }, expectedVersion: number): Promise<number | undefined> {
  const prepared = prepareRecord(record);
  // The version being replaced is kept in record_version by the row trigger of migration 029.
  const result = await sql<{ version_id: number }>`
    UPDATE record SET version_id = version_id + 1, last_updated = now(), content_hash = ${prepared.contentHash},
      occurred_at = ${prepared.occurredAt}::timestamptz, status = ${prepared.status}, resource = ${prepared.json}::jsonb
    WHERE person_id = ${record.personId} AND resource_type = ${record.type} AND id = ${record.id} AND version_id = ${expectedVersion}
    RETURNING version_id`.execute(db);
  const version = result.rows[0]?.version_id;
  if (version !== undefined && engagementRecordTypes.has(record.type)) await engagementRecordsChanged(db, [record.personId]);
  if (version !== undefined) await boardRecordsChanged(db, [record.personId]);
  return version;
}
