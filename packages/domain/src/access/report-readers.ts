import type { Role } from './roles.ts';

/**
 * Who reads each trust-wide report, in one place so every report answers the same question the
 * same way. Reports are for the people who answer for the service: team managers and clinical
 * leads, and the board and its analysts (SPEC users; C14-C16). Administrators run the system and
 * read the audit log; they have no clinical purpose for these figures, so under the Caldicott
 * principles (need to know, minimum necessary) they are not readers. Clinicians without a
 * management role use their own team's worklists and caseloads instead.
 */
const serviceLeads = ['team-manager', 'board-analyst'] as const satisfies readonly Role[];

export const reportReaders = {
  'discharge-audit': serviceLeads,
  'mha-use': serviceLeads,
  'physical-health': serviceLeads,
  'waiting-times': serviceLeads,
  outcomes: serviceLeads,
  'community-assets': serviceLeads,
  board: serviceLeads,
} as const satisfies Record<string, readonly Role[]>;

export type ReportName = keyof typeof reportReaders;

/**
 * Who may open the people behind a board figure: team managers, for their own teams' people. Board
 * members and analysts answer for the figures, not for individual care, so they read aggregates only
 * (Caldicott: minimum necessary); partner agencies reach neither.
 */
export const boardPeopleReaders = ['team-manager'] as const satisfies readonly Role[];

/** The words a refusal gives: who the report is for. */
export const reportReadersInWords = 'team managers and clinical leads, and board members and analysts';
