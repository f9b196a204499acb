import type { RuleSource } from '../engagement/engagement-rules.ts';

/**
 * How every board figure is broken down by a protected or equity characteristic (SPEC C15, the
 * Patient and Carer Race Equality Framework): rates per group, the rate ratio against a reference
 * group with its 95% confidence interval, small numbers withheld, and how complete the recording is.
 */
export const equityRules = {
  /** Counts from 1 to this number less one are withheld; a zero identifies nobody and is shown (as the mha-use report does). */
  suppressBelow: 5,
  /** The normal deviate for a two-sided 95% interval. */
  z95: 1.959964,
  /** Age bands by years completed on the as-of day: [first year, last year or null for "and over"]. */
  ageBands: [
    [0, 17],
    [18, 24],
    [25, 34],
    [35, 44],
    [45, 54],
    [55, 64],
    [65, null],
  ] as ReadonlyArray<readonly [number, number | null]>,
  sources: [
    { source: 'Issue 8 part 2; SPEC C15', says: 'every tile broken down by ethnicity, age band, sex, gender identity, sexual orientation, religion, disability and deprivation, with rate ratios, 95% confidence intervals, small-number suppression and completeness' },
    { source: 'Katz D, Baptista J, Azen SP, Pike MC. Obtaining confidence intervals for the risk ratio in cohort studies. Biometrics 1978;34:469-474', says: 'the log method: ln(RR) ± 1.96 × √(1/a − 1/n₁ + 1/c − 1/n₀)' },
    { source: 'NHS England, Patient and Carer Race Equality Framework (2023); shared/seeds/004_* §9e', says: 'rates for racialised communities compared with White British people, and the completeness of ethnicity recording' },
    { source: 'NHS Digital, Mental Health Services Data Set disclosure control', says: 'small counts withheld, with a second count where the first could be worked out from a total' },
  ] satisfies RuleSource[],
} as const;
