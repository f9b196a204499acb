import type { ResponseTimes } from './board-dashboard.ts';
import type { RateScale } from './board-tiles.ts';

/**
 * How the dashboard and the board pack write a figure, so the two read the same: a share as a
 * percentage to one place, a rate per 100,000 to one place, a ratio and its interval to two places.
 */
export function rateText(rate: number | null, scale: RateScale): string {
  if (rate === null) return 'none to count';
  return scale === 'percent' ? `${(rate * 100).toFixed(1)}%` : `${(rate * 100_000).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} per 100,000`;
}

export function countText(n: number | null): string {
  return n === null ? 'withheld (1 to 4)' : n.toLocaleString('en-GB');
}

export function ratioText(r: { ratio: number; lower: number; upper: number } | null): string {
  return r === null ? 'not calculable' : `${r.ratio.toFixed(2)} (95% CI ${r.lower.toFixed(2)} to ${r.upper.toFixed(2)})`;
}

/** The carers' concerns tile's response times in words: a figure for the service, never about a person. */
export function responseTimesText(times: ResponseTimes): string {
  const hours = (h: number) => `${h.toLocaleString('en-GB', { maximumFractionDigits: 1 })} hour${h === 1 ? '' : 's'}`;
  const median = times.medianHours === null
    ? 'None of the concerns counted had a response by the day'
    : `Median time to a first response: ${hours(times.medianHours)}, of the ${times.answered.toLocaleString('en-GB')} concern${times.answered === 1 ? '' : 's'} answered by the day`;
  return `${median}. Response standard used: ${hours(times.standardHours)}.`;
}

const londonClock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' });
const londonDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** When a dashboard's figures were worked out, in UK time: "Worked out from the records as they stood at 14:05 on 26 November 2026." */
export function dataAtText(dataAt: string): string {
  const at = new Date(dataAt);
  return `Worked out from the records as they stood at ${londonClock.format(at)} on ${londonDate.format(at)}.`;
}
