import { transferRules, type TransferAction, type TransferStatus } from './transfer-rules.ts';

export interface TransferProblem {
  field: 'status' | 'declineReason' | 'confirmedBy' | 'confirmedOn';
  message: string;
}

/** A transfer as the checks see it. */
export interface TransferState {
  status: TransferStatus;
  /** Out of area: no receiving team in the system, a named receiving service instead. */
  outOfArea: boolean;
}

/** What the person deciding sends with the step. */
export interface TransitionInput {
  declineReason?: string | null;
  /** Out of area: who at the receiving service confirmed they have taken the person on. */
  confirmedBy?: string | null;
  /** Out of area: the day they confirmed (YYYY-MM-DD). */
  confirmedOn?: string | null;
}

export type TransitionCheck =
  | { allowed: true; to: TransferStatus }
  /** `conflict`: the transfer has already moved on (a 409); otherwise `problems` name the fields at fault. */
  | { allowed: false; conflict: boolean; message: string; problems: TransferProblem[] };

const blank = (value: string | null | undefined) => typeof value !== 'string' || value.trim().length === 0;

const settled: Record<Exclude<TransferStatus, 'proposed'>, string> = {
  accepted: 'This transfer has already been accepted: the person is now with the receiving team.',
  declined: 'This transfer has already been declined: the person stays with the sending team. Propose a new transfer if one is still needed.',
  withdrawn: 'This transfer has been withdrawn: the person stays with the sending team. Propose a new transfer if one is still needed.',
};

/**
 * Whether a transfer may take a step (transfer-rules.ts, transitions): only a proposed transfer
 * moves; a decline needs a reason; an out-of-area acceptance needs who at the receiving service
 * confirmed, and when. Who may take the step is decided by the caller's role and team.
 */
export function checkTransition(transfer: TransferState, action: TransferAction, input: TransitionInput = {}): TransitionCheck {
  const rule = transferRules.transitions[action];
  if (transfer.status !== rule.from) {
    const message = settled[transfer.status as Exclude<TransferStatus, 'proposed'>];
    return { allowed: false, conflict: true, message, problems: [{ field: 'status', message }] };
  }
  const problems: TransferProblem[] = [];
  if (action === 'decline' && blank(input.declineReason)) {
    problems.push({ field: 'declineReason', message: 'Say why the team cannot take this person on, so the sending team knows what to do next.' });
  }
  if (action === 'accept' && transfer.outOfArea) {
    if (blank(input.confirmedBy)) problems.push({ field: 'confirmedBy', message: 'Name who at the receiving service confirmed they have taken the person on: the episode stays open until someone there has.' });
    if (blank(input.confirmedOn)) problems.push({ field: 'confirmedOn', message: 'Give the date the receiving service confirmed.' });
  }
  if (problems.length) return { allowed: false, conflict: false, message: problems.map((p) => p.message).join(' '), problems };
  return { allowed: true, to: rule.to };
}
