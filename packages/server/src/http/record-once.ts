import type { AnyResource, ResourceType } from '@continuity/domain';
import { findRecordsWithId, prepareRecord, recordAudit, writeRecords, type AuditEntry, type Database, type PreparedRecord, type Store } from '@continuity/store';
import type { Kysely } from 'kysely';
import type { OpenedRecord } from '../people/record-access.ts';
import { ApiError } from './errors.ts';

/**
 * Writes one new record under an id the client's form made, with its audit entry, exactly once.
 * The same record sent again writes nothing ('repeat'); a different record under that id, or one
 * of another type or person, is refused with `inUse` and overwrites nothing. Two sends at the same
 * moment are settled by the write itself and the unique index on ids. `guard`, when given, runs
 * first inside the write's transaction and throws to refuse (a check that must hold as the record
 * is written, not only when it was read).
 */
export async function recordOnce(
  store: Store,
  record: PreparedRecord & { personId: string },
  audit: AuditEntry,
  inUse: () => ApiError,
  sameIdTypes: readonly string[] = [record.type],
  guard?: (trx: Kysely<Database>) => Promise<void>,
): Promise<'created' | 'repeat'> {
  const held = await findRecordsWithId(store.db, sameIdTypes, record.id);
  if (held.length > 0) {
    const same = held.length === 1 && held[0]!.personId === record.personId && held[0]!.type === record.type && held[0]!.contentHash === record.contentHash;
    if (!same) throw inUse();
    return 'repeat';
  }
  return store.db
    .transaction()
    .execute(async (trx) => {
      await guard?.(trx);
      const outcome = await writeRecords(trx, [record]);
      // Another send of this id got in first: the same record is a repeat; a different one must not overwrite it.
      if (outcome.updated.length > 0) throw inUse();
      if (outcome.unchanged.length > 0) return 'repeat' as const;
      await recordAudit(trx, [audit]);
      return 'created' as const;
    })
    .catch((error: unknown) => {
      // The same id held by someone else's record, sent at the same moment: the unique index refuses it.
      if ((error as { code?: string }).code === '23505') throw inUse();
      throw error;
    });
}

/**
 * A new record the app makes about a person, written once under the id its form made, with its
 * audit entry on the basis the record was opened on: true if written now, false for a repeat.
 * `alongside`, when given, makes other changes in the same transaction (recordOnce's guard).
 */
export async function writeNewRecord(
  store: Store,
  opened: OpenedRecord,
  personId: string,
  resource: AnyResource,
  action: string,
  detail: Record<string, string>,
  alongside?: (trx: Kysely<Database>) => Promise<void>,
): Promise<boolean> {
  const { staff, basis } = opened;
  const record = prepareRecord({ type: resource.resourceType as ResourceType, id: resource.id!, personId, resource });
  const audit = { actorId: staff.id, actorRole: staff.role, action, personId, resourceType: resource.resourceType, resourceId: resource.id!, basis, outcome: 'allowed' as const, detail };
  return (await recordOnce(store, { ...record, personId }, audit, () => idInUse(resource.resourceType), [resource.resourceType], alongside)) === 'created';
}

/** The refusal when a form's id is already another record's: the form is reloaded to make a new one. */
export function idInUse(type: string): ApiError {
  return new ApiError(409, 'id-in-use', `A different record already has this ${type} id. Reload the form to record this as a new one.`, [
    { field: 'id', message: 'is already used by a different record' },
  ]);
}

/** A domain rule's refusal of a write: what was not done, then each field and why. */
export function refusedInput(what: string, problems: ReadonlyArray<{ field: string; message: string }>): ApiError {
  return new ApiError(400, 'invalid-input', `${what}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, [...problems]);
}
