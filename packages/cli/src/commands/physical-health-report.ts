import type { PhysicalHealthCounts, PhysicalHealthReport } from '@continuity/store';

const percent = (share: number | null) => (share === null ? 'none eligible' : `${Math.round(share * 1000) / 10}% complete`);
const counts = (c: PhysicalHealthCounts) =>
  `${c.eligible} on the SMI register, ${c.complete} full check, ${c.partial} partial, ${c.none} none, ${c.invitedNotResponded} invited and not responded (${percent(c.shareComplete)})`;

/** The physical health check report for people reading a terminal: one line per team, then the total. */
export function describePhysicalHealth(report: PhysicalHealthReport): string {
  return [
    `SMI annual physical health check as of ${report.asOf} (all six parts within 12 months):`,
    ...report.teams.map((t) => `${t.team ?? t.teamId} (${t.teamId}): ${counts(t)}.`),
    `All: ${counts(report.total)}.`,
  ].join('\n');
}
