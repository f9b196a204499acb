import type { InstrumentRules, ScoreRule } from './outcome-rules.ts';
import type { ItemAnswers } from './item-answers.ts';

/** One score a measure gave: what it is, its value and which way is better. */
export interface MeasureScore {
  key: string;
  label: string;
  value: number;
  min: number;
  max: number;
  higherIsBetter: boolean;
  /** The published band the score falls in, where the instrument publishes bands. */
  band?: string;
  /** The raw item total before conversion (SWEMWBS). */
  raw?: number;
  /** Items rated not known (HoNOS 9): left out of the score. */
  notKnownItems?: string[];
}

/** A score the answers could not give, and why: named items unanswered beyond what the source allows. */
export interface NotScored {
  key: string;
  label: string;
  why: string;
}

export type ScoreOrWhyNot = { ok: true; score: MeasureScore } | { ok: false; notScored: NotScored };

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The published band a score falls in, or undefined when the instrument publishes none. */
export function bandOf(rule: ScoreRule, value: number): string | undefined {
  return rule.bands?.find((b) => value <= b.upTo)?.label;
}

/**
 * Works one score from item scores: each answered item scored (`itemScore` reverses negatively
 * worded items), not-known ratings left out, and the score given only when no more items are
 * missing or not known than the source allows.
 */
export function scoreItems(instrument: InstrumentRules, rule: ScoreRule, answers: ItemAnswers, itemScore: (linkId: string, answer: number) => number = (_, a) => a): ScoreOrWhyNot {
  const missing: string[] = [];
  const notKnown: string[] = [];
  const scored: number[] = [];
  for (const linkId of rule.items) {
    const answer = answers.get(linkId) ?? null;
    if (answer === null) missing.push(linkId);
    else if (instrument.notKnown && answer === instrument.notKnown.value) notKnown.push(linkId);
    else scored.push(itemScore(linkId, answer));
  }
  const absent = missing.length + notKnown.length;
  if (absent > rule.missingAllowed) {
    const parts = [
      ...(missing.length ? [`item${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not answered`] : []),
      ...(notKnown.length ? [`item${notKnown.length > 1 ? 's' : ''} ${notKnown.join(', ')} rated not known`] : []),
    ];
    const allowance = rule.missingAllowed === 0 ? 'needs every one of its items' : `allows at most ${rule.missingAllowed} items missing or not known`;
    return { ok: false, notScored: { key: rule.key, label: rule.label, why: `${parts.join(' and ')}: the ${instrument.title} ${rule.label.toLowerCase()} ${allowance}` } };
  }
  const sum = scored.reduce((a, b) => a + b, 0);
  const value = rule.combine === 'mean' ? round(sum / scored.length, rule.decimals) : sum;
  const band = bandOf(rule, value);
  return {
    ok: true,
    score: {
      key: rule.key, label: rule.label, value, min: rule.min, max: rule.max, higherIsBetter: rule.higherIsBetter,
      ...(band ? { band } : {}),
      ...(notKnown.length ? { notKnownItems: notKnown } : {}),
    },
  };
}

/** Everything a response gave: the scores it could, and why any others could not be given. */
export interface MeasureScoring {
  scores: MeasureScore[];
  notScored: NotScored[];
}

/** Works each of an instrument's scores from the same answers. */
export function scoreAll(instrument: InstrumentRules, answers: ItemAnswers, itemScore?: (linkId: string, answer: number) => number): MeasureScoring {
  const scoring: MeasureScoring = { scores: [], notScored: [] };
  for (const rule of instrument.scores) {
    const outcome = scoreItems(instrument, rule, answers, itemScore);
    if (outcome.ok) scoring.scores.push(outcome.score);
    else scoring.notScored.push(outcome.notScored);
  }
  return scoring;
}
