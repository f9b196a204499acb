import { withAgreementStatus, type SharedCareAgreement } from '@continuity/domain';
import { readPersonRecord, recordAudit, updatePersonRecord, type AuditEntry, type Store } from '@continuity/store';
import { ApiError } from '../http/errors.ts';

/**
 * Writes an agreement's new status on the version the user read, with its audit entry, in one
 * transaction: a change made by someone else since (the practice answering while the team records
 * an end) is refused with a 409, never overwritten. Returns the new version.
 */
export async function writeAgreementChange(store: Store, personId: string, agreement: SharedCareAgreement, version: number, audit: AuditEntry): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    const stored = await readPersonRecord(trx, personId, 'CarePlan', agreement.id);
    if (!stored || stored.versionId !== version) throw staleAgreement();
    const written = await updatePersonRecord(trx, { type: 'CarePlan', id: agreement.id, personId, resource: withAgreementStatus(stored.resource, agreement) }, version);
    if (written === undefined) throw staleAgreement();
    await recordAudit(trx, [audit]);
    return written;
  });
}

export function staleAgreement(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone else changed this shared care agreement since you opened it. Reload it, check their change, and record yours again if it is still right.', [
    { field: 'version', message: 'is not the current version of the agreement' },
  ]);
}
