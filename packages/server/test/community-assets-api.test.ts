import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonToday, system } from '@continuity/domain';
import { createUser, type Store } from '@continuity/store';
import { sql } from 'kysely';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenario } from '../../store/test/support/scenario.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const vcse = (id: string, name: string) => ({ resourceType: 'Organization', id, name, type: [{ coding: [{ system: system.organisationType, code: 'vcse' }] }] });

/** The scenario with two partner organisations that keep entries in the directory. */
function assetsScenario() {
  const resources = scenario();
  resources.Organization!.push(vcse('vcse-bridge', 'Bridge Trust'), vcse('vcse-harbour', 'Harbour Housing'));
  return resources;
}

const centroids = 'postcode,latitude,longitude\nBS1 4DJ,51.4545,-2.5879\nBS2 0AA,51.4630,-2.5700\nBS23 1AA,51.3450,-2.9770\n';
const assetsCsv = [
  'external_id,name,kind,needs,eligibility,postcode,opening_times,phone,accessibility,languages,maintainer',
  'bridge-college,Bridge Recovery College,recovery-college,education;peer-support,Adults in Bristol,BS1 4DJ,Mon-Fri 10-4,0117 900 0001,step-free;quiet-space,English;Polish,vcse-bridge',
  'harbour-housing,Harbour Housing Advice,housing,housing;money-debt,"Anyone at risk of losing their home, 18+",BS23 1AA,"Tue, Thu 9-5",01934 900 002,step-free,English;Somali,vcse-harbour',
  'north-walks,North CMHT Walking Group,vcse,physical-activity;loneliness,People on the North CMHT caseload,BS2 0AA,Wed 11am,,,English,team-north',
].join('\n');

describe.each(storeKinds)('community assets through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const send = (user: string, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method: payload ? 'POST' : 'GET', url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const count = async (table: 'community_asset' | 'community_referral') => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(store.db)).rows[0]!.n);
  const asset = async (id: string) => (await send('keyworker', `/api/community-assets/${id}`)).json().asset;

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, assetsScenario());
    const passwordHash = await hashPassword('partner-password-1');
    await createUser(store.db, { id: 'bridge-user', username: 'bridge', displayName: 'Bridge Trust worker', role: 'partner-agency', passwordHash, organisationId: 'vcse-bridge' });
    await createUser(store.db, { id: 'harbour-user', username: 'harbour', displayName: 'Harbour Housing worker', role: 'partner-agency', passwordHash, organisationId: 'vcse-harbour' });
    for (const user of ['keyworker', 'manager', 'board']) cookies[user] = await signIn(app, user);
    for (const user of ['bridge', 'harbour']) cookies[user] = await signIn(app, user, 'partner-password-1');
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('tells the web app the kind of a partner’s organisation, so a community service is offered its referrals', async () => {
    expect((await send('bridge', '/api/session')).json().user).toMatchObject({ organisationId: 'vcse-bridge', organisationKind: 'vcse' });
    expect((await send('keyworker', '/api/session')).json().user).toMatchObject({ organisationId: null, organisationKind: null });
  });

  it('imports postcode centroids and the directory from CSV, the same file twice changing nothing', async () => {
    expect((await send('bridge', '/api/community-assets/postcodes/import', { csv: centroids })).statusCode).toBe(403);
    expect((await send('manager', '/api/community-assets/postcodes/import', { csv: centroids })).json()).toEqual({ imported: 3 });
    const first = await send('manager', '/api/community-assets/import', { csv: assetsCsv });
    expect(first.json()).toEqual({ imported: 3, added: 3, updated: 0, unchanged: 0 });
    expect((await send('manager', '/api/community-assets/import', { csv: assetsCsv })).json()).toEqual({ imported: 3, added: 0, updated: 0, unchanged: 3 });
    expect(await asset('asset-harbour-housing')).toMatchObject({
      externalId: 'harbour-housing', version: 1, eligibility: 'Anyone at risk of losing their home, 18+', openingTimes: 'Tue, Thu 9-5', languages: ['English', 'Somali'],
      maintainer: { id: 'vcse-harbour', name: 'Harbour Housing' }, location: { latitude: 51.345, longitude: -2.977 },
    });
  });

  it('refuses a file with bad rows, naming each row and column, and stores nothing of it', async () => {
    const bad = [assetsCsv.split('\n')[0], 'new-one,New One,vcse,loneliness,,BS1 4DJ,,,,,vcse-bridge', 'broken,Broken,pub,loneliness,,BS1,,,,,vcse-bridge', 'ghost,Ghost,vcse,loneliness,,BS1 4DJ,,,,,nobody'].join('\n');
    const before = await count('community_asset');
    const response = await send('manager', '/api/community-assets/import', { csv: bad });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'row 3, kind', message: expect.stringContaining('must be one of') },
      { field: 'row 3, postcode', message: expect.stringContaining('UK postcode') },
    ]);
    // A file whose rows read well can still name an organisation the platform does not know.
    const unknownMaintainer = await send('manager', '/api/community-assets/import', { csv: [bad.split('\n')[0], bad.split('\n')[1], bad.split('\n')[3]].join('\n') });
    expect(unknownMaintainer.json().error.fields).toEqual([{ field: 'row 3, maintainer', message: 'is not an organisation the platform knows' }]);
    expect(await count('community_asset')).toBe(before);
  });

  it('searches by need and distance from a postcode, nearest first with the distance, filtered by language and accessibility', async () => {
    const near = await send('keyworker', '/api/community-assets?postcode=bs20aa');
    expect(near.json().from).toEqual({ postcode: 'BS2 0AA', located: true });
    expect(near.json().assets.map((a: { id: string; distanceKm: number }) => [a.id, a.distanceKm])).toEqual([['asset-north-walks', 0], ['asset-bridge-college', 1.6], ['asset-harbour-housing', 31.1]]);
    expect((await send('keyworker', '/api/community-assets?need=housing&postcode=BS1%204DJ')).json().assets.map((a: { id: string }) => a.id)).toEqual(['asset-harbour-housing']);
    expect((await send('keyworker', '/api/community-assets?language=polish')).json().assets.map((a: { id: string }) => a.id)).toEqual(['asset-bridge-college']);
    expect((await send('keyworker', '/api/community-assets?accessibility=step-free,quiet-space')).json().assets.map((a: { id: string }) => a.id)).toEqual(['asset-bridge-college']);
    expect((await send('keyworker', '/api/community-assets?postcode=XX')).json().error.fields).toEqual([{ field: 'postcode', message: 'must be a UK postcode, such as BS1 4DJ' }]);
    expect((await send('keyworker', '/api/community-assets?postcode=BS9%201ZZ')).json().from).toEqual({ postcode: 'BS9 1ZZ', located: false });
  });

  it('saves an edit on the version read, refuses a stale one (409) and bad input (400 naming the field)', async () => {
    const held = await asset('asset-bridge-college');
    const { id: _id, externalId: _e, version: _v, maintainer: _m, location: _l, updatedAt: _u, ...fields } = held;
    const saved = await send('keyworker', '/api/community-assets/asset-bridge-college', { ...fields, version: 1, openingTimes: 'Mon-Sat 10-4' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().asset).toMatchObject({ version: 2, openingTimes: 'Mon-Sat 10-4' });
    const stale = await send('bridge', '/api/community-assets/asset-bridge-college', { ...fields, version: 1, openingTimes: 'Closed' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields).toEqual([{ field: 'version', message: 'is not the current version of the entry (now version 2)' }]);
    const bad = await send('keyworker', '/api/community-assets/asset-bridge-college', { ...fields, version: 2, email: 'not an email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'email', message: 'must be an email address' }]);
    expect((await asset('asset-bridge-college')).version).toBe(2);
  });

  it('lets a partner edit and add only its own organisation’s entries', async () => {
    const held = await asset('asset-bridge-college');
    const { id: _id, externalId: _e, version, maintainer: _m, location: _l, updatedAt: _u, ...fields } = held;
    expect((await send('harbour', '/api/community-assets/asset-bridge-college', { ...fields, version, name: 'Taken over' })).statusCode).toBe(403);
    expect((await send('bridge', '/api/community-assets/asset-bridge-college', { ...fields, version, maintainerId: 'vcse-harbour' })).statusCode).toBe(403);
    expect((await send('board', '/api/community-assets/asset-bridge-college', { ...fields, version })).statusCode).toBe(403);
    const own = await send('bridge', '/api/community-assets/asset-bridge-college', { ...fields, version, phone: '0117 900 0009' });
    expect(own.json().asset).toMatchObject({ version: version + 1, phone: '0117 900 0009', updatedAt: expect.any(String) });

    const entry = { name: 'Bridge Peer Group', kind: 'peer-support', needs: ['peer-support'], postcode: 'BS1 4DJ' };
    const added = await send('bridge', '/api/community-assets', { assetId: randomUUID(), ...entry });
    expect(added.statusCode).toBe(201);
    expect(added.json().asset.maintainer).toEqual({ id: 'vcse-bridge', name: 'Bridge Trust' });
    expect((await send('bridge', '/api/community-assets', { assetId: randomUUID(), ...entry, maintainerId: 'vcse-harbour' })).statusCode).toBe(403);
    // A partner's import touching another organisation's entry is refused as a whole.
    const importing = await send('harbour', '/api/community-assets/import', { csv: assetsCsv });
    expect(importing.statusCode).toBe(400);
    expect(importing.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['row 2, maintainer', 'row 4, maintainer']);
  });

  it('refers a person from their record; the partner accepts, then records attendance; the loop shows on the record; audited', async () => {
    const referralId = randomUUID();
    const refer = { referralId, assetId: 'asset-harbour-housing', need: 'housing', reason: 'Rent arrears; at risk of eviction' };
    expect((await send('keyworker', '/api/people/ada/community-referrals', { ...refer, need: 'education' })).json().error.fields).toEqual([{ field: 'need', message: 'must be one the service serves: housing, money-debt' }]);
    const sent = await send('keyworker', '/api/people/ada/community-referrals', refer);
    expect(sent.statusCode).toBe(201);
    expect(sent.json().referral).toMatchObject({ id: referralId, version: 1, status: 'sent', asset: { id: 'asset-harbour-housing', name: 'Harbour Housing Advice' } });
    // Sent twice (a double click): the same referral, nothing new.
    expect((await send('keyworker', '/api/people/ada/community-referrals', refer)).statusCode).toBe(200);
    expect(await count('community_referral')).toBe(1);

    const inbox = await send('harbour', '/api/community-assets/referrals');
    expect(inbox.json().referrals).toEqual([
      expect.objectContaining({ id: referralId, version: 1, status: 'sent', need: 'housing', reason: 'Rent arrears; at risk of eviction', person: { name: 'Ada Augusta Lovelace', phone: null } }),
    ]);
    expect(Object.keys(inbox.json().referrals[0]).sort()).toEqual(['asset', 'history', 'id', 'need', 'person', 'reason', 'status', 'statusLabel', 'version']);
    expect((await send('bridge', '/api/community-assets/referrals')).json().referrals).toEqual([]);

    // Another partner may not answer it, a key worker does not answer for the partner, and the partner sees no record.
    expect((await send('bridge', `/api/community-assets/referrals/${referralId}`, { status: 'accepted', version: 1 })).statusCode).toBe(403);
    expect((await send('keyworker', `/api/community-assets/referrals/${referralId}`, { status: 'accepted', version: 1 })).statusCode).toBe(403);
    expect((await send('harbour', '/api/people/ada/community-referrals')).statusCode).toBe(403);

    expect((await send('harbour', `/api/community-assets/referrals/${referralId}`, { status: 'attended', version: 1 })).json().error.fields).toEqual([{ field: 'status', message: 'cannot follow sent: the next step is accepted or declined' }]);
    expect((await send('harbour', `/api/community-assets/referrals/${referralId}`, { status: 'accepted', version: 1 })).json()).toEqual({ referral: { id: referralId, version: 2, status: 'accepted' } });
    expect((await send('harbour', `/api/community-assets/referrals/${referralId}`, { status: 'attended', version: 1 })).statusCode).toBe(409);
    expect((await send('harbour', `/api/community-assets/referrals/${referralId}`, { status: 'attended', version: 2 })).statusCode).toBe(200);

    const onRecord = (await send('keyworker', '/api/people/ada/community-referrals')).json().referrals;
    const today = londonToday();
    expect(onRecord).toEqual([
      expect.objectContaining({ id: referralId, status: 'attended', statusLabel: 'Attended', history: [{ status: 'sent', date: today }, { status: 'accepted', date: today }, { status: 'attended', date: today }] }),
    ]);
    const stored = await store.db.selectFrom('community_referral').select('resource').executeTakeFirstOrThrow();
    expect(stored.resource).toMatchObject({ resourceType: 'ServiceRequest', status: 'completed', subject: { reference: 'Patient/ada' }, performer: [{ reference: 'HealthcareService/asset-harbour-housing' }, { reference: 'Organization/vcse-harbour' }] });

    const audit = await store.db.selectFrom('audit_event').select(['actor_id', 'action', 'person_id', 'basis', 'outcome', 'detail']).where('resource_id', '=', referralId).orderBy('id').execute();
    expect(audit.map((a) => [a.actor_id, a.action, a.person_id, a.basis, a.outcome])).toEqual([
      ['demo-keyworker', 'refer-to-community-asset', 'ada', 'key-worker', 'allowed'],
      ['harbour-user', 'read-community-referrals', 'ada', 'community-referral', 'allowed'],
      ['bridge-user', 'answer-community-referral', 'ada', 'community-referral', 'refused'],
      ['harbour-user', 'answer-community-referral', 'ada', 'community-referral', 'allowed'],
      ['harbour-user', 'answer-community-referral', 'ada', 'community-referral', 'allowed'],
    ]);
    // The audit says what was done, never the words of the referral.
    expect(JSON.stringify(audit)).not.toContain('arrears');
  });

  it('records a decline only with a reason, and counts uptake per asset and per need for the board', async () => {
    const referralId = randomUUID();
    await send('keyworker', '/api/people/ada/community-referrals', { referralId, assetId: 'asset-bridge-college', need: 'education', reason: 'Would like a course on managing anxiety' });
    expect((await send('bridge', `/api/community-assets/referrals/${referralId}`, { status: 'declined', version: 1 })).json().error.fields).toEqual([{ field: 'reason', message: expect.stringContaining('is required') }]);
    expect((await send('bridge', `/api/community-assets/referrals/${referralId}`, { status: 'declined', reason: 'Course full until January', version: 1 })).statusCode).toBe(200);
    expect((await send('keyworker', '/api/people/ada/community-referrals')).json().referrals.find((r: { id: string }) => r.id === referralId).history[1]).toEqual({ status: 'declined', date: londonToday(), reason: 'Course full until January' });

    expect((await send('keyworker', '/api/reports/community-assets')).statusCode).toBe(403);
    const report = await send('board', `/api/reports/community-assets?from=${londonToday()}&to=${londonToday()}`);
    const figures = (referred: number, accepted: number, declined: number, attended: number) => ({ referred, accepted, declined, attended, didNotAttend: 0, waiting: 0 });
    expect(report.json()).toEqual({
      report: 'community-assets', from: londonToday(), to: londonToday(),
      byAsset: [
        { asset: { id: 'asset-bridge-college', name: 'Bridge Recovery College' }, figures: figures(1, 0, 1, 0) },
        { asset: { id: 'asset-harbour-housing', name: 'Harbour Housing Advice' }, figures: figures(1, 1, 0, 1) },
      ],
      byNeed: [{ need: 'education', label: 'Education and learning', figures: figures(1, 0, 1, 0) }, { need: 'housing', label: 'Housing', figures: figures(1, 1, 0, 1) }],
      total: figures(2, 1, 1, 1),
    });
    expect((await send('board', '/api/reports/community-assets?from=2020-01-01&to=2020-12-31')).json().total.referred).toBe(0);
    expect((await send('board', '/api/reports/community-assets?from=2021-01-01&to=2020-12-31')).json().error.fields).toEqual([{ field: 'from', message: 'must not be after to' }]);
  });
});
