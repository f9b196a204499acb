import { describe, expect, it } from 'vitest';
import { endOfLondonDay, isoDay, londonDay, londonToday } from '../src/index.ts';

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
