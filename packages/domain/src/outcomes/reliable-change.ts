import { reliableChangeRule, type ScoreRule } from './outcome-rules.ts';

export type ReliableChange = 'reliably-improved' | 'no-reliable-change' | 'reliably-deteriorated';

/**
 * Whether the change from a first to a latest score is more than measurement error would explain
 * (Jacobson & Truax 1991): against the published threshold where there is one (a change of that
 * size or more), else the reliable change index |change| / (SD × √2 × √(1 − r)) above 1.96.
 * Undefined when the rules hold no published figure for the score.
 */
export function reliableChange(rule: Pick<ScoreRule, 'reliableChange' | 'higherIsBetter'>, first: number, latest: number): ReliableChange | undefined {
  const figures = rule.reliableChange;
  if (!figures) return undefined;
  const change = latest - first;
  const reliable = 'threshold' in figures
    ? Math.abs(change) >= figures.threshold
    : Math.abs(change) / (figures.sd * Math.SQRT2 * Math.sqrt(1 - figures.reliability)) > reliableChangeRule.z;
  if (!reliable) return 'no-reliable-change';
  return (change > 0) === rule.higherIsBetter ? 'reliably-improved' : 'reliably-deteriorated';
}
