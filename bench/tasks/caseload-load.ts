import { openStore } from '@continuity/store';
import autocannon from 'autocannon';
import { keyWorkerSessions, latencySummary, startServer } from './load-setup.ts';
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
const { server, address } = await startServer(target);
try {
  const cookies = await keyWorkerSessions(store, users);
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
  process.stdout.write(`${JSON.stringify({
    task: mode === 'users' ? `caseload page, ${cookies.length} users pausing ~${(cookies.length / rate).toFixed(1)} s between pages` : `caseload page, ${cookies.length} users without pause (autocannon)`,
    ...latencySummary(latencies), pagesPerSecond: Number((latencies.length / seconds).toFixed(1)), errors,
  })}\n`);
} finally {
  server.kill('SIGTERM');
  await store.close();
}
