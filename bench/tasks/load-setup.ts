import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createSession, type Store } from '@continuity/store';
import { sql } from 'kysely';
import { hashToken, newToken, SESSION_COOKIE } from '../../packages/server/src/auth/session.ts';

/** `continuity serve` in its own process on loopback, with logging off; resolves with its address. */
export async function startServer(target: string): Promise<{ server: ChildProcess; address: string }> {
  const server = spawn(process.execPath, ['--max-semi-space-size=64', join(import.meta.dirname, '../../packages/cli/bin/continuity.js'), 'serve', '--database-url', target, '--port', '0'], {
    env: { ...process.env, CONTINUITY_LOG: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    server.stdout!.on('data', (chunk: Buffer) => {
      const found = /running at (http:\/\/\S+) /.exec(chunk.toString());
      if (found) resolve(found[1]!.replace('localhost', '127.0.0.1'));
    });
    server.once('exit', (code) => reject(new Error(`continuity serve exited (${code})`)));
  });
  return { server, address };
}

/**
 * Up to `users` key workers of the population, each an account in their team with a session of
 * its own: the session cookies, one per user.
 */
export async function keyWorkerSessions(store: Store, users: number): Promise<string[]> {
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
    await createSession(store.db, hashToken(token), id, new Date(Date.now() + 24 * 3_600_000));
    cookies.push(`${SESSION_COOKIE}=${token}`);
  }
  return cookies;
}

/** The median and tail of a set of latencies, in milliseconds to one decimal. */
export function latencySummary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0).toFixed(1));
  return { samples: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99) };
}
