import { formatNhsNumber } from '@continuity/domain';
import { dischargeAudit, personNames, physicalHealthReport, recordAudit, type DischargeAudit, type Store } from '@continuity/store';
import { Command } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';
import { describePhysicalHealth } from './physical-health-report.ts';
import { parseDate } from './synth.ts';
import { describeWaitingTimes, waitingTimesReport } from './waiting-times-report.ts';

/** Reports this command can produce; the board's others arrive with their capabilities (SPEC C16). */
const REPORTS = ['discharge-audit', 'physical-health', 'waiting-times'] as const;

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

export function reportCommand(): Command {
  return withStoreOptions(
    new Command('report')
      .description('A report. Reports: discharge-audit (discharges of people with severe and relapsing illness that cite non-attendance or lack a required record, over a date range); physical-health (SMI annual physical health check completion per team, as of a day); waiting-times (share seen within 4 weeks, median and 90th-percentile waits, by team and ethnic group, over a date range: default the last three months).')
      .argument('<name>', `the report (${REPORTS.join(', ')})`)
      .option('--from <date>', 'first day, YYYY-MM-DD (default: the first discharge on record)', parseDate)
      .option('--to <date>', 'last day, YYYY-MM-DD (default today in England)', parseDate)
      .option('--as-of <date>', 'physical-health: the day, YYYY-MM-DD (default today in England)', parseDate)
      .option('--team <id>', 'physical-health: one team (Organization id)')
      .option('--json', 'print the report as JSON (discharge-audit {"report","from","to","items"}; physical-health {"report","asOf","teams","total"})'),
  ).action(async (name: string, flags: StoreFlags & { from?: string; to?: string; asOf?: string; team?: string; json?: boolean }) => {
    if (!(REPORTS as readonly string[]).includes(name)) throw new Error(`there is no report called "${name}"; available: ${REPORTS.join(', ')}`);
    const store = await openStoreFrom(flags);
    try {
      if (name === 'physical-health') {
        // Counts only: nobody is named, so the reading is audited once, with no person.
        const report = await physicalHealthReport(store.db, { asOf: flags.asOf, team: flags.team });
        await recordAudit(store.db, [{ actorId: 'cli:report', actorRole: 'system', action: 'report', basis: 'system', outcome: 'allowed', detail: { report: report.report, asOf: report.asOf, team: flags.team ?? null } }]);
        console.log(flags.json ? JSON.stringify(report) : describePhysicalHealth(report));
        return;
      }
      if (name === 'waiting-times') {
        // Counts only, like physical-health: nobody is named.
        const waits = await waitingTimesReport(store, flags);
        await recordAudit(store.db, [{ actorId: 'cli:report', actorRole: 'system', action: 'report', basis: 'system', outcome: 'allowed', detail: { report: 'waiting-times', from: waits.from, to: waits.to } }]);
        console.log(flags.json ? JSON.stringify(waits) : describeWaitingTimes(waits));
        return;
      }
      const report = await dischargeAudit(store.db, { from: flags.from, to: flags.to });
      await auditListing(store, report);
      console.log(flags.json ? JSON.stringify(report) : await describeAudit(store, report));
    } finally {
      await store.close();
    }
  });
}
