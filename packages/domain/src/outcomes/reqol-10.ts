import { outcomeRules } from './outcome-rules.ts';
import type { ItemAnswers } from './item-answers.ts';
import { scoreAll, type MeasureScoring } from './score-items.ts';

const rules = outcomeRules['reqol-10'];
const reversed = new Set(rules.items.filter((i) => i.reversed).map((i) => i.linkId));
const top = Math.max(...rules.answers.map((a) => a.value));

/**
 * ReQoL-10 (Keetharuth et al. 2018; ReQoL scoring instructions): answers are the positions the
 * person chose, 0 "none of the time" to 4 "most or all of the time". Negatively worded items
 * (1, 3, 6, 9) score 4 minus the position so every item scores 4 at its best; the total is 0-40,
 * higher is better, and is given only with all ten answered.
 */
export function scoreReqol10(answers: ItemAnswers): MeasureScoring {
  return scoreAll(rules, answers, (linkId, answer) => (reversed.has(linkId) ? top - answer : answer));
}
