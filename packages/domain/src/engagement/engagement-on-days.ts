import type { EngagementFacts } from './engagement-facts.ts';
import { evaluateEngagement, type EngagementFinding } from './evaluate-engagement.ts';
import { listingDayAfter, newestEventDay } from './listing-horizon.ts';
import { londonDay } from './london-calendar.ts';

/**
 * One person's engagement findings on each of some days, in order: on each day exactly what
 * evaluateEngagement finds on that day's facts (`factsOn[i]` for `days[i]`), or null when it finds
 * no reason. The board's trends judge everyone on many days, so a day is not judged again when its
 * facts are the very object of the day before (nothing new recorded in between), that day listed no
 * one, and the facts cannot list anyone before the earliest day the listing horizon allows
 * (listingDayAfter): the same bound the kept engagement state relies on (listing-horizon.ts).
 */
export function evaluateEngagementOnDays(factsOn: readonly EngagementFacts[], days: readonly string[]): Array<EngagementFinding | null> {
  const found: Array<EngagementFinding | null> = [];
  // The facts of the last day judged and found no reason for, that day, and (once asked) the earliest day they could list anyone.
  let quiet: { facts: EngagementFacts; day: number; notBefore?: number | null } | undefined;
  let previous = -Infinity;
  for (const [i, asOf] of days.entries()) {
    const facts = factsOn[i]!;
    const day = londonDay(asOf);
    if (day === undefined || day < previous) throw new Error(`days must be dates in order: ${asOf}`);
    previous = day;
    if (quiet?.facts === facts) {
      // The horizon holds only from a day on or after every event in the facts.
      if (quiet.notBefore === undefined) quiet.notBefore = (newestEventDay(facts) ?? quiet.day) <= quiet.day ? listingDayAfter(facts, quiet.day) : quiet.day;
      if (quiet.notBefore === null || day < quiet.notBefore) {
        found.push(null);
        continue;
      }
    }
    const finding = evaluateEngagement(facts, asOf);
    found.push(finding.reasons.length > 0 ? finding : null);
    quiet = finding.reasons.length > 0 ? undefined : { facts, day };
  }
  return found;
}
