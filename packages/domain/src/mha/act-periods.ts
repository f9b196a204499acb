import { isoDay } from '../engagement/london-calendar.ts';
import type { ActPeriod } from './mha-rules.ts';

const DAY_MS = 86_400_000;

/**
 * The last day of a period the Act gives, beginning with (and counting) a day: days are counted
 * from that day; months end on the day before the corresponding day, or on the last day of the
 * month when it has no corresponding day (six months beginning with 31 August end on 28 or 29
 * February). Days are day numbers (london-calendar.ts).
 */
export function periodEnd(start: number, period: Pick<ActPeriod, 'months' | 'days'>): number {
  if (period.days !== undefined) return start + period.days - 1;
  const months = period.months ?? 0;
  const [y, m, d] = isoDay(start).split('-').map(Number) as [number, number, number];
  const lastOfMonth = Date.UTC(y, m - 1 + months + 1, 0) / DAY_MS;
  if (d > new Date(lastOfMonth * DAY_MS).getUTCDate()) return lastOfMonth;
  return Date.UTC(y, m - 1 + months, d) / DAY_MS - 1;
}
