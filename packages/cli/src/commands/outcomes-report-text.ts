import type { TeamOutcomes } from '@continuity/store';

const shown = (value: number | null, sign = false) => (value === null ? '-' : `${sign && value > 0 ? '+' : ''}${value}`);

/** A team's outcomes for a terminal: completion, then one line per score. Nobody is named. */
export function describeTeamOutcomes(report: TeamOutcomes, teamName: string): string {
  const rate = report.completion.rate === null ? '-' : `${Math.round(report.completion.rate * 1000) / 10}%`;
  const lines = [`Outcome measures, ${teamName}, as of ${report.asOf}: ${report.caseload} people on the caseload, ${report.completion.people} completed a measure in the last ${report.completion.months} months (${rate}).`];
  for (const i of report.instruments) {
    for (const s of i.scores) {
      const reliable = s.reliablyImproved === null ? 'reliable change not counted' : `${s.reliablyImproved} reliably better, ${s.noReliableChange} no reliable change, ${s.reliablyDeteriorated} reliably worse`;
      lines.push(`  ${i.title} ${s.label}: ${i.completed} completed; ${s.paired} with two scores, mean ${shown(s.meanFirst)} to ${shown(s.meanLatest)} (${shown(s.meanChange, true)}; ${s.higherIsBetter ? 'higher' : 'lower'} is better); ${reliable}.`);
    }
  }
  return lines.join('\n');
}
