import type { Role } from '../access/roles.ts';

/**
 * The action plan (the tool's Findings and Actions Table, 003_* lines 1133-1152: the finding, the
 * action, who is responsible, when it will be completed, whether it has been), with the evidence
 * that shows it done.
 */
export const actionStatuses = {
  open: 'Not started',
  'in-progress': 'In progress',
  done: 'Completed',
} as const;
export type ActionStatus = keyof typeof actionStatuses;

/**
 * Who edits governance content: team managers and clinical leads, and the board and its analysts,
 * the same people who read the trust-wide reports (access/report-readers.ts gives the reasoning).
 * Administrators manage accounts; they do not decide the board's self-assessment.
 */
export const governanceEditors = ['team-manager', 'board-analyst'] as const satisfies readonly Role[];
export const governanceEditorsInWords = 'team managers and clinical leads, and board members and analysts';

/** Not done and due before today (in England): what the board chases. */
export function isOverdue(action: { status: ActionStatus; due: string }, today: string): boolean {
  return action.status !== 'done' && action.due < today;
}

/** An action on the board's plan, as stored and served (the self-assessment's or an incident's learning). */
export interface GovernanceAction {
  id: string;
  /** The self-assessment domain it answers; null for an incident's learning action. */
  domain: number | null;
  questionId: string | null;
  /** The incident whose learning it is. */
  incidentId: string | null;
  finding: string | null;
  action: string;
  owner: string;
  due: string;
  status: ActionStatus;
  evidence: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}
