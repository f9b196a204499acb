import { londonDay, outcomeReportRules, waitingRules, type BoardTileKey } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { loadCaseloadEpisodes } from '../caseload/caseload-episodes.ts';
import { judgedDischarges } from '../discharge/discharge-audit.ts';
import { disengagedWorklist } from '../engagement/disengaged-worklist.ts';
import { monitoringOverdueWorklist } from '../medicines/monitoring-worklist.ts';
import { peopleSubjectToTheAct } from '../mha/mha-use-report.ts';
import { monthsBefore } from '../outcomes/team-outcomes.ts';
import { measuresOf } from '../outcomes/person-outcomes.ts';
import { eachEligibleCheck } from '../physical-health/physical-health-report.ts';
import { quarterBefore, waitsAsOf } from '../referrals/waiting-times.ts';
import type { Database } from '../schema.ts';

/** One unit a tile counts (a person, a referral, a discharge): whose it is, whether in the numerator, and the teams it belongs to. */
export interface TileUnit {
  personId: string;
  counted: boolean;
  teamIds: readonly string[];
}

export interface TileBuild {
  units: TileUnit[];
  /** Sizes by team and by key worker, for the caseload tile. */
  caseloads?: { teams: Array<{ teamId: string; people: number }>; keyWorkers: Array<{ practitionerId: string; teamId: string; people: number }> };
}

type Builder = (db: Kysely<Database>, asOf: string) => Promise<TileBuild>;

/** The teams holding each person on the day. */
function teamsByPerson(episodes: ReadonlyArray<{ personId: string; teamId: string }>): Map<string, string[]> {
  const teams = new Map<string, string[]>();
  for (const e of episodes) {
    const held = teams.get(e.personId) ?? teams.set(e.personId, []).get(e.personId)!;
    if (!held.includes(e.teamId)) held.push(e.teamId);
  }
  return teams;
}

/**
 * One builder per board tile (board-tiles.ts in the domain), each made from the report or worklist
 * that already answers the question, so that the dashboard, the board pack and those reports agree.
 */
export const tileBuilders: Record<BoardTileKey, Builder> = {
  'waiting-times': async (db, asOf) => {
    const from = londonDay(quarterBefore(asOf))!;
    const to = londonDay(asOf)!;
    const waits = await waitsAsOf(db, to);
    return {
      units: waits
        .filter((w) => w.clockStop !== null && w.clockStop.day >= from && w.clockStop.day <= to)
        .map((w) => ({ personId: w.personId, counted: w.waitedDays <= waitingRules.standardDays, teamIds: w.teamId ? [w.teamId] : [] })),
    };
  },

  caseload: async (db, asOf) => {
    const [people, episodes] = await Promise.all([peopleSubjectToTheAct(db, asOf), loadCaseloadEpisodes(db, { asOf })]);
    const teams = teamsByPerson(episodes);
    const count = (key: (e: (typeof episodes)[number]) => string) => {
      const people = new Map<string, Set<string>>();
      for (const e of episodes) (people.get(key(e)) ?? people.set(key(e), new Set()).get(key(e))!).add(e.personId);
      return people;
    };
    const byTeam = count((e) => e.teamId);
    const byKeyWorker = count((e) => (e.keyWorkerId ? `${e.teamId}|${e.keyWorkerId}` : ''));
    byKeyWorker.delete('');
    return {
      units: people.map((p) => ({ personId: p.personId, counted: teams.has(p.personId), teamIds: teams.get(p.personId) ?? [] })),
      caseloads: {
        teams: [...byTeam].map(([teamId, held]) => ({ teamId, people: held.size })).sort((a, b) => (a.teamId < b.teamId ? -1 : 1)),
        keyWorkers: [...byKeyWorker]
          .map(([key, held]) => ({ teamId: key.split('|')[0]!, practitionerId: key.split('|')[1]!, people: held.size }))
          .sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.practitionerId < b.practitionerId ? -1 : 1)),
      },
    };
  },

  disengaged: async (db, asOf) => {
    const [worklist, episodes] = await Promise.all([disengagedWorklist(db, { asOf }), loadCaseloadEpisodes(db, { asOf })]);
    const teams = teamsByPerson(episodes);
    const listed = new Set(worklist.list.items.map((i) => i.patient.id));
    const people = new Set([...teams.keys(), ...listed]);
    return { units: [...people].sort().map((personId) => ({ personId, counted: listed.has(personId), teamIds: teams.get(personId) ?? worklist.people.get(personId)?.teamIds ?? [] })) };
  },

  'discharge-breaches': async (db, asOf) => {
    const discharges = await judgedDischarges(db, { from: isoMonthsBefore(asOf, 12), to: asOf });
    return { units: discharges.map((d) => ({ personId: d.personId, counted: d.reasons.length > 0, teamIds: d.teamId ? [d.teamId] : [] })) };
  },

  'physical-health-check': async (db, asOf) => {
    const units: TileUnit[] = [];
    await eachEligibleCheck(db, { asOf }, (check, teams) => units.push({ personId: check.personId, counted: check.completion === 'complete', teamIds: teams }));
    return { units };
  },

  monitoring: async (db, asOf) => {
    const worklist = await monitoringOverdueWorklist(db, { asOf });
    const listed = new Set(worklist.list.items.map((i) => i.patient.id));
    return { units: worklist.evaluatedPeople.map((p) => ({ personId: p.personId, counted: listed.has(p.personId), teamIds: p.teamIds })) };
  },

  'outcome-measures': async (db, asOf) => {
    const teams = teamsByPerson(await loadCaseloadEpisodes(db, { asOf }));
    const people = [...teams.keys()];
    const since = monthsBefore(asOf, outcomeReportRules.completionMonths);
    const completed = new Set((await measuresOf(db, people, asOf)).filter((m) => m.day > since).map((m) => m.personId));
    return { units: people.map((personId) => ({ personId, counted: completed.has(personId), teamIds: teams.get(personId)! })) };
  },

  'mha-use': async (db, asOf) => ({ units: (await peopleSubjectToTheAct(db, asOf)).map((p) => ({ personId: p.personId, counted: p.subject, teamIds: [] })) }),
};

/** The day after the same day `months` months before: a period of whole months ending on the day. */
export function isoMonthsBefore(asOf: string, months: number): string {
  const start = new Date(`${asOf}T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - months);
  start.setUTCDate(start.getUTCDate() + 1);
  return start.toISOString().slice(0, 10);
}
