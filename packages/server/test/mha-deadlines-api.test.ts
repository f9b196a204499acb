import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, expectedItems, mhaScenario } from '../../store/test/support/mha-scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';

const [cal, hal, dan, amir] = expectedItems;

describe.each(storeKinds)('the mha-deadlines worklist through the API on $name', (kind) => {
  const api = scenarioApi(kind, mhaScenario, ['keyworker', 'manager', 'board', 'partner']);
  const { get, worklistAudit } = api;

  it('needs a session and a clinical role', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/worklists/mha-deadlines' })).statusCode).toBe(401);
    for (const user of ['board', 'partner']) expect((await get(user, `/api/worklists/mha-deadlines?asOf=${AS_OF}`)).statusCode, user).toBe(403);
    expect(await worklistAudit('demo-board')).toEqual([]);
  });

  it("gives a key worker their own team's people in the contract shape, and audits each one listed", async () => {
    const response = await get('keyworker', `/api/worklists/mha-deadlines?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      worklist: 'mha-deadlines',
      asOf: AS_OF,
      items: [cal, amir],
      people: {
        cal: { name: 'Cal Carter', teams: [{ id: 'team-north', name: 'North CMHT' }] },
        amir: { name: 'Amir Aziz', teams: [{ id: 'team-north', name: 'North CMHT' }] },
      },
    });
    expect(await worklistAudit('demo-keyworker')).toEqual(
      ['cal', 'amir'].map((id) => ({ person_id: id, basis: 'worklist', outcome: 'allowed', detail: { worklist: 'mha-deadlines', asOf: AS_OF, team: null } })),
    );
  });

  it('lets a manager see every team, or one', async () => {
    expect((await get('manager', `/api/worklists/mha-deadlines?asOf=${AS_OF}`)).json().items).toEqual(expectedItems);
    expect((await get('manager', `/api/worklists/mha-deadlines?asOf=${AS_OF}&team=team-south`)).json().items).toEqual([hal, dan]);
    const bad = await get('manager', '/api/worklists/mha-deadlines?asOf=2026-02-30');
    expect(bad.statusCode).toBe(400);
  });
});
