import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, carerResponseHoursSetting } from '@continuity/server';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, carersScenario } from '../../store/test/support/carers-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('carers and their concerns through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const post = (username: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { cookie: cookies[username]!, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const evidenceOn = async (asOf = AS_OF) => ((await get('manager', `/api/worklists/carer-concerns?asOf=${asOf}`)).json().items as Array<{ reasons: Array<{ evidence: string[] }> }>).flatMap((i) => i.reasons.flatMap((r) => r.evidence));
  const communications = async () => (await store.db.selectFrom('record').select('id').where('resource_type', '=', 'Communication').execute()).length;
  const audited = (action: string) => store.db.selectFrom('audit_event').select(['person_id', 'resource_type', 'resource_id', 'basis', 'detail']).where('action', '=', action).orderBy('id').execute();
  const detail = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d);

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, carersScenario());
    for (const user of ['keyworker', 'manager', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("shows a person's carers with their sharing wishes and concerns, open first with the response due, and the confidentiality guidance; audited as a read", async () => {
    const response = await get('keyworker', '/api/people/ben/carers');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.carers).toEqual([{ id: 'ben-partner', version: 1, relationship: { code: 'SIGOTHR', label: 'Partner' }, name: 'Sam Shah', phone: '07700 900001', involvement: 'involved', sharing: 'full', mainCarer: true, active: true, ended: null }]);
    expect(body.concerns.map((c: Record<string, unknown>) => [c.id, c.open, c.dueAt, c.overdue, c.answeredLate, c.channel])).toEqual([
      ['c-ben', true, '2026-07-02T14:00:00.000Z', true, false, 'portal'],
      ['c-ben-old', false, '2026-06-04T08:00:00.000Z', false, false, 'portal'],
    ]);
    expect(body.concerns[1].responses).toEqual([{ id: 'r-ben-old', sentAt: '2026-06-02T09:00:00+01:00', outcome: null, words: 'We have spoken to them.', by: 'Kim Walker' }]);
    expect(body.responseHours).toBe(72);
    expect(body.guidance.points[0]).toMatch(/^Listening to a carer is always allowed and never breaches confidentiality/);
    const cat = (await get('keyworker', '/api/people/cat/carers')).json();
    expect(cat.concerns.map((c: Record<string, unknown>) => [c.id, c.open, c.answeredLate])).toEqual([['c-cat', false, true]]);
    expect((await audited('read-carers')).map((a) => [a.person_id, a.basis])).toEqual([['ben', 'key-worker'], ['cat', 'key-worker']]);
  });

  it('adds a carer once however often the form is sent, audited without their name', async () => {
    const carerId = randomUUID();
    const body = { carerId, relationship: 'BRO', givenName: 'Bob', familyName: 'Baker', phone: '07700 900555', involvement: 'informed', sharing: 'limited', mainCarer: false };
    const first = await post('keyworker', '/api/people/ben/carers', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ carer: { id: carerId, reference: `RelatedPerson/${carerId}`, version: 1 }, noLongerMainCarer: [] });
    expect((await post('keyworker', '/api/people/ben/carers', body)).statusCode).toBe(200);
    const carers = (await get('keyworker', '/api/people/ben/carers')).json().carers;
    expect(carers.map((c: { name: string; sharing: string }) => [c.name, c.sharing])).toEqual([['Sam Shah', 'full'], ['Bob Baker', 'limited']]);
    const audit = await audited('add-carer');
    expect(audit.map((a) => ({ ...a, detail: detail(a.detail) }))).toEqual([{ person_id: 'ben', resource_type: 'RelatedPerson', resource_id: carerId, basis: 'key-worker', detail: { relationship: 'BRO', sharing: 'limited' } }]);
  });

  it('changes what the person agrees to share as a new version, and refuses a change made on an old version', async () => {
    const changed = await post('keyworker', '/api/people/ann/carers/ann-mum/sharing', { version: 1, sharing: 'none' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ carer: { id: 'ann-mum', version: 2, sharing: 'none' } });
    const stale = await post('keyworker', '/api/people/ann/carers/ann-mum/sharing', { version: 1, sharing: 'full' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale-version', fields: [{ field: 'version', message: 'is not the current version of the carer’s record' }] });
    const held = await readPersonRecord(store.db, 'ann', 'RelatedPerson', 'ann-mum');
    expect(held!.versionId).toBe(2);
    expect((await get('keyworker', '/api/people/ann/carers')).json().carers[0].sharing).toBe('none');
    expect((await audited('change-carer-sharing')).map((a) => [a.person_id, a.resource_id, detail(a.detail)])).toEqual([['ann', 'ann-mum', { sharing: 'none', version: 2 }]]);
  });

  it('lets only one of two sharing changes sent at once on the same version through', async () => {
    const version = (await readPersonRecord(store.db, 'dev', 'RelatedPerson', 'dev-sister'))!.versionId;
    const answers = await Promise.all([
      post('keyworker', '/api/people/dev/carers/dev-sister/sharing', { version, sharing: 'limited' }),
      post('keyworker', '/api/people/dev/carers/dev-sister/sharing', { version, sharing: 'none' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await readPersonRecord(store.db, 'dev', 'RelatedPerson', 'dev-sister'))!.versionId).toBe(version + 1);
  });

  it('keeps one main carer: adding a main carer or making one moves the mark in the same change, audited', async () => {
    const carerId = randomUUID();
    const added = await post('keyworker', '/api/people/gus/carers', { carerId, relationship: 'DAU', givenName: 'Gail', familyName: 'Gray', phone: null, involvement: 'involved', sharing: 'full', mainCarer: true });
    expect(added.statusCode).toBe(201);
    expect(added.json().noLongerMainCarer).toEqual(['gus-wife']);
    const mains = async () => ((await get('keyworker', '/api/people/gus/carers')).json().carers as Array<{ id: string; mainCarer: boolean; version: number }>).map((c) => [c.id, c.mainCarer, c.version]);
    expect(await mains()).toEqual([[carerId, true, 1], ['gus-wife', false, 2]]);

    const stale = await post('keyworker', '/api/people/gus/carers/gus-wife/main-carer', { version: 1 });
    expect(stale.statusCode).toBe(409);
    const made = await post('keyworker', '/api/people/gus/carers/gus-wife/main-carer', { version: 2 });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toEqual({ carer: { id: 'gus-wife', version: 3, mainCarer: true }, noLongerMainCarer: [carerId] });
    expect(await mains()).toEqual([['gus-wife', true, 3], [carerId, false, 2]]);
    expect((await audited('no-longer-main-carer')).map((a) => [a.resource_id, detail(a.detail)])).toEqual([['gus-wife', { version: 2 }], [carerId, { version: 2 }]]);
    expect((await audited('make-main-carer')).map((a) => [a.person_id, a.resource_id, a.basis])).toEqual([['gus', 'gus-wife', 'key-worker']]);
    expect((await post('keyworker', '/api/people/gus/carers/nobody/main-carer', { version: 1 })).statusCode).toBe(404);
  });

  it("ends a carer's involvement on a day and for a reason: kept on the record, no longer main carer, and not made main again", async () => {
    const bad = await post('keyworker', '/api/people/gus/carers/gus-wife/end', { version: 3, date: '2999-01-01', reason: 'bored' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['date', 'reason']);
    expect((await readPersonRecord(store.db, 'gus', 'RelatedPerson', 'gus-wife'))!.versionId).toBe(3);
    expect((await post('keyworker', '/api/people/gus/carers/gus-wife/end', { version: 2, date: AS_OF, reason: 'carer-asked' })).statusCode).toBe(409);

    const ended = await post('keyworker', '/api/people/gus/carers/gus-wife/end', { version: 3, date: AS_OF, reason: 'carer-asked' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toEqual({ carer: { id: 'gus-wife', version: 4, active: false, ended: { date: AS_OF, reason: 'carer-asked' } } });
    const carers = (await get('keyworker', '/api/people/gus/carers')).json().carers as Array<{ id: string; active: boolean; mainCarer: boolean; ended: unknown }>;
    expect(carers.map((c) => [c.id, c.active, c.mainCarer, c.ended])).toEqual([
      [expect.any(String), true, false, null],
      ['gus-wife', false, false, { date: AS_OF, reason: 'carer-asked' }],
    ]);
    expect((await post('keyworker', '/api/people/gus/carers/gus-wife/end', { version: 4, date: AS_OF, reason: 'carer-asked' })).json().error.fields).toEqual([{ field: 'carer', message: 'is already no longer involved' }]);
    const again = await post('keyworker', '/api/people/gus/carers/gus-wife/main-carer', { version: 4 });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields[0].field).toBe('carer');
    // The record's carers, which the crisis page shows as people to ring, are those still involved.
    expect(((await get('keyworker', '/api/people/gus')).json().person.carers as Array<{ id: string }>).map((c) => c.id)).toEqual([expect.any(String)]);
    expect((await audited('end-carer-involvement')).map((a) => [a.person_id, a.resource_id, detail(a.detail)])).toEqual([['gus', 'gus-wife', { reason: 'carer-asked', date: AS_OF, version: 4 }]]);
  });

  it('logs a concern in the carer’s exact words, which joins the worklist until it is answered with an outcome', async () => {
    const concernId = randomUUID();
    const words = '  She rang me crying at 3am.\nShe says the neighbours are watching her.  ';
    const logged = await post('keyworker', '/api/people/ann/carer-concerns', { concernId, carerId: 'ann-mum', channel: 'phone', date: AS_OF, time: '09:00', words });
    expect(logged.statusCode).toBe(201);
    expect(logged.json()).toEqual({ concern: { id: concernId, reference: `Communication/${concernId}`, receivedAt: '2026-06-30T09:00:00+01:00' } });
    const stored = await readPersonRecord(store.db, 'ann', 'Communication', concernId);
    expect(stored!.resource).toMatchObject({ payload: [{ contentString: words }], sender: { reference: 'RelatedPerson/ann-mum' }, recipient: [{ reference: 'Organization/team-north' }] });
    expect(await evidenceOn()).toContain(`Communication/${concernId}`);

    const responseId = randomUUID();
    const answered = await post('keyworker', `/api/people/ann/carer-concerns/${concernId}/responses`, { responseId, outcome: 'contact-arranged', words: 'I will visit Ann today.', date: AS_OF, time: '11:30' });
    expect(answered.statusCode).toBe(201);
    expect(answered.json()).toEqual({ response: { id: responseId, reference: `Communication/${responseId}`, inResponseTo: `Communication/${concernId}`, outcome: 'contact-arranged' } });
    const reply = await readPersonRecord(store.db, 'ann', 'Communication', responseId);
    expect(reply!.resource).toMatchObject({ inResponseTo: [{ reference: `Communication/${concernId}` }], sender: { reference: 'Practitioner/kw-north' }, recipient: [{ reference: 'RelatedPerson/ann-mum' }] });
    const evidence = await evidenceOn();
    expect(evidence).not.toContain(`Communication/${concernId}`);
    expect(evidence).toContain('Communication/c-ann');
    const view = (await get('keyworker', '/api/people/ann/carers')).json().concerns;
    expect(view.map((c: { id: string; open: boolean }) => [c.id, c.open])).toEqual([['c-ann', true], [concernId, false]]);
    expect(view[1].responses[0]).toMatchObject({ outcome: 'contact-arranged', words: 'I will visit Ann today.', by: 'Kim Walker' });
    expect((await audited('log-carer-concern')).map((a) => [a.person_id, a.resource_id, detail(a.detail)])).toEqual([['ann', concernId, { carer: 'ann-mum', channel: 'phone', date: AS_OF }]]);
    expect((await audited('respond-to-carer-concern')).map((a) => [a.person_id, a.resource_id, detail(a.detail)])).toEqual([['ann', responseId, { concern: concernId, outcome: 'contact-arranged', date: AS_OF }]]);
  });

  it('says which field is wrong and why, and stores nothing', async () => {
    const before = await communications();
    const notTheirs = await post('keyworker', '/api/people/ann/carer-concerns', { concernId: randomUUID(), carerId: 'ben-partner', channel: 'fax', date: AS_OF, time: '25:00', words: 'Help' });
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.json().error.fields).toEqual([
      { field: 'carerId', message: 'is not one of this person’s carers' },
      { field: 'channel', message: 'must be one of: phone, portal, partner, in-person, email, letter' },
      { field: 'time', message: 'must be a time of day as HH:MM, for example 14:30' },
    ]);
    const shape = await post('keyworker', '/api/people/ann/carer-concerns', { concernId: 'x', carerId: 'ann-mum', channel: 'phone', date: AS_OF });
    expect(shape.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['concernId', 'time', 'words']);
    const response = await post('keyworker', '/api/people/ann/carer-concerns/c-ann/responses', { responseId: randomUUID(), outcome: 'sorted', words: '', date: '2026-06-25', time: '10:00' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'outcome', message: 'must be one of: advice-given, plan-changed, contact-arranged, escalated, no-action-needed' },
      { field: 'time', message: 'must not be before the concern was received' },
      { field: 'words', message: 'is needed: what was said to the carer' },
    ]);
    const toAResponse = await post('keyworker', '/api/people/ben/carer-concerns/r-ben-old/responses', { responseId: randomUUID(), outcome: 'escalated', words: 'Passed on.', date: AS_OF, time: '10:00' });
    expect(toAResponse.json().error.fields).toEqual([{ field: 'concern', message: 'is not a carer’s concern' }]);
    expect((await post('keyworker', '/api/people/ann/carer-concerns/no-such/responses', { responseId: randomUUID(), outcome: 'escalated', words: 'x', date: AS_OF, time: '10:00' })).statusCode).toBe(404);
    const carer = await post('keyworker', '/api/people/ann/carers', { carerId: randomUUID(), relationship: 'MTH', familyName: '', involvement: 'involved', sharing: 'everything', mainCarer: 'yes' });
    expect(carer.json().error.fields).toEqual([{ field: 'mainCarer', message: 'must be true or false' }]);
    expect(await communications()).toBe(before);
    expect((await get('keyworker', '/api/people/ann/carers')).json().carers).toHaveLength(1);
  });

  it("refuses people outside the staff member's relationships, and roles without record access, writing nothing", async () => {
    const before = await communications();
    const concern = { concernId: randomUUID(), carerId: 'eve-son', channel: 'phone', date: AS_OF, time: '09:00', words: 'Worried' };
    expect((await post('keyworker', '/api/people/eve/carer-concerns', concern)).statusCode).toBe(403);
    expect((await post('partner', '/api/people/ann/carer-concerns', { ...concern, carerId: 'ann-mum' })).statusCode).toBe(403);
    expect((await get('partner', '/api/people/ann/carers')).statusCode).toBe(403);
    expect((await get('partner', '/api/worklists/carer-concerns')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/people/ann/carers' })).statusCode).toBe(401);
    expect(await communications()).toBe(before);
    // Refused at the record's gate before the input is read: audited with the route asked for.
    const refused = await store.db.selectFrom('audit_event').select(['person_id', 'outcome', 'detail']).where('action', '=', 'open-for-request').where('outcome', '=', 'refused').orderBy('id').execute();
    expect(refused.map((r) => ({ ...r, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail }))).toEqual([
      { person_id: 'eve', outcome: 'refused', detail: { route: 'POST /api/people/:id/carer-concerns' } },
      { person_id: 'ann', outcome: 'refused', detail: { route: 'POST /api/people/:id/carer-concerns' } },
      { person_id: 'ann', outcome: 'refused', detail: { route: 'GET /api/people/:id/carers' } },
    ]);
  });

  it('takes the response hours from the installation’s setting', async () => {
    expect(carerResponseHoursSetting({})).toBe(72);
    expect(carerResponseHoursSetting({ CONTINUITY_CARER_RESPONSE_HOURS: '24' })).toBe(24);
    expect(() => carerResponseHoursSetting({ CONTINUITY_CARER_RESPONSE_HOURS: 'soon' })).toThrow(/CONTINUITY_CARER_RESPONSE_HOURS/);
    const quicker = await buildApp({ store, webRoot: '/nonexistent', carerResponseHours: 24 });
    try {
      const cookie = await signIn(quicker, 'manager');
      const list = (await quicker.inject({ method: 'GET', url: `/api/worklists/carer-concerns?asOf=${AS_OF}`, headers: { cookie } })).json();
      const ben = list.items.find((i: { patient: { id: string } }) => i.patient.id === 'ben');
      expect(ben.reasons[0].text).toMatch(/OVERDUE, the response was due by 30 Jun at 15:00 \(within 24 hours\)/);
      const record = (await quicker.inject({ method: 'GET', url: '/api/people/ben/carers', headers: { cookie } })).json();
      expect([record.responseHours, record.concerns[0].dueAt]).toEqual([24, '2026-06-30T14:00:00.000Z']);
    } finally {
      await quicker.close();
    }
  });
});
