import { isoDay, londonDay } from '@continuity/domain';

/** The last day of each of the 11 months before the day's month, then the day: 12 points, oldest first. */
export function trendDays(asOf: string): string[] {
  const [y, m] = asOf.split('-').map(Number);
  const ends = Array.from({ length: 11 }, (_, i) => isoDay(londonDay(new Date(Date.UTC(y!, m! - 1 - i, 1)).toISOString().slice(0, 10))! - 1)).reverse();
  return [...ends, asOf];
}
