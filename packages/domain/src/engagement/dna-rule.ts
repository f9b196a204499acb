import type { EngagementFacts, WorklistReason } from './engagement-facts.ts';
import { engagementRules } from './engagement-rules.ts';
import type { AttendedContact } from './attended-contacts.ts';
import { instantOf, londonDay, shortDate } from './london-calendar.ts';

const rule = engagementRules.consecutiveDna;

interface Event {
  kind: 'missed' | 'attended';
  reference: string;
  day: number;
  instant: number;
}

/**
 * consecutive-dna: the most recent past appointments were missed (status noshow), two or more in a
 * row, with no attended contact since. Cancellations, by the person or the service, are neither a
 * DNA nor a contact: they neither add to the run nor end it (a service cancellation is not the
 * person's absence, and is not contact either). Booked appointments still ahead are ignored.
 */
export function checkConsecutiveDna(facts: EngagementFacts, contacts: readonly AttendedContact[], asOf: number): WorklistReason | undefined {
  // A run is of missed appointments alone: with fewer on record than a run needs, there is none (most people, on most days).
  let missed = 0;
  for (const appointment of facts.appointments) if (appointment.status === 'noshow') missed += 1;
  if (missed < rule.minimumMissed) return undefined;
  const events: Event[] = contacts.map((c) => ({ kind: 'attended', reference: c.reference, day: c.day, instant: c.instant }));
  for (const appointment of facts.appointments) {
    if (appointment.status !== 'noshow') continue;
    const day = londonDay(appointment.start);
    if (day === undefined || day > asOf) continue;
    events.push({ kind: 'missed', reference: `Appointment/${appointment.id}`, day, instant: instantOf(appointment.start)! });
  }
  // Newest first; on the same instant a contact wins, so a person seen is never called missing.
  events.sort((a, b) => b.instant - a.instant || (a.kind === b.kind ? (a.reference < b.reference ? -1 : 1) : a.kind === 'attended' ? -1 : 1));
  const run: Event[] = [];
  for (const event of events) {
    if (event.kind === 'attended') break;
    run.push(event);
  }
  if (run.length < rule.minimumMissed) return undefined;
  run.reverse();
  const dates = run.length <= 4 ? run.map((e) => shortDate(e.day, asOf)).join(', ') : `from ${shortDate(run[0]!.day, asOf)} to ${shortDate(run.at(-1)!.day, asOf)}`;
  return {
    code: rule.code,
    text: `Missed the last ${run.length} appointments (${dates}) with no attended contact since.`,
    evidence: run.map((e) => e.reference),
  };
}
