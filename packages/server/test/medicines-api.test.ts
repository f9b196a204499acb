import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extension, isoDay, londonDay, londonToday } from '@continuity/domain';
import { readPersonRecord, updatePersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { monitoringScenario } from '../../store/test/support/monitoring-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const daysAgo = (n: number) => isoDay(londonDay(londonToday())! - n);

describe.each(storeKinds)('medicines through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const send = (user: string, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method: payload ? 'POST' : 'GET', url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const medicines = async (user: string, person: string) => (await send(user, `/api/people/${person}/medicines`)).json().medicines as Array<Record<string, any>>;
  const reasonsOf = async (list: string, person: string) =>
    ((await send('prescriber', `/api/worklists/${list}`)).json().items as Array<{ patient: { id: string }; reasons: Array<{ code: string; evidence: string[] }> }>).find((i) => i.patient.id === person)?.reasons ?? [];
  const audit = (action: string) => store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_type', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    // North CMHT (the demo clinicians' team) holds lena (lithium since 5 Jan 2026) and ola (olanzapine); South holds carl.
    app = await scenarioApp(store, monitoringScenario());
    for (const user of ['prescriber', 'keyworker', 'board']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lists a person’s medicines, current before past, with the version a stop must name, and audits the read', async () => {
    const list = await medicines('keyworker', 'lena');
    expect(list.map((m) => [m.id, m.name, m.current, m.version])).toEqual([['lena-lithium', 'Lithium carbonate', true, 1]]);
    expect((await audit('read-medicines')).map((a) => [a.actor_id, a.person_id, a.outcome])).toEqual([['demo-keyworker', 'lena', 'allowed']]);
    expect((await send('board', '/api/people/lena/medicines')).statusCode).toBe(403);
  });

  it('lets only a prescriber prescribe, names each wrong field, and writes once for a repeated send', async () => {
    const prescriptionId = randomUUID();
    const body = { prescriptionId, medicine: 'paliperidone-palmitate', dose: '100 mg every 28 days', date: daysAgo(40) };
    expect((await send('keyworker', '/api/people/ola/medicines', body)).statusCode).toBe(403);
    const wrong = await send('prescriber', '/api/people/ola/medicines', { ...body, medicine: 'aspirin', intervalDays: 7, date: daysAgo(-1) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['medicine', 'date']);
    const short = await send('prescriber', '/api/people/ola/medicines', { ...body, intervalDays: 14 });
    expect(short.json().error.fields).toEqual([{ field: 'intervalDays', message: 'must not be shorter than the licensed interval of 28 days for Paliperidone palmitate prolonged-release injection (BNF)' }]);
    expect(await readPersonRecord(store.db, 'ola', 'MedicationRequest', prescriptionId)).toBeUndefined();

    expect((await send('prescriber', '/api/people/ola/medicines', body)).statusCode).toBe(201);
    expect((await send('prescriber', '/api/people/ola/medicines', body)).statusCode).toBe(200);
    expect((await send('prescriber', '/api/people/ola/medicines', { ...body, dose: '150 mg' })).statusCode).toBe(409);
    expect((await audit('prescribe')).length).toBe(1);
    // Prescribed 40 days ago with no dose given: due then, so more than 7 days overdue on the disengaged list.
    const [injection] = (await medicines('prescriber', 'ola')).filter((m) => m.id === prescriptionId);
    expect(injection!.injectionSchedule).toMatchObject({ intervalDays: 28, nextDue: daysAgo(40), overdueDays: 40, lastGiven: null });
    expect((await reasonsOf('disengaged', 'ola')).find((r) => r.code === 'lai-missed')?.evidence).toEqual([`MedicationRequest/${prescriptionId}`]);

    const doseId = randomUUID();
    const given = await send('keyworker', `/api/people/ola/medicines/${prescriptionId}/injections`, { administrationId: doseId, outcome: 'given', date: daysAgo(2), time: '10:15' });
    expect(given.statusCode).toBe(201);
    expect((await medicines('keyworker', 'ola')).find((m) => m.id === prescriptionId)!.injectionSchedule).toMatchObject({ lastGiven: daysAgo(2), nextDue: daysAgo(-26), overdueDays: 0 });
    expect((await reasonsOf('disengaged', 'ola')).map((r) => r.code)).not.toContain('lai-missed');
    const notGiven = await send('keyworker', `/api/people/ola/medicines/${prescriptionId}/injections`, { administrationId: randomUUID(), outcome: 'not-given', date: daysAgo(1) });
    expect(notGiven.json().error.fields).toEqual([{ field: 'reason', message: 'is needed when an injection was not given: one of declined, not-seen, not-available, clinical-decision' }]);
  });

  it('feeds the disengaged list when the person stops against advice, and clears it when they take it again', async () => {
    const stopped = await send('keyworker', '/api/people/lena/medicines/lena-lithium/statements', { statementId: randomUUID(), kind: 'stopped-against-advice', date: daysAgo(3), note: 'The tremor is too much' });
    expect(stopped.statusCode).toBe(201);
    const reason = (await reasonsOf('disengaged', 'lena')).find((r) => r.code === 'medication-stopped-against-advice');
    expect(reason?.evidence).toEqual([`MedicationStatement/${stopped.json().statement.id}`, 'MedicationRequest/lena-lithium']);
    expect((await medicines('keyworker', 'lena'))[0]!.personSays).toMatchObject({ stoppedAgainstAdvice: true, on: daysAgo(3), words: 'The tremor is too much' });

    expect((await send('keyworker', '/api/people/lena/medicines/lena-lithium/statements', { statementId: randomUUID(), kind: 'taking-again', date: londonToday() })).statusCode).toBe(201);
    expect((await reasonsOf('disengaged', 'lena')).map((r) => r.code)).not.toContain('medication-stopped-against-advice');
  });

  it('stops a prescription only for the version read, and the monitoring list stops asking for its tests', async () => {
    expect((await reasonsOf('monitoring-overdue', 'lena')).map((r) => r.code)).toContain('lithium-level-overdue');
    const body = { version: 1, date: daysAgo(1), reason: 'Changed to another mood stabiliser' };
    expect((await send('keyworker', '/api/people/lena/medicines/lena-lithium/stop', body)).statusCode).toBe(403);
    const early = await send('prescriber', '/api/people/lena/medicines/lena-lithium/stop', { ...body, date: '2025-12-31' });
    expect(early.json().error.fields).toEqual([{ field: 'date', message: 'must not be before the medicine was prescribed (2026-01-05)' }]);
    expect((await send('prescriber', '/api/people/lena/medicines/nothing/stop', body)).statusCode).toBe(404);

    const done = await send('prescriber', '/api/people/lena/medicines/lena-lithium/stop', body);
    expect(done.json()).toEqual({ medicine: { id: 'lena-lithium', version: 2, status: 'stopped' } });
    const stale = await send('prescriber', '/api/people/lena/medicines/lena-lithium/stop', { ...body, reason: 'Another reason' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    const held = await readPersonRecord(store.db, 'lena', 'MedicationRequest', 'lena-lithium');
    expect(held).toMatchObject({ versionId: 2, status: 'stopped', resource: { statusReason: { text: 'Changed to another mood stabiliser' }, extension: [{ url: extension.stoppedOn, valueDate: daysAgo(1) }] } });
    expect((await reasonsOf('monitoring-overdue', 'lena')).map((r) => r.code)).not.toContain('lithium-level-overdue');
    expect((await medicines('keyworker', 'lena'))[0]).toMatchObject({ current: false, stopped: { on: daysAgo(1), reason: 'Changed to another mood stabiliser' } });
  });

  it('refuses a stop made on an older version as a conflict, changing nothing', async () => {
    const id = randomUUID();
    await send('prescriber', '/api/people/ola/medicines', { prescriptionId: id, medicine: 'aripiprazole', dose: '10 mg', date: daysAgo(5) });
    // Another prescriber changes the dose after this one read version 1: the stop must not overwrite it.
    const read = (await readPersonRecord(store.db, 'ola', 'MedicationRequest', id))!;
    expect(await updatePersonRecord(store.db, { type: 'MedicationRequest', id, personId: 'ola', resource: { ...read.resource, dosageInstruction: [{ text: '15 mg' }] } as never }, 1)).toBe(2);
    const late = await send('prescriber', `/api/people/ola/medicines/${id}/stop`, { version: 1, date: daysAgo(1), reason: 'Akathisia' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('stale-version');
    expect(await readPersonRecord(store.db, 'ola', 'MedicationRequest', id)).toMatchObject({ versionId: 2, status: 'active' });
  });
});
