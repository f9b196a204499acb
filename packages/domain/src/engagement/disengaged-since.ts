import type { EngagementFacts, WorklistReason } from './engagement-facts.ts';
import { engagementRules } from './engagement-rules.ts';
import { injectionInterval } from './injection-rule.ts';
import { londonDay } from './london-calendar.ts';

const idOf = (reference: string, type: string) => (reference.startsWith(`${type}/`) ? reference.slice(type.length + 1) : undefined);

/**
 * The day the person's current disengagement began: the first day any of today's reasons held,
 * so the escalation ladder counts from when the person was first listed for this spell, not from
 * when someone happened to look. For each reason, the day it started to hold:
 * - no-contact-within-interval: the day after the interval ran out (from the contact rule; when a
 *   person held with no start date was never seen, nothing says when, and it is the as-of day);
 * - consecutive-dna: the day of the missed appointment that made the run long enough (the second);
 * - lai-missed: the day after the grace period past the injection's due date;
 * - medication-stopped-against-advice: the day the stop was recorded.
 * The earliest of these wins. Everything is read from records on or before the as-of day, so the
 * answer for a past day is the answer that day.
 */
export function disengagedSince(facts: EngagementFacts, reasons: readonly WorklistReason[], contactOverdueFrom: number | undefined, asOf: number): number {
  const days: number[] = [];
  for (const reason of reasons) {
    if (reason.code === engagementRules.noContactWithinInterval.code && contactOverdueFrom !== undefined) days.push(contactOverdueFrom);
    if (reason.code === engagementRules.consecutiveDna.code) {
      const reached = reason.evidence[engagementRules.consecutiveDna.minimumMissed - 1];
      const appointment = facts.appointments.find((a) => a.id === idOf(reached ?? '', 'Appointment'));
      const day = londonDay(appointment?.start);
      if (day !== undefined) days.push(day);
    }
    if (reason.code === engagementRules.laiMissed.code) {
      for (const requestId of reason.evidence.map((r) => idOf(r, 'MedicationRequest')).filter((id): id is string => id !== undefined)) {
        const request = facts.medicationRequests.find((r) => r.id === requestId);
        const interval = request && injectionInterval(request);
        if (!request || interval === undefined) continue;
        const given = facts.administrations
          .filter((a) => a.requestId === requestId && a.status === 'completed')
          .map((a) => londonDay(a.at))
          .filter((d): d is number => d !== undefined && d <= asOf);
        const due = given.length ? Math.max(...given) + interval : londonDay(request.authoredOn);
        if (due !== undefined) days.push(due + engagementRules.laiMissed.graceDays + 1);
      }
    }
    if (reason.code === engagementRules.medicationStoppedAgainstAdvice.code) {
      for (const statementId of reason.evidence.map((r) => idOf(r, 'MedicationStatement')).filter((id): id is string => id !== undefined)) {
        const statement = facts.medicationStatements.find((s) => s.id === statementId);
        const day = londonDay(statement?.asserted ?? statement?.stopped);
        if (day !== undefined) days.push(day);
      }
    }
  }
  return days.length ? Math.min(asOf, ...days) : asOf;
}
