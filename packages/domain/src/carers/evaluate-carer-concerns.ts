import type { WorklistReason } from '../engagement/engagement-facts.ts';
import { londonDay, shortDate } from '../engagement/london-calendar.ts';
import { carerConcernRules, concernChannels, type ConcernChannel } from './carer-concern-rules.ts';
import { concernTiming, hoursInWords } from './response-due.ts';

/** A concern from a carer that no response answers yet, as the worklist reads it (docs/fhir.md). */
export interface UnansweredConcern {
  id: string;
  /** The RelatedPerson who raised it, when the concern names one. */
  carerId: string | null;
  carerName: string | null;
  /** The relationship's words ("Mother"), when recorded. */
  relationship: string | null;
  /** The instant it reached the team (Communication.received, else sent). */
  receivedAt: string;
  channel: ConcernChannel | null;
}

export interface CarerConcernFinding {
  personId: string;
  /** Empty when nothing is awaiting a response. */
  reasons: WorklistReason[];
  /** The earliest due instant among the concerns listed (ms): the most overdue person first. */
  earliestDue: number;
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });

/** "12 Jun at 14:05" (the year when it is not the year of `relativeTo`), in UK time. */
function when(instant: string, relativeTo: number): string {
  return `${shortDate(londonDay(instant)!, relativeTo)} at ${clock.format(new Date(instant))}`;
}

/**
 * The `carer-concern-unanswered` reason for one person at an instant: one sentence per concern
 * received by then with no response, saying who raised it, how long ago, and when the response is
 * or was due (carer-concern-rules.ts, `hours` after receipt). Overdue concerns come first, the
 * longest overdue first; the evidence is each Communication and the RelatedPerson who raised it.
 * A concern stays listed until it is answered, however long ago it was raised.
 */
export function evaluateCarerConcerns(personId: string, concerns: readonly UnansweredConcern[], at: Date, hours: number = carerConcernRules.unanswered.responseWithinHours): CarerConcernFinding {
  const today = londonDay(at.toISOString())!;
  const listed = concerns
    .filter((c) => Date.parse(c.receivedAt) <= at.getTime())
    .map((c) => ({ concern: c, timing: concernTiming(c.receivedAt, at, hours) }))
    .sort((a, b) => Date.parse(a.timing.dueAt) - Date.parse(b.timing.dueAt) || (a.concern.id < b.concern.id ? -1 : a.concern.id > b.concern.id ? 1 : 0));
  if (listed.length === 0) return { personId, reasons: [], earliestDue: Number.POSITIVE_INFINITY };

  const texts = listed.map(({ concern, timing }) => {
    const from = concern.carerName ? `${concern.carerName}${concern.relationship ? ` (${concern.relationship.toLowerCase()})` : ''}` : 'a carer';
    const how = concern.channel ? ` ${concernChannels[concern.channel].says}` : '';
    const received = `Concern from ${from} received ${when(concern.receivedAt, today)}${how}, ${hoursInWords(timing.hoursSince)} ago`;
    return timing.overdue
      ? `${received}: OVERDUE, the response was due by ${when(timing.dueAt, today)} (within ${hours} hours) and none is recorded.`
      : `${received}: a response is due by ${when(timing.dueAt, today)}, in ${hoursInWords(timing.hoursToDue)}.`;
  });
  const evidence = listed.flatMap(({ concern }) => [`Communication/${concern.id}`, ...(concern.carerId ? [`RelatedPerson/${concern.carerId}`] : [])]);
  return {
    personId,
    reasons: [{ code: carerConcernRules.unanswered.code, text: texts.join(' '), evidence: evidence.filter((e, i) => evidence.indexOf(e) === i) }],
    earliestDue: Date.parse(listed[0]!.timing.dueAt),
  };
}

/** The order of the carer-concerns worklist: the earliest due (most overdue) first, then person id. */
export function compareCarerConcernFindings(a: CarerConcernFinding, b: CarerConcernFinding): number {
  return a.earliestDue - b.earliestDue || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}
