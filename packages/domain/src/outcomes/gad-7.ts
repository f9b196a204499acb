import { outcomeRules } from './outcome-rules.ts';
import type { ItemAnswers } from './item-answers.ts';
import { scoreAll, type MeasureScoring } from './score-items.ts';

/**
 * GAD-7 (Spitzer et al. 2006): seven items 0-3 add to 0-21, with the published severity bands
 * (5, 10, 15). Given only with all seven answered: the paper gives no rule for missing items.
 */
export function scoreGad7(answers: ItemAnswers): MeasureScoring {
  return scoreAll(outcomeRules['gad-7'], answers);
}
