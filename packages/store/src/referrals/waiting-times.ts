import { ethnicCategories, firstDayOfMonthsTo, londonDay, referralWaitsOnDays, waitingMeasures, type ReferralWait, type WaitingMeasures } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { loadNames } from '../people/names.ts';
import { peopleByKeySql } from '../records/people-by-key.ts';
import type { Database } from '../schema.ts';
import { loadReferralFacts } from './referral-facts.ts';

const SLICE_SIZE = 2_000;
const NOT_STATED = 'Not stated or not recorded';

/** The measures without who waited: a report is aggregate, the longest waits are days only. */
export type ReportedMeasures = Omit<WaitingMeasures, 'longestWaits'> & { longestWaitDays: number[] };

/** Whose referrals are read: one team's, at most `sliceSize` referrals a slice, and when given only these people's (sorted ids; a board build of some people). */
export interface WaitScope {
  team?: string;
  sliceSize?: number;
  people?: readonly string[];
}

export interface WaitingTimesReport {
  from: string;
  to: string;
  overall: ReportedMeasures;
  byTeam: Array<{ teamId: string | null; team: string; measures: ReportedMeasures }>;
  /** By the NHS Data Dictionary's broad ethnic groups, and people whose ethnicity is not recorded. */
  byEthnicity: Array<{ group: string; measures: ReportedMeasures }>;
}

/** The quarter up to a day (the day after the same day three months before): NHS England reports waits by quarter. */
export function quarterBefore(to: string): string {
  return firstDayOfMonthsTo(to, 3);
}

/**
 * Every counted referral's wait as of each of some days (referralWaitsOnDays in the domain), given
 * to `each` with the index of its day and the person's broad ethnic group: what the
 * waiting-times report and the board's tile (and its trend) are made from. The referral facts do not
 * depend on the day, so they are read once for all the days, a slice of people at a time, and each
 * caller keeps only what it needs of each wait.
 */
export async function eachWaitOnDays(db: Kysely<Database>, days: readonly number[], each: (dayIndex: number, wait: ReferralWait, group: string) => void, scope: WaitScope = {}): Promise<void> {
  const { team, sliceSize = SLICE_SIZE, people } = scope;
  const byTeam = team ? sql`AND resource->'performer'->0->>'reference' = ${`Organization/${team}`}` : sql``;
  // Some people's referrals are sliced as everyone's are, each slice read by their keys alone.
  const byPeople = people ? peopleByKeySql(people) : sql``;
  for (let after = ''; ; ) {
    // The slice's referrals are taken in key order and limited before anything else, so each slice
    // reads only its own rows from the index, not every referral after it (sorted, then limited).
    // A person whose referrals straddle the limit is read whole in this slice; the next starts after.
    // Referrals of someone with no person row are left out, as an inner join would.
    const slice = (await sql<{ person_id: string; known: boolean; ethnic_category: string | null; deceased: boolean }>`
      SELECT r.person_id, p.person_id IS NOT NULL AS known, p.ethnic_category, p.deceased_at IS NOT NULL AS deceased
      FROM (SELECT DISTINCT person_id FROM (
        SELECT person_id FROM record WHERE resource_type = 'ServiceRequest' AND status IN ('active', 'completed') AND person_id > ${after} ${byTeam} ${byPeople}
        ORDER BY person_id LIMIT ${sliceSize}) referred) r
      LEFT JOIN person p ON p.person_id = r.person_id ORDER BY r.person_id`.execute(db)).rows;
    if (slice.length === 0) break;
    const groups = new Map(slice.map((r) => [r.person_id, (r.ethnic_category && ethnicCategories[r.ethnic_category]?.group) || NOT_STATED]));
    const living = slice.filter((r) => r.known && !r.deceased).map((r) => r.person_id);
    for (const facts of (await loadReferralFacts(db, living)).values()) {
      const group = groups.get(facts.personId)!;
      referralWaitsOnDays(facts, days).forEach((waits, i) => {
        for (const w of waits) if (!team || w.teamId === team) each(i, w, group);
      });
    }
    after = slice.at(-1)!.person_id;
  }
}

/** Every counted referral's wait as of one day, with the person's broad ethnic group. */
export async function waitsAsOf(db: Kysely<Database>, to: number, scope: WaitScope = {}): Promise<Array<ReferralWait & { group: string }>> {
  const waits: Array<ReferralWait & { group: string }> = [];
  await eachWaitOnDays(db, [to], (_, w, group) => waits.push({ ...w, group }), scope);
  return waits;
}

/**
 * Waiting times over a period (issue 7 part 1): referrals whose clock stopped from `from` to `to`
 * and those still waiting on `to`, for the trust (or one team), by team and by ethnic group. Every
 * living person with a referral is read, a slice at a time.
 */
export async function waitingTimes(db: Kysely<Database>, options: { from: string; to: string; team?: string; sliceSize?: number }): Promise<WaitingTimesReport> {
  const from = londonDay(options.from);
  const to = londonDay(options.to);
  if (from === undefined || to === undefined || from > to) throw new Error('the period must be two dates, from before to');
  const waits = await waitsAsOf(db, to, options);
  const measure = (some: readonly ReferralWait[]): ReportedMeasures => {
    const { longestWaits, ...rest } = waitingMeasures(some, from, to);
    return { ...rest, longestWaitDays: longestWaits.map((w) => w.days) };
  };
  const teamIds = [...new Set(waits.map((w) => w.teamId))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const names = await loadNames(db, teamIds.filter((t): t is string => t !== null).map((t) => `Organization/${t}`));
  const groupOrder = [...new Set(Object.values(ethnicCategories).map((c) => c.group)), NOT_STATED];
  return {
    from: options.from,
    to: options.to,
    overall: measure(waits),
    byTeam: teamIds.map((teamId) => ({ teamId, team: teamId ? (names.get(`Organization/${teamId}`) ?? teamId) : 'Single point of access (not yet triaged)', measures: measure(waits.filter((w) => w.teamId === teamId)) })),
    byEthnicity: groupOrder.filter((g) => waits.some((w) => w.group === g)).map((group) => ({ group, measures: measure(waits.filter((w) => w.group === group)) })),
  };
}
