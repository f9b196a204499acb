import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday, system } from '@continuity/domain';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';
import { AS_OF, expectedItems, monitoringScenario } from '../../store/test/support/monitoring-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const [, ola, nina, lena] = expectedItems;

describe.each(storeKinds)('recording monitoring results through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const record = (username: string, person: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/people/${person}/results`, headers: { cookie: cookies[username]! }, payload });
  const written = (id: string) => store.db.selectFrom('record').select(['person_id', 'resource_type', 'version_id']).where('id', '=', id).execute();
  const audit = (action: string) =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_type', 'resource_id', 'basis', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();
  const northList = async () => (await app.inject({ method: 'GET', url: `/api/worklists/monitoring-overdue?asOf=${AS_OF}`, headers: { cookie: cookies.prescriber! } })).json().items;

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT, which holds lena, ola and nina; South CMHT holds carl and vera.
    app = await scenarioApp(store, monitoringScenario());
    for (const user of ['prescriber', 'keyworker', 'board', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('says which field is wrong and why, and writes nothing', async () => {
    const resultId = randomUUID();
    const shape = await record('prescriber', 'lena', { resultId: 'again', date: AS_OF, value: true });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields).toEqual([
      { field: 'resultId', message: 'must be the UUID the form made when it opened' },
      { field: 'test', message: 'is required' },
      { field: 'value', message: 'must be a number' },
    ]);
    const values = await record('prescriber', 'lena', { resultId, test: '14334-7', date: '2026-02-30', value: '6.9' });
    expect(values.statusCode).toBe(400);
    expect(values.json().error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^The result was not recorded: date must be a real date; value must be between/) });
    expect(values.json().error.fields).toEqual([
      { field: 'date', message: 'must be a real date' },
      { field: 'value', message: 'must be between 0.01 and 5 mmol/L: check the number and the unit' },
    ]);
    const bp = await record('prescriber', 'ola', { resultId, test: '85354-9', date: AS_OF, systolic: 130 });
    expect(bp.json().error.fields).toEqual([{ field: 'diastolic', message: 'is needed: the diastolic in mmHg' }]);
    expect((await record('prescriber', 'lena', { resultId, test: '4086-5', date: AS_OF, value: 50 })).json().error.fields).toEqual([
      { field: 'test', message: 'must be one of the monitoring tests offered (a LOINC code the monitoring rules recognise)' },
    ]);
    const tomorrow = isoDay(londonDay(londonToday())! + 1);
    const future = await record('prescriber', 'lena', { resultId, test: '14334-7', date: tomorrow, value: 0.6 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([{ field: 'date', message: `must not be in the future: record a result once the sample was taken (today is ${londonToday()})` }]);
    expect(await written(resultId)).toEqual([]);
    expect(await audit('record-result')).toEqual([]);
  });

  it('refuses staff without a relationship to the person, and audits the refusal', async () => {
    const resultId = randomUUID();
    const body = { resultId, test: '751-8', date: AS_OF, value: '2.1' };
    // Carl is held by South CMHT; the demo prescriber works in North.
    const carl = await record('prescriber', 'carl', body);
    expect(carl.statusCode).toBe(403);
    expect(carl.json().error.code).toBe('break-glass-required');
    for (const user of ['board', 'partner']) expect((await record(user, 'lena', { ...body, test: '14334-7' })).statusCode, user).toBe(403);
    expect((await audit('open-for-request')).filter((a) => a.outcome === 'refused')).toEqual([
      { actor_id: 'demo-prescriber', person_id: 'carl', resource_type: null, resource_id: null, basis: 'none', outcome: 'refused', detail: { route: 'POST /api/people/:id/results' } },
      { actor_id: 'demo-board', person_id: 'lena', resource_type: null, resource_id: null, basis: 'none', outcome: 'refused', detail: { route: 'POST /api/people/:id/results' } },
      { actor_id: 'demo-partner', person_id: 'lena', resource_type: null, resource_id: null, basis: 'none', outcome: 'refused', detail: { route: 'POST /api/people/:id/results' } },
    ]);
    expect(await written(resultId)).toEqual([]);
    expect((await record('prescriber', 'nobody', body)).statusCode).toBe(404);
  });

  it('takes lena off the list when the prescriber records her overdue lithium level, written as docs/fhir.md says and audited', async () => {
    expect(await northList()).toEqual([ola, nina, lena]);
    const resultId = randomUUID();
    const response = await record('prescriber', 'lena', { resultId, test: '14334-7', date: '2026-06-29', value: '0.62' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ result: { id: resultId, reference: `Observation/${resultId}`, test: '14334-7', name: 'Lithium level', date: '2026-06-29' } });
    expect(await northList()).toEqual([ola, nina]);

    const observation = (await readPersonRecord(store.db, 'lena', 'Observation', resultId))!;
    expect(observation.resource).toMatchObject({
      status: 'final', code: { coding: [{ system: system.loinc, code: '14334-7' }] }, subject: { reference: 'Patient/lena' }, effectiveDateTime: '2026-06-29',
      valueQuantity: { value: 0.62, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      // The demo prescriber has no practitioner record: their one team is the performer.
      performer: [{ reference: 'Organization/team-north' }],
    });
    expect(fhirR4SchemaErrors(observation.resource)).toEqual([]);
    expect(await audit('record-result')).toEqual([
      { actor_id: 'demo-prescriber', person_id: 'lena', resource_type: 'Observation', resource_id: resultId, basis: 'team', outcome: 'allowed', detail: { test: '14334-7', date: '2026-06-29' } },
    ]);
  });

  it('records a result sent twice once, and refuses a different result under the same id', async () => {
    const resultId = randomUUID();
    const body = { resultId, test: '85354-9', date: AS_OF, systolic: '132', diastolic: '84' };
    const both = await Promise.all([record('keyworker', 'ola', body), record('keyworker', 'ola', body)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]!.json()).toEqual(both[1]!.json());
    const again = await record('keyworker', 'ola', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(both[0]!.json());
    expect(await written(resultId)).toEqual([{ person_id: 'ola', resource_type: 'Observation', version_id: 1 }]);
    expect((await audit('record-result')).filter((a) => a.resource_id === resultId)).toHaveLength(1);

    for (const [person, changed] of [
      ['ola', { ...body, systolic: '133' }],
      ['ola', { ...body, date: '2026-06-29' }],
      ['nina', body],
    ] as const) {
      const conflict = await record('keyworker', person, changed);
      expect(conflict.statusCode, `${person} ${JSON.stringify(changed)}`).toBe(409);
      expect(conflict.json().error).toMatchObject({ code: 'result-id-in-use', fields: [{ field: 'resultId', message: 'is already used by a different record' }] });
    }
    expect(await written(resultId)).toEqual([{ person_id: 'ola', resource_type: 'Observation', version_id: 1 }]);
    expect((await readPersonRecord(store.db, 'ola', 'Observation', resultId))!.resource.component).toMatchObject([{ valueQuantity: { value: 132 } }, { valueQuantity: { value: 84 } }]);
  });
});
