import type { MeasureScore } from '@continuity/domain';

/** What a series reads of a measure: whose, the day it counts on and its scores. */
interface Scored {
  personId: string;
  day: number;
  scores: ReadonlyArray<Pick<MeasureScore, 'key' | 'value'>>;
}

/** One person's scores by one rule, oldest first, with the day each was given. */
export interface ScoreSeries {
  personId: string;
  days: number[];
  values: number[];
}

/**
 * Each person's scores by one rule, from measures oldest first (as measuresOf and scoresOf give
 * them), the people in the order of their first score: the order scorePairs gives its pairs in.
 * Made once for a trend, so that each of its days pairs scores without going over the measures again.
 */
export function scoreSeries(ruleKey: string, measures: readonly Scored[]): ScoreSeries[] {
  const byPerson = new Map<string, ScoreSeries>();
  for (const m of measures) {
    const score = m.scores.find((s) => s.key === ruleKey);
    if (!score) continue;
    let series = byPerson.get(m.personId);
    if (!series) byPerson.set(m.personId, (series = { personId: m.personId, days: [], values: [] }));
    series.days.push(m.day);
    series.values.push(score.value);
  }
  return [...byPerson.values()];
}

/**
 * scorePairs as of a day, for the people `held` that day: each one's first and latest score of
 * those on or before the day, for those with two or more. Measures are oldest first, so the scores
 * on or before a day are the first of a person's series. Tested equal to scorePairs over the
 * measures on or before the day of the people held (packages/store/test/score-series.test.ts).
 */
export function scorePairsAsOf(series: readonly ScoreSeries[], day: number, held: (personId: string) => boolean): Array<{ personId: string; first: number; latest: number }> {
  const pairs: Array<{ personId: string; first: number; latest: number }> = [];
  for (const s of series) {
    if (!held(s.personId)) continue;
    let given = s.days.length;
    while (given > 0 && s.days[given - 1]! > day) given--;
    if (given >= 2) pairs.push({ personId: s.personId, first: s.values[0]!, latest: s.values[given - 1]! });
  }
  return pairs;
}
