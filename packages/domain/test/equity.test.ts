import { describe, expect, it } from 'vitest';
import { characteristics, equityBreakdown, rateRatio, suppressCells, type EquityUnit } from '../src/index.ts';

const ethnicity = characteristics.find((c) => c.key === 'ethnicity')!;
const units = (group: string | null, denominator: number, numerator: number): EquityUnit[] =>
  Array.from({ length: denominator }, (_, i) => ({ group, counted: i < numerator }));

describe('rate ratio with a 95% confidence interval by the log method (Katz et al. 1978)', () => {
  it('gives 2.0 (0.987 to 4.054) for 20 of 100 against 10 of 100', () => {
    // SE = √(1/20 − 1/100 + 1/10 − 1/100) = √0.13 = 0.36056; 1.96 × SE = 0.70669; exp(ln 2 ∓ 0.70669).
    const rr = rateRatio(20, 100, 10, 100)!;
    expect(rr.ratio).toBe(2);
    expect(rr.lower).toBeCloseTo(0.987, 3);
    expect(rr.upper).toBeCloseTo(4.054, 3);
  });

  it('gives 2.5 (1.718 to 3.639) for 30 of 60 against 40 of 200', () => {
    // SE = √(1/30 − 1/60 + 1/40 − 1/200) = √0.036667 = 0.19149; 1.96 × SE = 0.37531.
    const rr = rateRatio(30, 60, 40, 200)!;
    expect(rr.ratio).toBe(2.5);
    expect(rr.lower).toBeCloseTo(1.718, 3);
    expect(rr.upper).toBeCloseTo(3.639, 3);
  });

  it('cannot be calculated when either count is zero', () => {
    expect(rateRatio(0, 50, 10, 100)).toBeNull();
    expect(rateRatio(10, 50, 0, 100)).toBeNull();
  });
});

describe('small-number suppression', () => {
  it('withholds 1 to 4, shows 0 and 5', () => {
    expect(suppressCells([0, 5, 12, 30, 2, 3])).toEqual([0, 5, 12, 30, null, null]);
  });

  it('withholds the smallest other non-zero cell when only one is withheld, so the total cannot give it away', () => {
    expect(suppressCells([40, 3, 0, 9, 25])).toEqual([40, null, 0, null, 25]);
    expect(suppressCells([2, 7])).toEqual([null, null]);
  });
});

describe('a figure broken down by ethnicity', () => {
  // White 20 of 100 (the reference), Black 30 of 60, Asian 3 of 12, not recorded 6 of 28.
  const breakdown = equityBreakdown(ethnicity, [
    ...units('White', 100, 20),
    ...units('Black or Black British', 60, 30),
    ...units('Asian or Asian British', 12, 3),
    ...units(null, 28, 6),
  ]);
  const row = (group: string) => breakdown.rows.find((r) => r.group === group)!;

  it('compares each group with White people, with the interval', () => {
    expect(breakdown.reference).toBe('White');
    expect(row('White')).toMatchObject({ denominator: 100, numerator: 20, rate: 0.2, rateRatio: null, reference: true });
    // 30/60 against 20/100: RR 2.5; SE = √(1/30 − 1/60 + 1/20 − 1/100) = √0.056667 = 0.23805; ×1.96 = 0.46657.
    const black = row('Black or Black British');
    expect(black).toMatchObject({ denominator: 60, numerator: 30, rate: 0.5 });
    expect(black.rateRatio!.ratio).toBe(2.5);
    expect(black.rateRatio!.lower).toBeCloseTo(1.568, 3);
    expect(black.rateRatio!.upper).toBeCloseTo(3.986, 3);
  });

  it('withholds the Asian numerator of 3, and the not-recorded 6 as the next smallest, with their rates and ratios', () => {
    expect(row('Asian or Asian British')).toMatchObject({ denominator: 12, numerator: null, rate: null, rateRatio: null });
    expect(breakdown.notRecorded).toEqual({ denominator: 28, numerator: null, rate: null });
  });

  it('leaves out groups with nobody, and gives completeness as recorded of all', () => {
    expect(breakdown.rows.map((r) => r.group)).toEqual(['White', 'Asian or Asian British', 'Black or Black British']);
    expect(breakdown.completeness).toEqual({ recorded: 172, of: 200, share: 0.86 });
  });

  it('gives no ratios when the reference rate is withheld', () => {
    const few = equityBreakdown(ethnicity, [...units('White', 40, 2), ...units('Mixed', 40, 10), ...units('Other ethnic groups', 40, 12)]);
    expect(few.rows.every((r) => r.rateRatio === null)).toBe(true);
    expect(few.rows.map((r) => r.numerator)).toEqual([null, null, 12]);
  });
});

describe('characteristics', () => {
  const person = { birthDate: '1990-06-15', gender: 'female', ethnicCategory: 'Z', genderIdentity: '3', sexualOrientation: '9', religion: 'declined', disabilities: ['02'] };
  const groupOf = (key: string, asOf = '2026-06-14') => characteristics.find((c) => c.key === key)!.groupOf?.(person, asOf);

  it('reads each group, counting not stated and not known as not recorded', () => {
    expect(groupOf('age')).toBe('35 to 44');
    expect(groupOf('age', '2025-06-14')).toBe('25 to 34');
    expect(groupOf('sex')).toBe('Female');
    expect(groupOf('ethnicity')).toBeNull();
    expect(groupOf('gender-identity')).toBe('Non-binary');
    expect(groupOf('sexual-orientation')).toBeNull();
    expect(groupOf('religion')).toBeNull();
    expect(groupOf('disability')).toBe('Disability recorded');
  });

  it('says deprivation is not available rather than guessing it', () => {
    const deprivation = characteristics.find((c) => c.key === 'deprivation')!;
    expect(deprivation.unavailable).toMatch(/not available/i);
    expect(equityBreakdown(deprivation, units(null, 3, 1)).unavailable).toMatch(/not available/i);
  });
});
