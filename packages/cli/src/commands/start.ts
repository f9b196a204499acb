import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoAccounts, createDemoCommunityAssets, createDemoPartnerSharing, DEMO_PASSWORD } from '@continuity/server';
import { Command } from 'commander';
import { openStoreFrom, withStoreOptions, type StoreFlags } from '../store-options.ts';
import { describeImport, runImport } from './import.ts';
import { defaultPort, parsePort, serveUntilStopped } from './serve.ts';
import { parseCount, parseSeed, runSynth, today } from './synth.ts';

export function startCommand(): Command {
  return withStoreOptions(
    new Command('start')
      .description('Run the product on the embedded database, loading a synthetic population when it is empty.')
      .option('--port <n>', 'port to listen on (default $PORT or 3000)', parsePort)
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('--people <n>', 'size of the synthetic population loaded into an empty database', parseCount, 1000)
      .option('--seed <s>', 'seed for the synthetic population', parseSeed, 20_250_630),
  ).action(async (flags: StoreFlags & { port?: number; host: string; people: number; seed: number }) => {
    const store = await openStoreFrom(flags);
    const empty = !(await store.db.selectFrom('person').select('person_id').limit(1).executeTakeFirst());
    if (empty) {
      console.log(`The database is empty: loading a synthetic population of ${flags.people} people (seed ${flags.seed}).`);
      const dir = mkdtempSync(join(tmpdir(), 'continuity-synth-'));
      try {
        await runSynth({ people: flags.people, seed: flags.seed, asOf: today(), outDir: dir, quiet: false });
        const report = await runImport(store, dir, false);
        console.log(describeImport(report));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const accounts = await createDemoAccounts(store);
      if (accounts.length > 0) {
        console.log(`Demo sign-in (synthetic data only), password "${DEMO_PASSWORD}": ${accounts.map((a) => `${a.username} (${a.role})`).join(', ')}`);
      }
      const vcse = await createDemoCommunityAssets(store);
      if (vcse) console.log(`Community assets directory loaded; the synthetic VCSE partner signs in as ${vcse} (docs/community-assets.md).`);
      const police = await createDemoPartnerSharing(store);
      if (police) console.log(`An information-sharing agreement with the synthetic police; its liaison officer signs in as ${police} (docs/partners-and-sharing.md).`);
    }
    await serveUntilStopped(store, flags.port ?? defaultPort(), flags.host);
  });
}
