import type { CarePlanFact, EngagementFacts, EpisodeFact, WorklistReason } from './engagement-facts.ts';
import { engagementRules } from './engagement-rules.ts';
import { heldEpisodes } from './held-episodes.ts';
import { latestContact, type AttendedContact } from './attended-contacts.ts';
import { days, londonDay, shortDate } from './london-calendar.ts';

const rule = engagementRules.noContactWithinInterval;

export interface ContactFinding {
  /** Days since the last attended contact (or since the episode began): the worklist's second sort key. */
  daysWithoutContact: number | null;
  reason?: WorklistReason;
  /** With a reason: the first day the contact was overdue (the day after the interval ran out). */
  overdueFrom?: number;
}

/**
 * no-contact-within-interval: a person a team holds has not been seen within the interval their
 * care plan sets (or 7 days in intensive/assertive care, 28 otherwise). Seen on day 7 of a 7-day
 * interval is on time; day 8 is not. Counting starts at the later of the last contact and the start
 * of the episode, so a person just taken on is not late for contacts before the team held them.
 */
export function checkContactInterval(facts: EngagementFacts, contacts: readonly AttendedContact[], asOf: number): ContactFinding {
  const held = heldEpisodes(facts.episodes, asOf);
  if (held.length === 0) return { daysWithoutContact: null };
  const episode = earliestStarted(held);
  const episodeStart = londonDay(episode.start);
  const last = latestContact(contacts);
  const countFromEpisode = episodeStart !== undefined && (last === undefined || episodeStart > last.day);
  const since = countFromEpisode ? episodeStart : last?.day;
  const { interval, plan, why } = expectedInterval(facts.carePlans, held, asOf);
  if (since === undefined) {
    // Held with no start date and never seen: nothing to count from, and nothing to show it was met.
    return {
      daysWithoutContact: Number.MAX_SAFE_INTEGER,
      overdueFrom: asOf,
      reason: { code: rule.code, text: `No attended contact on record; ${why}.`, evidence: [`EpisodeOfCare/${episode.id}`, ...(plan ? [`CarePlan/${plan.id}`] : [])] },
    };
  }
  const elapsed = asOf - since;
  if (elapsed <= interval) return { daysWithoutContact: elapsed };
  const lastSeen = last ? ` (last seen ${shortDate(last.day, asOf)})` : '';
  const text = countFromEpisode
    ? `No attended contact in the ${days(elapsed)} since this episode of care began on ${shortDate(since, asOf)}${lastSeen}; ${why}.`
    : `No attended contact for ${days(elapsed)} (last on ${shortDate(since, asOf)}); ${why}.`;
  const evidence = countFromEpisode ? [`EpisodeOfCare/${episode.id}`, ...(last ? [last.reference] : [])] : [last!.reference];
  if (plan) evidence.push(`CarePlan/${plan.id}`);
  return { daysWithoutContact: elapsed, overdueFrom: since + interval + 1, reason: { code: rule.code, text, evidence } };
}

function earliestStarted(episodes: readonly EpisodeFact[]): EpisodeFact {
  return [...episodes].sort((a, b) => startOrLast(a) - startOrLast(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
}

// Sort keys at module level, not made per call: the board judges everyone on many days.
function startOrLast(e: EpisodeFact): number {
  return londonDay(e.start) ?? Number.MAX_SAFE_INTEGER;
}

function startOrFirst(p: CarePlanFact): number {
  return londonDay(p.start) ?? -1;
}

/** The care plan in force on the as-of day: started by then and not yet ended; the latest started wins. */
export function currentCarePlan(plans: readonly CarePlanFact[], asOf: number): CarePlanFact | undefined {
  const inForce = plans.filter((plan) => {
    const start = londonDay(plan.start);
    if (start !== undefined && start > asOf) return false;
    const end = londonDay(plan.end);
    if (end !== undefined) return end > asOf && plan.status !== 'entered-in-error' && plan.status !== 'draft';
    return plan.status === 'active' || plan.status === 'on-hold';
  });
  return inForce.sort((a, b) => startOrFirst(b) - startOrFirst(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

/** Whole days in a FHIR Duration / timing period; undefined when the unit is not one of d, wk, mo, a. */
export function durationDays(duration: { value: number; unit: string } | null | undefined): number | undefined {
  const perUnit = duration ? engagementRules.daysPerUnit[duration.unit] : undefined;
  if (!duration || perUnit === undefined || !(duration.value > 0)) return undefined;
  return Math.round(duration.value * perUnit);
}

function expectedInterval(plans: readonly CarePlanFact[], held: readonly EpisodeFact[], asOf: number): { interval: number; plan?: CarePlanFact; why: string } {
  const plan = currentCarePlan(plans, asOf);
  const planned = durationDays(plan?.contactFrequency);
  if (plan && planned !== undefined) return { interval: planned, plan, why: `the care plan asks for one every ${days(planned)}` };
  // By episode id, so two intensive episodes name the same care in the reason whatever order they arrive in.
  const intensive = [...held].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((e) => e.intensity).find((code) => code && rule.intensiveCareCodes.includes(code));
  if (intensive) {
    return { interval: rule.intensiveDays, why: `people in ${intensive} community care should be seen at least every ${days(rule.intensiveDays)}` };
  }
  return { interval: rule.standardDays, why: `with no contact frequency in a care plan, contact is due at least every ${days(rule.standardDays)}` };
}
