import { londonDay, monthsBefore, outcomeReportRules, outcomeRules, reliableChange, type QuestionnaireKey } from '@continuity/domain';
import type { Kysely } from 'kysely';
import { loadCaseloadEpisodes } from '../caseload/caseload-episodes.ts';
import type { Database } from '../schema.ts';
import { measuresOf, type DatedMeasure } from './person-outcomes.ts';

/** Change from each person's first to latest score, counted over the people who have both. */
export interface ScoreChange {
  key: string;
  label: string;
  higherIsBetter: boolean;
  /** People with a first and a later latest score. */
  paired: number;
  meanFirst: number | null;
  meanLatest: number | null;
  /** Mean of (latest − first), to two places. */
  meanChange: number | null;
  /** Counts by reliable change; null where the rules hold no published figure for it. */
  reliablyImproved: number | null;
  noReliableChange: number | null;
  reliablyDeteriorated: number | null;
}

export interface InstrumentOutcomes {
  instrument: QuestionnaireKey;
  title: string;
  /** People on the caseload with this measure completed in the completion window. */
  completed: number;
  scores: ScoreChange[];
}

/** Aggregate only: no person is named. */
export interface TeamOutcomes {
  report: 'outcomes';
  asOf: string;
  teamId: string;
  /** People the team holds on the day. */
  caseload: number;
  completion: { months: number; people: number; rate: number | null };
  instruments: InstrumentOutcomes[];
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : null);

/**
 * A team's outcomes on a day, for its people on the caseload that day: per instrument, how many
 * completed it in the last 12 months, and per score each person's first and latest score (of
 * all their measures up to the day) with the mean change and reliable change counts. Completion
 * rate: people with at least one measure of any instrument in the last 12 months, over the caseload.
 * The report names nobody; `personIds` (the caseload read) is returned for the audit alone.
 */
export async function teamOutcomes(db: Kysely<Database>, teamId: string, asOf: string): Promise<{ report: TeamOutcomes; personIds: string[] }> {
  const episodes = await loadCaseloadEpisodes(db, { asOf, teams: [teamId] });
  const people = [...new Set(episodes.map((e) => e.personId))];
  const measures = await measuresOf(db, people, asOf);
  const since = monthsBefore(londonDay(asOf)!, outcomeReportRules.completionMonths);
  const recent = measures.filter((m) => m.day > since);
  const completedPeople = new Set(recent.map((m) => m.personId));

  const instruments = (Object.keys(outcomeRules) as QuestionnaireKey[]).map((instrument): InstrumentOutcomes => {
    const rules = outcomeRules[instrument];
    const own = measures.filter((m) => m.instrument === instrument);
    return {
      instrument,
      title: rules.title,
      completed: new Set(recent.filter((m) => m.instrument === instrument).map((m) => m.personId)).size,
      scores: rules.scores.map((rule) => scoreChange(rule, own)),
    };
  });
  const report: TeamOutcomes = {
    report: 'outcomes',
    asOf,
    teamId,
    caseload: people.length,
    completion: { months: outcomeReportRules.completionMonths, people: completedPeople.size, rate: people.length ? Math.round((completedPeople.size / people.length) * 1000) / 1000 : null },
    instruments,
  };
  // The people whose records were read, for the audit; never part of the report.
  return { report, personIds: people };
}

/** Each person's first and latest score by one rule, for those with two or more measures giving it (measures oldest first). */
export function scorePairs(rule: Pick<(typeof outcomeRules)[QuestionnaireKey]['scores'][number], 'key'>, measures: readonly DatedMeasure[]): Array<{ personId: string; first: number; latest: number }> {
  const byPerson = new Map<string, number[]>();
  for (const m of measures) {
    const score = m.scores.find((s) => s.key === rule.key);
    if (score) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), score.value]);
  }
  return [...byPerson].filter(([, v]) => v.length >= 2).map(([personId, v]) => ({ personId, first: v[0]!, latest: v[v.length - 1]! }));
}

function scoreChange(rule: (typeof outcomeRules)[QuestionnaireKey]['scores'][number], measures: readonly DatedMeasure[]): ScoreChange {
  const pairs = scorePairs(rule, measures);
  const counted = rule.reliableChange !== undefined;
  const count = (kind: string) => (counted ? pairs.filter((p) => reliableChange(rule, p.first, p.latest) === kind).length : null);
  return {
    key: rule.key,
    label: rule.label,
    higherIsBetter: rule.higherIsBetter,
    paired: pairs.length,
    meanFirst: mean(pairs.map((p) => p.first)),
    meanLatest: mean(pairs.map((p) => p.latest)),
    meanChange: mean(pairs.map((p) => p.latest - p.first)),
    reliablyImproved: count('reliably-improved'),
    noReliableChange: count('no-reliable-change'),
    reliablyDeteriorated: count('reliably-deteriorated'),
  };
}
