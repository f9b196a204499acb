import { existsSync } from 'node:fs';
import { restoreBackup, writeBackup, type BackupSummary } from '@continuity/store';
import { Command } from 'commander';
import { progressBar } from '../progress.ts';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';

function describe(verb: string, summary: BackupSummary): string {
  const rows = summary.tables.reduce((a, t) => a + t.rows, 0);
  const people = summary.tables.find((t) => t.name === 'person')?.rows ?? 0;
  return `${verb} ${summary.file}: ${rows} rows in ${summary.tables.length} tables (${people} people), release migrations ${summary.migrations.join(', ')}.`;
}

/** `continuity backup --out FILE`: the whole store, one consistent moment, to a file only its owner can read. */
export function backupCommand(): Command {
  return withStoreOptions(
    new Command('backup')
      .description('Back up the whole store (PGlite or PostgreSQL) to one gzip file, readable only by you. Sign-in sessions are not kept.')
      .requiredOption('--out <file>', 'the backup file to write (it must not exist)')
      .option('--json', 'print the result as JSON'),
  ).action(async (flags: StoreFlags & { out: string; json?: boolean }) => {
    // Never overwrite: the file in the way may be the only good backup.
    if (existsSync(flags.out)) throw new Error(`${flags.out} already exists; choose a new file name`);
    const store = await openStoreFrom(flags);
    const bar = progressBar('Backing up', 1, { quiet: Boolean(flags.json), unit: 'rows' });
    try {
      const summary = await writeBackup(store, flags.out, (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
      bar.stop();
      console.log(flags.json ? JSON.stringify(summary) : describe('Backed up to', summary));
    } finally {
      bar.stop();
      await store.close();
    }
  });
}

/** `continuity restore FILE`: into an empty store of the same release, all or nothing. */
export function restoreCommand(): Command {
  return withStoreOptions(
    new Command('restore')
      .description('Restore a backup into an empty store (a new --data-dir or an empty PostgreSQL database) of the same release. All or nothing.')
      .argument('<file>', 'a file written by continuity backup')
      .option('--json', 'print the result as JSON'),
  ).action(async (file: string, flags: StoreFlags & { json?: boolean }) => {
    if (!existsSync(file)) throw new Error(`${file} does not exist`);
    const store = await openStoreFrom(flags);
    const bar = progressBar('Restoring', 1, { quiet: Boolean(flags.json), unit: 'rows' });
    try {
      const summary = await restoreBackup(store, file, (done, total) => {
        bar.setTotal(total);
        bar.update(done);
      });
      bar.stop();
      console.log(flags.json ? JSON.stringify(summary) : describe('Restored from', summary));
    } finally {
      bar.stop();
      await store.close();
    }
  });
}
