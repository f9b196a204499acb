import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday, system } from '@continuity/domain';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';
import { AS_OF, disengagementScenario, expectedItems } from '../../store/test/support/disengagement-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('recording contacts through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const record = (username: string, person: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/people/${person}/contacts`, headers: { cookie: cookies[username]! }, payload });
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const contactsWritten = (id: string) => store.db.selectFrom('record').select(['person_id', 'resource_type', 'version_id']).where('id', '=', id).execute();
  const audit = (action: string) =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_type', 'resource_id', 'basis', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();
  const northList = async () => (await get('keyworker', `/api/worklists/disengaged?asOf=${AS_OF}`)).json().items;

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT; the key worker is kw-1, Jon's key worker.
    app = await scenarioApp(store, disengagementScenario());
    for (const user of ['keyworker', 'manager', 'crisis', 'board']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('says which field is wrong and why, and writes nothing', async () => {
    const contactId = randomUUID();
    const shape = await record('keyworker', 'jon', { contactId: 'twice', date: '2026-06-30', outcome: 'attended' });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields).toEqual([
      { field: 'contactId', message: 'must be the UUID the form made when it opened' },
      { field: 'mode', message: 'is required' },
    ]);
    const values = await record('keyworker', 'jon', { contactId, date: '2026-02-30', mode: 'pigeon', outcome: 'did-not-attend', note: 'x'.repeat(1001), episode: 'dora-eoc' });
    expect(values.statusCode).toBe(400);
    expect(values.json().error).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/^The contact was not recorded: date must be a real date/) });
    expect(values.json().error.fields).toEqual([
      { field: 'date', message: 'must be a real date' },
      { field: 'mode', message: 'must be one of: clinic, home-visit, outreach, phone, video' },
      { field: 'time', message: 'is needed for an appointment that was missed or cancelled: give the time it was booked for' },
      { field: 'note', message: 'must be at most 1000 characters' },
      { field: 'episode', message: "is not one of this person's episodes of care" },
    ]);
    const tomorrow = isoDay(londonDay(londonToday())! + 1);
    const future = await record('keyworker', 'jon', { contactId, date: tomorrow, mode: 'clinic', outcome: 'attended' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual([{ field: 'date', message: `must not be in the future: record a contact once it has happened (today is ${londonToday()})` }]);
    expect(await contactsWritten(contactId)).toEqual([]);
    expect(await audit('record-contact')).toEqual([]);
  });

  it('refuses staff without a relationship to the person, and audits the refusal', async () => {
    const contactId = randomUUID();
    // Hal was discharged in January: no team holds him now.
    const hal = await record('keyworker', 'hal', { contactId, date: AS_OF, mode: 'clinic', outcome: 'attended' });
    expect(hal.statusCode).toBe(403);
    expect(hal.json().error.code).toBe('break-glass-required');
    for (const user of ['board', 'crisis']) expect((await record(user, 'jon', { contactId, date: AS_OF, mode: 'clinic', outcome: 'attended' })).statusCode, user).toBe(403);
    expect((await audit('open-for-request')).filter((a) => a.outcome === 'refused')).toEqual([
      { actor_id: 'demo-keyworker', person_id: 'hal', resource_type: null, resource_id: null, basis: 'none', outcome: 'refused', detail: { route: 'POST /api/people/:id/contacts' } },
      { actor_id: 'demo-board', person_id: 'jon', resource_type: null, resource_id: null, basis: 'none', outcome: 'refused', detail: { route: 'POST /api/people/:id/contacts' } },
      { actor_id: 'demo-crisis', person_id: 'jon', resource_type: null, resource_id: null, basis: 'none', outcome: 'refused', detail: { route: 'POST /api/people/:id/contacts' } },
    ]);
    expect(await contactsWritten(contactId)).toEqual([]);
    expect((await record('keyworker', 'nobody', { contactId, date: AS_OF, mode: 'clinic', outcome: 'attended' })).statusCode).toBe(404);
  });

  it('puts a person who missed two recorded appointments on the list, with the new appointments as evidence, and takes them off when seen', async () => {
    expect((await northList()).map((i: { patient: { id: string } }) => i.patient.id)).toEqual(['dora', 'eli']);
    const missed = [randomUUID(), randomUUID()];
    const first = await record('keyworker', 'jon', { contactId: missed[0], date: '2026-06-26', time: '10:00', mode: 'home-visit', outcome: 'did-not-attend', note: 'Curtains drawn, no answer.' });
    expect(first.statusCode).toBe(201);
    // The episode defaults to the one North CMHT holds Jon in; the team is the key worker's.
    expect(first.json()).toEqual({
      contact: { id: missed[0], reference: `Appointment/${missed[0]}`, date: '2026-06-26', time: '10:00', mode: 'home-visit', outcome: 'did-not-attend', episode: 'jon-eoc', team: 'team-north' },
    });
    expect((await record('keyworker', 'jon', { contactId: missed[1], date: '2026-06-29', time: '15:30', mode: 'phone', outcome: 'did-not-attend' })).statusCode).toBe(201);

    const items = await northList();
    expect(items.map((i: { patient: { id: string } }) => i.patient.id)).toEqual(['dora', 'eli', 'jon']);
    expect(items[2].reasons).toEqual([
      { code: 'consecutive-dna', text: 'Missed the last 2 appointments (26 Jun, 29 Jun) with no attended contact since.', evidence: missed.map((id) => `Appointment/${id}`) },
    ]);

    const seen = randomUUID();
    const attended = await record('keyworker', 'jon', { contactId: seen, date: AS_OF, time: '11:00', mode: 'outreach', outcome: 'attended', note: 'Found him at the day centre.' });
    expect(attended.statusCode).toBe(201);
    expect(await northList()).toEqual([expectedItems[0], expectedItems[2]]);

    // Written as docs/fhir.md says, valid FHIR R4, audited in the same transaction, and on the timeline.
    const encounter = (await readPersonRecord(store.db, 'jon', 'Encounter', seen))!;
    expect(encounter.resource).toMatchObject({
      status: 'finished', class: { code: 'FLD' }, subject: { reference: 'Patient/jon' }, period: { start: '2026-06-30T11:00:00+01:00' },
      participant: [{ individual: { reference: 'Practitioner/kw-1' } }], serviceProvider: { reference: 'Organization/team-north' }, episodeOfCare: [{ reference: 'EpisodeOfCare/jon-eoc' }],
    });
    const appointment = (await readPersonRecord(store.db, 'jon', 'Appointment', missed[0]!))!;
    expect(appointment).toMatchObject({ status: 'noshow', resource: { appointmentType: { coding: [{ system: system.contactMode, code: 'home-visit' }] }, comment: 'Curtains drawn, no answer.' } });
    for (const r of [encounter, appointment]) expect(fhirR4SchemaErrors(r.resource)).toEqual([]);
    expect((await audit('record-contact')).filter((a) => a.person_id === 'jon')).toEqual([
      { actor_id: 'demo-keyworker', person_id: 'jon', resource_type: 'Appointment', resource_id: missed[0], basis: 'key-worker', outcome: 'allowed', detail: { outcome: 'did-not-attend', mode: 'home-visit', date: '2026-06-26', episode: 'jon-eoc' } },
      { actor_id: 'demo-keyworker', person_id: 'jon', resource_type: 'Appointment', resource_id: missed[1], basis: 'key-worker', outcome: 'allowed', detail: { outcome: 'did-not-attend', mode: 'phone', date: '2026-06-29', episode: 'jon-eoc' } },
      { actor_id: 'demo-keyworker', person_id: 'jon', resource_type: 'Encounter', resource_id: seen, basis: 'key-worker', outcome: 'allowed', detail: { outcome: 'attended', mode: 'outreach', date: AS_OF, episode: 'jon-eoc' } },
    ]);
    const timeline = (await get('keyworker', '/api/people/jon/timeline')).json().entries.map((e: { id: string; title: string; detail?: string }) => [e.id, e.title, e.detail]);
    expect(timeline.slice(0, 3)).toEqual([
      [seen, 'Contact', 'Community outreach · Grace Okafor'],
      [missed[1], 'Did not attend appointment', 'Telephone · Grace Okafor'],
      [missed[0], 'Did not attend appointment', 'Home visit · Grace Okafor'],
    ]);
  });

  it('records a contact sent twice once, and refuses a different contact under the same id', async () => {
    const contactId = randomUUID();
    const body = { contactId, date: AS_OF, time: '09:00', mode: 'clinic', outcome: 'cancelled-by-person' };
    const both = await Promise.all([record('keyworker', 'eli', body), record('keyworker', 'eli', body)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]!.json()).toEqual(both[1]!.json());
    const again = await record('keyworker', 'eli', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(both[0]!.json());
    expect(await contactsWritten(contactId)).toEqual([{ person_id: 'eli', resource_type: 'Appointment', version_id: 1 }]);
    expect((await audit('record-contact')).filter((a) => a.resource_id === contactId)).toHaveLength(1);

    for (const [person, changed] of [
      ['eli', { ...body, outcome: 'cancelled-by-service' }],
      ['eli', { ...body, outcome: 'attended' }],
      ['dora', body],
    ] as const) {
      const conflict = await record('keyworker', person, changed);
      expect(conflict.statusCode, `${person} ${changed.outcome}`).toBe(409);
      expect(conflict.json().error).toMatchObject({ code: 'contact-id-in-use', fields: [{ field: 'contactId', message: 'is already used by a different record' }] });
    }
    expect(await contactsWritten(contactId)).toEqual([{ person_id: 'eli', resource_type: 'Appointment', version_id: 1 }]);
    expect((await readPersonRecord(store.db, 'eli', 'Appointment', contactId))!.resource.cancelationReason).toEqual({ coding: [{ system: system.appointmentCancellationReason, code: 'pat' }] });
  });

  it('records a contact by staff with no practitioner record without a participant, on the day alone when no time is given', async () => {
    // The demo manager works in North CMHT and has no practitioner record.
    const contactId = randomUUID();
    const response = await record('manager', 'dora', { contactId, date: AS_OF, mode: 'video', outcome: 'attended' });
    expect(response.statusCode).toBe(201);
    expect(response.json().contact).toMatchObject({ episode: 'dora-eoc', team: 'team-north', time: null });
    const stored = (await readPersonRecord(store.db, 'dora', 'Encounter', contactId))!.resource;
    expect(stored.participant).toBeUndefined();
    expect(stored.period).toEqual({ start: AS_OF });
  });
});
