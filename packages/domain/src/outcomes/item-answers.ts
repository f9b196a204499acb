import type { InstrumentRules } from './outcome-rules.ts';

/** A QuestionnaireResponse item as it arrives: nothing about it is trusted yet. */
export interface ResponseItem {
  linkId?: unknown;
  answer?: unknown;
}

/** What is wrong with one item's answer, by its linkId, in words a clinician can act on. */
export interface ItemProblem {
  linkId: string;
  message: string;
}

/** Each item's answer position by linkId; null when it was left unanswered. */
export type ItemAnswers = ReadonlyMap<string, number | null>;

export type ReadAnswers = { ok: true; answers: ItemAnswers } | { ok: false; problems: ItemProblem[] };

const rangeText = (rules: InstrumentRules) => {
  const values = rules.answers.map((a) => a.value);
  const range = `a whole number from ${Math.min(...values)} to ${Math.max(...values)}`;
  return rules.notKnown ? `${range}, or ${rules.notKnown.value} for ${rules.notKnown.label.toLowerCase()}` : range;
};

const readings = new WeakMap<InstrumentRules, { known: ReadonlySet<string>; allowed: ReadonlySet<number> }>();

/** An instrument's item linkIds and allowed answers, worked out once per instrument: the board scores every measure of everyone held. */
function readingOf(rules: InstrumentRules): { known: ReadonlySet<string>; allowed: ReadonlySet<number> } {
  let reading = readings.get(rules);
  if (!reading) {
    reading = { known: new Set(rules.items.map((i) => i.linkId)), allowed: new Set([...rules.answers.map((a) => a.value), ...(rules.notKnown ? [rules.notKnown.value] : [])]) };
    readings.set(rules, reading);
  }
  return reading;
}

/**
 * Reads the answers of a QuestionnaireResponse's items for one instrument: each item `linkId` "1"
 * to "n" with one `answer[0].valueInteger` in the instrument's range (docs/fhir.md). An item with
 * no answer counts as unanswered; the instrument's missing-item rule decides whether a score can
 * still be given. Anything else (an unknown linkId, an item twice, a decimal, a word, a number
 * outside the range) is a problem named by its linkId.
 */
export function readItemAnswers(rules: InstrumentRules, items: readonly ResponseItem[] | undefined): ReadAnswers {
  const problems: ItemProblem[] = [];
  const { known, allowed } = readingOf(rules);
  const answers = new Map<string, number | null>(rules.items.map((i) => [i.linkId, null]));
  const seen = new Set<string>();
  for (const item of items ?? []) {
    const linkId = typeof item.linkId === 'string' ? item.linkId : String(item.linkId ?? '');
    if (!known.has(linkId)) {
      problems.push({ linkId, message: `is not an item of ${rules.title}: items are numbered 1 to ${rules.items.length}` });
      continue;
    }
    if (seen.has(linkId)) {
      problems.push({ linkId, message: 'is answered twice: each item has one answer' });
      continue;
    }
    seen.add(linkId);
    const given = Array.isArray(item.answer) ? item.answer : [];
    if (given.length === 0) continue;
    if (given.length > 1) {
      problems.push({ linkId, message: 'has more than one answer: each item has one' });
      continue;
    }
    const value = (given[0] as { valueInteger?: unknown } | null)?.valueInteger;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      problems.push({ linkId, message: `must be answered with ${rangeText(rules)} (valueInteger)` });
    } else if (!allowed.has(value)) {
      problems.push({ linkId, message: `must be ${rangeText(rules)}: ${value} is outside the ${rules.title} answers` });
    } else answers.set(linkId, value);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
