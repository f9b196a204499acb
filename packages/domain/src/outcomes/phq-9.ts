import { outcomeRules } from './outcome-rules.ts';
import type { ItemAnswers } from './item-answers.ts';
import { scoreAll, type MeasureScoring } from './score-items.ts';

/**
 * PHQ-9 (Kroenke et al. 2001): nine items 0-3 add to 0-27, with the published severity bands
 * (5, 10, 15, 20). Given only with all nine answered: the paper gives no rule for missing items.
 */
export function scorePhq9(answers: ItemAnswers): MeasureScoring {
  return scoreAll(outcomeRules['phq-9'], answers);
}
