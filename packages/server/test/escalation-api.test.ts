import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, disengagementScenario, expectedItems } from '../../store/test/support/disengagement-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('the escalation ladder through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
  const post = (user: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[user]! } });
  const auditOf = (action: string) =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_id', 'basis', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT, which holds Dora and Eli; Fay is South's.
    app = await scenarioApp(store, disengagementScenario());
    for (const user of ['keyworker', 'manager', 'partner', 'crisis']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('shows every step of the ladder with its state, and who may own a step', async () => {
    const response = await get('keyworker', `/api/people/dora/escalation?asOf=${AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ asOf: AS_OF, person: { id: 'dora', name: 'Dora Dunn' }, disengaged: true, disengagedSince: '2026-06-04', overdue: 6, next: 'contact-another-way', decision: null });
    expect(body.reasons).toEqual(expectedItems[0]!.reasons);
    expect(body.steps.map((s: { code: string; state: string; due: string }) => [s.code, s.state, s.due])).toEqual([
      ['contact-another-way', 'not-started', '2026-06-05'],
      ['contact-family-carer', 'not-started', '2026-06-07'],
      ['home-visit', 'not-started', '2026-06-09'],
      ['mdt-review', 'not-started', '2026-06-11'],
      ['welfare-check', 'not-started', '2026-06-14'],
      ['multi-agency-meeting', 'not-started', '2026-06-25'],
    ]);
    // Active clinical staff of North CMHT only: not the crisis line (another team) or the administrator.
    expect(body.staff.map((s: { id: string }) => s.id).sort()).toEqual(['demo-keyworker', 'demo-manager', 'demo-prescriber']);
    expect(await auditOf('read-escalation')).toEqual([{ actor_id: 'demo-keyworker', person_id: 'dora', resource_id: null, basis: 'key-worker', outcome: 'allowed', detail: null }]);
  });

  it('refuses people outside the clinician\'s teams and non-clinical roles, and audits the refusal', async () => {
    expect((await get('crisis', `/api/people/fay/escalation?asOf=${AS_OF}`)).statusCode).toBe(403);
    expect((await post('partner', '/api/people/dora/escalation/tasks', { step: 'home-visit', ownerId: 'demo-keyworker', due: '2026-07-01' })).statusCode).toBe(403);
    expect((await get('keyworker', '/api/people/nobody/escalation')).statusCode).toBe(404);
    // Refused at the record's gate, before the route reads its input: audited with the route asked for.
    expect((await auditOf('open-for-request')).filter((a) => a.outcome === 'refused').map((a) => [a.person_id, a.detail])).toEqual([
      ['fay', { route: 'GET /api/people/:id/escalation' }],
      ['dora', { route: 'POST /api/people/:id/escalation/tasks' }],
    ]);
  });

  // Tasks are made today, so the ladder they change is today's: Eli, seen last on 22 June, is still out of contact.
  it('records a task with an owner from a team holding the person, and says which field is wrong otherwise', async () => {
    const added = await post('manager', '/api/people/eli/escalation/tasks', { step: 'home-visit', ownerId: 'demo-keyworker', due: '2099-07-01' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ step: 'home-visit', status: 'open', due: '2099-07-01', owner: { id: 'demo-keyworker', name: 'Demo key worker' }, createdBy: 'demo-manager', version: 1 });

    const crisis = await post('manager', '/api/people/eli/escalation/tasks', { step: 'welfare-check', ownerId: 'demo-crisis', due: '2026-07-01' });
    expect(crisis.statusCode).toBe(400);
    expect(crisis.json().error).toMatchObject({ code: 'invalid-owner', fields: [{ field: 'ownerId', message: 'is not active clinical staff in a team holding this person' }] });
    expect((await post('manager', '/api/people/eli/escalation/tasks', { step: 'welfare-check', ownerId: 'demo-admin', due: '2026-07-01' })).statusCode).toBe(400);
    const refused = (await auditOf('add-escalation-task')).filter((a) => a.outcome === 'refused');
    expect(refused.map((a) => (a.detail as { owner: string }).owner)).toEqual(['demo-crisis', 'demo-admin']);

    const bad = await post('manager', '/api/people/eli/escalation/tasks', { step: 'phone-a-friend', due: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['due', 'ownerId', 'step']);

    const ladder = (await get('keyworker', '/api/people/eli/escalation')).json();
    expect(ladder.disengagedSince).toBe('2026-06-30');
    expect(ladder.steps.find((s: { code: string }) => s.code === 'home-visit')).toMatchObject({ state: 'open', due: '2099-07-01', overdue: false, task: { owner: { id: 'demo-keyworker' } } });
    // As of a day before the task was made, nobody had taken the step on.
    expect((await get('keyworker', `/api/people/eli/escalation?asOf=${AS_OF}`)).json().steps[2]).toMatchObject({ code: 'home-visit', state: 'not-started', due: '2026-07-05' });
    expect(ladder.overdue).toBe(5);
    // Nothing was stored by the refused requests.
    expect(ladder.tasks).toHaveLength(1);
  });

  it('completes a task only at the version read: a stale one is a 409 and changes nothing', async () => {
    const task = (await post('manager', '/api/people/dora/escalation/tasks', { step: 'contact-family-carer', ownerId: 'demo-keyworker', due: '2026-06-30' })).json();
    const url = `/api/people/dora/escalation/tasks/${task.id}`;
    expect((await post('keyworker', `${url}/complete`, { version: 1 })).json().error.fields).toEqual([{ field: 'outcome', message: 'is required' }]);
    const stale = await post('keyworker', `${url}/complete`, { version: 2, outcome: 'Sister has not seen her.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    const done = await post('keyworker', `${url}/complete`, { version: 1, outcome: 'Sister has not seen her.' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'Sister has not seen her.', completedBy: 'demo-keyworker', completedByName: 'Demo key worker', version: 2 });
    const again = await post('manager', `${url}/cancel`, { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already-closed');
    expect((await post('manager', '/api/people/dora/escalation/tasks/999999/cancel', { version: 1 })).statusCode).toBe(404);
    expect((await auditOf('complete-escalation-task')).map((a) => [a.actor_id, a.resource_id, a.outcome])).toEqual([['demo-keyworker', task.id, 'allowed']]);
  });

  it('an MDT decision moves the person from the list to "decided", keeping the contract, until the review date passes', async () => {
    const backwards = await post('manager', '/api/people/eli/escalation/decisions', { decidedOn: '2026-06-30', decision: 'Daily visits.', reviewOn: '2026-06-30' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([{ field: 'reviewOn', message: 'must be after the day the MDT decided' }]);
    expect((await post('manager', '/api/people/eli/escalation/decisions', { decidedOn: '2026-06-30', decision: '  ', reviewOn: '2026-07-03' })).json().error.fields).toEqual([
      { field: 'decision', message: 'must say what the MDT decided' },
    ]);

    const early = await post('manager', '/api/people/eli/escalation/decisions', { decidedOn: '2026-06-29', decision: 'Daily visits.', reviewOn: '2026-07-03' });
    expect(early.json().error.fields).toEqual([{ field: 'decidedOn', message: 'must be on or after 2026-06-30, the day this spell out of contact began' }]);
    const recorded = await post('manager', '/api/people/eli/escalation/decisions', { decidedOn: '2026-06-30', decision: 'Daily visits this week; GP asked to call.', reviewOn: '2026-07-03' });
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ decidedOn: '2026-06-30', reviewOn: '2026-07-03', recordedBy: 'demo-manager', recordedByName: 'Demo team manager' });

    const list = (await get('manager', `/api/worklists/disengaged?asOf=${AS_OF}`)).json();
    expect(list.items).toEqual([expectedItems[0], expectedItems[1]]);
    expect(list.decided).toEqual([{ ...expectedItems[2], decision: { ...recorded.json() } }]);
    expect(list.people.eli.escalation).toMatchObject({ decision: { decidedOn: '2026-06-30', reviewOn: '2026-07-03', stands: true } });
    expect(list.people.dora.escalation).toMatchObject({ disengagedSince: '2026-06-04', next: { step: 'contact-another-way', owner: null, overdue: true }, overdue: 6 });

    const back = (await get('manager', '/api/worklists/disengaged?asOf=2026-07-04&team=team-north')).json();
    expect(back.items.map((i: { patient: { id: string } }) => i.patient.id)).toEqual(['eli', 'jon']);
    expect(back.decided).toEqual([]);
    expect(Object.keys(back).sort()).toEqual(['asOf', 'decided', 'items', 'people', 'worklist']);
    // Today Eli is back on the list with the home visit owned, and the board is asked to review the decision.
    const today = (await get('manager', '/api/worklists/disengaged?team=team-north')).json();
    expect(today.people.eli.escalation).toMatchObject({ overdue: 5, decision: { decidedOn: '2026-06-30', stands: false } });
    const board = (await get('manager', '/api/teams/team-north/mdt')).json();
    expect(board.items.find((i: { patient: { id: string } }) => i.patient.id === 'eli').reasons.map((r: { code: string }) => r.code)).toEqual([
      'no-contact-within-interval', 'escalation-overdue', 'mdt-review-due',
    ]);
  });
});
