import type { EngagementFacts, MedicationStatementFact, WorklistReason } from './engagement-facts.ts';
import { engagementRules } from './engagement-rules.ts';
import { instantOf, londonDay, shortDate } from './london-calendar.ts';

const rule = engagementRules.medicationStoppedAgainstAdvice;

/** Prescription states in which the medicine is still meant to be taken. */
const STILL_PRESCRIBED = new Set(['active', 'on-hold']);

/**
 * medication-stopped-against-advice: the person has said they stopped a medicine against clinical
 * advice, and nothing since shows it resolved: the prescription is still meant to be taken (the
 * prescriber has not stopped or changed it) and no later statement says they are taking it again.
 */
export function checkStoppedMedicines(facts: EngagementFacts, asOf: number): WorklistReason | undefined {
  // Only a statement of stopping against advice can give a reason: most people have none.
  if (!facts.medicationStatements.some((s) => s.status === 'stopped' && s.reasonCodes.includes(rule.statusReasonCode))) return undefined;
  const statements = facts.medicationStatements.filter((s) => (londonDay(whenSaid(s)) ?? Infinity) <= asOf);
  const requests = new Map(facts.medicationRequests.map((r) => [r.id, r]));
  const stillStopped = new Map<string, MedicationStatementFact>();
  for (const statement of statements) {
    if (statement.status !== 'stopped' || !statement.reasonCodes.includes(rule.statusReasonCode)) continue;
    const request = statement.requestId ? requests.get(statement.requestId) : undefined;
    if (request && !STILL_PRESCRIBED.has(request.status)) continue;
    const said = instantOf(whenSaid(statement))!;
    const restarted = statements.some((s) => s.status === 'active' && sameMedicine(s, statement) && instantOf(whenSaid(s))! > said);
    if (restarted) continue;
    // One reason per medicine: the latest statement of stopping it.
    const key = statement.requestId ?? statement.medicine;
    const kept = stillStopped.get(key);
    if (!kept || instantOf(whenSaid(kept))! < said || (instantOf(whenSaid(kept)) === said && kept.id > statement.id)) stillStopped.set(key, statement);
  }
  if (stillStopped.size === 0) return undefined;
  const found = [...stillStopped.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    code: rule.code,
    text: found.map((s) => describe(s, asOf)).join(' '),
    evidence: found.flatMap((s) => [`MedicationStatement/${s.id}`, ...(s.requestId && requests.has(s.requestId) ? [`MedicationRequest/${s.requestId}`] : [])]),
  };
}

/** Said of the same medicine: the same prescription, or (with none named) the same medicine by name. */
function sameMedicine(s: MedicationStatementFact, statement: MedicationStatementFact): boolean {
  return statement.requestId ? s.requestId === statement.requestId : s.medicine === statement.medicine;
}

function whenSaid(s: MedicationStatementFact): string | null | undefined {
  return s.asserted ?? s.stopped;
}

function describe(s: MedicationStatementFact, asOf: number): string {
  const stopped = londonDay(s.stopped);
  const asserted = londonDay(s.asserted);
  const when = stopped !== undefined ? ` on ${shortDate(stopped, asOf)}` : '';
  const told = asserted !== undefined && asserted !== stopped ? ` (recorded ${shortDate(asserted, asOf)})` : '';
  const why = s.reasonText ? `: "${s.reasonText}"` : '';
  return `Stopped ${s.medicine} against advice${when}${told}${why}.`;
}
