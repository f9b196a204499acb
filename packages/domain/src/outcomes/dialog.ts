import { outcomeRules } from './outcome-rules.ts';
import type { ItemAnswers } from './item-answers.ts';
import { scoreAll, type MeasureScoring } from './score-items.ts';

/**
 * DIALOG (Priebe et al. 2007; scoring as published with the scale): quality of life is the mean
 * of the eight life items (1-8), treatment satisfaction the mean of the three treatment items
 * (9-11), each 1-7. Each is given only with all its items answered, so a missing treatment item
 * still leaves the quality-of-life score.
 */
export function scoreDialog(answers: ItemAnswers): MeasureScoring {
  return scoreAll(outcomeRules.dialog, answers);
}
