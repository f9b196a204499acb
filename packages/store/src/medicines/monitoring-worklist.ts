import {
  checkStandingsOnDays,
  compareMonitoringFindings,
  currentPrescriptionStatuses,
  eligibleChecksOnDays,
  endOfLondonDay,
  evaluateMonitoringOnDays,
  heldEpisodes,
  monitoringOverdueOnDays,
  sameList,
  type CheckStanding,
  type MonitoringFacts,
  type MonitoringFinding,
  type PhysicalHealthCheck,
  type PhysicalHealthFacts,
  type Worklist,
} from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { ListedPerson } from '../engagement/disengaged-worklist.ts';
import type { Database } from '../schema.ts';
import { personLabels } from '../caseload/listed-people.ts';
import { heldByTeamsSql, scopeDay, scopeTeams, type WorklistScope } from '../worklists/worklist-scope.ts';
import { loadPhysicalHealthFactsOnDays, smiCandidates } from '../physical-health/physical-health-facts.ts';
import { loadMonitoringFactsOnDays } from './monitoring-facts.ts';
import { loadPersonEpisodes } from '../records/person-episodes.ts';
import { peopleByKeySql } from '../records/people-by-key.ts';

export type MonitoringOverdueOptions = WorklistScope;

/** What the rules found on one day: who was evaluated, and who has a reason, with the teams holding them. */
export interface MonitoringJudged {
  findings: MonitoringFinding[];
  teamsOf: Map<string, string[]>;
  evaluatedPeople: Array<{ personId: string; teamIds: string[] }>;
}

// A person on medicines has a few prescriptions, a dozen latest results and a few episodes: ~3 KB.
const SLICE_SIZE = 12_000;

export interface MonitoringOverdueWorklist {
  list: Worklist;
  /** Who each listed person is, for screens and printed lists: never part of the worklist contract. */
  people: Map<string, ListedPerson>;
  /** People with a current prescription, or on the SMI register, whose records were evaluated. */
  evaluated: number;
  /** Who they were, with the teams holding them: the board counts the list against them. */
  evaluatedPeople: Array<{ personId: string; teamIds: string[] }>;
}

/**
 * The `monitoring-overdue` worklist: everyone (or one team's people) on a medicine whose monitoring
 * is overdue by the rules in the domain (medicines/monitoring-rules.ts), or on the SMI register with
 * their annual physical health check incomplete (physical-health/physical-health-rules.ts), most
 * reasons first, then longest overdue. Only people with a current prescription or a psychosis or
 * bipolar diagnosis are read, a slice at a time by person id.
 */
export async function monitoringOverdueWorklist(db: Kysely<Database>, options: MonitoringOverdueOptions = {}): Promise<MonitoringOverdueWorklist> {
  const { asOf } = scopeDay(options.asOf);
  const { findings, teamsOf, evaluatedPeople } = (await judgeMonitoringOnDays(db, { ...options, days: [asOf] }))[0]!;
  findings.sort(compareMonitoringFindings);

  // One array parameter, not one per person: a trust's list can run to tens of thousands.
  const labels = await personLabels(db, findings.map((f) => f.personId));
  const people = new Map<string, ListedPerson>();
  for (const f of findings) {
    people.set(f.personId, { name: labels.get(f.personId)?.name ?? null, teamIds: teamsOf.get(f.personId) ?? [] });
  }
  return {
    list: {
      worklist: 'monitoring-overdue',
      asOf,
      items: findings.map((f) => ({ patient: { id: f.personId, nhsNumber: labels.get(f.personId)?.nhsNumber ?? null }, reasons: f.reasons })),
    },
    people,
    evaluated: evaluatedPeople.length,
    evaluatedPeople,
  };
}

type OnDaysOptions = Omit<MonitoringOverdueOptions, 'asOf'> & { days: readonly string[] };

/** A person the worklist may judge, with their facts as they stood on each day and the teams holding them (undefined on days outside the teams asked about). */
interface CandidateOnDays {
  personId: string;
  /** Only for people with prescriptions. */
  medicinesOn?: MonitoringFacts[];
  healthOn: PhysicalHealthFacts[];
  teamsOn: Array<string[] | undefined>;
}

/**
 * The worklist's judgement on each of some days (the worklist itself, and tests of the board's
 * trend), each person's records read once for all the days; findings unsorted.
 */
export async function judgeMonitoringOnDays(
  db: Kysely<Database>,
  options: OnDaysOptions & {
    /** Told each physical health check found eligible on a day, of the people judged. */
    eachCheck?: (dayIndex: number, check: PhysicalHealthCheck) => void;
  },
): Promise<MonitoringJudged[]> {
  const judged: MonitoringJudged[] = options.days.map(() => ({ findings: [], teamsOf: new Map(), evaluatedPeople: [] }));
  await eachCandidateOnDays(db, options, (asOfs, { personId, medicinesOn, healthOn, teamsOn }) => {
    const medicines = medicinesOn && evaluateMonitoringOnDays(medicinesOn, asOfs);
    const checks = eligibleChecksOnDays(healthOn, asOfs);
    for (const [i, teams] of teamsOn.entries()) {
      if (!teams) continue;
      const { findings, teamsOf, evaluatedPeople } = judged[i]!;
      const finding: MonitoringFinding = medicines?.[i] ?? { personId, reasons: [], mostDaysOverdue: 0 };
      const check = checks[i];
      if (check) options.eachCheck?.(i, check);
      // Counted when judged for medicines (a current prescription) or for the check (on the register).
      if (!onCurrentPrescription(medicinesOn?.[i]) && !check) continue;
      evaluatedPeople.push({ personId, teamIds: teams });
      // The check comes last: medicines monitoring is the more urgent safety net.
      if (check?.reason) {
        finding.reasons.push(check.reason);
        finding.mostDaysOverdue = Math.max(finding.mostDaysOverdue, check.daysOverdue);
      }
      if (finding.reasons.length === 0) continue;
      findings.push(finding);
      teamsOf.set(finding.personId, teams);
    }
  });
  return judged;
}

/** Of the people the worklist evaluates on a day, the teams holding them and whether it lists them. */
export interface MonitoringListed {
  personId: string;
  teamIds: string[];
  listed: boolean;
}

/**
 * Who the worklist evaluates on each of some days and whether it lists them, exactly as
 * judgeMonitoringOnDays finds them, for the board's trend: the same rules, without putting reasons
 * in words (monitoringOverdueOnDays, checkStandingsOnDays), each person's records read once.
 */
export async function monitoringListedOnDays(
  db: Kysely<Database>,
  options: OnDaysOptions & {
    /** Told where each person the check is asked of stands on a day: the board's check tile reads them from this read. */
    eachStanding?: (dayIndex: number, personId: string, standing: CheckStanding) => void;
  },
): Promise<MonitoringListed[][]> {
  const evaluated: MonitoringListed[][] = options.days.map(() => []);
  await eachCandidateOnDays(db, options, (asOfs, { personId, medicinesOn, healthOn, teamsOn }) => {
    const overdue = medicinesOn && monitoringOverdueOnDays(medicinesOn, asOfs);
    const standings = checkStandingsOnDays(healthOn, asOfs);
    for (const [i, teams] of teamsOn.entries()) {
      if (!teams) continue;
      const standing = standings[i];
      if (standing) options.eachStanding?.(i, personId, standing);
      if (!onCurrentPrescription(medicinesOn?.[i]) && !standing) continue;
      evaluated[i]!.push({ personId, teamIds: teams, listed: Boolean(overdue?.[i]) || Boolean(standing?.overdue) });
    }
  });
  return evaluated;
}

function onCurrentPrescription(facts: MonitoringFacts | undefined): boolean {
  return Boolean(facts?.prescriptions.some((p) => currentPrescriptionStatuses.includes(p.status)));
}

/** Everyone with a current prescription or who may be on the SMI register (of the teams or people asked about), a slice at a time, told with their facts on each day. */
async function eachCandidateOnDays(db: Kysely<Database>, options: OnDaysOptions, each: (asOfs: string[], candidate: CandidateOnDays) => void): Promise<void> {
  const days = options.days.map((asOf) => scopeDay(asOf));
  // Each day holds its own facts for a slice: the slice shrinks so that memory stays that of one day's.
  const size = Math.max(1, Math.floor((options.sliceSize ?? SLICE_SIZE) / days.length));
  const befores = days.map(({ day }) => endOfLondonDay(day));
  const asOfs = days.map(({ asOf }) => asOf);

  // Only the teams asked about are read (everyone they have held); the rules then check who they held on the day.
  const byTeam = heldByTeamsSql(scopeTeams(options));
  // Only the people asked about (a caseload, a board build of some people) are read, by key in each part.
  const only = options.people ? peopleByKeySql(options.people) : sql``;

  // Who to read, found once: asking again for each slice would scan every diagnosis again each time.
  const candidates = (await sql<{ person_id: string }>`
    SELECT DISTINCT person_id FROM (
      SELECT person_id FROM record WHERE resource_type = 'MedicationRequest' AND status = ANY(${[...currentPrescriptionStatuses]}::text[]) ${only}
      UNION ${smiCandidates(options.people)}
    ) AS candidates
    WHERE true ${byTeam}
    ORDER BY person_id`.execute(db)).rows.map((r) => r.person_id);
  for (let from = 0; from < candidates.length; from += size) {
    const slice = candidates.slice(from, from + size);
    // The episodes are read once for both; the check's values in words are not read, as no reason gives them.
    const episodes = await loadPersonEpisodes(db, slice);
    const [medicinesOn, physicalOn] = await Promise.all([loadMonitoringFactsOnDays(db, { befores, personIds: slice, episodes }), loadPhysicalHealthFactsOnDays(db, { befores, personIds: slice, episodes, values: false })]);
    // A person at a time on every day, so that what the days share of their records is worked out once.
    for (const personId of slice) {
      const healthOn = physicalOn.map((on) => on.get(personId)!);
      const medicines = medicinesOn[0]!.has(personId) ? medicinesOn.map((on) => on.get(personId)!) : undefined;
      // A board keeps every day's teams: days held by the same teams share one list rather than a copy each.
      let held: string[] = [];
      const teamsOn = days.map(({ day }, i) => {
        const episodes = medicines?.[i]!.episodes ?? healthOn[i]!.episodes;
        const teams = (held = sameList(held, [...new Set(heldEpisodes(episodes, day).map((e) => e.teamId).filter((t): t is string => Boolean(t)))].sort()));
        if (options.team && !teams.includes(options.team)) return undefined;
        if (options.teams && !teams.some((t) => options.teams!.includes(t))) return undefined;
        return teams;
      });
      each(asOfs, { personId, ...(medicines ? { medicinesOn: medicines } : {}), healthOn, teamsOn });
    }
  }
}
