import { roles, type Role } from '../access/roles.ts';
import { transferRules, type TransferAction } from './transfer-rules.ts';

export interface TransferAccessContext {
  role: Role;
  /** Teams the user works in. */
  userTeams: readonly string[];
  /** The receiving team, or null for a transfer out of area. */
  receivingTeamId: string | null;
  /** Whether the transfer is still an offer (proposed). */
  pending: boolean;
  /** Whether the user may open the person's record already (key worker, team, break-glass). */
  hasRecordAccess: boolean;
}

export type TransferAccess = { allowed: true; basis: 'record' | 'transfer-offer' } | { allowed: false; message: string };

/**
 * Who may read a transfer's handover packet: anyone who may open the person's record, and, while
 * the transfer is an offer, the clinicians of the receiving team (the offer is their legitimate
 * relationship with the person: Caldicott). Once it is decided, the offer gives no access.
 */
export function decideTransferRead(context: TransferAccessContext): TransferAccess {
  if (context.hasRecordAccess) return { allowed: true, basis: 'record' };
  if (context.pending && context.receivingTeamId && context.userTeams.includes(context.receivingTeamId) && transferRules.readingRoles.includes(context.role)) {
    return { allowed: true, basis: 'transfer-offer' };
  }
  return { allowed: false, message: 'This transfer is not to or from a team of yours: you cannot read its handover packet.' };
}

/**
 * Who may take a step (transfer-rules.ts): the receiving team's managers accept or decline a
 * transfer to their team; for a transfer out of area, where there is no receiving team here, the
 * sending team records the receiving service's confirmation. The sending team withdraws.
 * Returns the refusal, or undefined when allowed.
 */
export function refuseTransferStep(action: TransferAction, context: TransferAccessContext): string | undefined {
  const label = roles[context.role].label;
  const sending = context.hasRecordAccess && transferRules.proposingRoles.includes(context.role);
  if (action === 'withdraw' || (action === 'accept' && context.receivingTeamId === null)) {
    return sending ? undefined : `Only a key worker or team manager of the sending team can ${action === 'withdraw' ? 'withdraw this transfer' : 'record that the receiving service accepted'}.`;
  }
  if (context.receivingTeamId === null) return 'A transfer out of area is accepted by the receiving service, not declined here: withdraw it if it is no longer going ahead.';
  if (!context.userTeams.includes(context.receivingTeamId)) return `Only the receiving team can ${action} this transfer.`;
  if (!transferRules.decidingRoles.includes(context.role)) return `The ${label} role cannot ${action} a transfer: a team manager of the receiving team decides.`;
  return undefined;
}
