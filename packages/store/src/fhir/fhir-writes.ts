import type { ValidResource } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { resolveBatch } from '../import/resolve-batch.ts';
import { prepareRecord } from '../records/prepare.ts';
import { updatePersonRecord } from '../records/update-record.ts';
import { writePersons, writeRecords } from '../records/write-records.ts';
import type { Database } from '../schema.ts';

export type FhirWriteOutcome =
  | { ok: true; versionId: number }
  | { ok: false; reason: 'refused'; field?: string; message: string }
  | { ok: false; reason: 'stale' };

/**
 * Stores one validated person-scoped resource sent to the FHIR API, with the import's checks against
 * what is held (references resolve, no record moves person, an NHS number belongs to one person).
 * With `expectedVersion` it is an update of that version: a record changed since is refused as stale,
 * never overwritten, and the version replaced stays readable (record_version). Without, a create.
 * Call inside the transaction that also writes the audit entry.
 */
export async function writeFhirRecord(db: Kysely<Database>, valid: ValidResource, expectedVersion?: number): Promise<FhirWriteOutcome> {
  const record = { type: valid.type, id: valid.resource.id, personId: valid.personId, resource: valid.resource };
  const prepared = prepareRecord(record);
  const { refused } = await resolveBatch(db, [{ valid, prepared, position: { line: null } }]);
  const refusal = refused[0];
  if (refusal) return { ok: false, reason: 'refused', field: refusal.field, message: refusal.message };
  if (expectedVersion === undefined) {
    await writeRecords(db, [prepared]);
    return { ok: true, versionId: 1 };
  }
  const versionId = await updatePersonRecord(db, { ...record, personId: valid.personId! }, expectedVersion);
  if (versionId === undefined) return { ok: false, reason: 'stale' };
  if (valid.type === 'Patient') await writePersons(db, [prepared]);
  return { ok: true, versionId };
}
