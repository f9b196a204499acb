import { equityRules } from './equity-rules.ts';

/** A rate ratio and its 95% confidence interval; null where it cannot be calculated. */
export interface RateRatio {
  ratio: number;
  lower: number;
  upper: number;
}

/**
 * The ratio of a group's rate (a of n1) to the reference group's (c of n0), with the 95% interval
 * by the log method (Katz et al. 1978): exp(ln RR ± z √(1/a − 1/n1 + 1/c − 1/n0)). Not calculable
 * when either count is zero (the logarithm is undefined) or either group is empty.
 */
export function rateRatio(a: number, n1: number, c: number, n0: number): RateRatio | null {
  if (a <= 0 || c <= 0 || n1 <= 0 || n0 <= 0) return null;
  const ratio = a / n1 / (c / n0);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n0);
  return { ratio, lower: Math.exp(Math.log(ratio) - equityRules.z95 * se), upper: Math.exp(Math.log(ratio) + equityRules.z95 * se) };
}
