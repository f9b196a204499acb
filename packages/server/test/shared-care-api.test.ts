import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPersonRecord, sharedCareWorklist, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, sharedCareScenario } from '../../store/test/support/shared-care-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const PROPOSAL_ID = '6f1c1c0e-6a0b-4b8e-9f52-0d6c1f7e2a11';

describe.each(storeKinds)('proposing and recording shared care through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const post = (username: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[username]! } });
  const audit = (action: string) =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_id', 'basis', 'outcome']).where('action', '=', action).orderBy('id').execute();
  const carePlans = async () => (await store.db.selectFrom('record').select('id').where('resource_type', '=', 'CarePlan').execute()).length;

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, sharedCareScenario());
    for (const user of ['prescriber', 'keyworker', 'board', 'gp']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("shows a person's agreements, practice and what can be shared, and audits the read", async () => {
    const response = await get('prescriber', '/api/people/ana/shared-care');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      practice: { id: 'gp-1', name: 'Riverside Surgery' },
      teams: [{ id: 'team-north', name: 'North CMHT' }],
      prescriptions: [{ id: 'ana-lithium', medicine: 'Lithium carbonate', authoredOn: '2025-06-01', tasks: ['prescribing', 'lithium-level', 'renal-function', 'thyroid-function', 'medication-review'] }],
      agreements: [
        {
          id: 'ana-sca', version: 1, medicationRequestId: 'ana-lithium', medicine: 'Lithium carbonate', status: 'proposed', history: [{ status: 'proposed', date: '2026-06-01' }],
          team: { id: 'team-north', name: 'North CMHT' }, practice: { id: 'gp-1', name: 'Riverside Surgery' },
          responsibilities: [
            { task: 'prescribing', name: 'Prescribing', holder: 'practice' },
            { task: 'lithium-level', name: 'Lithium level', holder: 'practice' },
            { task: 'renal-function', name: 'Renal function (eGFR or creatinine)', holder: 'team' },
            { task: 'thyroid-function', name: 'Thyroid function (TSH)', holder: 'practice' },
          ],
        },
      ],
    });
    expect(await audit('read-shared-care')).toEqual([{ actor_id: 'demo-prescriber', person_id: 'ana', resource_id: null, basis: 'team', outcome: 'allowed' }]);
    // Another team's person: the usual refusal, audited.
    expect((await get('prescriber', '/api/people/cara/shared-care')).json().error.code).toBe('break-glass-required');
  });

  it('proposes an agreement as a CarePlan, exactly once, and audits it', async () => {
    const body = { agreementId: PROPOSAL_ID, medicationRequest: 'hal-quetiapine', date: '2026-07-01', responsibilities: [{ task: 'prescribing', holder: 'practice' }, { task: 'weight', holder: 'practice' }, { task: 'prolactin', holder: 'team' }] };
    const created = await post('prescriber', '/api/people/hal/shared-care', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ agreement: { id: PROPOSAL_ID, version: 1, status: 'proposed', history: [{ status: 'proposed', date: '2026-07-01' }] } });
    const stored = await readPersonRecord(store.db, 'hal', 'CarePlan', PROPOSAL_ID);
    expect(stored?.resource).toMatchObject({ status: 'draft', intent: 'proposal', author: { reference: 'Organization/team-north' }, contributor: [{ reference: 'Organization/gp-1' }], supportingInfo: [{ reference: 'MedicationRequest/hal-quetiapine', display: 'Quetiapine' }] });
    expect((await post('prescriber', '/api/people/hal/shared-care', body)).statusCode).toBe(200);
    const reused = await post('prescriber', '/api/people/hal/shared-care', { ...body, date: '2026-07-02' });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('agreement-id-in-use');
    expect(await audit('propose-shared-care')).toEqual([{ actor_id: 'demo-prescriber', person_id: 'hal', resource_id: PROPOSAL_ID, basis: 'team', outcome: 'allowed' }]);
    // A new proposal does not clear the decline: only an accepted one does.
    expect((await sharedCareWorklist(store.db, { asOf: '2026-07-02', people: ['hal'] })).list.items[0]!.reasons.map((r) => r.code)).toEqual(['shared-care-declined']);
  });

  it('refuses a proposal field by field and stores nothing', async () => {
    const before = await carePlans();
    const refused = async (person: string, body: Record<string, unknown>) => {
      const response = await post('keyworker', `/api/people/${person}/shared-care`, { agreementId: '0b8f3c9e-1d2a-4c5b-8e7f-9a0b1c2d3e4f', medicationRequest: 'ben-olanzapine', date: '2026-07-01', responsibilities: [{ task: 'prescribing', holder: 'practice' }], ...body });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      return response.json().error.fields;
    };
    expect(await refused('ben', {})).toEqual([{ field: 'medicationRequest', message: 'already has a shared care agreement proposed: record its answer or end it first' }]);
    expect(await refused('hal', { medicationRequest: 'cara-clozapine' })).toEqual([{ field: 'medicationRequest', message: "is not one of this person's prescriptions" }]);
    expect(await refused('eve', { medicationRequest: 'eve-lithium' })).toEqual([{ field: 'medicationRequest', message: 'is not currently prescribed (stopped)' }]);
    expect(await refused('ida', { medicationRequest: 'ida-lithium', date: '2999-01-01', responsibilities: [{ task: 'weight', holder: 'gp' }] })).toEqual([
      { field: 'medicationRequest', message: 'already has a shared care agreement accepted: record its answer or end it first' },
      { field: 'date', message: 'must not be in the future' },
      { field: 'responsibilities.0.holder', message: 'must be practice or team' },
      { field: 'responsibilities', message: 'must say who prescribes' },
    ]);
    expect(await refused('ben', { agreementId: 'not-a-uuid', responsibilities: 'all' })).toEqual([
      { field: 'agreementId', message: 'must be the UUID the form made when it opened' },
      { field: 'responsibilities', message: 'must list who does each task' },
    ]);
    expect(await carePlans()).toBe(before);
  });

  it('lets only specialists propose', async () => {
    for (const user of ['board', 'gp']) {
      const response = await post(user, '/api/people/hal/shared-care', {});
      expect(response.statusCode, user).toBe(403);
    }
  });

  it('records an answer on the version read, refuses a stale or impossible change, and the item clears', async () => {
    expect((await sharedCareWorklist(store.db, { asOf: AS_OF, people: ['ana'] })).list.items).toHaveLength(1);
    const accepted = await post('prescriber', '/api/people/ana/shared-care/ana-sca/status', { status: 'accepted', date: '2026-06-20', version: 1 });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ agreement: { id: 'ana-sca', version: 2, status: 'accepted', history: [{ status: 'proposed', date: '2026-06-01' }, { status: 'accepted', date: '2026-06-20' }] } });
    expect((await readPersonRecord(store.db, 'ana', 'CarePlan', 'ana-sca'))?.resource).toMatchObject({ status: 'active', intent: 'plan' });
    expect((await sharedCareWorklist(store.db, { asOf: AS_OF, people: ['ana'] })).list.items).toEqual([]);

    const stale = await post('prescriber', '/api/people/ana/shared-care/ana-sca/status', { status: 'ended', date: '2026-07-01', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    const impossible = await post('prescriber', '/api/people/ana/shared-care/ana-sca/status', { status: 'declined', date: '2026-07-01', version: 2 });
    expect(impossible.json().error.fields).toEqual([{ field: 'status', message: 'must be one of: ended (the agreement is accepted)' }]);
    const early = await post('prescriber', '/api/people/ana/shared-care/ana-sca/status', { status: 'ended', date: '2026-06-19', version: 2 });
    expect(early.json().error.fields).toEqual([{ field: 'date', message: 'must be on or after the last change (accepted on 2026-06-20)' }]);
    expect((await post('prescriber', '/api/people/ana/shared-care/no-such/status', { status: 'ended', date: '2026-07-01', version: 2 })).statusCode).toBe(404);
    expect((await readPersonRecord(store.db, 'ana', 'CarePlan', 'ana-sca'))?.versionId).toBe(2);
    expect((await audit('change-shared-care')).map((a) => [a.person_id, a.resource_id])).toEqual([['ana', 'ana-sca']]);
  });

  it('once an agreement has ended, takes one of two proposals for the prescription sent at the same moment', async () => {
    expect((await post('prescriber', '/api/people/ida/shared-care/ida-sca/status', { status: 'ended', date: '2026-07-01', version: 1 })).statusCode).toBe(200);
    const proposal = (agreementId: string) => ({ agreementId, medicationRequest: 'ida-lithium', date: '2026-07-02', responsibilities: [{ task: 'prescribing', holder: 'practice' }] });
    const answers = await Promise.all([
      post('prescriber', '/api/people/ida/shared-care', proposal('1a2b3c4d-1111-4aaa-8bbb-000000000001')),
      post('keyworker', '/api/people/ida/shared-care', proposal('1a2b3c4d-2222-4aaa-8bbb-000000000002')),
    ]);
    // One is written; the other is refused, by the check before writing (400) or, sent at the same moment, by the one made as it writes (409).
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    const refused = answers.find((a) => a.statusCode !== 201)!;
    expect([400, 409]).toContain(refused.statusCode);
    expect(refused.json().error.fields).toEqual([{ field: 'medicationRequest', message: 'already has a shared care agreement proposed: record its answer or end it first' }]);
    const open = (await store.db.selectFrom('record').select('id').where('person_id', '=', 'ida').where('resource_type', '=', 'CarePlan').where('status', '=', 'draft').execute()).length;
    expect(open).toBe(1);
  });
});
