import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfLondonDay, firstDayOfMonthsTo, isoDay, londonDay, londonToday, monthsBefore } from '../src/index.ts';

const day = (iso: string) => isoDay(londonDay(iso)!);

describe('days in England', () => {
  it('puts late-evening UTC times on the next day only in British Summer Time', () => {
    expect(day('2026-06-01T23:30:00Z')).toBe('2026-06-02');
    expect(day('2026-01-15T23:30:00Z')).toBe('2026-01-15');
    expect(day('2026-06-01T23:30:00+01:00')).toBe('2026-06-01');
  });

  it('changes offset at 01:00 UTC on the last Sunday of March and of October', () => {
    // 2026: BST from 29 March 01:00 UTC to 25 October 01:00 UTC.
    expect(day('2026-03-28T23:30:00Z')).toBe('2026-03-28');
    expect(day('2026-03-29T23:30:00Z')).toBe('2026-03-30');
    expect(day('2026-10-24T23:30:00Z')).toBe('2026-10-25');
    expect(day('2026-10-25T23:30:00Z')).toBe('2026-10-25');
  });

  it('reads dates and partial dates as calendar days', () => {
    expect(day('2026-06-30')).toBe('2026-06-30');
    expect(day('2026-06')).toBe('2026-06-01');
    expect(londonDay('not a date')).toBeUndefined();
  });

  it('ends a day at midnight in England', () => {
    expect(endOfLondonDay(londonDay('2026-06-30')!).toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(endOfLondonDay(londonDay('2026-12-30')!).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
  });
});

describe('periods of whole months', () => {
  it('starts the day after the same day some months before, or after the last day of that month when it has none', () => {
    expect(firstDayOfMonthsTo('2026-06-30', 12)).toBe('2025-07-01');
    expect(firstDayOfMonthsTo('2026-06-30', 3)).toBe('2026-03-31');
    expect(firstDayOfMonthsTo('2026-05-31', 3)).toBe('2026-03-01');
    expect(firstDayOfMonthsTo('2026-03-31', 3)).toBe('2026-01-01');
    expect(firstDayOfMonthsTo('2028-02-29', 12)).toBe('2027-03-01');
    expect(firstDayOfMonthsTo('2026-01-15', 1)).toBe('2025-12-16');
  });

  it('never reaches back past the month that many months before, nor forward into the month after it', () => {
    const days = fc.integer({ min: londonDay('1990-01-01')!, max: londonDay('2060-12-31')! });
    fc.assert(
      fc.property(days, fc.integer({ min: 1, max: 36 }), (day, months) => {
        const [y, m, d] = isoDay(day).split('-').map(Number) as [number, number, number];
        const back = isoDay(monthsBefore(day, months));
        const monthIndex = y * 12 + (m - 1) - months;
        const expectedMonth = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
        expect(back.slice(0, 7)).toBe(expectedMonth);
        expect(Number(back.slice(8))).toBe(Math.min(d, new Date(Date.UTC(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 0)).getUTCDate()));
        expect(firstDayOfMonthsTo(isoDay(day), months)).toBe(isoDay(monthsBefore(day, months) + 1));
      }),
    );
  });
});
