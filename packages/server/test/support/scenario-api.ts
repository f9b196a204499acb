import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Store } from '@continuity/store';
import type { StoreKind } from '../../../../test/support/stores.ts';
import { scenarioApp, signIn } from './signed-in-app.ts';

/**
 * A scenario served by the app on one store kind for a describe block, with these demo users
 * signed in: set up before its tests and closed after. `get` reads as a user; `worklistAudit` is
 * what a user's worklist reads wrote to the audit log.
 */
export function scenarioApi(kind: StoreKind, resources: () => Record<string, Array<Record<string, unknown>>>, users: readonly string[]) {
  const held = { store: undefined as Store | undefined, app: undefined as FastifyInstance | undefined, cookies: {} as Record<string, string> };
  beforeAll(async () => {
    held.store = await kind.open();
    held.app = await scenarioApp(held.store, resources());
    for (const user of users) held.cookies[user] = await signIn(held.app, user);
  });
  afterAll(async () => {
    await held.app?.close();
    await held.store?.close();
  });
  return {
    get app() {
      return held.app!;
    },
    get store() {
      return held.store!;
    },
    get: (user: string, url: string) => held.app!.inject({ method: 'GET', url, headers: { cookie: held.cookies[user]! } }),
    worklistAudit: (actorId: string) =>
      held.store!.db.selectFrom('audit_event').select(['person_id', 'basis', 'outcome', 'detail']).where('actor_id', '=', actorId).where('action', '=', 'worklist').orderBy('id').execute(),
  };
}
