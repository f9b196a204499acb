import { boardTiles, formatNhsNumber, londonToday } from '@continuity/domain';
import { carerResponseHoursSetting } from '@continuity/server';
import { boardDashboard, dischargeAudit, lastMonthEnd, loadNames, mhaUse, personNames, physicalHealthReport, recordAudit, teamOutcomes, type DischargeAudit, type Store } from '@continuity/store';
import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { boardPackHtml, describeBoard } from './board-pack.ts';
import { htmlToPdf } from './board-pdf.ts';
import { describeMhaUse } from './mha-use-text.ts';
import { describeTeamOutcomes } from './outcomes-report-text.ts';
import { progressBar } from '../progress.ts';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';
import { describePhysicalHealth } from './physical-health-report.ts';
import { parseDate } from './synth.ts';
import { describeWaitingTimes, waitingTimesReport } from './waiting-times-report.ts';

/** One line per discharge for people reading a terminal: who, and every reason in words. */
async function describeAudit(store: Store, report: DischargeAudit): Promise<string> {
  const names = await personNames(store.db, [...new Set(report.items.map((i) => i.patient.id))]);
  const range = report.from ? `${report.from} to ${report.to}` : `up to ${report.to}`;
  const count = report.items.length === 1 ? '1 discharge' : `${report.items.length} discharges`;
  const lines = [`Discharge audit, ${range}: ${count} of people with severe and relapsing illness cite non-attendance or lack a required record.`];
  for (const item of report.items) {
    const nhs = item.patient.nhsNumber ? `NHS ${formatNhsNumber(item.patient.nhsNumber)}` : 'no NHS number';
    const episode = item.reasons[0]?.evidence[0] ?? '';
    lines.push(`${names.get(item.patient.id) || item.patient.id} (${nhs}, id ${item.patient.id}, ${episode}): ${item.reasons.map((r) => r.text).join(' ')}`);
  }
  return lines.join('\n');
}

/** Listing people is a read of their records: audited as the command line. */
async function auditListing(store: Store, report: DischargeAudit): Promise<void> {
  const entries = report.items.map((item) => ({
    actorId: 'cli:report',
    actorRole: 'system',
    action: 'report',
    personId: item.patient.id,
    resourceType: 'EpisodeOfCare',
    resourceId: item.reasons[0]?.evidence[0]?.replace(/^EpisodeOfCare\//, '') ?? null,
    basis: 'system' as const,
    outcome: 'allowed' as const,
    detail: { report: report.report, from: report.from, to: report.to },
  }));
  await recordAudit(store.db, entries);
}

type ReportFlags = StoreFlags & { from?: string; to?: string; asOf?: string; team?: string; json?: boolean; format?: 'text' | 'json' | 'html' | 'pdf'; out?: string };

/** Counts only, nobody named: the reading is audited once, with no person. */
async function auditAggregate(store: Store, detail: Record<string, unknown>): Promise<void> {
  await recordAudit(store.db, [{ actorId: 'cli:report', actorRole: 'system', action: 'report', basis: 'system', outcome: 'allowed', detail }]);
}

/**
 * Reports this command can produce, each with what it says and how it is made; the board's others
 * arrive with their capabilities (SPEC C16). Each gives its JSON and its lines for a terminal.
 */
const REPORTS: Record<string, { says: string; run: (store: Store, flags: ReportFlags) => Promise<{ json: unknown; text: string; html?: string }> }> = {
  board: {
    says: 'the board dashboard as a document: every tile with its trend and its breakdown by ethnicity, as of --as-of (default the last month end, as the dashboard opens); --format html or pdf for the board pack',
    run: async (store, flags) => {
      const bar = progressBar('Building the board pack', boardTiles.length, { quiet: (flags.format ?? (flags.json ? 'json' : 'text')) === 'json', unit: 'tiles' });
      const board = await boardDashboard(store.db, { asOf: flags.asOf ?? lastMonthEnd(), carerResponseHours: carerResponseHoursSetting(), onTileBuilt: (done) => bar.update(done), onPeopleBuilt: (done, of) => bar.update(0, { detail: `| keeping each person's share: ${done.toLocaleString('en-GB')} of ${of.toLocaleString('en-GB')} people` }) }).finally(() => bar.stop());
      await auditAggregate(store, { report: 'board', asOf: board.asOf });
      return { json: board, text: describeBoard(board), html: boardPackHtml(board) };
    },
  },
  'discharge-audit': {
    says: 'discharges of people with severe and relapsing illness that cite non-attendance or lack a required record, over --from/--to',
    run: async (store, flags) => {
      const report = await dischargeAudit(store.db, { from: flags.from, to: flags.to });
      await auditListing(store, report);
      return { json: report, text: await describeAudit(store, report) };
    },
  },
  'mha-use': {
    says: 'detentions and CTOs per 100,000 by ethnicity, as of --as-of',
    run: async (store, flags) => {
      const report = await mhaUse(store.db, { asOf: flags.asOf });
      await auditAggregate(store, { report: report.report, asOf: report.asOf });
      return { json: report, text: describeMhaUse(report) };
    },
  },
  outcomes: {
    says: 'outcome measures completed and change from first to latest score, for one --team, as of --as-of',
    run: async (store, flags) => {
      if (!flags.team) throw new Error('the outcomes report is for one team: give --team ID');
      const asOf = flags.asOf ?? londonToday();
      const { report, personIds } = await teamOutcomes(store.db, flags.team, asOf);
      // Each caseload record read is a report read, as the API audits it; the report itself names nobody.
      await recordAudit(store.db, personIds.map((personId) => ({ actorId: 'cli:report', actorRole: 'system', action: 'report', personId, basis: 'report' as const, outcome: 'allowed' as const, detail: { report: 'outcomes', team: flags.team, asOf } })));
      const names = await loadNames(store.db, [`Organization/${flags.team}`]);
      return { json: report, text: describeTeamOutcomes(report, names.get(`Organization/${flags.team}`) ?? flags.team) };
    },
  },
  'physical-health': {
    says: 'SMI annual physical health check completion per team, as of --as-of, optionally for one --team',
    run: async (store, flags) => {
      const report = await physicalHealthReport(store.db, { asOf: flags.asOf, team: flags.team });
      await auditAggregate(store, { report: report.report, asOf: report.asOf, team: flags.team ?? null });
      return { json: report, text: describePhysicalHealth(report) };
    },
  },
  'waiting-times': {
    says: 'share seen within 4 weeks, median and 90th-percentile waits, by team and ethnic group, over --from/--to (default the last three months)',
    run: async (store, flags) => {
      const report = await waitingTimesReport(store, flags);
      await auditAggregate(store, { report: 'waiting-times', from: report.from, to: report.to });
      return { json: report, text: describeWaitingTimes(report) };
    },
  },
};
const NAMES = Object.keys(REPORTS);

export function reportCommand(): Command {
  return withStoreOptions(
    new Command('report')
      .description(`A report. Reports: ${NAMES.map((n) => `${n} (${REPORTS[n]!.says})`).join('; ')}.`)
      .argument('<name>', `the report (${NAMES.join(', ')})`)
      .option('--from <date>', 'first day, YYYY-MM-DD', parseDate)
      .option('--to <date>', 'last day, YYYY-MM-DD (default today in England)', parseDate)
      .option('--as-of <date>', 'the day, YYYY-MM-DD (default today in England)', parseDate)
      .option('--team <id>', 'one team (Organization id), for reports by team')
      .option('--json', 'print the report as JSON (the same as --format json)')
      .addOption(new Option('--format <format>', 'text, json, or for the board report html or pdf').choices(['text', 'json', 'html', 'pdf']))
      .option('--out <file>', 'write an html or pdf report to this file (html goes to standard output without it)'),
  ).action(async (name: string, flags: ReportFlags) => {
    const report = REPORTS[name];
    if (!report || !Object.hasOwn(REPORTS, name)) throw new Error(`there is no report called "${name}"; available: ${NAMES.join(', ')}`);
    const format = flags.format ?? (flags.json ? 'json' : 'text');
    if ((format === 'html' || format === 'pdf') && name !== 'board') throw new Error(`--format ${format} is for the board report; "${name}" gives text or json`);
    if (format === 'pdf' && !flags.out) throw new Error('a PDF is written to a file: give --out FILE');
    const store = await openStoreFrom(flags);
    try {
      const { json, text, html } = await report.run(store, flags);
      if (format === 'pdf') writeFileSync(flags.out!, await htmlToPdf(html!));
      else if (format === 'html' && flags.out) writeFileSync(flags.out, html!);
      else console.log(format === 'json' ? JSON.stringify(json) : format === 'html' ? html : text);
    } finally {
      await store.close();
    }
  });
}
