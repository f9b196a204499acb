import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday } from '@continuity/domain';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { REFERRAL_AS_OF, expectedWaiting, referralScenario } from '../../store/test/support/referral-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const daysAgo = (n: number) => isoDay(londonDay(londonToday())! - n);

describe.each(storeKinds)('referrals and waiting through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const send = (user: string, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method: payload ? 'POST' : 'GET', url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const audit = (action: string) => store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'basis', 'outcome']).where('action', '=', action).orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, referralScenario());
    for (const user of ['manager', 'keyworker', 'board', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('serves the waiting worklist in the contract shape: all teams for a manager, their own team’s for a key worker', async () => {
    const all = await send('manager', `/api/worklists/waiting?asOf=${REFERRAL_AS_OF}`);
    expect(all.json()).toMatchObject({ worklist: 'waiting', asOf: REFERRAL_AS_OF, items: expectedWaiting });
    expect(all.json().people.eli).toEqual({ name: 'Eli Ellis', teams: [] });
    expect((await send('keyworker', `/api/worklists/waiting?asOf=${REFERRAL_AS_OF}`)).json().items.map((i: { patient: { id: string } }) => i.patient.id)).toEqual(['cal']);
    expect((await send('board', '/api/worklists/waiting')).statusCode).toBe(403);
  });

  it('reports waiting times to managers and board analysts, naming nobody', async () => {
    const report = await send('board', `/api/reports/waiting-times?from=2026-04-01&to=${REFERRAL_AS_OF}`);
    expect(report.statusCode).toBe(200);
    expect(report.json().overall).toMatchObject({ seen: 2, shareWithinStandard: 0.5, medianDays: 34, p90Days: 49, waiting: 3 });
    expect(JSON.stringify(report.json())).not.toMatch(/cal|eli|ref-/);
    expect((await send('keyworker', '/api/reports/waiting-times')).statusCode).toBe(403);
    const backwards = await send('manager', '/api/reports/waiting-times?from=2026-06-01&to=2026-05-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([{ field: 'from', message: 'must not be after to' }]);
  });

  it('shows the single point of access queue to managers, and triages only with a team or a named onward route', async () => {
    const queue = await send('manager', '/api/referrals/untriaged');
    expect(queue.json().referrals.map((r: { personId: string; referralId: string; version: number }) => [r.personId, r.referralId, r.version])).toEqual([['eli', 'ref-eli', 1]]);
    expect(await audit('triage-queue')).toEqual([{ actor_id: 'demo-manager', person_id: 'eli', basis: 'triage', outcome: 'allowed' }]);
    expect((await send('keyworker', '/api/referrals/untriaged')).statusCode).toBe(403);

    const url = '/api/people/eli/referrals/ref-eli/triage';
    const bare = await send('manager', url, { version: 1, outcome: 'declined', date: londonToday() });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['onwardService', 'reason']);
    expect((await send('manager', url, { version: 1, outcome: 'accepted', date: londonToday(), teamId: 'team-nowhere' })).json().error.fields).toEqual([{ field: 'teamId', message: 'is needed: choose the team the person is accepted to' }]);
    expect((await readPersonRecord(store.db, 'eli', 'ServiceRequest', 'ref-eli'))!.versionId).toBe(1);

    const accepted = await send('manager', url, { version: 1, outcome: 'accepted', date: londonToday(), teamId: 'team-north' });
    expect(accepted.json()).toEqual({ referral: { id: 'ref-eli', version: 2, outcome: 'accepted' } });
    expect((await send('manager', url, { version: 1, outcome: 'accepted', date: londonToday(), teamId: 'team-south' })).json().error.code).toBe('already-triaged');
    expect((await send('manager', '/api/referrals/untriaged')).json().referrals).toEqual([]);
    // Eli now waits for North CMHT, from the day of referral: on the key worker's list too.
    const north = (await send('keyworker', `/api/worklists/waiting?asOf=${REFERRAL_AS_OF}`)).json();
    expect(north.items.map((i: { patient: { id: string } }) => i.patient.id)).toEqual(['cal', 'eli']);
    expect(north.items[1].reasons[0].text).toBe('Waiting 46 days since referral on 15 May to North CMHT (not yet seen; no check-in recorded).');
  });

  it('records a check-in with a person waiting, which the list shows as the last one, and never stops the clock', async () => {
    const checkInId = randomUUID();
    const body = { checkInId, date: daysAgo(1), note: 'Phoned: low but coping; reminded of the crisis line.' };
    expect((await send('partner', '/api/people/cal/referrals/ref-cal/check-ins', body)).statusCode).toBe(403);
    const empty = await send('keyworker', '/api/people/cal/referrals/ref-cal/check-ins', { ...body, note: ' ' });
    expect(empty.json().error.fields).toEqual([{ field: 'note', message: 'is needed: how the person is and what they were told' }]);
    expect((await send('keyworker', '/api/people/cal/referrals/ref-cal/check-ins', body)).statusCode).toBe(201);
    expect((await send('keyworker', '/api/people/cal/referrals/ref-cal/check-ins', body)).statusCode).toBe(200);
    const cal = (await send('keyworker', '/api/worklists/waiting')).json().items.find((i: { patient: { id: string } }) => i.patient.id === 'cal');
    expect(cal.reasons[0].evidence).toEqual(['ServiceRequest/ref-cal', `Communication/${checkInId}`]);
    expect(cal.reasons[0].text).toMatch(/^Waiting \d+ days since referral on 1 May to North CMHT \(not yet seen; last check-in /);
  });

  it('gives the team its waiting list, audited, and only to its own clinicians', async () => {
    const list = await send('keyworker', `/api/teams/team-north/waiting-list?asOf=${REFERRAL_AS_OF}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ asOf: REFERRAL_AS_OF, team: { id: 'team-north', name: 'North CMHT' }, entries: [{ personId: 'cal', waitedDays: 60, overStandard: true }, { personId: 'eli', waitedDays: 46, overStandard: true }] });
    // Eli joined North's list when triaged to it, above.
    expect((await send('keyworker', '/api/teams/team-south/waiting-list')).statusCode).toBe(403);
    expect((await send('board', '/api/teams/team-north/waiting-list')).statusCode).toBe(403);
    const audited = await store.db.selectFrom('audit_event').select(['person_id', 'detail']).where('action', '=', 'worklist').where('actor_id', '=', 'demo-keyworker').execute();
    expect(audited.some((a) => a.person_id === 'cal' && JSON.stringify(a.detail).includes('waiting-list'))).toBe(true);
  });

  it('records a referral at the single point of access, for someone new or on record, and it waits for triage', async () => {
    const referralId = randomUUID();
    const personId = randomUUID();
    const body = { referralId, personId, newPerson: { family: 'Fenn', given: 'Jo', birthDate: '1991-04-02', nhsNumber: '943 476 5870', postcode: 'ls1 4ap' }, source: 'self', date: daysAgo(2), priority: 'urgent', reason: 'Hearing voices again; scared.' };
    expect((await send('keyworker', '/api/referrals', body)).statusCode).toBe(403);
    const bad = await send('manager', '/api/referrals', { ...body, newPerson: { ...body.newPerson, nhsNumber: '943 476 5871', birthDate: '2099-01-01' }, reason: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['reason', 'birthDate', 'nhsNumber']);
    expect(await store.db.selectFrom('person').select('person_id').where('person_id', '=', personId).execute()).toEqual([]);

    expect((await send('manager', '/api/referrals', body)).statusCode).toBe(201);
    expect((await send('manager', '/api/referrals', body)).statusCode).toBe(200);
    expect((await send('manager', '/api/referrals', { ...body, reason: 'Something else' })).statusCode).toBe(409);
    const person = await store.db.selectFrom('person').select(['nhs_number', 'family_name', 'postcode']).where('person_id', '=', personId).executeTakeFirst();
    expect(person).toEqual({ nhs_number: '9434765870', family_name: 'Fenn', postcode: 'LS1 4AP' });
    const queue = (await send('manager', '/api/referrals/untriaged')).json().referrals;
    expect(queue[0]).toMatchObject({ personId, referralId, name: 'Jo Fenn', priority: 'urgent', source: 'Self-referral', reason: 'Hearing voices again; scared.' });

    // The same NHS number again is the person on record: the referral is for them, not a new person.
    const again = await send('manager', '/api/referrals', { ...body, referralId: randomUUID(), personId: randomUUID() });
    expect(again.json().error.code).toBe('nhs-number-on-record');
    const existing = await send('manager', '/api/referrals', { referralId: randomUUID(), personId, source: 'gp', date: londonToday(), priority: 'routine', reason: 'GP asks for review too.' });
    expect(existing.statusCode).toBe(201);
    expect((await send('manager', '/api/referrals', { referralId: randomUUID(), personId: 'nobody', source: 'gp', date: londonToday(), priority: 'routine', reason: 'x' })).statusCode).toBe(404);
  });
});
