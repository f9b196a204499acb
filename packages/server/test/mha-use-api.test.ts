import { describe, expect, it } from 'vitest';
import { mhaUse } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { mhaUseScenario, USE_AS_OF } from '../../store/test/support/mha-use-scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';

describe.each(storeKinds)('use of the Mental Health Act by ethnicity through the API on $name', (kind) => {
  const api = scenarioApi(kind, mhaUseScenario, ['board', 'manager', 'keyworker', 'admin']);
  const { get } = api;

  it('gives board analysts and team managers the aggregate report, naming nobody, with one audit entry', async () => {
    for (const user of ['board', 'manager']) {
      const response = await get(user, `/api/reports/mha-use?asOf=${USE_AS_OF}`);
      expect(response.statusCode, user).toBe(200);
      expect(response.json()).toEqual(await mhaUse(api.store.db, { asOf: USE_AS_OF }));
      expect(response.body).not.toMatch(/"u\d+"|Patient\//);
    }
    const audit = await api.store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'basis', 'detail']).where('action', '=', 'report').orderBy('id').execute();
    expect(audit.map((a) => [a.actor_id, a.person_id, a.basis, typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail])).toEqual([
      ['demo-board', null, 'report', { report: 'mha-use', asOf: USE_AS_OF }],
      ['demo-manager', null, 'report', { report: 'mha-use', asOf: USE_AS_OF }],
    ]);
  });

  it('refuses other roles, and says what is wrong with the query', async () => {
    for (const user of ['keyworker', 'admin']) expect((await get(user, '/api/reports/mha-use')).statusCode, user).toBe(403);
    expect((await api.app.inject({ method: 'GET', url: '/api/reports/mha-use' })).statusCode).toBe(401);
    const bad = await get('board', '/api/reports/mha-use?asOf=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('asOf');
    expect((await get('board', '/api/reports/mha-use?asOf=2026-02-30')).statusCode).toBe(400);
  });
});
