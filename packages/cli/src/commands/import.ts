import { importPath, type ImportReport, type Store } from '@continuity/store';
import { Command } from 'commander';
import { progressBar } from '../progress.ts';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';

export async function runImport(store: Store, path: string, quiet: boolean): Promise<ImportReport> {
  const bar = progressBar('Importing', 100, { quiet, unit: '%' });
  try {
    return await importPath(store, path, {
      actor: { id: 'cli:import', role: 'system' },
      onProgress: (p) =>
        bar.update(Math.floor((100 * p.bytesDone) / Math.max(1, p.bytesTotal)), {
          detail: p.engagementState ? `engagement state · ${p.engagementState.done} of ${p.engagementState.total} people` : `${p.file} · ${p.records} records`,
        }),
    });
  } finally {
    bar.stop();
  }
}

export function describeImport(report: ImportReport): string {
  const lines = [
    `Imported ${report.imported} records (${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged); rejected ${report.rejected}.`,
  ];
  for (const e of report.errors.slice(0, 50)) {
    const where = e.line !== null ? `${e.file}:${e.line}` : `${e.file} entry ${e.entry ?? '?'}`;
    const what = [e.resourceType, e.id].filter(Boolean).join('/') || 'record';
    lines.push(`  ${where} ${what}: ${e.message}`);
  }
  if (report.errors.length > 50) lines.push(`  ... and ${report.rejected - 50} more (use --json for all)`);
  return lines.join('\n');
}

export function importCommand(): Command {
  return withStoreOptions(
    new Command('import')
      .description('Import FHIR R4 NDJSON files (one resource per line) or Bundles from a file or folder. Safe to re-run.')
      .argument('<path>', 'an .ndjson or .json file, or a folder of them')
      .option('--json', 'print the result as JSON'),
  ).action(async (path: string, flags: StoreFlags & { json?: boolean }) => {
    const store = await openStoreFrom(flags);
    try {
      const report = await runImport(store, path, Boolean(flags.json));
      if (flags.json) {
        const { imported, rejected, errors, created, updated, unchanged, errorsNotListed } = report;
        console.log(JSON.stringify({ imported, rejected, errors, created, updated, unchanged, ...(errorsNotListed ? { errorsNotListed } : {}) }));
      } else console.log(describeImport(report));
      if (report.rejected > 0) process.exitCode = 1;
    } finally {
      await store.close();
    }
  });
}
