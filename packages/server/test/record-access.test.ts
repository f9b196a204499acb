import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { NHS } from '../../store/test/support/scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('record access through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const post = (username: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[username]! } });
  const auditFor = (actorId: string) =>
    store.db.selectFrom('audit_event').select(['action', 'person_id', 'basis', 'outcome', 'reason']).where('actor_id', '=', actorId).orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store);
    for (const user of ['keyworker', 'manager', 'board', 'admin', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('refuses every person route without a session', async () => {
    for (const url of ['/api/people?q=Lovelace', '/api/people/ada', '/api/people/ada/timeline', '/api/audit']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
    }
  });

  it('lets the key worker read their person and audits the read on the key-worker basis', async () => {
    const record = await get('keyworker', '/api/people/ada');
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ person: { id: 'ada' }, access: { basis: 'key-worker' } });
    // The fixture sends the carer's relationship as a bare v3 RoleCode: the record says it in words.
    expect(record.json().person.carers).toEqual([expect.objectContaining({ name: 'Anne Lovelace', relationship: 'Mother' })]);
    const timeline = await get('keyworker', '/api/people/ada/timeline');
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json().entries.length).toBeGreaterThan(5);
    const audit = await auditFor('demo-keyworker');
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'read-record', person_id: 'ada', basis: 'key-worker', outcome: 'allowed' }),
        expect.objectContaining({ action: 'read-timeline', person_id: 'ada', basis: 'key-worker', outcome: 'allowed' }),
      ]),
    );
  });

  it('lets a team member read on the team basis', async () => {
    const record = await get('manager', '/api/people/ada');
    expect(record.json()).toMatchObject({ access: { basis: 'team' } });
  });

  it('finds people by NHS number and says whose records need break-glass', async () => {
    const response = await get('keyworker', `/api/people?nhsNumber=${NHS.ben}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().results).toEqual([expect.objectContaining({ id: 'ben', access: 'break-glass-required' })]);
    const byBirth = await get('keyworker', `/api/people?q=${encodeURIComponent('lovelace 10/12/1985')}`);
    expect(byBirth.json().results.map((p: { id: string }) => p.id)).toEqual(['ada']);
    const wrongBirth = await get('keyworker', `/api/people?q=${encodeURIComponent('lovelace 11/12/1985')}`);
    expect(wrongBirth.json().results).toEqual([]);
    const missing = await get('keyworker', '/api/people');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'q' })]));
  });

  it('refuses a person outside the team, audits the refusal, and grants audited break-glass for a stated reason', async () => {
    const refused = await get('keyworker', '/api/people/ben');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('break-glass-required');
    expect(await auditFor('demo-keyworker')).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'open-for-request', person_id: 'ben', basis: 'none', outcome: 'refused' })]),
    );

    const noReason = await post('keyworker', '/api/people/ben/break-glass', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    const shortReason = await post('keyworker', '/api/people/ben/break-glass', { reason: 'urgent' });
    expect(shortReason.statusCode).toBe(400);
    expect(shortReason.json().error.fields[0].message).toMatch(/at least/);
    expect(await store.db.selectFrom('break_glass').selectAll().execute()).toEqual([]);

    const reason = 'Crisis call out of hours, person known to be at risk';
    const granted = await post('keyworker', '/api/people/ben/break-glass', { reason });
    expect(granted.statusCode).toBe(201);
    const hours = (Date.parse(granted.json().expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(3.9);
    expect(hours).toBeLessThanOrEqual(4);

    const record = await get('keyworker', '/api/people/ben');
    expect(record.statusCode).toBe(200);
    expect(record.json().access.basis).toBe('break-glass');
    expect(await auditFor('demo-keyworker')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'break-glass', person_id: 'ben', basis: 'break-glass', outcome: 'allowed', reason }),
        expect.objectContaining({ action: 'read-record', person_id: 'ben', basis: 'break-glass', outcome: 'allowed', reason }),
      ]),
    );
  });

  it('never lets a non-clinical role search, read, or break glass', async () => {
    expect((await get('board', '/api/people?q=Lovelace')).statusCode).toBe(403);
    const read = await get('board', '/api/people/ada');
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('forbidden');
    const glass = await post('partner', '/api/people/ada/break-glass', { reason: 'I would like to see this record please' });
    expect(glass.statusCode).toBe(403);
    expect(await auditFor('demo-partner')).toEqual([expect.objectContaining({ action: 'break-glass', person_id: 'ada', outcome: 'refused' })]);
    expect(await store.db.selectFrom('break_glass').select('user_id').where('user_id', '=', 'demo-partner').execute()).toEqual([]);
  });

  it('shows the audit log to administrators only, and audits that too', async () => {
    expect((await get('keyworker', '/api/audit')).statusCode).toBe(403);
    const response = await get('admin', '/api/audit?personId=ben');
    expect(response.statusCode).toBe(200);
    const events = response.json().events as Array<{ action: string; outcome: string; actorName: string }>;
    expect(events.some((e) => e.action === 'open-for-request' && e.outcome === 'refused' && e.actorName === 'Demo key worker')).toBe(true);
    expect(await auditFor('demo-admin')).toEqual([expect.objectContaining({ action: 'read-audit', person_id: 'ben' })]);
    expect((await get('admin', '/api/audit?from=yesterday')).statusCode).toBe(400);
  });

  it('answers 404 for an unknown person and 400 for a malformed id, never 500', async () => {
    expect((await get('keyworker', '/api/people/nobody')).statusCode).toBe(404);
    expect((await get('keyworker', `/api/people/${encodeURIComponent("'; drop table record; --")}`)).statusCode).toBe(400);
  });
});

describe.each(storeKinds)('sign-in on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('says which field is missing', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'keyworker' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('locks an account after five wrong passwords, even for the right one', async () => {
    for (let i = 0; i < 5; i += 1) {
      const wrong = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'manager', password: 'not-the-password' } });
      expect(wrong.statusCode).toBe(401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'manager', password: 'continuity-demo' } });
    expect(locked.statusCode).toBe(423);
  });

  it('ends the session on sign-out', async () => {
    const cookie = await signIn(app, 'keyworker');
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('sends security headers and an HttpOnly, SameSite session cookie', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'continuity-demo' } });
    const cookie = response.cookies.find((c) => c.name === 'continuity_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toMatch(/strict|lax/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBeDefined();
  });
});
