import { formatNhsNumber } from '@continuity/domain';
import { dischargeAudit, mhaUse, personNames, recordAudit, type DischargeAudit, type Store } from '@continuity/store';
import { describeMhaUse } from './mha-use-text.ts';
import { Command } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';
import { parseDate } from './synth.ts';

/** Reports this command can produce; the board's others arrive with their capabilities (SPEC C16). */
const REPORTS = ['discharge-audit', 'mha-use'] as const;

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
      .description('A report. Reports: discharge-audit (discharges of people with severe and relapsing illness that cite non-attendance or lack a required record, over --from/--to); mha-use (detentions and CTOs per 100,000 by ethnicity, as of --as-of).')
      .argument('<name>', `the report (${REPORTS.join(', ')})`)
      .option('--from <date>', 'first day, YYYY-MM-DD (default: the first discharge on record)', parseDate)
      .option('--to <date>', 'last day, YYYY-MM-DD (default today in England)', parseDate)
      .option('--as-of <date>', 'mha-use: the day, YYYY-MM-DD (default today in England)', parseDate)
      .option('--json', 'print the report as JSON ({"report","from","to","items"}; mha-use: {"report","asOf","rows","total",...})'),
  ).action(async (name: string, flags: StoreFlags & { from?: string; to?: string; asOf?: string; json?: boolean }) => {
    if (!(REPORTS as readonly string[]).includes(name)) throw new Error(`there is no report called "${name}"; available: ${REPORTS.join(', ')}`);
    const store = await openStoreFrom(flags);
    try {
      if (name === 'mha-use') {
        // Aggregates only, nobody named: one audit entry for the report.
        const report = await mhaUse(store.db, { asOf: flags.asOf });
        await recordAudit(store.db, [{ actorId: 'cli:report', actorRole: 'system', action: 'report', basis: 'system', outcome: 'allowed', detail: { report: report.report, asOf: report.asOf } }]);
        console.log(flags.json ? JSON.stringify(report) : describeMhaUse(report));
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
