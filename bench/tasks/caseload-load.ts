import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createSession, openStore } from '@continuity/store';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { hashToken, newToken, SESSION_COOKIE } from '../../packages/server/src/auth/session.ts';
import { argument } from './measure.ts';

/**
 * "My caseload" under load. Up to `users` key workers, each signed in with their own session, open
 * their caseload page against `continuity serve` (its own process) on loopback:
 * - `--mode users`: like people at work, each waits a random think time (exponential, mean
 *   users/rate seconds, so `rate` pages a second in all) between pages;
 * - `--mode throughput`: autocannon, every user asking again the moment a page arrives.
 * Reports the median and p95 of every response, pages a second, and any errors.
 */
const target = argument('target');
const asOf = argument('as-of');
const users = Number(argument('users'));
const seconds = Number(argument('seconds'));
const mode = argument('mode');
const rate = mode === 'users' ? Number(argument('rate')) : 0;

const store = await openStore({ databaseUrl: target });
const server = spawn(process.execPath, [join(import.meta.dirname, '../../packages/cli/bin/continuity.js'), 'serve', '--database-url', target, '--port', '0'], {
  env: { ...process.env, CONTINUITY_LOG: 'off' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const keyWorkers = await sql<{ practitioner: string; team: string }>`
    SELECT DISTINCT ON (practitioner) resource->'careManager'->>'reference' AS practitioner, resource->'managingOrganization'->>'reference' AS team
    FROM record WHERE resource_type = 'EpisodeOfCare' AND status = 'active' AND resource->'careManager' IS NOT NULL
    ORDER BY practitioner, team LIMIT ${users}`.execute(store.db);
  const cookies: string[] = [];
  for (const [i, kw] of keyWorkers.rows.entries()) {
    const id = `bench-key-worker-${i}`;
    await sql`INSERT INTO app_user (id, username, display_name, role, practitioner_id) VALUES (${id}, ${id}, ${`Bench key worker ${i}`}, 'key-worker', ${kw.practitioner.replace(/^Practitioner\//, '')})
              ON CONFLICT (id) DO NOTHING`.execute(store.db);
    await sql`INSERT INTO app_user_team (user_id, team_id) VALUES (${id}, ${kw.team.replace(/^Organization\//, '')}) ON CONFLICT DO NOTHING`.execute(store.db);
    const token = newToken();
    await createSession(store.db, hashToken(token), id, new Date(Date.now() + 3_600_000));
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }
  const address = await new Promise<string>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      const found = /running at (http:\/\/\S+) /.exec(chunk.toString());
      if (found) resolve(found[1]!.replace('localhost', '127.0.0.1'));
    });
    server.once('exit', (code) => reject(new Error(`continuity serve exited (${code})`)));
  });
  const url = `${address}/api/caseloads/me?asOf=${asOf}`;
  // Warm up: every user's page once, so a fresh server's first compilations and cold caches are not measured.
  for (const cookie of cookies) await (await fetch(url, { headers: { cookie } })).arrayBuffer();
  const latencies: number[] = [];
  let errors = 0;
  if (mode === 'users') {
    const until = Date.now() + seconds * 1000;
    const meanThinkMs = (cookies.length / rate) * 1000;
    await Promise.all(
      cookies.map(async (cookie) => {
        for (;;) {
          await new Promise((resolve) => setTimeout(resolve, -Math.log(1 - Math.random()) * meanThinkMs));
          if (Date.now() >= until) return;
          const started = performance.now();
          const response = await fetch(url, { headers: { cookie } });
          await response.arrayBuffer();
          latencies.push(performance.now() - started);
          if (response.status !== 200) errors += 1;
        }
      }),
    );
  } else {
    let next = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections: cookies.length,
          duration: seconds,
          // Each connection is one user: it takes the next session when it opens and keeps it.
          requests: [{ setupRequest: (request, context) => {
            const user = context as { cookie?: string };
            user.cookie ??= cookies[next++ % cookies.length]!;
            return { ...request, headers: { ...request.headers, cookie: user.cookie } };
          } }],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    errors = result.errors + result.non2xx + result.timeouts;
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!.toFixed(1));
  process.stdout.write(`${JSON.stringify({
    task: mode === 'users' ? `caseload page, ${cookies.length} users pausing ~${(cookies.length / rate).toFixed(1)} s between pages` : `caseload page, ${cookies.length} users without pause (autocannon)`,
    samples: latencies.length, pagesPerSecond: Number((latencies.length / seconds).toFixed(1)), medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), errors,
  })}\n`);
} finally {
  server.kill('SIGTERM');
  await store.close();
}
