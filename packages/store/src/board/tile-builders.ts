import { attendedContacts, boardRules, carerConcernRules, concernTiming, endOfLondonDay, firstDayOfMonthsTo, heldEpisodes, isoDay, londonDay, monthsBefore, outcomeReportRules, outcomeRules, reliableChange, waitingRules, type BoardTileKey, type QuestionnaireKey, type ResponseTimes } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import { carerConcernResponses } from '../carers/carer-concern-responses.ts';
import { loadCaseloadEpisodes, loadCaseloadEpisodesOnDays } from '../caseload/caseload-episodes.ts';
import { judgedDischarges } from '../discharge/discharge-audit.ts';
import { disengagedWorklist } from '../engagement/disengaged-worklist.ts';
import { loadEngagementFacts } from '../engagement/engagement-facts.ts';
import { engagementOnDays, type EngagementOnDay } from '../engagement/engagement-on-days.ts';
import { intensiveCohortOnDays } from '../intensive-care/intensive-cohort-on-days.ts';
import { peopleInIntensiveCare } from '../intensive-care/in-intensive-care.ts';
import { intensiveReviewWorklist } from '../intensive-care/intensive-review-worklist.ts';
import { psychosisCandidates } from '../intensive-care/intensive-review-facts.ts';
import { monitoringListedOnDays } from '../medicines/monitoring-worklist.ts';
import { peopleSubjectToTheActOnDays } from '../mha/mha-use-report.ts';
import { measureDaysOf, scoresOf } from '../outcomes/person-outcomes.ts';
import { scorePairsAsOf, scoreSeries } from '../outcomes/score-series.ts';
import { eachCheckStandingOnDays } from '../physical-health/physical-health-report.ts';
import { peopleByKeySql } from '../records/people-by-key.ts';
import { loadPersonEpisodes } from '../records/person-episodes.ts';
import { eachWaitOnDays, quarterBefore } from '../referrals/waiting-times.ts';
import type { Database } from '../schema.ts';
import { BuildFacts } from './build-facts.ts';

/** One unit a tile counts (a person, a referral, a discharge): whose it is, whether in the numerator, and the teams it belongs to. */
export interface TileUnit {
  personId: string;
  counted: boolean;
  teamIds: readonly string[];
  /** Carers' concerns: the hours from the concern to its first response, when answered by the day. */
  answeredInHours?: number;
}

/** Sizes by team and by key worker, for the caseload tile. */
export interface Caseloads {
  teams: Array<{ teamId: string; people: number }>;
  keyWorkers: Array<{ practitionerId: string; teamId: string; people: number }>;
}

/** An episode held on the day by a team, and its key worker: what the caseload tile's sizes count. */
export interface HeldEpisode {
  personId: string;
  teamId: string;
  keyWorkerId: string | null;
}

export interface TileBuild {
  units: TileUnit[];
  /** The caseload tile: the episodes held on the day (caseloads is made from them: caseloadsOf). */
  held?: readonly HeldEpisode[];
  caseloads?: Caseloads;
  /** The response standard and median response time, for the carers' concerns tile (responseTimesOf its units). */
  responseTimes?: ResponseTimes;
}

/** An installation's settings some tiles read: the hours a carer's concern is due within (CONTINUITY_CARER_RESPONSE_HOURS). */
export interface TileSettings {
  carerResponseHours?: number;
}

/** The hours a carer's concern is due within under these settings: the installation's, else the rule's. */
export const responseHoursOf = (settings: TileSettings): number => settings.carerResponseHours ?? carerConcernRules.unanswered.responseWithinHours;

type Builder = (db: Kysely<Database>, asOf: string, settings?: TileSettings) => Promise<TileBuild>;

/** A builder for many days at once (a trend), given the facts shared by the tiles of one build. */
type ManyDays = (db: Kysely<Database>, days: readonly string[], settings: TileSettings, facts: BuildFacts) => Promise<TileBuild[]>;

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
  'waiting-times': async (db, asOf) => (await waitingOnDays(db, [asOf]))[0]!,

  caseload: async (db, asOf) => (await caseloadOnDays(db, [asOf], {}, new BuildFacts()))[0]!,

  // These three are the worklists' own answers for one day; their trends (engagementOnDays) are tested equal to them.
  'intensive-care': async (db, asOf) => {
    // The worklist leaves off people already in intensive or assertive care; they are the rest of the cohort.
    const [worklist, inCare] = await Promise.all([intensiveReviewWorklist(db, { asOf }), peopleInIntensiveCare(db, asOf)]);
    return {
      units: [
        ...worklist.list.items.map((i) => ({ personId: i.patient.id, counted: false, teamIds: worklist.people.get(i.patient.id)?.teamIds ?? [] })),
        ...inCare.map((p) => ({ personId: p.personId, counted: true, teamIds: p.teamIds })),
      ].sort((a, b) => (a.personId < b.personId ? -1 : 1)),
    };
  },

  disengaged: async (db, asOf) => {
    const [worklist, episodes] = await Promise.all([disengagedWorklist(db, { asOf }), loadCaseloadEpisodes(db, { asOf })]);
    const teams = teamsByPerson(episodes);
    const listed = new Set(worklist.list.items.map((i) => i.patient.id));
    const people = new Set([...teams.keys(), ...listed]);
    return { units: [...people].sort().map((personId) => ({ personId, counted: listed.has(personId), teamIds: teams.get(personId) ?? worklist.people.get(personId)?.teamIds ?? [] })) };
  },

  'contact-re-established': async (db, asOf) => {
    const day = londonDay(asOf)!;
    const listedOn = day - boardRules.reEstablishedWithinDays;
    const earlier = await disengagedWorklist(db, { asOf: isoDay(listedOn) });
    const listed = earlier.list.items.map((i) => i.patient.id);
    const facts = await loadEngagementFacts(db, { before: endOfLondonDay(day), personIds: listed });
    return {
      units: listed.map((personId) => {
        const since = facts.get(personId);
        return { personId, counted: since !== undefined && attendedContacts(since, day).some((c) => c.day > listedOn), teamIds: earlier.people.get(personId)?.teamIds ?? [] };
      }),
    };
  },

  'discharge-breaches': async (db, asOf) => (await dischargeBreachesOnDays(db, [asOf]))[0]!,

  'carer-concerns': async (db, asOf, settings) => (await carerConcernsOnDays(db, [asOf], settings))[0]!,

  'physical-health-check': async (db, asOf) => (await physicalHealthCheckOnDays(db, [asOf], {}, new BuildFacts()))[0]!,

  monitoring: async (db, asOf) => (await monitoringOnDays(db, [asOf], {}, new BuildFacts()))[0]!,

  'outcome-measures': async (db, asOf) => (await outcomeMeasuresOnDays(db, [asOf], {}, new BuildFacts()))[0]!,

  'outcome-change': async (db, asOf) => (await outcomeChangeOnDays(db, [asOf], {}, new BuildFacts()))[0]!,

  'mha-use': async (db, asOf) => (await mhaUseOnDays(db, [asOf], {}, new BuildFacts()))[0]!,
};

/**
 * The episodes held on each of the days, and the teams holding each person on each, read and worked
 * out once per build: the caseload, disengaged and both outcome tiles count people held, and their
 * units share one list of a person's teams a day (nothing changes a unit's teams once built).
 */
const episodesOnDays = (db: Kysely<Database>, days: readonly string[], facts: BuildFacts) =>
  facts.once(`episodes|${days.join()}`, ['caseload', 'disengaged', 'outcome-measures', 'outcome-change'], async () => {
    const episodesOn = await loadCaseloadEpisodesOnDays(db, days, { people: facts.people });
    return { episodesOn, teamsOn: episodesOn.map(teamsByPerson) };
  });

/** Everyone alive on record on each of the days and whether subject to the Act, read once per build for the caseload and MHA tiles. */
const subjectOnDays = (db: Kysely<Database>, days: readonly string[], facts: BuildFacts) => facts.once(`act|${days.join()}`, ['caseload', 'mha-use'], () => peopleSubjectToTheActOnDays(db, days, { people: facts.people }));

/** Subject to the Mental Health Act on each day, of everyone alive on record. */
async function mhaUseOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  return (await subjectOnDays(db, days, facts)).map((alive) => ({ units: alive.map((p) => ({ personId: p.personId, counted: p.subject, teamIds: [] })) }));
}

/**
 * The disengaged worklist on the days the engagement tiles of this build need, read once per build
 * for the three tiles made from it: the disengaged list and the intensive and assertive cohort need
 * each of the days, contact re-established the day 28 days before each and the contacts since. A
 * tile built alone judges only its own days; a build of several judges the days of them all. A
 * build of some people reads and judges only theirs.
 */
async function engagementFor(db: Kysely<Database>, days: readonly string[], facts: BuildFacts, tile: BoardTileKey): Promise<(asOf: string) => EngagementOnDay> {
  const needs = (key: BoardTileKey) => key === tile || facts.builds(key);
  const earlier = days.map((d) => isoDay(londonDay(d)! - boardRules.reEstablishedWithinDays));
  const from = needs('contact-re-established') ? earlier : [];
  const wanted = [...new Set([...(needs('disengaged') || needs('intensive-care') ? days : []), ...from])].sort();
  // Only the intensive cohort reads the reasons, and only of the people its review could list.
  const reasons = needs('intensive-care');
  const onDays = await facts.once(`engagement|${wanted.join()}|${from.join()}|${reasons}`, ['disengaged', 'contact-re-established', 'intensive-care'], async () => {
    const reviewed = new Set(reasons ? await psychosisCandidates(db, facts.people ? peopleByKeySql(facts.people) : sql``) : []);
    return engagementOnDays(db, wanted, { contactAfter: { days: boardRules.reEstablishedWithinDays, from }, people: facts.people, reasonsOf: (personId) => reviewed.has(personId) });
  });
  return (asOf) => onDays[wanted.indexOf(asOf)]!;
}

/**
 * People held on each day or on the disengaged list, and whether on it: the worklist's answer for
 * each day, from one read of the facts (in a build of some people, both of theirs alone).
 */
async function disengagedOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  const [engagement, { teamsOn }] = await Promise.all([engagementFor(db, days, facts, 'disengaged'), episodesOnDays(db, days, facts)]);
  return days.map((asOf, i) => {
    const teams = teamsOn[i]!;
    const listed = new Map(engagement(asOf).listed.map((l) => [l.personId, l.teamIds]));
    const people = new Set([...teams.keys(), ...listed.keys()]);
    return { units: [...people].sort().map((personId) => ({ personId, counted: listed.has(personId), teamIds: teams.get(personId) ?? listed.get(personId) ?? [] })) };
  });
}

/** People on the disengaged list 28 days before each day, and whether they have had an attended contact since: from the same read. */
async function contactReEstablishedOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  const engagement = await engagementFor(db, days, facts, 'contact-re-established');
  return days.map((asOf) => {
    const listedOn = londonDay(asOf)! - boardRules.reEstablishedWithinDays;
    const { listed, latestContact } = engagement(isoDay(listedOn));
    return { units: listed.map((l) => ({ personId: l.personId, counted: (latestContact.get(l.personId) ?? -Infinity) > listedOn, teamIds: l.teamIds })) };
  });
}

/**
 * The intensive and assertive cohort on each day, and who of it is in intensive care: the worklist's
 * and the rule's answers for each day. Disengagement matters only for the people the worklist could
 * list, so built without the other engagement tiles, only they are judged for it. A build of some
 * people reads only their candidates.
 */
async function intensiveCareOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  const shared = facts.builds('disengaged') || facts.builds('contact-re-established');
  const engagementOf = async (reviewed: readonly string[]) => (shared ? days.map(await engagementFor(db, days, facts, 'intensive-care')) : engagementOnDays(db, days, { people: reviewed }));
  const cohort = await intensiveCohortOnDays(db, days, engagementOf, { people: facts.people });
  return cohort.map(({ listed, inCare }) => ({
    units: [...listed.map(({ personId, teamIds }) => ({ personId, counted: false, teamIds })), ...inCare.map(({ personId, teamIds }) => ({ personId, counted: true, teamIds }))]
      .sort((a, b) => (a.personId < b.personId ? -1 : 1)),
  }));
}

/**
 * Referrals seen in the quarter to each day, and whether within the standard: the referral facts are
 * read once for all the days, and only each day's units are kept of the waits.
 */
async function waitingOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings = {}, facts = new BuildFacts()): Promise<TileBuild[]> {
  const builds: TileBuild[] = days.map(() => ({ units: [] }));
  const quarters = days.map((asOf) => ({ from: londonDay(quarterBefore(asOf))!, to: londonDay(asOf)! }));
  // Every unit of a team shares one list of it, rather than a list per referral per day.
  const teamLists = new Map<string | null, string[]>();
  const teamsOf = (teamId: string | null) => teamLists.get(teamId) ?? teamLists.set(teamId, teamId ? [teamId] : []).get(teamId)!;
  await eachWaitOnDays(db, quarters.map((q) => q.to), (i, w) => {
    if (w.clockStop !== null && w.clockStop.day >= quarters[i]!.from && w.clockStop.day <= quarters[i]!.to) {
      builds[i]!.units.push({ personId: w.personId, counted: w.waitedDays <= waitingRules.standardDays, teamIds: teamsOf(w.teamId) });
    }
  }, { people: facts.people });
  return builds;
}

/** People held on each day of all alive, with caseload sizes by team and key worker: the episodes are read once. */
async function caseloadOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  const [{ episodesOn, teamsOn }, aliveOn] = await Promise.all([episodesOnDays(db, days, facts), subjectOnDays(db, days, facts)]);
  const builds: TileBuild[] = [];
  for (const i of days.keys()) {
    const held = episodesOn[i]!;
    const teams = teamsOn[i]!;
    builds.push({
      units: aliveOn[i]!.map((p) => ({ personId: p.personId, counted: teams.has(p.personId), teamIds: teams.get(p.personId) ?? [] })),
      held,
      caseloads: caseloadsOf(held),
    });
  }
  return builds;
}

/** People held per team and per key worker (within a team), from the episodes held on the day. */
export function caseloadsOf(held: readonly HeldEpisode[]): Caseloads {
  const count = (key: (e: HeldEpisode) => string) => {
    const people = new Map<string, Set<string>>();
    for (const e of held) (people.get(key(e)) ?? people.set(key(e), new Set()).get(key(e))!).add(e.personId);
    return people;
  };
  const byTeam = count((e) => e.teamId);
  const byKeyWorker = count((e) => (e.keyWorkerId ? `${e.teamId}|${e.keyWorkerId}` : ''));
  byKeyWorker.delete('');
  return {
    teams: [...byTeam].map(([teamId, people]) => ({ teamId, people: people.size })).sort((a, b) => (a.teamId < b.teamId ? -1 : 1)),
    keyWorkers: [...byKeyWorker]
      .map(([key, people]) => ({ teamId: key.split('|')[0]!, practitionerId: key.split('|')[1]!, people: people.size }))
      .sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : a.practitionerId < b.practitionerId ? -1 : 1)),
  };
}

/**
 * People held on each day with an outcome measure in the 12 months to it (the outcomes report's
 * completion, all teams): episodes and measures are read once, up to the last day, and each day
 * counts only measures on or before it, as measuresOf would. Built with outcome change, it takes
 * that tile's read of the scored measures; alone, it reads only the days of the measures.
 */
async function outcomeMeasuresOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  const { teamsOn, measuredOn } = facts.builds('outcome-change') ? await outcomesOnDays(db, days, facts) : await measuredOnDays(db, days, facts);
  return days.map((asOf, i) => {
    const teams = teamsOn[i]!;
    const last = londonDay(asOf)!;
    const since = monthsBefore(last, outcomeReportRules.completionMonths);
    return { units: [...teams].map(([personId, teamIds]) => ({ personId, counted: latestOnOrBefore(measuredOn.get(personId), last) > since, teamIds })) };
  });
}

/** The latest of some days in order that is on or before a day; -Infinity when none is. */
function latestOnOrBefore(days: readonly number[] | undefined, day: number): number {
  for (let i = (days?.length ?? 0) - 1; i >= 0; i--) if (days![i]! <= day) return days![i]!;
  return -Infinity;
}

/** The latest day of some, and everyone held on any of them. */
const lastOf = (days: readonly string[]) => [...days].sort().at(-1)!;
const heldOnAny = (teamsOn: ReadonlyArray<ReadonlyMap<string, unknown>>) => [...new Set(teamsOn.flatMap((teams) => [...teams.keys()]))];

/** For the completion tile built without outcome change: the days of each one's measures, which need no scoring. */
async function measuredOnDays(db: Kysely<Database>, days: readonly string[], facts: BuildFacts) {
  const { teamsOn } = await episodesOnDays(db, days, facts);
  return { teamsOn, measuredOn: await measureDaysOf(db, heldOnAny(teamsOn), lastOf(days)) };
}

/**
 * The teams holding each person on each day, and of everyone held on any of the days, up to the
 * last: the days each had an outcome measure, and each one's scores by each rule with a published
 * reliable change (scoreSeries). Read and scored once per build for both outcome tiles; the measures
 * themselves are let go once these are made.
 */
async function outcomesOnDays(db: Kysely<Database>, days: readonly string[], facts: BuildFacts) {
  const { teamsOn } = await episodesOnDays(db, days, facts);
  return facts.once(`measures|${days.join()}`, ['outcome-measures', 'outcome-change'], async () => {
    const measures = await scoresOf(db, heldOnAny(teamsOn), lastOf(days));
    const measuredOn = new Map<string, number[]>();
    for (const m of measures) (measuredOn.get(m.personId) ?? measuredOn.set(m.personId, []).get(m.personId)!).push(m.day);
    const series = (Object.keys(outcomeRules) as QuestionnaireKey[]).flatMap((instrument) => {
      const own = measures.filter((m) => m.instrument === instrument);
      return outcomeRules[instrument].scores.filter((rule) => rule.reliableChange !== undefined).map((rule) => ({ rule, series: scoreSeries(rule.key, own) }));
    });
    return { teamsOn, measuredOn, series };
  });
}

/**
 * Carers' concerns whose response fell due in the months to each day (boardRules.carerConcernMonths),
 * and whether each was answered by the time it was due: the concerns and their first responses are
 * read once for all the days. A concern due after the day (or after now, for today) is not yet
 * counted: it has no settled answer. The median response time is of those answered by then.
 */
async function carerConcernsOnDays(db: Kysely<Database>, days: readonly string[], settings: TileSettings = {}, facts = new BuildFacts()): Promise<TileBuild[]> {
  const hours = responseHoursOf(settings);
  const windowOf = (asOf: string) => ({ from: londonDay(firstDayOfMonthsTo(asOf, boardRules.carerConcernMonths))!, to: londonDay(asOf)! });
  const sorted = [...days].sort();
  const earliest = endOfLondonDay(windowOf(sorted[0]!).from - 1).getTime() - hours * 3_600_000;
  const concerns = await carerConcernResponses(db, { from: new Date(earliest - 1), to: endOfLondonDay(londonDay(sorted.at(-1)!)!), people: facts.people });
  const episodes = await loadPersonEpisodes(db, [...new Set(concerns.map((c) => c.personId))]);
  return days.map((asOf) => {
    const { from, to } = windowOf(asOf);
    const at = Math.min(Date.now(), endOfLondonDay(to).getTime() - 1);
    const units: TileUnit[] = [];
    for (const c of concerns) {
      const dueAt = concernTiming(c.receivedAt, new Date(at), hours).dueAt;
      const due = Date.parse(dueAt);
      if (due > at || londonDay(dueAt)! < from) continue;
      const answered = c.firstResponseAt !== null && Date.parse(c.firstResponseAt) <= at ? Date.parse(c.firstResponseAt) : null;
      const holding = heldEpisodes(episodes.get(c.personId) ?? [], to).map((e) => e.teamId).filter((t): t is string => Boolean(t));
      units.push({
        personId: c.personId,
        counted: answered !== null && answered <= due,
        teamIds: [...new Set([...c.raisedWith, ...holding])].sort(),
        ...(answered !== null ? { answeredInHours: (answered - Date.parse(c.receivedAt)) / 3_600_000 } : {}),
      });
    }
    return { units, responseTimes: responseTimesOf(units, hours) };
  });
}

/** The standard, and how many concerns were answered by the day and their median hours to answer. */
export function responseTimesOf(units: readonly TileUnit[], standardHours: number): ResponseTimes {
  const answeredIn = units.flatMap((u) => (u.answeredInHours === undefined ? [] : [u.answeredInHours]));
  return { standardHours, answered: answeredIn.length, medianHours: median(answeredIn) };
}

/** The middle value (the mean of the two middle ones for an even count), to one decimal place. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const middle = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(middle * 10) / 10;
}

/**
 * First-to-latest score pairs of people held on each day (the outcomes report's pairing): episodes
 * and measures are read once, up to the last day, and each day pairs only the scores on or before
 * it of the people held that day (scorePairsAsOf), as scorePairs over measuresOf would.
 */
async function outcomeChangeOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  const { teamsOn, series } = await outcomesOnDays(db, days, facts);
  return days.map((asOf, i) => {
    const teams = teamsOn[i]!;
    const last = londonDay(asOf)!;
    const units: TileUnit[] = [];
    for (const { rule, series: scores } of series) {
      for (const pair of scorePairsAsOf(scores, last, (personId) => teams.has(personId))) units.push({ personId: pair.personId, counted: reliableChange(rule, pair.first, pair.latest) === 'reliably-improved', teamIds: teams.get(pair.personId)! });
    }
    return { units };
  });
}

/**
 * People on the SMI register held on each day, and whether their check was complete; and the people
 * the monitoring-overdue worklist evaluates on each day, and whether it lists them. One read for both
 * tiles when a build makes both: the worklist judges everyone on the register (and everyone on a current prescription), so
 * the checks it makes are the physical-health report's (eachCheckStandingOnDays; tested equal).
 */
function checksAndMonitoringOnDays(db: Kysely<Database>, days: readonly string[], facts: BuildFacts) {
  return facts.once(`monitoring|${days.join()}`, ['physical-health-check', 'monitoring'], async () => {
    const checks: TileBuild[] = days.map(() => ({ units: [] }));
    const listed = await monitoringListedOnDays(db, { days, people: facts.people, eachStanding: (i, personId, standing) => checks[i]!.units.push({ personId, counted: standing.completion === 'complete', teamIds: standing.teamIds }) });
    return { checks, listed };
  });
}

async function physicalHealthCheckOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  if (facts.builds('monitoring')) return (await checksAndMonitoringOnDays(db, days, facts)).checks;
  const builds: TileBuild[] = days.map(() => ({ units: [] }));
  await eachCheckStandingOnDays(db, { days, people: facts.people }, (i, personId, standing, teams) => builds[i]!.units.push({ personId, counted: standing.completion === 'complete', teamIds: teams }));
  return builds;
}

async function monitoringOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings, facts: BuildFacts): Promise<TileBuild[]> {
  return (await checksAndMonitoringOnDays(db, days, facts)).listed.map((evaluated) => ({ units: evaluated.map((p) => ({ personId: p.personId, counted: p.listed, teamIds: p.teamIds })) }));
}

/** Units in one order whatever order their rows came in: by person, then counted, then teams. */
function byUnit(a: TileUnit, b: TileUnit): number {
  if (a.personId !== b.personId) return a.personId < b.personId ? -1 : 1;
  if (a.counted !== b.counted) return a.counted ? 1 : -1;
  const teamsA = a.teamIds.join();
  const teamsB = b.teamIds.join();
  return teamsA < teamsB ? -1 : teamsA > teamsB ? 1 : 0;
}

/**
 * Discharges in the 12 months to each day, in the numerator when the audit found a reason: the
 * discharges of the months to the last day are read and judged once (judgedDischarges), since a
 * discharge's judgement does not depend on the day (its episode and the person's diagnoses), and
 * each day takes those that ended in its own months.
 */
async function dischargeBreachesOnDays(db: Kysely<Database>, days: readonly string[], _settings: TileSettings = {}, facts = new BuildFacts()): Promise<TileBuild[]> {
  const windows = days.map((asOf) => ({ from: londonDay(firstDayOfMonthsTo(asOf, 12))!, to: londonDay(asOf)! }));
  const discharges = await judgedDischarges(db, { from: isoDay(Math.min(...windows.map((w) => w.from))), to: isoDay(Math.max(...windows.map((w) => w.to))), people: facts.people });
  return windows.map(({ from, to }) => ({
    units: discharges
      .filter((d) => d.day >= from && d.day <= to)
      .map((d) => ({ personId: d.personId, counted: d.reasons.length > 0, teamIds: d.teamId ? [d.teamId] : [] }))
      .sort(byUnit),
  }));
}

/** Builders that read once for many days (a trend), where the facts they read do not depend on the day. */
const onManyDays: Partial<Record<BoardTileKey, ManyDays>> = {
  'waiting-times': waitingOnDays,
  caseload: caseloadOnDays,
  'intensive-care': intensiveCareOnDays,
  disengaged: disengagedOnDays,
  'contact-re-established': contactReEstablishedOnDays,
  'outcome-measures': outcomeMeasuresOnDays,
  'carer-concerns': carerConcernsOnDays,
  'discharge-breaches': dischargeBreachesOnDays,
  'outcome-change': outcomeChangeOnDays,
  'physical-health-check': physicalHealthCheckOnDays,
  monitoring: monitoringOnDays,
  'mha-use': mhaUseOnDays,
};

/**
 * Tiles whose one day alone (a drill-down) is quicker from the worklist itself, which reads the kept
 * engagement state (engagement-state.ts), than from everyone's facts read for many days.
 */
const oneDayFromWorklist = new Set<BoardTileKey>(['intensive-care', 'disengaged', 'contact-re-established']);

/**
 * Tiles whose builders read only the people of a build of some people (BuildFacts.people). Any
 * other is built for everyone and kept to those people: the same answer, at the cost of everyone's.
 */
export const buildsForSomePeople: ReadonlySet<BoardTileKey> = new Set<BoardTileKey>([
  'waiting-times',
  'caseload',
  'mha-use',
  'outcome-measures',
  'outcome-change',
  'discharge-breaches',
  'carer-concerns',
  'disengaged',
  'contact-re-established',
  'intensive-care',
  'physical-health-check',
  'monitoring',
]);

/** A tile built as of each of some days, in order: at once where the builder can, else a day at a time. */
export async function buildTileOnDays(db: Kysely<Database>, key: BoardTileKey, days: readonly string[], settings: TileSettings = {}, facts = new BuildFacts()): Promise<TileBuild[]> {
  const many = onManyDays[key];
  if (facts.people) {
    if (buildsForSomePeople.has(key)) return many!(db, days, settings, facts);
    return (await buildTileOnDays(db, key, days, settings)).map((build) => keptTo(build, new Set(facts.people)));
  }
  if (many && !(days.length === 1 && oneDayFromWorklist.has(key))) return many(db, days, settings, facts);
  const builds: TileBuild[] = [];
  for (const day of days) builds.push(await tileBuilders[key](db, day, settings));
  return builds;
}


/** A build of everyone kept to some of them: their units and held episodes, and what is made of those. */
export function keptTo(build: TileBuild, people: ReadonlySet<string>): TileBuild {
  const units = build.units.filter((u) => people.has(u.personId));
  const held = build.held?.filter((e) => people.has(e.personId));
  return {
    units,
    ...(held ? { held, caseloads: caseloadsOf(held) } : {}),
    ...(build.responseTimes ? { responseTimes: responseTimesOf(units, build.responseTimes.standardHours) } : {}),
  };
}
