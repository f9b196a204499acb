import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, disengagementScenario, expectedItems } from '../../store/test/support/disengagement-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('the disengaged worklist through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const worklistAudit = (actorId: string) =>
    store.db.selectFrom('audit_event').select(['person_id', 'basis', 'outcome', 'detail']).where('actor_id', '=', actorId).where('action', '=', 'worklist').orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT, the team holding most people; the key worker is kw-1.
    app = await scenarioApp(store, disengagementScenario());
    for (const user of ['keyworker', 'manager', 'crisis', 'board', 'admin', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('needs a session and a clinical role', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/worklists/disengaged' })).statusCode).toBe(401);
    for (const user of ['board', 'admin', 'partner']) {
      const response = await get(user, `/api/worklists/disengaged?asOf=${AS_OF}`);
      expect(response.statusCode, user).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
  });

  it('gives a key worker the people their own team holds, in the contract shape, and audits each one listed', async () => {
    const response = await get('keyworker', `/api/worklists/disengaged?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ worklist: 'disengaged', asOf: AS_OF, items: [expectedItems[0], expectedItems[2]] });
    expect(body.people.dora).toMatchObject({ name: 'Dora Dunn', teams: [{ id: 'team-north', name: 'North CMHT' }], escalation: { disengagedSince: '2026-06-04', overdue: 6 } });
    expect(await worklistAudit('demo-keyworker')).toEqual([
      { person_id: 'dora', basis: 'worklist', outcome: 'allowed', detail: { worklist: 'disengaged', asOf: AS_OF, team: null } },
      { person_id: 'eli', basis: 'worklist', outcome: 'allowed', detail: { worklist: 'disengaged', asOf: AS_OF, team: null } },
    ]);
  });

  it("refuses a non-manager another team's list, and gives a clinician with no team an empty one", async () => {
    const response = await get('keyworker', `/api/worklists/disengaged?asOf=${AS_OF}&team=team-south`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('You can see the worklists of your own teams only.');
    const crisis = await get('crisis', `/api/worklists/disengaged?asOf=${AS_OF}`);
    expect(crisis.statusCode).toBe(200);
    expect(crisis.json().items).toEqual([]);
  });

  it('lets a team manager see every team, or one', async () => {
    const all = await get('manager', `/api/worklists/disengaged?asOf=${AS_OF}`);
    expect(all.json().items).toEqual(expectedItems);
    const south = await get('manager', `/api/worklists/disengaged?asOf=${AS_OF}&team=team-south`);
    expect(south.json().items).toEqual([expectedItems[1]]);
    expect((await worklistAudit('demo-manager')).map((a) => a.person_id)).toEqual(['dora', 'fay', 'eli', 'fay']);
    expect((await get('manager', '/api/worklists/disengaged?team=team-west')).statusCode).toBe(404);
  });

  it('says clearly what is wrong with the query', async () => {
    const badDate = await get('manager', '/api/worklists/disengaged?asOf=30-06-2026');
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error).toMatchObject({ code: 'invalid-input', fields: [{ field: 'asOf', message: 'must be a date as YYYY-MM-DD' }] });
    const notADay = await get('manager', '/api/worklists/disengaged?asOf=2026-02-30');
    expect(notADay.statusCode).toBe(400);
    const badTeam = await get('manager', '/api/worklists/disengaged?team=no%20such');
    expect(badTeam.json().error.fields).toEqual([{ field: 'team', message: 'must be a team id' }]);
  });
});
