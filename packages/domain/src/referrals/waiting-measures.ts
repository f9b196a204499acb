import type { ReferralWait } from './referral-wait.ts';
import { waitingRules } from './waiting-rules.ts';

/** The waiting-time measures for a group of referrals over a period (waiting-rules.ts). */
export interface WaitingMeasures {
  /** Referrals whose clock stopped in the period. */
  seen: number;
  seenWithinStandard: number;
  /** seenWithinStandard / seen, or null when nobody was seen. */
  shareWithinStandard: number | null;
  medianDays: number | null;
  p90Days: number | null;
  /** Referrals still waiting at the end of the period. */
  waiting: number;
  waitingOverStandard: number;
  waitingVeryLong: number;
  longestWaits: Array<{ referralId: string; personId: string; days: number }>;
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The nearest-rank percentile: the value at rank ceil(p/100 × n) of the sorted values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

/**
 * Measures over the waits as of the period's last day: those whose clock stopped from `from` to
 * `to` (inclusive, day numbers) count as seen; those still running on `to` as waiting.
 */
export function waitingMeasures(waits: readonly ReferralWait[], from: number, to: number): WaitingMeasures {
  const seen = waits.filter((w) => w.clockStop !== null && w.clockStop.day >= from && w.clockStop.day <= to).map((w) => w.waitedDays);
  const waiting = waits.filter((w) => w.clockStop === null);
  const within = seen.filter((d) => d <= waitingRules.standardDays).length;
  return {
    seen: seen.length,
    seenWithinStandard: within,
    shareWithinStandard: seen.length ? within / seen.length : null,
    medianDays: median(seen),
    p90Days: percentile(seen, 90),
    waiting: waiting.length,
    waitingOverStandard: waiting.filter((w) => w.waitedDays > waitingRules.standardDays).length,
    waitingVeryLong: waiting.filter((w) => w.waitedDays > waitingRules.veryLongDays).length,
    longestWaits: [...waiting]
      .sort((a, b) => b.waitedDays - a.waitedDays || (a.referralId < b.referralId ? -1 : 1))
      .slice(0, waitingRules.longestShown)
      .map((w) => ({ referralId: w.referralId, personId: w.personId, days: w.waitedDays })),
  };
}
