import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, expectedItems, sharedCareScenario } from '../../store/test/support/shared-care-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const [cara, hal, gus, ana] = expectedItems;

describe.each(storeKinds)('the shared-care worklist through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const worklistAudit = (actorId: string) =>
    store.db.selectFrom('audit_event').select(['person_id', 'basis', 'outcome', 'detail']).where('actor_id', '=', actorId).where('action', '=', 'worklist').orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT, the team holding most people in the scenario.
    app = await scenarioApp(store, sharedCareScenario());
    for (const user of ['prescriber', 'manager', 'board', 'partner', 'gp']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('needs a session and a clinical role: a GP practice does not see the worklist', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/worklists/shared-care' })).statusCode).toBe(401);
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
