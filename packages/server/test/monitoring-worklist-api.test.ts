import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, expectedItems, monitoringScenario } from '../../store/test/support/monitoring-scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';

const [vera, ola, nina, lena, carl] = expectedItems;

describe.each(storeKinds)('the monitoring-overdue worklist through the API on $name', (kind) => {
  const api = scenarioApi(kind, monitoringScenario, ['prescriber', 'keyworker', 'manager', 'board', 'admin', 'partner']);
  const { get, worklistAudit } = api;

  it('needs a session and a clinical role', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/worklists/monitoring-overdue' })).statusCode).toBe(401);
    for (const user of ['board', 'admin', 'partner']) {
      const response = await get(user, `/api/worklists/monitoring-overdue?asOf=${AS_OF}`);
      expect(response.statusCode, user).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect(await worklistAudit('demo-board')).toEqual([]);
  });

  it("gives a prescriber their own team's people in the contract shape, and audits each one listed", async () => {
    const response = await get('prescriber', `/api/worklists/monitoring-overdue?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      worklist: 'monitoring-overdue',
      asOf: AS_OF,
      items: [ola, nina, lena],
      people: {
        ola: { name: 'Ola Obi', teams: [{ id: 'team-north', name: 'North CMHT' }] },
        nina: { name: 'Nina North', teams: [{ id: 'team-north', name: 'North CMHT' }] },
        lena: { name: 'Lena Lowe', teams: [{ id: 'team-north', name: 'North CMHT' }] },
      },
    });
    expect(await worklistAudit('demo-prescriber')).toEqual(
      ['ola', 'nina', 'lena'].map((id) => ({ person_id: id, basis: 'worklist', outcome: 'allowed', detail: { worklist: 'monitoring-overdue', asOf: AS_OF, team: null } })),
    );
  });

  it("refuses a key worker another team's list; a manager sees every team, or one", async () => {
    const other = await get('keyworker', `/api/worklists/monitoring-overdue?asOf=${AS_OF}&team=team-south`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe('You can see the worklists of your own teams only.');
    const all = await get('manager', `/api/worklists/monitoring-overdue?asOf=${AS_OF}`);
    expect(all.json().items).toEqual(expectedItems);
    const south = await get('manager', `/api/worklists/monitoring-overdue?asOf=${AS_OF}&team=team-south`);
    expect(south.json().items).toEqual([vera, carl]);
    expect((await get('manager', '/api/worklists/monitoring-overdue?team=team-west')).statusCode).toBe(404);
  });

  it('says clearly what is wrong with the query', async () => {
    const badDate = await get('prescriber', '/api/worklists/monitoring-overdue?asOf=30-06-2026');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatchObject({ code: 'invalid-input', fields: [{ field: 'asOf', message: 'must be a date as YYYY-MM-DD' }] });
    const badTeam = await get('prescriber', '/api/worklists/monitoring-overdue?team=no%20such');
    expect(badTeam.json().error.fields).toEqual([{ field: 'team', message: 'must be a team id' }]);
  });
});
