import { describe, expect, it } from 'vitest';
import { mhaUseReport, type MhaUseCount } from '../src/index.ts';

const count = (ethnicCategory: string | null, people: number, detained: number, onCto: number): MhaUseCount => ({ ethnicCategory, people, detained, onCto });
const row = (counts: MhaUseCount[], code: string | null) => mhaUseReport(counts, '2026-06-30').rows.find((r) => r.code === code)!;

describe('use of the Act per 100,000 by ethnicity', () => {
  it('withholds counts from 1 to 4 with their rates and ratios, and shows 5 and 0', () => {
    const counts = [count('A', 1000, 10, 5), count('M', 200, 4, 5), count('R', 4, 0, 0)];
    expect(row(counts, 'M').detained).toEqual({ count: null, per100k: null, rateRatio: null });
    expect(row(counts, 'M').cto).toEqual({ count: 5, per100k: 2500, rateRatio: 5 });
    expect(row(counts, 'R')).toMatchObject({ people: null, detained: { count: 0, per100k: null, rateRatio: null } });
    expect(row([count('A', 1000, 10, 5), count('M', 200, 1, 0)], 'M').detained.count).toBeNull();
  });

  it('gives no ratio when the White British rate is withheld or zero', () => {
    expect(row([count('A', 1000, 3, 0), count('N', 100, 10, 10)], 'N')).toMatchObject({ detained: { count: 10, per100k: 10000, rateRatio: null }, cto: { count: 10, per100k: 10000, rateRatio: null } });
    expect(row([count('N', 100, 10, 10)], 'N').detained.rateRatio).toBeNull();
  });

  it('computes ratios from the exact shares, not the rounded rates', () => {
    // 1/3 against 1/6: rates 33333.3 and 16666.7, ratio exactly 2.
    expect(row([count('A', 60, 10, 0), count('N', 30, 10, 0)], 'N').detained).toEqual({ count: 10, per100k: 33333.3, rateRatio: 2 });
  });

  it('puts unrecognised and missing categories together as not recorded, in the Data Dictionary order', () => {
    const report = mhaUseReport([count(null, 5, 0, 0), count('X9', 5, 0, 0), count('N', 10, 0, 0), count('A', 10, 0, 0)], '2026-06-30');
    expect(report.rows.map((r) => [r.code, r.people])).toEqual([['A', 10], ['N', 10], [null, 10]]);
    expect(report.total.people).toBe(30);
  });
});
