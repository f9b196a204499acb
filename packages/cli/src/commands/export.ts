import { writeMhsdsExport, type MhsdsExportSummary } from '@continuity/store';
import { Command } from 'commander';
import { progressBar } from '../progress.ts';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';

function describe(summary: MhsdsExportSummary): string {
  const lines = [`Exported ${summary.people} ${summary.people === 1 ? 'person' : 'people'} to ${summary.dir}, aligned with the ${summary.specification}:`];
  for (const t of summary.tables) lines.push(`  ${t.table}.csv: ${t.rows} ${t.rows === 1 ? 'row' : 'rows'}`);
  lines.push('The files hold person-level data and are readable only by you. Column mapping: docs/mhsds-export.md.');
  return lines.join('\n');
}

/**
 * `continuity export mhsds --out DIR`: CSV extracts aligned with the Mental Health Services Data Set.
 * `fhir` is part of the public interface (SPEC) but not built yet; it says so rather than pretend.
 */
export function exportCommand(): Command {
  return withStoreOptions(
    new Command('export')
      .description('Export person-level data: mhsds writes one CSV per Mental Health Services Data Set table (docs/mhsds-export.md).')
      .argument('<format>', 'mhsds (fhir is not available yet)')
      .requiredOption('--out <dir>', 'the folder to write (new or empty); only you can read what is written')
      .option('--json', 'print the result as JSON'),
  ).action(async (format: string, flags: StoreFlags & { out: string; json?: boolean }) => {
    if (format === 'fhir') throw new Error('export fhir is not available yet: use export mhsds, or read the FHIR API');
    if (format !== 'mhsds') throw new Error(`unknown export format "${format}": use mhsds`);
    const store = await openStoreFrom(flags);
    const bar = progressBar('Exporting', 1, { quiet: Boolean(flags.json), unit: 'people' });
    try {
      const summary = await writeMhsdsExport(store, flags.out, (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
      bar.stop();
      console.log(flags.json ? JSON.stringify(summary) : describe(summary));
    } finally {
      bar.stop();
      await store.close();
    }
  });
}
