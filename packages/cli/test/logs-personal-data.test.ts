import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoAccounts, DEMO_PASSWORD } from '@continuity/server';
import { importPath, openStore } from '@continuity/store';
import { NHS, scenario, writeNdjson } from '../../store/test/support/scenario.ts';
import { migratedDataDir } from './support/migrated-data-dir.ts';
import { bin } from './support/run-continuity.ts';

/**
 * Issue 10 part 5: the server's log (stdout and stderr of `continuity serve`) never holds personal
 * data, whatever is asked of it: searches by name and NHS number, records opened, refused,
 * break-glass reasons, bad input carrying names. The log must still say what happened (routes and
 * statuses), or this test would pass on a server that logs nothing.
 */
describe('the server log', () => {
  const dataDir = migratedDataDir('continuity-logs-');
  let output = '';
  let base = '';
  let server: ReturnType<typeof spawn>;

  beforeAll(async () => {
    const store = await openStore({ dataDir });
    try {
      expect((await importPath(store, writeNdjson(scenario()))).errors).toEqual([]);
      await createDemoAccounts(store);
    } finally {
      await store.close();
    }
    server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], { env: { ...process.env, DATABASE_URL: '', CONTINUITY_LOG: '' } });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    for (let i = 0; i < 200 && !/running at (http:\/\/\S+)/.test(output); i += 1) await new Promise((r) => setTimeout(r, 100));
    base = /running at (http:\/\/\S+) /.exec(output)![1]!;
  }, 60_000);
  afterAll(async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  });

  it('says which routes were asked for and how they ended, and never a name, NHS number, postcode or reason', async () => {
    const signIn = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'keyworker', password: DEMO_PASSWORD }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const get = (path: string) => fetch(`${base}${path}`, { headers: { cookie } });
    const post = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });

    expect((await get('/api/people?q=Lovelace')).status).toBe(200);
    expect((await get(`/api/people?q=${NHS.ada}`)).status).toBe(200);
    expect((await get(`/api/people?q=${encodeURIComponent('943 476 5919')}`)).status).toBe(200);
    expect((await get('/api/people/ada')).status).toBe(200);
    expect((await get('/api/people/ada/timeline')).status).toBe(200);
    expect((await post('/api/people/ada/contacts', { contactId: 'not-a-uuid', date: 'Lovelace', note: 'Ada Lovelace said she is fine' })).status).toBe(400);
    expect((await post('/api/people/ben/break-glass', { reason: 'Ben Adeyemi phoned the crisis line from LS1 4AP' })).status).toBeLessThan(500);
    expect((await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'Ada Lovelace', password: 'Lovelace 9434765919' }) })).status).toBe(401);
    expect((await get('/people/ada?name=Lovelace')).status).toBe(200);

    server.kill('SIGTERM');
    await once(server, 'exit');
    // The log is there, and says what happened.
    expect(output).toContain('"route":"/api/people/:id"');
    expect(output).toContain('"statusCode":400');
    for (const secret of ['Lovelace', 'Adeyemi', 'Okafor', NHS.ada, NHS.ben, '943 476 5919', 'LS1 4AP', 'crisis line', 'she is fine']) {
      expect(output, `the log holds "${secret}"`).not.toContain(secret);
    }
  });
});
