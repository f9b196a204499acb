import { buildApp } from '@continuity/server';
import { carerResponseHoursSetting } from '@continuity/server/carer-settings';
import { keepBoardProjection, type Store } from '@continuity/store';
import { Command, InvalidArgumentError } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number (0-65535)');
  return port;
}

export const defaultPort = () => (process.env.PORT ? parsePort(process.env.PORT) : 3000);

/** Serves API and web app until the process is asked to stop, then closes cleanly. */
export async function serveUntilStopped(store: Store, port: number, host: string): Promise<void> {
  const app = await buildApp({ store, log: process.env.CONTINUITY_LOG !== 'off' });
  const address = await app.listen({ port, host });
  console.log(`Continuity is running at ${address.replace('127.0.0.1', 'localhost')} (${store.location}). Press Ctrl+C to stop.`);
  // Last month's board figures are kept current behind the server (docs/board-dashboard.md). Errors
  // are told without their text, which could name a record.
  const keeper = keepBoardProjection(store.db, { carerResponseHours: carerResponseHoursSetting() }, {
    onFailed: () => console.error('The board projection could not be brought up to date; it will be tried again in 10 minutes.'),
  });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await keeper.stop();
  await app.close();
  await store.close();
}

export function serveCommand(): Command {
  return withStoreOptions(
    new Command('serve')
      .description('Serve the API and the web app.')
      .option('--port <n>', 'port to listen on (default $PORT or 3000)', parsePort)
      .option('--host <host>', 'address to listen on', '127.0.0.1'),
  ).action(async (flags: StoreFlags & { port?: number; host: string }) => {
    const store = await openStoreFrom(flags);
    await serveUntilStopped(store, flags.port ?? defaultPort(), flags.host);
  });
}
