import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mhaUse, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { mhaUseScenario, USE_AS_OF } from '../../store/test/support/mha-use-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('use of the Mental Health Act by ethnicity through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, mhaUseScenario());
    for (const user of ['board', 'manager', 'keyworker', 'admin']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('gives board analysts and team managers the aggregate report, naming nobody, with one audit entry', async () => {
    for (const user of ['board', 'manager']) {
      const response = await get(user, `/api/reports/mha-use?asOf=${USE_AS_OF}`);
      expect(response.statusCode, user).toBe(200);
      expect(response.json()).toEqual(await mhaUse(store.db, { asOf: USE_AS_OF }));
      expect(response.body).not.toMatch(/"u\d+"|Patient\//);
    }
    const audit = await store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'basis', 'detail']).where('action', '=', 'report').orderBy('id').execute();
    expect(audit.map((a) => [a.actor_id, a.person_id, a.basis, typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail])).toEqual([
      ['demo-board', null, 'report', { report: 'mha-use', asOf: USE_AS_OF }],
      ['demo-manager', null, 'report', { report: 'mha-use', asOf: USE_AS_OF }],
    ]);
  });

  it('refuses other roles, and says what is wrong with the query', async () => {
    for (const user of ['keyworker', 'admin']) expect((await get(user, '/api/reports/mha-use')).statusCode, user).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/reports/mha-use' })).statusCode).toBe(401);
    const bad = await get('board', '/api/reports/mha-use?asOf=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('asOf');
    expect((await get('board', '/api/reports/mha-use?asOf=2026-02-30')).statusCode).toBe(400);
  });
});
