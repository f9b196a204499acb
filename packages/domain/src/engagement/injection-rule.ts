import { medicineCodes } from '../fhir/clinical-codes.ts';
import type { EngagementFacts, MedicationRequestFact, WorklistReason } from './engagement-facts.ts';
import { engagementRules } from './engagement-rules.ts';
import { durationDays } from './contact-rule.ts';
import { days, instantOf, londonDay, shortDate } from './london-calendar.ts';

const rule = engagementRules.laiMissed;

/**
 * lai-missed: a long-acting injection more than 7 days past its due date. Due is the last dose given
 * plus the prescribed interval (the request's timing, else the product's licensed interval); with no
 * dose given yet, the date it was prescribed. An injection declined on the day is not a dose given.
 * Only current prescriptions count: one the prescriber stopped is a decision, not a missed dose.
 */
export function checkInjections(facts: EngagementFacts, asOf: number): WorklistReason | undefined {
  if (!facts.medicationRequests.some((r) => r.injection && r.status === 'active')) return undefined;
  const found: Array<{ text: string; evidence: string[] }> = [];
  const requests = [...facts.medicationRequests].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const request of requests) {
    if (!request.injection || request.status !== 'active') continue;
    const dose = injectionDue(facts, request, asOf);
    if (dose === undefined) continue;
    const { due, interval, last, given } = dose;
    const overdue = asOf - due;
    if (overdue <= rule.graceDays) continue;
    const declined = given.filter((a) => a.status === 'not-done' && (!last || a.instant > last.instant));
    const history = last
      ? `due ${shortDate(due, asOf)}, every ${days(interval)}; last given ${shortDate(last.day, asOf)}`
      : `prescribed ${shortDate(due, asOf)} to be given every ${days(interval)}; no dose recorded as given`;
    const refused = declined.length ? `; not given on ${declined.map((a) => shortDate(a.day, asOf)).join(', ')}` : '';
    found.push({
      text: `${request.medicine} is ${days(overdue)} overdue (${history}${refused}).`,
      evidence: [`MedicationRequest/${request.id}`, ...(last ? [`MedicationAdministration/${last.id}`] : []), ...declined.map((a) => `MedicationAdministration/${a.id}`)],
    });
  }
  if (found.length === 0) return undefined;
  return { code: rule.code, text: found.map((f) => f.text).join(' '), evidence: found.flatMap((f) => f.evidence) };
}

interface InjectionDue {
  due: number;
  interval: number;
  last?: { id: string; day: number; instant: number };
  given: Array<{ id: string; status: string; day: number; instant: number }>;
}

/**
 * When a current injection is (or was) due as of a day: the last dose given plus the interval, or
 * the day it was prescribed if none was given; undefined when it is not yet prescribed or has no
 * interval to count by.
 */
function injectionDue(facts: EngagementFacts, request: MedicationRequestFact, asOf: number): InjectionDue | undefined {
  const authored = londonDay(request.authoredOn);
  if (authored !== undefined && authored > asOf) return undefined;
  const interval = injectionInterval(request);
  if (interval === undefined) return undefined;
  const given = facts.administrations
    .filter((a) => a.requestId === request.id && (londonDay(a.at) ?? Infinity) <= asOf)
    .map((a) => ({ id: a.id, status: a.status, instant: instantOf(a.at)!, day: londonDay(a.at)! }))
    .sort((a, b) => a.instant - b.instant || (a.id < b.id ? -1 : 1));
  const last = given.filter((a) => a.status === 'completed').at(-1);
  const due = last ? last.day + interval : authored;
  return due === undefined ? undefined : { due, interval, last, given };
}

/**
 * The day a current injection falls due as things stand on `from`, for prescriptions already
 * written by then or later: doses are all on record, so the day does not move until a new one is.
 */
export function injectionDueDay(facts: EngagementFacts, request: MedicationRequestFact, from: number): number | undefined {
  const authored = londonDay(request.authoredOn);
  return injectionDue(facts, request, authored !== undefined && authored > from ? authored : from)?.due;
}

export function injectionInterval(request: MedicationRequestFact): number | undefined {
  const prescribed = durationDays(request.interval);
  if (prescribed !== undefined) return prescribed;
  return medicineCodes.find((m) => m.class === 'long-acting-injection' && m.atc === request.atc)?.injectionIntervalDays;
}
