import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday } from '@continuity/domain';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { PH_AS_OF, physicalHealthScenario } from '../../store/test/support/physical-health-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';
import { scenarioApi } from './support/scenario-api.ts';

describe.each(storeKinds)('the physical health check through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const invite = (username: string, person: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/people/${person}/physical-health/invitations`, headers: { cookie: cookies[username]! }, payload });
  const audit = (action: string) =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_type', 'resource_id', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();
  const written = (id: string) => store.db.selectFrom('record').select(['person_id', 'resource_type']).where('id', '=', id).execute();

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT (sam, bea, gus, max, dan); South CMHT holds tom and ivy.
    app = await scenarioApp(store, physicalHealthScenario());
    for (const user of ['keyworker', 'prescriber', 'board']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('shows a person\'s check part by part with the last values, and audits the read', async () => {
    const response = await get('keyworker', `/api/people/bea/physical-health?asOf=${PH_AS_OF}`);
    expect(response.statusCode).toBe(200);
    const { asOf, check } = response.json();
    expect(asOf).toBe(PH_AS_OF);
    expect(check.completion).toBe('partial');
    expect(check.eligible).toEqual({ groups: ['bipolar'], evidence: ['Condition/bea-dx'], teamIds: ['team-north'] });
    expect(check.components).toEqual([
      { key: 'bmi', name: 'BMI', last: { id: 'bea-bmi-2026', date: '2026-02-01', value: '28.1 kg/m2' }, done: true, dueDate: '2027-02-01' },
      { key: 'bloodPressure', name: 'Blood pressure', last: { id: 'bea-bp-2026', date: '2026-02-01', value: '131/84 mm[Hg]' }, done: true, dueDate: '2027-02-01' },
      { key: 'glucose', name: 'Glucose or HbA1c', last: { id: 'bea-hba1c-2025-03-12', date: '2025-03-12', value: '41 mmol/mol' }, done: false, dueDate: '2026-03-12' },
      { key: 'lipids', name: 'Lipids', last: { id: 'bea-chol-2025-03-12', date: '2025-03-12', value: '5.2 mmol/L' }, done: false, dueDate: '2026-03-12' },
      { key: 'smoking', name: 'Smoking status', last: { id: 'bea-smoking-2025-03-12', date: '2025-03-12', value: 'Ex-smoker' }, done: false, dueDate: '2026-03-12' },
      { key: 'alcohol', name: 'Alcohol use', last: { id: 'bea-audit-2025-03-12', date: '2025-03-12', value: '3' }, done: false, dueDate: '2026-03-12' },
    ]);
    expect(check.invitations).toEqual([{ id: 'bea-invite', date: '2026-05-01', method: null }]);
    expect(check.invitation).toEqual({ id: 'bea-invite', date: '2026-05-01', daysAgo: 60, notResponded: true });
    expect(check.reason.code).toBe('physical-health-check-overdue');
    expect(await audit('read-physical-health')).toEqual([{ actor_id: 'demo-keyworker', person_id: 'bea', resource_type: null, resource_id: null, outcome: 'allowed', detail: null }]);
  });

  it('refuses staff without a relationship to the person, and a date that is not one', async () => {
    const tom = await get('keyworker', '/api/people/tom/physical-health');
    expect(tom.statusCode).toBe(403);
    expect(tom.json().error.code).toBe('break-glass-required');
    expect((await get('board', '/api/people/bea/physical-health')).statusCode).toBe(403);
    const bad = await get('keyworker', '/api/people/bea/physical-health?asOf=30-06-2026');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'asOf', message: 'must be a date as YYYY-MM-DD' }]);
  });

  it('records an invitation once, refuses bad input naming each field, and lists the invitation on the check and the worklist', async () => {
    const invitationId = randomUUID();
    const tomorrow = isoDay(londonDay(londonToday())! + 1);
    const bad = await invite('keyworker', 'gus', { invitationId, date: tomorrow, method: 'pigeon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      { field: 'date', message: `must not be in the future: record an invitation once it has gone out (today is ${londonToday()})` },
      { field: 'method', message: 'must be one of: letter, phone, text-message, email, in-person' },
    ]);
    expect((await invite('keyworker', 'gus', { invitationId: 'x', date: PH_AS_OF })).json().error.fields).toEqual([
      { field: 'invitationId', message: 'must be the UUID the form made when it opened' },
      { field: 'method', message: 'is required' },
    ]);
    expect((await invite('keyworker', 'tom', { invitationId, date: PH_AS_OF, method: 'letter' })).statusCode).toBe(403);
    expect(await written(invitationId)).toEqual([]);

    const body = { invitationId, date: '2026-06-02', method: 'phone', note: 'Clinic on Friday' };
    const first = await invite('keyworker', 'gus', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ invitation: { id: invitationId, reference: `Communication/${invitationId}`, date: '2026-06-02', method: 'phone' } });
    expect((await invite('keyworker', 'gus', body)).statusCode).toBe(200);
    const clash = await invite('keyworker', 'gus', { ...body, method: 'letter' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('invitation-id-in-use');
    expect(await written(invitationId)).toEqual([{ person_id: 'gus', resource_type: 'Communication' }]);
    expect(await audit('record-invitation')).toEqual([
      { actor_id: 'demo-keyworker', person_id: 'gus', resource_type: 'Communication', resource_id: invitationId, outcome: 'allowed', detail: { date: '2026-06-02', method: 'phone' } },
    ]);

    const { check } = (await get('keyworker', `/api/people/gus/physical-health?asOf=${PH_AS_OF}`)).json();
    expect(check.invitations).toEqual([{ id: invitationId, date: '2026-06-02', method: 'phone' }]);
    const list = (await get('prescriber', `/api/worklists/monitoring-overdue?asOf=${PH_AS_OF}`)).json();
    const reason = list.items.find((i: { patient: { id: string } }) => i.patient.id === 'gus').reasons[1];
    expect(reason.text).toMatch(/No complete check recorded\. Invited on 2 Jun \(28 days ago\)\.$/);
    expect(reason.evidence.at(-1)).toBe(`Communication/${invitationId}`);
  });

  it('counts a smoking status and an AUDIT-C score recorded on the result page', async () => {
    for (const [test, value] of [['72166-2', '266919005'], ['75626-2', '2'], ['2093-3', '4.8']] as const) {
      const response = await app.inject({ method: 'POST', url: '/api/people/gus/results', headers: { cookie: cookies.keyworker! }, payload: { resultId: randomUUID(), test, date: PH_AS_OF, value } });
      expect(response.statusCode, test).toBe(201);
    }
    const { check } = (await get('keyworker', `/api/people/gus/physical-health?asOf=${PH_AS_OF}`)).json();
    expect(check.completion).toBe('complete');
    expect(check.components.map((c: { value?: string; last: { value: string } }) => c.last.value)).toEqual(['91 kg', '135/85 mm[Hg]', '5.4 mmol/L', '4.8 mmol/L', 'Never smoked tobacco', '2']);
    expect(check.reason).toBeUndefined();
  });
});

describe.each(storeKinds)('the physical health check report through the API on $name', (kind) => {
  const api = scenarioApi(kind, physicalHealthScenario, ['manager', 'board', 'keyworker', 'prescriber']);
  const { get } = api;

  it('gives team managers and the board the counts per team, naming nobody, and audits the reading', async () => {
    const response = await get('board', `/api/reports/physical-health?asOf=${PH_AS_OF}`);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.teams.map((t: { team: string; eligible: number; complete: number; shareComplete: number }) => [t.team, t.eligible, t.complete, t.shareComplete])).toEqual([
      ['North CMHT', 3, 1, 0.333],
      ['South CMHT', 1, 0, 0],
    ]);
    expect(report.total).toMatchObject({ eligible: 4, complete: 1, partial: 2, none: 1, invitedNotResponded: 1 });
    expect(response.body).not.toMatch(/bea|Bell|9990003/);
    const south = (await get('manager', `/api/reports/physical-health?asOf=${PH_AS_OF}&team=team-south`)).json();
    expect(south.teams.map((t: { teamId: string }) => t.teamId)).toEqual(['team-south']);
    const audits = await api.store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'basis', 'detail']).where('action', '=', 'report').orderBy('id').execute();
    expect(audits).toEqual([
      { actor_id: 'demo-board', person_id: null, basis: 'report', detail: { report: 'physical-health', asOf: PH_AS_OF, team: null } },
      { actor_id: 'demo-manager', person_id: null, basis: 'report', detail: { report: 'physical-health', asOf: PH_AS_OF, team: 'team-south' } },
    ]);
  });

  it('refuses other roles, an unknown team and a date that is not one', async () => {
    for (const user of ['keyworker', 'prescriber']) expect((await get(user, '/api/reports/physical-health')).statusCode, user).toBe(403);
    expect((await get('board', '/api/reports/physical-health?team=no-such-team')).statusCode).toBe(404);
    const bad = await get('board', '/api/reports/physical-health?asOf=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'asOf', message: 'is not a real calendar date between 1800 and 2200' }]);
  });
});
