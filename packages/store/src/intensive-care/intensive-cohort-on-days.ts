import { evaluateIntensiveReview, inIntensiveCare, londonDay, teamsOpenTo, type WorklistReason } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { EngagementOnDay } from '../engagement/engagement-on-days.ts';
import { peopleByKeySql } from '../records/people-by-key.ts';
import { readAhead } from '../records/read-ahead.ts';
import type { Database } from '../schema.ts';
import { intensiveCareCandidates } from './in-intensive-care.ts';
import { loadIntensiveReviewFacts, organisationsOfType, psychosisCandidates } from './intensive-review-facts.ts';

// As the intensive-review worklist reads its candidates, a slice of people's facts at a time; half
// its slice, as the next slice is read while this one is judged (readAhead).
const SLICE_SIZE = 10_000;

export interface IntensiveCohortOnDay {
  /** People the intensive-review worklist lists on the day, with the teams they are open to. */
  listed: Array<{ personId: string; teamIds: string[] }>;
  /** People in intensive or assertive care at the end of the day (peopleInIntensiveCare). */
  inCare: Array<{ personId: string; teamIds: string[] }>;
}

/**
 * The intensive and assertive cohort on each of some days: the intensive-review worklist's people
 * (intensiveReviewWorklist, trust-wide) and the people already in intensive care
 * (peopleInIntensiveCare), from one read of both sets of candidates' facts for all the days. Their
 * facts are read as the record now stands, as the worklist reads them; each day is judged by the
 * domain's own rules, with the disengaged worklist's reasons for that day (`engagementOf` gives the
 * list on each day, of at least the people the worklist could list). With `people` (sorted, no
 * repeats), only they are candidates, read by key: each person's answer is their own.
 */
export async function intensiveCohortOnDays(
  db: Kysely<Database>,
  days: readonly string[],
  engagementOf: (reviewed: readonly string[]) => Promise<readonly EngagementOnDay[]>,
  options: { people?: readonly string[] } = {},
): Promise<IntensiveCohortOnDay[]> {
  const [aot, police] = await Promise.all([organisationsOfType(db, 'aot'), organisationsOfType(db, 'police')]);
  const [psychosis, intensive] = await Promise.all([psychosisCandidates(db, options.people ? peopleByKeySql(options.people) : sql``), intensiveCareCandidates(db, aot, options.people)]);
  const reviewed = new Set(psychosis);
  const inCareCandidates = new Set(intensive);
  const everyone = [...new Set([...psychosis, ...intensive])].sort();
  const disengaged = (await engagementOf(psychosis)).map((e) => {
    const reasons = new Map<string, WorklistReason[]>();
    for (const l of e.listed) {
      if (l.reasons) reasons.set(l.personId, l.reasons);
      // The review needs the reasons of everyone it could list: a list read without them would miss them silently.
      else if (reviewed.has(l.personId)) throw new Error(`the disengaged list on ${e.asOf} came without the reasons of someone the review could list`);
    }
    return reasons;
  });
  const cohort: IntensiveCohortOnDay[] = days.map(() => ({ listed: [], inCare: [] }));
  const slices: string[][] = [];
  for (let i = 0; i < everyone.length; i += SLICE_SIZE) slices.push(everyone.slice(i, i + SLICE_SIZE));
  for await (const facts of readAhead(slices, (slice) => loadIntensiveReviewFacts(db, slice, { aot, police }))) {
    for (const personFacts of facts.values()) {
      for (const [d, asOf] of days.entries()) {
        const reasons = disengaged[d]!.get(personFacts.personId);
        // Facts copied only to add the day's disengaged reasons: without any, they are the facts as read.
        const listed = reviewed.has(personFacts.personId) && evaluateIntensiveReview(reasons ? { ...personFacts, disengaged: reasons } : personFacts, asOf).listed;
        const inCare = inCareCandidates.has(personFacts.personId) && inIntensiveCare(personFacts, asOf);
        // The teams only of the people counted: most candidates are neither on a given day.
        if (!listed && !inCare) continue;
        const teamIds = teamsOpenTo(personFacts, londonDay(asOf)!);
        if (listed) cohort[d]!.listed.push({ personId: personFacts.personId, teamIds });
        if (inCare) cohort[d]!.inCare.push({ personId: personFacts.personId, teamIds });
      }
    }
  }
  return cohort;
}
