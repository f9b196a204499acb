import { escalationState, type EngagementFinding, type EscalationState, type MdtDecision } from '@continuity/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { loadEscalationRecords, type PersonEscalation } from './escalation-records.ts';

export interface WorklistEscalation {
  /** Where each person found disengaged is on the assertive-engagement ladder, as of the day. */
  states: Map<string, EscalationState>;
  /** People an MDT decision standing on the day takes off the list (leavingTheList in the domain). */
  decided: Map<string, MdtDecision>;
  /** Whether a finding stays on the list: false for people with a standing MDT decision. */
  listed: (finding: EngagementFinding) => boolean;
}

/**
 * The escalation ladder of everyone the engagement rules found a reason for, read in one pass for
 * the whole list (the tasks and decisions of all of them in two queries), and which of them a
 * standing MDT decision takes off the list. The rules' findings are not changed: a decision does
 * not make contact happen, it records that the MDT has looked and when it will look again.
 */
export async function escalationOnWorklist(db: Kysely<Database>, findings: readonly EngagementFinding[], asOf: string): Promise<WorklistEscalation> {
  return escalationFrom(await loadEscalationRecords(db, findings.map((f) => f.personId)), findings, asOf);
}

/** The same from records already read (of at least the people found): for a trend, read once for all its days. */
export function escalationFrom(records: ReadonlyMap<string, PersonEscalation>, findings: readonly EngagementFinding[], asOf: string): WorklistEscalation {
  const states = new Map<string, EscalationState>();
  const decided = new Map<string, MdtDecision>();
  for (const finding of findings) {
    if (!finding.disengagedSince) continue;
    const { tasks, decisions } = records.get(finding.personId)!;
    const state = escalationState({ disengagedSince: finding.disengagedSince, tasks, decisions, asOf });
    states.set(finding.personId, state);
    if (state.decisionStands && state.decision) decided.set(finding.personId, state.decision);
  }
  return { states, decided, listed: (finding) => !decided.has(finding.personId) };
}
