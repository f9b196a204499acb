import { attendedContacts, latestContact } from './attended-contacts.ts';
import { durationDays } from './contact-rule.ts';
import type { EngagementFacts } from './engagement-facts.ts';
import { engagementRules } from './engagement-rules.ts';
import { evaluateEngagement } from './evaluate-engagement.ts';
import { injectionDueDay } from './injection-rule.ts';
import { isoDay, londonDay } from './london-calendar.ts';

const NEVER_HELD = new Set(['planned', 'waitlist', 'cancelled', 'entered-in-error']);

/** A day far enough ahead (a century) to stand for "from now on". */
const FAR_AHEAD = 36_500;

/** The last day on which anything in a person's facts happened: contacts, missed appointments, doses, what they told us. */
export function newestEventDay(facts: EngagementFacts): number | undefined {
  let newest: number | undefined;
  for (const a of facts.appointments) newest = later(newest, a.start);
  for (const e of facts.encounters) newest = later(newest, e.start);
  for (const a of facts.administrations) newest = later(newest, a.at);
  for (const s of facts.medicationStatements) newest = later(later(newest, s.asserted), s.stopped);
  return newest;
}

/** The later of a day and the day of a date, either of which may be missing. */
function later(newest: number | undefined, value: string | null | undefined): number | undefined {
  const day = londonDay(value);
  return day !== undefined && (newest === undefined || day > newest) ? day : newest;
}

/**
 * The first day, on or after `from`, on which the rules could list this person if nothing new is
 * recorded; null when they never could. A lower bound, never later than the truth: the worklist
 * reads only people whose day has come, so a bound too late would hide someone, while one too
 * early only costs an evaluation.
 *
 * Why a bound exists at all: once every event is in the past, a missed-appointment run and a
 * medicine stopped against advice no longer change with the date, so they show on the first day or
 * never; only time passing without contact and a long-acting injection falling due bring someone
 * onto the list later, and both are counted from days already on record.
 */
export function earliestListingDay(facts: EngagementFacts, from: number): number | null {
  const start = Math.max(from, newestEventDay(facts) ?? from);
  const died = londonDay(facts.deceasedAt);
  if (died !== undefined && died <= start) return null;
  if (evaluateEngagement(facts, isoDay(start)).reasons.length > 0) return start;
  return listingDayAfter(facts, start);
}

/**
 * earliestListingDay for someone already known not to be listed on `start`, a day on or after every
 * event in their facts (newestEventDay): the bound without judging that day again.
 */
export function listingDayAfter(facts: EngagementFacts, start: number): number | null {
  const candidates = [contactDueBound(facts, start), ...injectionBounds(facts, start)].filter((d): d is number => d !== undefined);
  return candidates.length === 0 ? null : Math.max(start, Math.min(...candidates));
}

/**
 * no-contact-within-interval counts from the later of the last contact and the episode's start, so
 * from at least the last contact on record (or, never seen, the earliest episode start), over the
 * shortest interval any plan or care intensity could set.
 */
function contactDueBound(facts: EngagementFacts, start: number): number | undefined {
  // Held on a day from `start` on (heldEpisodes): with an end, until that end; without one, only while active or on hold.
  const episodes = facts.episodes.filter((e) => {
    if (NEVER_HELD.has(e.status)) return false;
    const end = londonDay(e.end);
    return end === undefined ? engagementRules.heldEpisodeStatuses.includes(e.status) : end > start;
  });
  if (episodes.length === 0) return undefined;
  const rule = engagementRules.noContactWithinInterval;
  const intensive = episodes.some((e) => e.intensity && rule.intensiveCareCodes.includes(e.intensity));
  // Only a plan that can still be in force sets the interval (currentCarePlan): one ended by `start`, or over without an end date, never will.
  const planned = facts.carePlans
    .filter((p) => (p.end ? (londonDay(p.end) ?? Infinity) > start : p.status === 'active' || p.status === 'on-hold'))
    .map((p) => durationDays(p.contactFrequency) ?? Infinity);
  const shortest = Math.min(intensive ? rule.intensiveDays : rule.standardDays, ...planned);
  // Contacts as they will stand: a hospital stay counts as contact up to its recorded discharge, or for as long as it goes on.
  const last = latestContact(attendedContacts(facts, start + FAR_AHEAD));
  const starts = episodes.map((e) => londonDay(e.start));
  // An episode with no start counts from the day it is held, which may be any day: always evaluate.
  const due = last ? last.day + shortest + 1 : starts.some((d) => d === undefined) ? start : Math.min(...(starts as number[])) + shortest + 1;
  // Discharged by then: an episode is held only before its end, so a due day after every end never comes.
  const ends = episodes.map((e) => londonDay(e.end));
  const heldUntil = ends.some((d) => d === undefined) ? Infinity : Math.max(...(ends as number[]));
  return due < heldUntil ? due : undefined;
}

/** lai-missed: each current injection's due day is fixed once its doses are on record; listed a grace period after. */
function injectionBounds(facts: EngagementFacts, start: number): number[] {
  return facts.medicationRequests
    .filter((r) => r.injection && r.status === 'active')
    .map((r) => injectionDueDay(facts, r, start))
    .filter((due): due is number => due !== undefined)
    .map((due) => due + engagementRules.laiMissed.graceDays + 1);
}
