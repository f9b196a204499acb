import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('incidents and learning through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
  const post = (user: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { cookie: cookies[user]!, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const incidents = async () => (await store.db.selectFrom('incident').select('id').execute()).length;

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store);
    for (const user of ['board', 'manager', 'admin', 'keyworker', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('records a serious incident about a person, a complaint and a compliment, themed, and lists them with themes by quarter; naming the person is an audited read', async () => {
    const serious = await post('manager', '/api/governance/incidents', {
      kind: 'serious-incident', personId: 'ada', teamId: 'team-north', occurredOn: '2026-02-03', summary: 'Discharged after missed appointments; readmitted in crisis.', themes: ['cmoc-2', 'cmoc-4', 'cmoc-2'],
    });
    expect(serious.statusCode).toBe(201);
    expect(serious.json()).toMatchObject({ kind: 'serious-incident', personId: 'ada', teamId: 'team-north', themes: ['cmoc-2', 'cmoc-4'], status: 'open', version: 1 });
    expect((await post('board', '/api/governance/incidents', { kind: 'complaint', teamId: 'team-south', occurredOn: '2026-03-20', summary: 'Appointment cancelled by the team, no new one offered.', themes: ['cmoc-4', 'cmoc-8'] })).statusCode).toBe(201);
    expect((await post('board', '/api/governance/incidents', { kind: 'compliment', teamId: 'team-north', occurredOn: '2026-04-01', summary: 'Thanks for the home visits.' })).statusCode).toBe(201);

    const list = (await get('board', '/api/governance/incidents')).json();
    expect(list.incidents.map((i: { kind: string }) => i.kind)).toEqual(['compliment', 'complaint', 'serious-incident']);
    expect(list.incidents[2]).toMatchObject({ person: { id: 'ada', name: expect.stringContaining('Lovelace') }, teamName: 'North CMHT', learning: { actions: 0, done: 0, overdue: 0 } });
    expect(list.incidents[1].person).toBeNull();
    expect(list.themes['cmoc-8']).toBe('Not actively listening: complaints and feedback not used to avoid harm');
    expect(list.themesByQuarter).toEqual([
      { quarter: '2026 Q1', theme: 'cmoc-4', count: 2 },
      { quarter: '2026 Q1', theme: 'cmoc-2', count: 1 },
      { quarter: '2026 Q1', theme: 'cmoc-8', count: 1 },
    ]);
    const reads = await store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'basis']).where('action', '=', 'read-incidents').execute();
    expect(reads).toEqual([{ actor_id: expect.any(String), person_id: 'ada', basis: 'report' }]);
    const written = await store.db.selectFrom('audit_event').select(['person_id', 'detail']).where('action', '=', 'record-incident').orderBy('id').execute();
    expect(written.map((w) => w.person_id)).toEqual(['ada', null, null]);
    expect(JSON.stringify(written.map((w) => w.detail))).not.toContain('missed appointments');
  });

  it('tracks learning actions to completion: an action of the plan with the incident, counted on the incident and overdue on the plan', async () => {
    const serious = (await get('manager', '/api/governance/incidents')).json().incidents.find((i: { kind: string }) => i.kind === 'serious-incident');
    const learning = await post('manager', '/api/governance/actions', { incidentId: serious.id, action: 'Teach the DNA policy to every CMHT.', owner: 'Clinical lead, North', due: '2026-03-01' });
    expect(learning.statusCode).toBe(201);
    expect(learning.json()).toMatchObject({ domain: null, incidentId: serious.id });
    expect((await post('manager', '/api/governance/actions', { incidentId: serious.id, action: 'Audit discharges after missed appointments.', owner: 'Audit lead', due: '2099-03-01', status: 'done', evidence: 'Audit report March' })).statusCode).toBe(201);

    const after = (await get('manager', '/api/governance/incidents')).json().incidents.find((i: { id: string }) => i.id === serious.id);
    expect(after.learning).toEqual({ actions: 2, done: 1, overdue: 1 });
    const plan = (await get('manager', '/api/governance/actions')).json();
    expect(plan.overdue.map((a: { action: string }) => a.action)).toEqual(['Teach the DNA policy to every CMHT.']);

    const closed = await post('manager', `/api/governance/incidents/${serious.id}`, { ...pick(serious), version: 1, status: 'closed' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', version: 2 });
    const stale = await post('board', `/api/governance/incidents/${serious.id}`, { ...pick(serious), version: 1, themes: [] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields).toEqual([{ field: 'version', message: 'is not the current version of the incident (now 2)' }]);
  });

  it('refuses an unknown team, person, theme or incident, naming the field, and stores nothing', async () => {
    const before = await incidents();
    const fields = async (url: string, payload: unknown) => {
      const response = await post('board', url, payload);
      expect(response.statusCode).toBe(400);
      return response.json().error.fields.map((f: { field: string }) => f.field);
    };
    expect(await fields('/api/governance/incidents', { kind: 'complaint', teamId: 'team-nowhere', personId: 'nobody', occurredOn: '2026-03-20', summary: 'x' })).toEqual(['teamId', 'personId']);
    expect(await fields('/api/governance/incidents', { kind: 'near-miss', teamId: 'team-north', occurredOn: '2026-03-20', summary: ' ', themes: ['cmoc-27'] })).toEqual(['kind', 'summary', 'themes.0']);
    expect(await fields('/api/governance/actions', { incidentId: '999999', action: 'x', owner: 'y', due: '2026-03-01' })).toEqual(['incidentId']);
    expect(await fields('/api/governance/actions', { action: 'x', owner: 'y', due: '2026-03-01' })).toEqual(['domain']);
    expect(await incidents()).toBe(before);
  });

  it('is for team managers and the board: administrators, clinicians and partner agencies are refused', async () => {
    for (const user of ['admin', 'keyworker', 'partner']) {
      expect((await get(user, '/api/governance/incidents')).statusCode).toBe(403);
      expect((await post(user, '/api/governance/incidents', { kind: 'compliment', teamId: 'team-north', occurredOn: '2026-04-01', summary: 'Thanks.' })).statusCode).toBe(403);
    }
  });
});

function pick(incident: Record<string, unknown>) {
  const { kind, personId, teamId, occurredOn, summary, themes, status } = incident;
  return { kind, personId, teamId, occurredOn, summary, themes, status };
}
