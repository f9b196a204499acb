import type { MhaUseMeasure, MhaUseReport, MhaUseRow } from '@continuity/domain';

const WITHHELD = 'withheld (1 to 4)';
const value = (n: number | null) => (n === null ? WITHHELD : n.toLocaleString('en-GB'));
const measure = (m: MhaUseMeasure) =>
  m.count === null ? WITHHELD : `${value(m.count)}${m.per100k === null ? '' : ` (${value(m.per100k)} per 100,000${m.rateRatio === null ? '' : `, ratio ${m.rateRatio.toFixed(2)}`})`}`;
const line = (r: MhaUseRow) => `${r.label}: ${r.people === null ? `people ${WITHHELD}` : `${value(r.people)} people`}; detained ${measure(r.detained)}; on a CTO ${measure(r.cto)}.`;

/** The mha-use report for people reading a terminal: one line per ethnic category, then everyone, then what the figures mean. */
export function describeMhaUse(report: MhaUseReport): string {
  return [
    `Use of the Mental Health Act by ethnicity as of ${report.asOf} (rate ratios against ${report.reference.label}).`,
    ...report.rows.map(line),
    line(report.total),
    `Denominator: ${report.denominator}.`,
    `Measure: ${report.measure}.`,
    `${report.suppression}.`,
  ].join('\n');
}
