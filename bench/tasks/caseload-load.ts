import { createSession, openStore } from '@continuity/store';
import { buildApp } from '@continuity/server';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { hashToken, newToken, SESSION_COOKIE } from '../../packages/server/src/auth/session.ts';
import { argument } from './measure.ts';

/**
 * "My caseload" under load: up to 100 key workers, each signed in with their own session, opening
 * their caseload page at a steady rate for a fixed time, against the server on loopback. Reports
 * the latency median and p95 of every response and any errors.
 */
const target = argument('target');
const asOf = argument('as-of');
const users = Number(argument('users'));
const seconds = Number(argument('seconds'));
/** Pages per second across all users: each user opens their caseload every users/rate seconds. */
const rate = Number(argument('rate'));

const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { dataDir: target });
const app = await buildApp({ store });
try {
  const keyWorkers = await sql<{ practitioner: string; team: string }>`
    SELECT DISTINCT ON (practitioner) resource->'careManager'->>'reference' AS practitioner, resource->'managingOrganization'->>'reference' AS team
    FROM record WHERE resource_type = 'EpisodeOfCare' AND status = 'active' AND resource->'careManager' IS NOT NULL
    ORDER BY practitioner, team LIMIT ${users}`.execute(store.db);
  const cookies: string[] = [];
  for (const [i, kw] of keyWorkers.rows.entries()) {
    const id = `bench-key-worker-${i}`;
    const practitionerId = kw.practitioner.replace(/^Practitioner\//, '');
    const teamId = kw.team.replace(/^Organization\//, '');
    await sql`INSERT INTO app_user (id, username, display_name, role, practitioner_id) VALUES (${id}, ${id}, ${`Bench key worker ${i}`}, 'key-worker', ${practitionerId})
              ON CONFLICT (id) DO NOTHING`.execute(store.db);
    await sql`INSERT INTO app_user_team (user_id, team_id) VALUES (${id}, ${teamId}) ON CONFLICT DO NOTHING`.execute(store.db);
    const token = newToken();
    await createSession(store.db, hashToken(token), id, new Date(Date.now() + 3_600_000));
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  let finished!: (result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((resolve) => (finished = resolve));
  const instance = autocannon({
    url: `${address}/api/caseloads/me?asOf=${asOf}`,
    connections: cookies.length,
    overallRate: rate,
    duration: seconds,
    // Each connection is one user: it takes the next session when it opens and keeps it.
    requests: [
      {
        setupRequest: (request, context) => {
          const user = context as { cookie?: string };
          user.cookie ??= cookies[next++ % cookies.length]!;
          return { ...request, headers: { ...request.headers, cookie: user.cookie } };
        },
      },
    ],
  }, (error, result) => {
    if (error) throw error;
    finished(result);
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]!.toFixed(1));
  process.stdout.write(`${JSON.stringify({
    task: `caseload page, ${cookies.length} users, ${rate} pages/s for ${seconds} s`,
    samples: latencies.length, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99),
    errors: result.errors + result.non2xx + result.timeouts, statuses: Object.fromEntries(statuses),
  })}\n`);
} finally {
  await app.close();
  await store.close();
}
