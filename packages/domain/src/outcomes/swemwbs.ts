import { outcomeRules, swemwbsMetric } from './outcome-rules.ts';
import type { ItemAnswers } from './item-answers.ts';
import { scoreAll, type MeasureScoring } from './score-items.ts';

/**
 * SWEMWBS (Stewart-Brown et al. 2009): seven items 1-5 add to a raw total of 7-35, which the
 * published Rasch conversion table turns into the metric score reported and compared. Given only
 * with all seven answered.
 */
export function scoreSwemwbs(answers: ItemAnswers): MeasureScoring {
  const scoring = scoreAll(outcomeRules.swemwbs, answers);
  return {
    ...scoring,
    scores: scoring.scores.map((s) => {
      const metric = swemwbsMetric[s.value];
      if (metric === undefined) throw new Error('a SWEMWBS raw total is always 7 to 35 once its answers are read');
      return { ...s, raw: s.value, value: metric };
    }),
  };
}
