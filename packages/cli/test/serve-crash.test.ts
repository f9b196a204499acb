import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { createDemoAccounts, DEMO_PASSWORD } from '@continuity/server';
import { createScratchDatabase, importPath, openStore, type StoreOptions } from '@continuity/store';
import { scenario, writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { bin } from './support/run-continuity.ts';

/**
 * Issue 10 part 2: the server killed with SIGKILL while a stream of writes is in flight, restarted,
 * and sent again every write whose answer never came (the same form ids, as the web app resends).
 * Each write must be stored exactly once, and nothing half-written: every record has its audit entry
 * and every audit entry its record.
 */

interface Write {
  id: string;
  url: string;
  body: Record<string, unknown>;
  type: 'Encounter' | 'Appointment' | 'Observation';
  action: 'record-contact' | 'record-result';
}

/** Contacts seen and missed, and lithium levels, for Ada, whom the demo key worker holds. */
function writes(count: number): Write[] {
  return Array.from({ length: count }, (_, n): Write => {
    const id = randomUUID();
    const date = `2026-10-${String((n % 28) + 1).padStart(2, '0')}`;
    if (n % 3 === 0) return { id, url: '/api/people/ada/results', body: { resultId: id, test: '14334-7', date, value: 0.4 + (n % 5) / 10 }, type: 'Observation', action: 'record-result' };
    if (n % 3 === 1) return { id, url: '/api/people/ada/contacts', body: { contactId: id, date, mode: 'home-visit', outcome: 'attended', note: `Visit ${n}` }, type: 'Encounter', action: 'record-contact' };
    return { id, url: '/api/people/ada/contacts', body: { contactId: id, date, time: '10:00', mode: 'clinic', outcome: 'did-not-attend' }, type: 'Appointment', action: 'record-contact' };
  });
}

interface Serving {
  server: ChildProcess;
  base: string;
  /** Settles when the process has ended: made at the start, so an exit is never missed. */
  exited: Promise<unknown>;
}

async function serve(args: string[]): Promise<Serving> {
  const server = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: { ...process.env, DATABASE_URL: '', CONTINUITY_LOG: '' } });
  const exited = once(server, 'exit');
  let output = '';
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  for (let i = 0; i < 300 && !/running at (http:\/\/\S+) /.test(output); i += 1) await new Promise((r) => setTimeout(r, 100));
  const match = /running at (http:\/\/\S+) /.exec(output);
  if (!match) throw new Error(`the server did not start: ${output}`);
  return { server, base: match[1]!, exited };
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'keyworker', password: DEMO_PASSWORD }) });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** Sends one write; its status if the whole answer came back, undefined if the server died first. */
async function send(base: string, cookie: string, write: Write): Promise<number | undefined> {
  try {
    const response = await fetch(base + write.url, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(write.body) });
    await response.json();
    return response.status;
  } catch {
    return undefined;
  }
}

describe('the server killed mid-request and restarted', () => {
  const scratch: Array<{ drop(): Promise<void> }> = [];
  afterAll(async () => {
    for (const db of scratch) await db.drop();
  });

  const targets: Array<{ name: string; fresh: () => Promise<{ args: string[]; options: StoreOptions }> }> = [
    // Each starts migrated (the run's snapshot or template): the kill comes mid-request, long after start-up.
    { name: 'PGlite', fresh: async () => { const dataDir = migratedDataDir('continuity-serve-crash-pglite-'); return { args: ['--data-dir', dataDir], options: { dataDir } }; } },
    ...(process.env.TEST_DATABASE_URL
      ? [{ name: 'PostgreSQL', fresh: async () => { const db = await createScratchDatabase(process.env.TEST_DATABASE_URL!, 'continuity_serve_crash', process.env.TEST_DATABASE_TEMPLATE); scratch.push(db); return { args: ['--database-url', db.url], options: { databaseUrl: db.url } }; } }]
      : []),
  ];

  it.each(targets)('stores every write exactly once, with its audit entry, after re-sending those unanswered on $name', async ({ fresh }) => {
    const target = await fresh();
    const setup = await openStore(target.options);
    try {
      expect((await importPath(setup, writeNdjson(scenario()))).errors).toEqual([]);
      await createDemoAccounts(setup);
    } finally {
      await setup.close();
    }

    const all = writes(60);
    const answered = new Map<string, number>();
    let inFlightAtKill = 0;
    let { server, base, exited } = await serve(target.args);
    let cookie = await signIn(base);
    // Six at a time, as six clinicians' browsers would; the kill comes once a third have answered.
    const queue = [...all];
    let killed = false;
    let inFlight = 0;
    const worker = async () => {
      while (queue.length > 0 && !killed) {
        const write = queue.shift()!;
        inFlight += 1;
        const status = await send(base, cookie, write);
        inFlight -= 1;
        if (status !== undefined) answered.set(write.id, status);
        if (!killed && answered.size >= all.length / 3) {
          killed = true;
          inFlightAtKill = inFlight;
          server.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    await exited;
    expect(server.signalCode).toBe('SIGKILL');
    expect(inFlightAtKill).toBeGreaterThan(0);
    expect([...answered.values()].every((s) => s === 201)).toBe(true);

    ({ server, base, exited } = await serve(target.args));
    try {
      cookie = await signIn(base);
      const unanswered = all.filter((w) => !answered.has(w.id));
      expect(unanswered.length).toBeGreaterThan(0);
      let writtenUnanswered = 0;
      for (const write of unanswered) {
        const status = await send(base, cookie, write);
        // 201 if the killed server never wrote it; 200 if it did and only the answer was lost.
        expect([200, 201], write.url).toContain(status);
        if (status === 200) writtenUnanswered += 1;
      }
      console.log(`serve-crash: ${answered.size} of ${all.length} writes answered before the kill, ${inFlightAtKill} in flight at it, ${unanswered.length} sent again (${writtenUnanswered} written but unanswered)`);
      // A write that was answered, sent again, is recognised and not stored twice.
      expect(await send(base, cookie, all.find((w) => answered.has(w.id))!)).toBe(200);
    } finally {
      server.kill('SIGTERM');
      // Stopped gracefully if it will, or killed: the store is checked either way.
      const timer = setTimeout(() => server.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }

    const store = await openStore(target.options);
    try {
      const ids = all.map((w) => w.id);
      const records = await store.db.selectFrom('record').select(['id', 'resource_type', 'version_id']).where('id', 'in', ids).execute();
      expect(records.map((r) => `${r.id} ${r.resource_type} ${r.version_id}`).sort()).toEqual(all.map((w) => `${w.id} ${w.type} 1`).sort());
      const audits = await store.db.selectFrom('audit_event').select(['resource_id', 'resource_type', 'outcome']).where('action', 'in', ['record-contact', 'record-result']).execute();
      expect(audits.map((a) => `${a.resource_id} ${a.resource_type} ${a.outcome}`).sort()).toEqual(all.map((w) => `${w.id} ${w.type} allowed`).sort());
    } finally {
      await store.close();
    }
  }, 120_000);
});
