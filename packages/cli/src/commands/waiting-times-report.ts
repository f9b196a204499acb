import { londonToday } from '@continuity/domain';
import { quarterBefore, waitingTimes, type ReportedMeasures, type Store, type WaitingTimesReport } from '@continuity/store';

const percent = (share: number | null) => (share === null ? 'nobody seen' : `${Math.round(share * 1000) / 10}% seen within 4 weeks`);
const daysOf = (value: number | null) => (value === null ? '-' : `${value} days`);

function line(label: string, m: ReportedMeasures): string {
  return `${label}: ${m.seen} seen, ${percent(m.shareWithinStandard)}, median ${daysOf(m.medianDays)}, 90th percentile ${daysOf(m.p90Days)}; ${m.waiting} still waiting, ${m.waitingOverStandard} over 4 weeks, longest ${daysOf(m.longestWaitDays[0] ?? null)}.`;
}

/** The report for people reading a terminal: the trust, then each team, then each ethnic group. */
export function describeWaitingTimes(report: WaitingTimesReport): string {
  return [
    `Waiting times, ${report.from} to ${report.to} (clock from referral to second contact or care plan agreed).`,
    line('All referrals', report.overall),
    '',
    'By team:',
    ...report.byTeam.map((t) => line(`  ${t.team}`, t.measures)),
    '',
    'By ethnic group:',
    ...report.byEthnicity.map((e) => line(`  ${e.group}`, e.measures)),
  ].join('\n');
}

/** The last quarter up to `to` (today) unless `from` is given. */
export async function waitingTimesReport(store: Store, flags: { from?: string; to?: string }): Promise<WaitingTimesReport> {
  const to = flags.to ?? londonToday();
  return waitingTimes(store.db, { from: flags.from ?? quarterBefore(to), to });
}
