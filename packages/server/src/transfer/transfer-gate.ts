import { decideTransferRead, refuseTransferStep, type TransferAction } from '@continuity/domain';
import { recordAudit, type AuditBasis, type Store, type TransferOfCare } from '@continuity/store';
import type { FastifyRequest } from 'fastify';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';
import { recordAccessOf } from '../people/record-access.ts';

export interface TransferOpened {
  staff: SignedInUser;
  /** The grounds, as audited: the record relationship, or the offer to the receiving team. */
  basis: AuditBasis;
}

/**
 * The gate in front of reading a transfer or taking a step on it. Reading: anyone who may open the
 * person's record, and the receiving team's clinicians while the offer stands. A step: the role and
 * team transfer-access.ts names for it. Every decision is audited, refusals too.
 */
export async function openTransfer(store: Store, request: FastifyRequest, transfer: TransferOfCare, action: 'read' | TransferAction): Promise<TransferOpened> {
  const staff = requireStaff(request);
  const { decision } = await recordAccessOf(store, staff, transfer.personId);
  const context = {
    role: staff.role,
    userTeams: staff.teams.map((t) => t.id),
    receivingTeamId: transfer.receivingTeamId,
    pending: transfer.status === 'proposed',
    hasRecordAccess: decision.allowed,
  };
  const read = decideTransferRead(context);
  const refusal = !read.allowed ? read.message : action === 'read' ? undefined : refuseTransferStep(action, context);
  const basis: AuditBasis = !read.allowed ? 'none' : read.basis === 'transfer-offer' ? 'transfer-offer' : decision.allowed ? decision.basis : 'none';
  await recordAudit(store.db, [
    {
      actorId: staff.id,
      actorRole: staff.role,
      action: action === 'read' ? 'read-transfer' : `open-transfer-for-${action}`,
      personId: transfer.personId,
      resourceType: 'transfer',
      resourceId: transfer.id,
      basis: refusal ? 'none' : basis,
      outcome: refusal ? 'refused' : 'allowed',
    },
  ]);
  if (refusal) throw new ApiError(403, 'forbidden', refusal);
  return { staff, basis };
}
