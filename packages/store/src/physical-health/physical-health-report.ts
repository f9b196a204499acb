import {
  checkStandingsOnDays,
  eligibleChecksOnDays,
  endOfLondonDay,
  londonDay,
  physicalHealthRules,
  type CheckStanding,
  type PhysicalHealthCheck,
  type PhysicalHealthComponentKey,
  type PhysicalHealthFacts,
} from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { loadNames } from '../people/names.ts';
import type { Database } from '../schema.ts';
import { scopeDay } from '../worklists/worklist-scope.ts';
import { loadPhysicalHealthFactsOnDays, smiCandidates } from './physical-health-facts.ts';

export interface PhysicalHealthReportOptions {
  /** "YYYY-MM-DD" in England; today when absent. */
  asOf?: string;
  /** Only this team (Organization id). */
  team?: string;
  /** People per slice read at once (tests make it small). */
  sliceSize?: number;
}

/** Counts of people on the SMI register held by a team (or the trust) on the day. */
export interface PhysicalHealthCounts {
  /** On the SMI register (psychosis or bipolar) and held on the day. */
  eligible: number;
  /** All six parts done within the year. */
  complete: number;
  /** Some parts, not all. */
  partial: number;
  /** No part done within the year. */
  none: number;
  /** Incomplete, invited more than the follow-up days ago since the last complete check: to follow up. */
  invitedNotResponded: number;
  /** complete / eligible, to three decimal places; null when nobody is eligible. */
  shareComplete: number | null;
  /** People with each part done within the year. */
  parts: Record<PhysicalHealthComponentKey, number>;
}

export interface PhysicalHealthReport {
  report: 'physical-health';
  asOf: string;
  /** One row per team holding eligible people, by team name. */
  teams: Array<{ teamId: string; team: string | null } & PhysicalHealthCounts>;
  /** Everyone counted once, whichever teams hold them (or the one team asked about). */
  total: PhysicalHealthCounts;
}

const SLICE_SIZE = 12_000;

/** Options for some days at once. */
type OnDaysOptions = Omit<PhysicalHealthReportOptions, 'asOf'> & {
  days: readonly string[];
  /** Only these people (a board build of some people): only their records are read. */
  people?: readonly string[];
};

/**
 * Completion of the SMI annual physical health check per team as of a day (SPEC C10; the board
 * report reads it): people on the register held by each team, how many had the full check within
 * the year, part of it, none, and how many were invited and have not responded. Aggregates only: no
 * person is named. Judged by the same rules as the `physical-health-check-overdue` reason.
 */
export async function physicalHealthReport(db: Kysely<Database>, options: PhysicalHealthReportOptions = {}): Promise<PhysicalHealthReport> {
  const { asOf } = scopeDay(options.asOf);
  const perTeam = new Map<string, PhysicalHealthCounts>();
  const total = emptyCounts();
  await eachEligibleCheck(db, options, (check, teams) => {
    const counted = [total, ...teams.map((t) => perTeam.get(t) ?? perTeam.set(t, emptyCounts()).get(t)!)];
    for (const counts of counted) {
      counts.eligible++;
      counts[check.completion]++;
      if (check.invitation?.notResponded) counts.invitedNotResponded++;
      for (const part of check.components) if (part.done) counts.parts[part.key]++;
    }
  });

  const names = await loadNames(db, [...perTeam.keys()].map((id) => `Organization/${id}`));
  const teams = [...perTeam]
    .map(([teamId, counts]) => ({ teamId, team: names.get(`Organization/${teamId}`) ?? null, ...withShare(counts) }))
    .sort((a, b) => (a.team ?? a.teamId).localeCompare(b.team ?? b.teamId) || (a.teamId < b.teamId ? -1 : 1));
  return { report: 'physical-health', asOf, teams, total: withShare(total) };
}

/**
 * Each person on the SMI register held on the day (by the one team asked about, if any), with their
 * check and the teams counted: what the report and the board's tile are both made from.
 */
export async function eachEligibleCheck(db: Kysely<Database>, options: PhysicalHealthReportOptions, each: (check: PhysicalHealthCheck, teams: string[]) => void): Promise<void> {
  const { asOf } = scopeDay(options.asOf);
  await eachEligibleCheckOnDays(db, { ...options, days: [asOf] }, (_, check, teams) => each(check, teams));
}

/** The same on each of some days, each person's facts read once for all of them; `each` is told which day. */
export async function eachEligibleCheckOnDays(
  db: Kysely<Database>,
  options: OnDaysOptions,
  each: (dayIndex: number, check: PhysicalHealthCheck, teams: string[]) => void,
): Promise<void> {
  await eachOnRegisterOnDays(db, options, (factsOnDays) => {
    for (const [i, check] of eligibleChecksOnDays(factsOnDays, options.days).entries()) {
      const teams = check && teamsCounted(check.eligible!.teamIds, options.team);
      if (teams) each(i, check!, teams);
    }
  });
}

/**
 * Where each person on the SMI register held on each of some days stands with the check (a board
 * trend): who, the teams counted and how complete, exactly as eachEligibleCheckOnDays finds them,
 * without putting the check in words (checkStandingsOnDays).
 */
export async function eachCheckStandingOnDays(
  db: Kysely<Database>,
  options: OnDaysOptions,
  each: (dayIndex: number, personId: string, standing: CheckStanding, teams: string[]) => void,
): Promise<void> {
  await eachOnRegisterOnDays(db, options, (factsOnDays) => {
    for (const [i, standing] of checkStandingsOnDays(factsOnDays, options.days).entries()) {
      const teams = standing && teamsCounted(standing.teamIds, options.team);
      if (teams) each(i, factsOnDays[i]!.personId, standing!, teams);
    }
  });
}

/** The teams a person is counted in: all those holding them, or the one asked about; undefined when that one does not. */
function teamsCounted(teamIds: string[], team: string | undefined): string[] | undefined {
  if (!team) return teamIds;
  return teamIds.includes(team) ? [team] : undefined;
}

/** Each person who may be on the SMI register (held by the team asked about, if any; of the people asked about, if any), a slice at a time, with their facts as they stood on each day. */
async function eachOnRegisterOnDays(db: Kysely<Database>, options: OnDaysOptions, each: (factsOnDays: PhysicalHealthFacts[]) => void): Promise<void> {
  // Each day holds its own facts for a slice: the slice shrinks so that memory stays that of one day's.
  const size = Math.max(1, Math.floor((options.sliceSize ?? SLICE_SIZE) / options.days.length));
  const befores = options.days.map((asOf) => endOfLondonDay(londonDay(asOf)!));
  const byTeam = options.team
    ? sql`AND person_id IN (SELECT person_id FROM record WHERE resource_type = 'EpisodeOfCare'
          AND resource->'managingOrganization'->>'reference' = ${`Organization/${options.team}`}
          AND status NOT IN ('cancelled', 'entered-in-error'))`
    : sql``;
  // Who to read, found once: asking again for each slice would scan every diagnosis again each time.
  const candidates = (await sql<{ person_id: string }>`
    SELECT DISTINCT person_id FROM (${smiCandidates(options.people)}) AS candidates
    WHERE true ${byTeam}
    ORDER BY person_id`.execute(db)).rows.map((r) => r.person_id);
  for (let from = 0; from < candidates.length; from += size) {
    const slice = candidates.slice(from, from + size);
    // The report and the board count parts done, not their values in words, so those are not read.
    const factsOn = await loadPhysicalHealthFactsOnDays(db, { befores, personIds: slice, values: false });
    // A person at a time on every day, so that what the days share of their records is worked out once.
    for (const personId of factsOn[0]!.keys()) each(factsOn.map((on) => on.get(personId)!));
  }
}

function emptyCounts(): PhysicalHealthCounts {
  const parts = Object.fromEntries(physicalHealthRules.components.map((c) => [c.key, 0])) as Record<PhysicalHealthComponentKey, number>;
  return { eligible: 0, complete: 0, partial: 0, none: 0, invitedNotResponded: 0, shareComplete: null, parts };
}

function withShare(counts: PhysicalHealthCounts): PhysicalHealthCounts {
  return { ...counts, shareComplete: counts.eligible === 0 ? null : Math.round((counts.complete / counts.eligible) * 1000) / 1000 };
}
