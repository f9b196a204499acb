import { importPath, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { buildApp, createDemoAccounts, DEMO_PASSWORD } from '@continuity/server';
import { scenario, writeNdjson } from '../../../store/test/support/scenario.ts';

/** The server over a store holding a hand-written scenario (the foundation's by default), with the demo accounts. */
export async function scenarioApp(store: Store, resources: Record<string, Array<Record<string, unknown>>> = scenario()): Promise<FastifyInstance> {
  const report = await importPath(store, writeNdjson(resources));
  if (report.rejected > 0) throw new Error(`scenario did not import: ${JSON.stringify(report.errors)}`);
  await createDemoAccounts(store);
  return buildApp({ store, webRoot: '/nonexistent' });
}

/** Signs in as a demo user and returns the session cookie header. */
export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'continuity_session');
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
