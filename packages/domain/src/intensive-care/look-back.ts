import { isoDay } from '../engagement/london-calendar.ts';

const DAY_MS = 86_400_000;

/**
 * The first day of a look-back of some months ending on (and including) a day: the same day of the
 * month that many months before, or the month's last day when it has none (24 months before
 * 29 February 2028 is 28 February 2026). Days are day numbers (london-calendar.ts).
 */
export function monthsBefore(day: number, months: number): number {
  const [y, m, d] = isoDay(day).split('-').map(Number) as [number, number, number];
  const lastOfMonth = Date.UTC(y, m - 1 - months + 1, 0) / DAY_MS;
  return Math.min(Date.UTC(y, m - 1 - months, d) / DAY_MS, lastOfMonth);
}
