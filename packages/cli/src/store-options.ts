import { DEFAULT_DATA_DIR, openStore, type Store } from '@continuity/store';
import type { Command } from 'commander';

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

/** Every command can run on the embedded database (--data-dir) or a PostgreSQL server. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--data-dir <dir>', `embedded PGlite database folder (default ${DEFAULT_DATA_DIR})`)
    .option('--database-url <url>', 'PostgreSQL connection URL (or set DATABASE_URL); wins over --data-dir');
}

export function openStoreFrom(flags: StoreFlags): Promise<Store> {
  const databaseUrl = flags.databaseUrl ?? process.env.DATABASE_URL;
  return openStore(databaseUrl ? { databaseUrl } : { dataDir: flags.dataDir ?? DEFAULT_DATA_DIR });
}
