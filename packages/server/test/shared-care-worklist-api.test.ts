import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, expectedItems, sharedCareScenario } from '../../store/test/support/shared-care-scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';

const [cara, hal, gus, ana] = expectedItems;

describe.each(storeKinds)('the shared-care worklist through the API on $name', (kind) => {
  const api = scenarioApi(kind, sharedCareScenario, ['prescriber', 'manager', 'board', 'partner', 'gp']);
  const { get, worklistAudit } = api;

  it('needs a session and a clinical role: a GP practice does not see the worklist', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/worklists/shared-care' })).statusCode).toBe(401);
    for (const user of ['board', 'partner', 'gp']) {
      const response = await get(user, `/api/worklists/shared-care?asOf=${AS_OF}`);
      expect(response.statusCode, user).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect(await worklistAudit('demo-gp')).toEqual([]);
  });

  it("gives a prescriber their own team's people in the contract shape, and audits each one listed", async () => {
    const response = await get('prescriber', `/api/worklists/shared-care?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      worklist: 'shared-care',
      asOf: AS_OF,
      items: [hal, ana],
      people: {
        hal: { name: 'Hal Hazel', teams: [{ id: 'team-north', name: 'North CMHT' }] },
        ana: { name: 'Ana Ash', teams: [{ id: 'team-north', name: 'North CMHT' }] },
      },
    });
    expect(await worklistAudit('demo-prescriber')).toEqual(
      ['hal', 'ana'].map((id) => ({ person_id: id, basis: 'worklist', outcome: 'allowed', detail: { worklist: 'shared-care', asOf: AS_OF, team: null } })),
    );
  });

  it('gives a manager every team, or one', async () => {
    expect((await get('manager', `/api/worklists/shared-care?asOf=${AS_OF}`)).json().items).toEqual(expectedItems);
    expect((await get('manager', `/api/worklists/shared-care?asOf=${AS_OF}&team=team-south`)).json().items).toEqual([cara, gus]);
  });
});
