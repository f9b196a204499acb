import type { Random } from '../random/random.ts';
import type { TeamType } from './team-plan.ts';

/**
 * Days from referral to first contact. Core community teams follow the national picture (004_*
 * §22-23): only 9.5% of people referred in Aug-Oct 2024 were seen within four weeks, and the 90th
 * percentile wait was nearly two years. Crisis teams respond within days; early intervention teams
 * work to the two-week standard for a first episode of psychosis (60% within two weeks).
 */
const coreBands = [
  { share: 0.095, from: 3, to: 28 },
  { share: 0.4, from: 29, to: 91 },
  { share: 0.25, from: 92, to: 182 },
  { share: 0.155, from: 183, to: 365 },
  { share: 0.1, from: 366, to: 730 },
] as const;

export function referralWaitDays(rnd: Random, team: TeamType): number {
  if (team === 'crisis') return rnd.int(0, 3);
  if (team === 'eip' && rnd.chance(0.6)) return rnd.int(2, 14);
  let r = rnd.float();
  for (const band of coreBands) {
    if (r < band.share) return rnd.int(band.from, band.to);
    r -= band.share;
  }
  return rnd.int(366, 730);
}
