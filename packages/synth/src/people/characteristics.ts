/**
 * How protected characteristics and circumstances are spread, and how completely they are recorded.
 * Weights are percentages. Sources:
 * - Ethnic category: ONS Census 2021 (TS021, England) mapped to NHS Data Dictionary ETHNIC CATEGORY,
 *   with Black groups a little higher, as in secondary mental health caseloads (NHS Digital MHSDS
 *   annual statistics); about 9% not stated (Z) or not known (99), the missingness MHSDS reports.
 * - Sexual orientation: recorded for only ~11% of people in contact (000_*, line ~119).
 * - Age: adults 18-90, weighted to working age as MHSDS reports for community services.
 * Religion, disability and gender identity completeness are assumptions stated in
 * docs/synthetic-population.md.
 */
export const ethnicCategoryWeights = {
  A: 66, B: 1, C: 6, D: 1.3, E: 0.6, F: 0.7, G: 0.8,
  H: 2.2, J: 2.0, K: 0.8, L: 1.4,
  M: 1.9, N: 2.8, P: 0.7,
  R: 0.4, S: 1.6,
  Z: 4, '99': 5,
} as const;
export type EthnicCategory = keyof typeof ethnicCategoryWeights;
export const BLACK_CATEGORIES: ReadonlySet<string> = new Set(['M', 'N', 'P']);
export const WHITE_CATEGORIES: ReadonlySet<string> = new Set(['A', 'B', 'C']);

/** Age bands (years, inclusive) and weights. */
export const ageBands: ReadonlyArray<{ from: number; to: number; weight: number }> = [
  { from: 18, to: 25, weight: 14 },
  { from: 26, to: 35, weight: 22 },
  { from: 36, to: 45, weight: 21 },
  { from: 46, to: 55, weight: 18 },
  { from: 56, to: 65, weight: 13 },
  { from: 66, to: 75, weight: 8 },
  { from: 76, to: 90, weight: 4 },
];

/** 11% recorded; of those, most heterosexual. Absent means not recorded. */
export const SEXUAL_ORIENTATION_RECORDED = 0.11;
export const sexualOrientationWeights = { '1': 84, '2': 4, '3': 4, '4': 1, U: 2, Z: 5 } as const;

export const GENDER_IDENTITY_RECORDED = 0.3;
export const RELIGION_RECORDED = 0.45;
export const religionWeights = {
  none: 38, christian: 42, muslim: 8, hindu: 2, sikh: 1, jewish: 0.5, buddhist: 0.8, other: 1.7, declined: 6,
} as const;

export const DISABILITY_RECORDED = 0.3;
/** Of those recorded: mostly "no disability", then the commoner categories. */
export const disabilityWeights = { NN: 55, '01': 12, '08': 10, '05': 8, '04': 4, '09': 3, '02': 3, ZZ: 5 } as const;

/** First language other than English, BCP 47 codes, with the commonest in England (Census 2021, main language). */
export const ENGLISH_FIRST_LANGUAGE = 0.92;
export const otherLanguages = {
  pl: 'Polish', ro: 'Romanian', pa: 'Panjabi', ur: 'Urdu', pt: 'Portuguese', es: 'Spanish', ar: 'Arabic', bn: 'Bengali', so: 'Somali', gu: 'Gujarati', tr: 'Turkish',
} as const;

/** Accommodation (MHSDS ACCOMMODATION STATUS, grouped as codes.ts has it); absent for ~6%. */
export const accommodationWeights = {
  'settled-tenant': 36, 'owner-occupier': 14, 'with-family': 20, 'supported-accommodation': 9,
  'temporary-accommodation': 5, 'sofa-surfing': 3, homeless: 2.5, 'rough-sleeping': 1, prison: 0.5, unknown: 3, none: 6,
} as const;
