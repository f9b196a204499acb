import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { SHARED_CARE_NHS, sharedCareScenario } from '../../store/test/support/shared-care-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const lithiumTasks = [
  { task: 'prescribing', name: 'Prescribing' },
  { task: 'lithium-level', name: 'Lithium level' },
  { task: 'thyroid-function', name: 'Thyroid function (TSH)' },
];
const north = { id: 'team-north', name: 'North CMHT' };

describe.each(storeKinds)("a GP practice's shared care through the API on $name", (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const post = (username: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[username]! } });
  const gpAudit = () =>
    store.db.selectFrom('audit_event').select(['action', 'person_id', 'resource_id', 'basis', 'outcome']).where('actor_id', '=', 'demo-gp').orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    // The demo GP is linked to Riverside Surgery, the practice with the most proposals waiting for its answer.
    app = await scenarioApp(store, sharedCareScenario());
    for (const user of ['gp', 'partner', 'prescriber']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("lists exactly its practice's responsibilities: proposals to answer, then agreements it holds; and audits each person", async () => {
    const response = await get('gp', '/api/shared-care/practice');
    expect(response.statusCode).toBe(200);
    const person = (id: keyof typeof SHARED_CARE_NHS, name: string) => ({ name, nhsNumber: SHARED_CARE_NHS[id], birthDate: '1980-01-01' });
    expect(response.json()).toEqual({
      practice: { id: 'gp-1', name: 'Riverside Surgery' },
      agreements: [
        { id: 'ana-sca', version: 1, person: person('ana', 'Ana Ash'), medicine: 'Lithium carbonate', status: 'proposed', history: [{ status: 'proposed', date: '2026-06-01' }], team: north, tasks: lithiumTasks },
        {
          id: 'ben-sca', version: 1, person: person('ben', 'Ben Birch'), medicine: 'Olanzapine', status: 'proposed', history: [{ status: 'proposed', date: '2026-06-16' }], team: north,
          tasks: [{ task: 'prescribing', name: 'Prescribing' }, { task: 'weight', name: 'Weight or BMI' }, { task: 'blood-pressure', name: 'Blood pressure' }],
        },
        { id: 'eve-sca', version: 1, person: person('eve', 'Eve Elm'), medicine: 'Lithium carbonate', status: 'proposed', history: [{ status: 'proposed', date: '2026-01-10' }], team: north, tasks: lithiumTasks },
        {
          id: 'ida-sca', version: 1, person: person('ida', 'Ida Ivy'), medicine: 'Lithium carbonate', status: 'accepted',
          history: [{ status: 'proposed', date: '2026-01-20' }, { status: 'accepted', date: '2026-02-01' }], team: north, tasks: lithiumTasks,
        },
      ],
    });
    expect(await gpAudit()).toEqual(
      ['ana', 'ben', 'eve', 'ida'].map((id) => ({ action: 'read-shared-care-responsibilities', person_id: id, resource_id: `${id}-sca`, basis: 'shared-care-agreement', outcome: 'allowed' })),
    );
  });

  it('sees nothing else: no search, no record, no timeline, no shared care page of a person, no worklist, no proposing', async () => {
    const refusals = [
      await get('gp', '/api/people?q=Ash'),
      await get('gp', '/api/people/ana'),
      await get('gp', '/api/people/ana/timeline'),
      await get('gp', '/api/people/ana/shared-care'),
      await get('gp', '/api/worklists/shared-care'),
      await get('gp', '/api/worklists/monitoring-overdue'),
      await get('gp', '/api/worklists/disengaged'),
      await post('gp', '/api/people/ana/shared-care', {}),
      await post('gp', '/api/people/ana/shared-care/ana-sca/status', { status: 'accepted', date: '2026-07-01', version: 1 }),
      await post('gp', '/api/people/ana/break-glass', { reason: 'I want to see the whole record' }),
    ];
    expect(refusals.map((r) => r.statusCode)).toEqual(refusals.map(() => 403));
  });

  it('is for GP practice accounts only', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/shared-care/practice' })).statusCode).toBe(401);
    for (const user of ['partner', 'prescriber']) {
      const response = await get(user, '/api/shared-care/practice');
      expect(response.statusCode, user).toBe(403);
      expect(response.json().error.message).toBe('Only an account linked to a GP practice can see its shared care responsibilities.');
    }
  });

  it("accepts a proposal on the version read, and cannot touch another practice's agreement", async () => {
    const accepted = await post('gp', '/api/shared-care/practice/ana-sca/answer', { status: 'accepted', date: '2026-06-10', version: 1 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().agreement).toEqual({ id: 'ana-sca', version: 2, status: 'accepted', history: [{ status: 'proposed', date: '2026-06-01' }, { status: 'accepted', date: '2026-06-10' }] });
    expect((await readPersonRecord(store.db, 'ana', 'CarePlan', 'ana-sca'))?.status).toBe('active');

    expect((await post('gp', '/api/shared-care/practice/ana-sca/answer', { status: 'declined', version: 1 })).json().error.code).toBe('stale-version');
    const ended = await post('gp', '/api/shared-care/practice/ben-sca/answer', { status: 'ended', version: 1 });
    expect(ended.json().error.fields).toEqual([{ field: 'status', message: 'must be one of: accepted, declined (the agreement is proposed)' }]);
    const future = await post('gp', '/api/shared-care/practice/ben-sca/answer', { status: 'declined', date: '2999-01-01', version: 1 });
    expect(future.json().error.fields).toEqual([{ field: 'date', message: 'must not be in the future' }]);
    expect((await post('gp', '/api/shared-care/practice/ben-sca/answer', { status: 'declined' })).json().error.fields).toEqual([{ field: 'version', message: 'is required' }]);

    const other = await post('gp', '/api/shared-care/practice/gus-sca-aripiprazole/answer', { status: 'accepted', version: 1 });
    expect(other.statusCode).toBe(404);
    expect((await post('gp', '/api/shared-care/practice/no-such/answer', { status: 'accepted', version: 1 })).statusCode).toBe(404);
    expect((await readPersonRecord(store.db, 'gus', 'CarePlan', 'gus-sca-aripiprazole'))?.versionId).toBe(1);
    const answers = (await gpAudit()).filter((a) => a.action === 'answer-shared-care');
    expect(answers.map((a) => [a.person_id, a.outcome])).toEqual([['ana', 'allowed'], ['gus', 'refused']]);
  });
});
