import { writeFhirExport, writeMhsdsExport, type FhirExportSummary, type MhsdsExportSummary } from '@continuity/store';
import { Command } from 'commander';
import { progressBar } from '../progress.ts';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';

function describe(summary: MhsdsExportSummary): string {
  const lines = [`Exported ${summary.people} ${summary.people === 1 ? 'person' : 'people'} to ${summary.dir}, aligned with the ${summary.specification}:`];
  for (const t of summary.tables) lines.push(`  ${t.table}.csv: ${t.rows} ${t.rows === 1 ? 'row' : 'rows'}`);
  lines.push('The files hold person-level data and are readable only by you. Column mapping: docs/mhsds-export.md.');
  return lines.join('\n');
}

function describeFhir(summary: FhirExportSummary): string {
  const lines = [`Exported ${summary.resources} ${summary.resources === 1 ? 'resource' : 'resources'} to ${summary.dir} as FHIR R4 NDJSON:`];
  for (const f of summary.files) lines.push(`  ${f.type}.ndjson: ${f.resources}`);
  lines.push('The files hold person-level data and are readable only by you. `continuity import` reads them back.');
  return lines.join('\n');
}

/**
 * `continuity export fhir|mhsds --out DIR` (SPEC): every record as FHIR R4 NDJSON, or CSV extracts
 * aligned with the Mental Health Services Data Set.
 */
export function exportCommand(): Command {
  return withStoreOptions(
    new Command('export')
      .description('Export person-level data: fhir writes every record as FHIR R4 NDJSON, one file per resource type; mhsds writes one CSV per Mental Health Services Data Set table (docs/mhsds-export.md).')
      .argument('<format>', 'fhir or mhsds')
      .requiredOption('--out <dir>', 'the folder to write (new or empty); only you can read what is written')
      .option('--json', 'print the result as JSON'),
  ).action(async (format: string, flags: StoreFlags & { out: string; json?: boolean }) => {
    if (format !== 'mhsds' && format !== 'fhir') throw new Error(`unknown export format "${format}": use fhir or mhsds`);
    const store = await openStoreFrom(flags);
    const bar = progressBar('Exporting', 1, { quiet: Boolean(flags.json), unit: format === 'fhir' ? 'resources' : 'people' });
    const progress = (done: number, total: number) => {
      bar.setTotal(total);
      bar.update(done);
    };
    try {
      if (format === 'fhir') {
        const summary = await writeFhirExport(store, flags.out, progress);
        bar.stop();
        console.log(flags.json ? JSON.stringify(summary) : describeFhir(summary));
        return;
      }
      const summary = await writeMhsdsExport(store, flags.out, progress);
      bar.stop();
      console.log(flags.json ? JSON.stringify(summary) : describe(summary));
    } finally {
      bar.stop();
      await store.close();
    }
  });
}
