import { outcomeRules } from './outcome-rules.ts';
import type { ItemAnswers } from './item-answers.ts';
import { scoreAll, type MeasureScoring } from './score-items.ts';

/**
 * HoNOS (Wing et al. 1998; Royal College of Psychiatrists glossary): twelve scales rated 0-4 by
 * the clinician, 9 when not known. The total (0-48, higher is more severe) adds the scales rated
 * 0-4, leaves out those rated 9, and is given with at most two scales not known or missing.
 */
export function scoreHonos(answers: ItemAnswers): MeasureScoring {
  return scoreAll(outcomeRules.honos, answers);
}
