import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfLondonDay, firstDayOfMonthsTo, isoDay, londonDay, londonToday, monthsBefore } from '../src/index.ts';
import { instantOf, shortDate } from '../src/engagement/london-calendar.ts';

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

/** The calendar as it was before dateTimes were read without Date.parse: the reference the faster reading must equal. */
const reference = {
  offset(ms: number): number {
    const year = new Date(ms).getUTCFullYear();
    const lastSunday = (month: number) => {
      const lastDay = Date.UTC(year, month + 1, 0);
      return lastDay - new Date(lastDay).getUTCDay() * 86_400_000 + 3_600_000;
    };
    return ms >= lastSunday(2) && ms < lastSunday(9) ? 3_600_000 : 0;
  },
  londonDay(value: string): number | undefined {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : Math.floor((ms + reference.offset(ms)) / 86_400_000);
  },
  instantOf(value: string): number | undefined {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : ms;
  },
};

describe('dateTimes read without Date.parse', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  // Instants from 1900 to 2100, and some within an hour of a change of the clocks.
  const wide = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) });
  const nearChange = fc.tuple(fc.integer({ min: 1990, max: 2060 }), fc.constantFrom(2, 9), fc.integer({ min: -7_200_000, max: 7_200_000 })).map(([year, month, by]) => {
    const lastDay = Date.UTC(year, month + 1, 0);
    return lastDay - new Date(lastDay).getUTCDay() * 86_400_000 + 3_600_000 + by;
  });
  const offsets = fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45)).map(([sign, h, m]) => `${sign}${two(h)}:${two(m)}`));
  // Written as a FHIR dateTime is sent: seconds or not, a fraction of any length or none, any offset.
  const written = fc.tuple(fc.oneof(wide, nearChange), offsets, fc.constantFrom('minutes', 'seconds', 'fraction'), fc.integer({ min: 1, max: 9 })).map(([ms, zone, precision, places]) => {
    const sign = zone === 'Z' ? 0 : zone.startsWith('+') ? 1 : -1;
    const local = new Date(ms + sign * (Number(zone.slice(1, 3)) * 3_600_000 + Number(zone.slice(4, 6)) * 60_000));
    const clock = local.toISOString().slice(0, precision === 'minutes' ? 16 : 19);
    const fraction = precision === 'fraction' ? `.${String(local.getUTCMilliseconds()).padStart(3, '0')}${'7'.repeat(9)}`.slice(0, places + 1) : '';
    return `${clock}${fraction}${zone}`;
  });
  // And awkward ones: fields out of range, odd separators, no offset (local time), stray characters.
  const awkward = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('Z', '+24:00', '+01:60', '+0100', '', 'z', '+01:00x', '.Z', '.5+01:00'))
      .map(([y, mo, d, h, mi, s, zone]) => `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${zone}`),
    fc.tuple(written, fc.integer({ min: 0, max: 30 }), fc.constantFrom(' ', 't', 'x', '-', ':', '.', '0')).map(([value, at, char]) => `${value.slice(0, at)}${char}${value.slice(at + 1)}`),
    fc.string({ minLength: 11, maxLength: 40 }),
  );

  it('finds the same day in England and the same instant as Date.parse does, however the dateTime is written', () => {
    fc.assert(
      fc.property(fc.oneof(written, awkward), (value) => {
        expect(londonDay(value)).toBe(reference.londonDay(value));
        expect(instantOf(value)).toBe(reference.instantOf(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('ends every day at the same instant as before', () => {
    fc.assert(
      fc.property(fc.integer({ min: londonDay('1900-01-01')!, max: londonDay('2100-12-31')! }), (day) => {
        const next = (day + 1) * 86_400_000;
        expect(endOfLondonDay(day).getTime()).toBe(next - reference.offset(next));
      }),
    );
  });
});

describe('months counted back by arithmetic', () => {
  it('gives the same day as counting through dates did, from 1900 to 2100', () => {
    const before = (day: number, months: number) => {
      const [y, m, d] = new Date(day * 86_400_000).toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
      return Math.min(Date.UTC(y, m - 1 - months, d) / 86_400_000, Date.UTC(y, m - months, 0) / 86_400_000);
    };
    fc.assert(
      fc.property(fc.integer({ min: londonDay('1900-01-01')!, max: londonDay('2100-12-31')! }), fc.integer({ min: 0, max: 600 }), (day, months) => {
        expect(monthsBefore(day, months)).toBe(before(day, months));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('dates and short dates by arithmetic', () => {
  const two = (n: number) => String(n).padStart(2, '0');

  it('reads a date without a time as Date.UTC did, however it is written', () => {
    const asBefore = (value: string) => {
      const [y, m, d] = value.split('-').map(Number);
      const ms = y ? Date.UTC(y, (m ?? 1) - 1, d ?? 1) : NaN;
      return Number.isNaN(ms) ? undefined : ms / 86_400_000;
    };
    const written = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`),
      fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${two(m)}`),
      fc.integer({ min: 1, max: 9999 }).map(String),
      fc.string({ minLength: 1, maxLength: 10 }),
    );
    fc.assert(
      fc.property(written, (value) => {
        expect(londonDay(value)).toBe(asBefore(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes a day as the Date of it did, with the year only when it differs', () => {
    const asBefore = (day: number, relativeTo: number) => {
      const date = new Date(day * 86_400_000);
      const sameYear = date.getUTCFullYear() === new Date(relativeTo * 86_400_000).getUTCFullYear();
      return `${date.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.getUTCMonth()]}${sameYear ? '' : ` ${date.getUTCFullYear()}`}`;
    };
    const day = fc.integer({ min: londonDay('1800-01-01')!, max: londonDay('2200-12-31')! });
    fc.assert(
      fc.property(day, day, (d, relativeTo) => {
        expect(shortDate(d, relativeTo)).toBe(asBefore(d, relativeTo));
        expect(shortDate(d, d)).toBe(asBefore(d, d));
      }),
      { numRuns: 20_000 },
    );
  });
});
