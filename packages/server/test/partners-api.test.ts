import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareRecord, readPersonRecord, writeRecords, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { NHS } from '../../store/test/support/scenario.ts';
import { addPartnerAccounts, partnersScenario } from './support/partners-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const policeAgreement = {
  title: 'Police and mental health liaison', purpose: 'Welfare checks and safeguarding when police meet people the trust holds.', legalBasis: 'crime-and-disorder',
  partners: ['police-1'], categories: ['red-flags', 'identity', 'key-worker-and-team', 'appointments'], startDate: '2026-01-01', reviewDate: '2027-06-30', status: 'active',
};
const peerAgreement = {
  title: 'Peer support', purpose: 'Peer support workers keep in touch between appointments.', legalBasis: 'consent',
  partners: ['vcse-1'], categories: ['identity', 'contact', 'current-medicines'], startDate: '2026-01-01', reviewDate: '2027-06-30', status: 'active',
};

describe.each(storeKinds)('partners and information sharing through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
  const post = (user: string, url: string, payload: object) => app.inject({ method: 'POST', url, payload, headers: { cookie: cookies[user]! } });
  const auditOf = (actor: string, action: string) =>
    store.db.selectFrom('audit_event').select(['person_id', 'resource_id', 'basis', 'outcome', 'detail']).where('actor_id', '=', actor).where('action', '=', action).orderBy('id').execute();
  const policeId = randomUUID();
  const peerId = randomUUID();
  let policeWish = '';
  let peerWish = '';

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, partnersScenario());
    await addPartnerAccounts(store);
    for (const user of ['admin', 'manager', 'keyworker', 'police', 'vcse', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lets an administrator make an agreement, refusing bad input field by field and other roles outright', async () => {
    const bad = await post('admin', '/api/sharing-agreements', { ...policeAgreement, agreementId: randomUUID(), partners: ['police-1', 'team-north'], categories: ['contact'], reviewDate: '2025-12-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['categories', 'reviewDate', 'partners']);
    expect((await post('admin', '/api/sharing-agreements', { ...policeAgreement })).json().error.fields).toEqual([{ field: 'agreementId', message: 'is required' }]);
    expect((await post('keyworker', '/api/sharing-agreements', { ...policeAgreement, agreementId: policeId })).statusCode).toBe(403);
    expect((await post('police', '/api/sharing-agreements', { ...policeAgreement, agreementId: policeId })).statusCode).toBe(403);

    expect((await post('admin', '/api/sharing-agreements', { ...policeAgreement, agreementId: policeId })).statusCode).toBe(201);
    expect((await post('admin', '/api/sharing-agreements', { ...policeAgreement, agreementId: policeId })).statusCode).toBe(200);
    expect((await post('admin', '/api/sharing-agreements', { ...policeAgreement, title: 'Another', agreementId: policeId })).statusCode).toBe(409);
    expect((await post('manager', '/api/sharing-agreements', { ...peerAgreement, agreementId: peerId })).statusCode).toBe(201);
    expect(await store.db.selectFrom('sharing_agreement').select('id').orderBy('id').execute()).toHaveLength(2);

    const listed = await get('keyworker', '/api/sharing-agreements');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().canEdit).toBe(false);
    expect(listed.json().agreements.find((a: { id: string }) => a.id === policeId)).toMatchObject({
      state: expect.stringMatching(/^(live|review-due)$/), version: 1, categories: ['identity', 'key-worker-and-team', 'appointments', 'red-flags'], partners: [{ id: 'police-1', name: 'Northshire Police', kind: 'police' }],
    });
    expect((await auditOf('demo-admin', 'create-sharing-agreement')).map((a) => [a.resource_id, a.basis])).toEqual([[policeId, 'sharing-agreement']]);
  });

  it('shows a partner nobody before the team links them, and refuses (404, audited) a person not linked', async () => {
    expect((await get('police', '/api/partner/people')).json()).toEqual({ organisation: { id: 'police-1', name: 'Northshire Police' }, people: [] });
    expect((await get('police', '/api/partner/people/ada')).statusCode).toBe(404);
    expect((await get('police', '/api/partner/people/nobody')).statusCode).toBe(404);
    expect((await auditOf('demo-police', 'read-partner-view')).map((a) => [a.person_id, a.outcome])).toEqual([['ada', 'refused'], ['nobody', 'refused']]);
  });

  it('records the person’s wishes and the link on the record, once per partner', async () => {
    const unknown = await post('keyworker', '/api/people/ada/sharing', { consentId: randomUUID(), organisationId: 'team-south', decision: 'perhaps', objections: ['identity'] });
    expect(unknown.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['organisationId', 'decision', 'objections']);
    policeWish = randomUUID();
    const linked = await post('keyworker', '/api/people/ada/sharing', { consentId: policeWish, organisationId: 'police-1', decision: 'declined', objections: ['red-flags'] });
    expect(linked.statusCode).toBe(201);
    const again = await post('keyworker', '/api/people/ada/sharing', { consentId: randomUUID(), organisationId: 'police-1', decision: 'agreed' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].field).toBe('organisationId');
    const consent = await readPersonRecord(store.db, 'ada', 'Consent', policeWish);
    expect(consent?.resource).toMatchObject({ status: 'active', provision: { type: 'deny', actor: [{ reference: { reference: 'Organization/police-1' } }] } });
    expect((await post('police', '/api/people/ada/sharing', { consentId: randomUUID(), organisationId: 'police-1', decision: 'agreed' })).statusCode).toBe(403);
  });

  it('shows a linked partner only the categories its agreement allows, absent not blanked; on a basis other than consent the wishes do not switch it off', async () => {
    const list = await get('police', '/api/partner/people');
    expect(list.json().people).toEqual([
      { id: 'ada', identity: { name: { family: 'Lovelace', given: 'Ada Augusta' }, nhsNumber: NHS.ada, birthDate: expect.any(String) }, categories: expect.arrayContaining([{ code: 'red-flags', label: 'Red flags' }]) },
    ]);
    const view = await get('police', '/api/partner/people/ada');
    expect(view.statusCode).toBe(200);
    const person = view.json().person;
    expect(Object.keys(person).sort()).toEqual(['appointments', 'id', 'identity', 'key-worker-and-team', 'red-flags']);
    expect(person['key-worker-and-team']).toEqual([{ team: 'North CMHT', keyWorker: 'Grace Okafor' }]);
    expect(person.appointments).toEqual([{ start: '2099-01-05T10:00:00Z', end: '2099-01-05T11:00:00Z' }]);
    expect(person['red-flags']).toEqual([{ text: 'Police contact: welfare check', since: '2024-03-12' }]);
    expect(JSON.stringify(view.json())).not.toMatch(/Clozapine|07700|phone|postcode/i);
    const audited = await auditOf('demo-police', 'read-partner-view');
    expect(audited.at(-1)).toMatchObject({ person_id: 'ada', resource_id: policeId, basis: 'sharing-agreement', outcome: 'allowed', detail: { organisation: 'police-1', agreements: [policeId] } });
    expect((await auditOf('demo-police', 'read-partner-people')).map((a) => [a.person_id, a.resource_id])).toEqual([['ada', policeId]]);

    // Ben is linked to nobody; the VCSE partner is linked to nobody; neither sees anything.
    expect((await get('police', '/api/partner/people/ben')).statusCode).toBe(404);
    expect((await get('vcse', '/api/partner/people')).json().people).toEqual([]);
    expect((await get('vcse', '/api/partner/people/ada')).statusCode).toBe(404);
    expect((await get('partner', '/api/partner/people')).statusCode).toBe(403);
    expect((await get('keyworker', '/api/partner/people')).statusCode).toBe(403);
    expect((await get('police', '/api/people/ada')).statusCode).toBe(403);
  });

  it('on consent: nothing until the person agrees, then all but what they object to; a stale change is refused', async () => {
    peerWish = randomUUID();
    expect((await post('keyworker', '/api/people/ada/sharing', { consentId: peerWish, organisationId: 'vcse-1', decision: 'not-asked' })).statusCode).toBe(201);
    expect((await get('vcse', '/api/partner/people/ada')).statusCode).toBe(404);
    const agreed = await post('keyworker', `/api/people/ada/sharing/${peerWish}`, { version: 1, decision: 'agreed', objections: ['current-medicines'] });
    expect(agreed.json()).toEqual({ wish: { id: peerWish, version: 2 } });
    const stale = await post('keyworker', `/api/people/ada/sharing/${peerWish}`, { version: 1, decision: 'declined' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    const view = (await get('vcse', '/api/partner/people/ada')).json();
    expect(Object.keys(view.person).sort()).toEqual(['contact', 'id', 'identity']);
    expect(view.person.contact).toEqual({ phone: null, postcode: 'LS1 4AP' });

    const record = (await get('keyworker', '/api/people/ada/sharing')).json();
    const byName = record.wishes.map((w: any) => [w.organisation.name, w.decision, w.objections, w.sharedToday, w.version]).sort((a: string[], b: string[]) => a[0]!.localeCompare(b[0]!));
    expect(byName).toEqual([
      ['Harbour Peer Support', 'agreed', ['current-medicines'], ['identity', 'contact'], 2],
      ['Northshire Police', 'declined', ['red-flags'], ['identity', 'key-worker-and-team', 'appointments', 'red-flags'], 1],
    ]);
  });

  it('takes a partner’s concern to the key worker as a red flag, Communication and Flag together', async () => {
    const empty = await post('police', '/api/partner/people/ada/concerns', { concernId: randomUUID(), words: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual([{ field: 'words', message: 'is needed: the concern in your own words' }]);
    expect((await post('vcse', '/api/partner/people/ben/concerns', { concernId: randomUUID(), words: 'Worried.' })).statusCode).toBe(404);

    const concernId = randomUUID();
    const words = 'Officers found her at the bridge at 2am, distressed. Taken home by family.';
    const raised = await post('police', '/api/partner/people/ada/concerns', { concernId, words });
    expect(raised.statusCode).toBe(201);
    expect((await post('police', '/api/partner/people/ada/concerns', { concernId, words })).statusCode).toBe(200);
    const communication = await readPersonRecord(store.db, 'ada', 'Communication', concernId);
    const flag = await readPersonRecord(store.db, 'ada', 'Flag', `${concernId}-flag`);
    expect(communication?.resource).toMatchObject({ sender: { reference: 'Organization/police-1' }, recipient: [{ reference: 'Organization/team-north' }], payload: [{ contentString: words }] });
    expect(flag?.resource).toMatchObject({ status: 'active', author: { reference: 'Organization/police-1' }, code: { coding: [{ code: 'partner-concern' }] } });

    // The key worker sees it on the record, and on their caseload as something to act on.
    expect((await get('keyworker', '/api/people/ada')).json().person.flags.map((f: { text: string }) => f.text)).toContain('Concern raised by Northshire Police');
    const caseload = (await get('keyworker', '/api/caseloads/me')).json();
    expect(caseload.people.find((p: any) => p.patient.id === 'ada').partnerConcerns).toBe(1);
    const concerns = (await get('keyworker', '/api/people/ada/partner-concerns')).json().concerns;
    expect(concerns).toEqual([{ flagId: `${concernId}-flag`, version: 1, from: { id: 'police-1', name: 'Northshire Police' }, raisedOn: expect.any(String), words, acknowledged: null }]);

    const blank = await post('keyworker', `/api/people/ada/partner-concerns/${concernId}-flag/acknowledge`, { version: 1, response: '' });
    expect(blank.json().error.fields).toEqual([{ field: 'response', message: 'is needed: what you did or will do about the concern' }]);
    const ack = await post('keyworker', `/api/people/ada/partner-concerns/${concernId}-flag/acknowledge`, { version: 1, response: 'Visited next morning; crisis plan reviewed with her.' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().concern).toMatchObject({ version: 2, acknowledged: { by: 'Demo key worker', response: 'Visited next morning; crisis plan reviewed with her.' } });
    expect((await post('keyworker', `/api/people/ada/partner-concerns/${concernId}-flag/acknowledge`, { version: 1, response: 'Again' })).statusCode).toBe(409);
    expect((await get('keyworker', '/api/caseloads/me')).json().people.find((p: any) => p.patient.id === 'ada').partnerConcerns).toBeUndefined();
    expect((await auditOf('demo-police', 'raise-partner-concern')).map((a) => [a.person_id, a.outcome, a.basis])).toEqual([['ada', 'allowed', 'sharing-agreement']]);
    expect((await auditOf('demo-vcse', 'raise-partner-concern')).map((a) => [a.person_id, a.outcome])).toEqual([['ben', 'refused']]);
  });

  it('keeps nothing of a concern when its Flag cannot be written', async () => {
    const concernId = randomUUID();
    // Another person's record already holds the Flag's id: the write fails, and the Communication goes with it.
    await writeRecords(store.db, [prepareRecord({ type: 'Flag', id: `${concernId}-flag`, personId: 'ben', resource: { resourceType: 'Flag', id: `${concernId}-flag`, status: 'active', subject: { reference: 'Patient/ben' }, code: { text: 'Other' } } as never })]);
    const raised = await post('police', '/api/partner/people/ada/concerns', { concernId, words: 'Seen at the station.' });
    expect(raised.statusCode).toBe(409);
    expect(await readPersonRecord(store.db, 'ada', 'Communication', concernId)).toBeUndefined();
    expect(await readPersonRecord(store.db, 'ada', 'Flag', `${concernId}-flag`)).toBeUndefined();
  });

  it('stops sharing when the agreement ends or its review date passes, and refuses a stale change', async () => {
    const ended = await post('admin', `/api/sharing-agreements/${policeId}`, { ...policeAgreement, version: 1, status: 'ended' });
    expect(ended.json()).toEqual({ agreement: { id: policeId, version: 2 } });
    expect((await post('admin', `/api/sharing-agreements/${policeId}`, { ...policeAgreement, version: 1 })).statusCode).toBe(409);
    expect((await get('police', '/api/partner/people')).json().people).toEqual([]);
    expect((await get('police', '/api/partner/people/ada')).statusCode).toBe(404);
    const lapsed = await post('admin', `/api/sharing-agreements/${policeId}`, { ...policeAgreement, version: 2, startDate: '2024-01-01', reviewDate: '2025-01-01' });
    expect(lapsed.statusCode).toBe(200);
    expect((await get('admin', '/api/sharing-agreements')).json().agreements.find((a: { id: string }) => a.id === policeId).state).toBe('review-overdue');
    expect((await get('police', '/api/partner/people/ada')).statusCode).toBe(404);
    expect((await auditOf('demo-admin', 'change-sharing-agreement')).length).toBe(2);
  });
});
