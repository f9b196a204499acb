import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { AS_OF, mhaScenario } from '../../store/test/support/mha-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('recording Mental Health Act events through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const post = (username: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { cookie: cookies[username]!, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const event = (person: string, flag: string, payload: unknown, user = 'keyworker') => post(user, `/api/people/${person}/mha/ctos/${flag}/events`, payload);
  const listed = async () => ((await get('manager', `/api/worklists/mha-deadlines?asOf=${AS_OF}`)).json().items as Array<{ patient: { id: string } }>).map((i) => i.patient.id);
  const versionOf = async (person: string, flag: string) => (await readPersonRecord(store.db, person, 'Flag', flag))!.versionId;

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, mhaScenario());
    for (const user of ['keyworker', 'manager', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("shows a person's detentions and CTOs, current first, with conditions, expiry and version, audited as a read", async () => {
    const fin = await get('keyworker', '/api/people/fin/mha');
    expect(fin.statusCode).toBe(200);
    expect(fin.json().legalStatuses.map((s: Record<string, unknown>) => [s.id, s.kind, s.name, s.current, s.start, s.end])).toEqual([
      ['fin-s3', 'detention', 'Section 3 (admission for treatment)', true, '2026-05-01', null],
      ['fin-s2', 'detention', 'Section 2 (admission for assessment)', false, '2026-04-03', '2026-05-01'],
    ]);
    expect((await get('keyworker', '/api/people/amir/mha')).json().legalStatuses).toEqual([
      {
        id: 'amir-cto', version: 1, kind: 'cto', code: 'cto', name: 'Section 17A (Community Treatment Order)', status: 'active', current: true,
        start: '2025-07-01', end: null, expires: '2026-07-28', conditions: ['Take medication as prescribed', 'Attend appointments'], events: [],
      },
    ]);
    const audit = await store.db.selectFrom('audit_event').select(['person_id', 'outcome']).where('actor_id', '=', 'demo-keyworker').where('action', '=', 'read-mha').orderBy('id').execute();
    expect(audit).toEqual([{ person_id: 'fin', outcome: 'allowed' }, { person_id: 'amir', outcome: 'allowed' }]);
  });

  it('records a renewal, which takes the person off mha-deadlines, with its audit entry', async () => {
    expect(await listed()).toContain('cal');
    const response = await event('cal', 'cal-cto', { version: 1, kind: 'renewal', date: '2026-05-20', expires: '2026-12-01' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ cto: { id: 'cal-cto', version: 2, status: 'active', kind: 'renewal' } });
    expect(await listed()).not.toContain('cal');
    const [cto, aftercare, detention] = (await get('keyworker', '/api/people/cal/mha')).json().legalStatuses;
    expect([aftercare.kind, aftercare.name, aftercare.current, aftercare.start, detention.id, detention.current]).toEqual(['s117', 'Section 117 aftercare', true, '2025-12-01', 'cal-s3', false]);
    expect(cto).toMatchObject({ id: 'cal-cto', version: 2, expires: '2026-12-01', events: [{ kind: 'renewal', date: '2026-05-20', previousExpiry: '2026-06-01', expires: '2026-12-01' }] });
    const audit = await store.db.selectFrom('audit_event').select(['person_id', 'resource_type', 'resource_id', 'basis', 'detail']).where('action', '=', 'record-cto-event').execute();
    expect(audit.map((a) => ({ ...a, detail: typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail }))).toEqual([
      { person_id: 'cal', resource_type: 'Flag', resource_id: 'cal-cto', basis: 'team', detail: { kind: 'renewal', date: '2026-05-20', expires: '2026-12-01' } },
    ]);
  });

  it('refuses a change made on a version that is no longer current, and overwrites nothing', async () => {
    const response = await event('cal', 'cal-cto', { version: 1, kind: 'discharge', date: '2026-06-10' });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'stale-version', fields: [{ field: 'version', message: 'is not the current version of the CTO' }] });
    expect(await versionOf('cal', 'cal-cto')).toBe(2);
  });

  it('says which field is wrong and why, and stores nothing', async () => {
    const late = await event('amir', 'amir-cto', { version: 1, kind: 'renewal', date: '2026-07-01', expires: '2027-08-01' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual([{ field: 'expires', message: 'must be no later than 28 Jul 2027: a renewal of this CTO lasts a year' }]);
    const shape = await event('amir', 'amir-cto', { version: 'one', kind: 'renew', date: 20260701 });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['version', 'kind', 'date']);
    const detention = await event('fin', 'fin-s3', { version: 1, kind: 'recall', date: '2026-06-01' });
    expect(detention.statusCode).toBe(400);
    expect(detention.json().error.fields).toEqual([{ field: 'flag', message: 'is not a Community Treatment Order' }]);
    expect((await event('amir', 'no-such-flag', { version: 1, kind: 'recall', date: '2026-06-01' })).statusCode).toBe(404);
    expect(await versionOf('amir', 'amir-cto')).toBe(1);
  });

  it('records a recall, then a revocation that ends the CTO and starts a section 3 detention; an ended CTO cannot change', async () => {
    expect((await event('amir', 'amir-cto', { version: 1, kind: 'recall', date: '2026-06-20' })).statusCode).toBe(201);
    const revoked = await event('amir', 'amir-cto', { version: 2, kind: 'revocation', date: '2026-06-22' });
    expect(revoked.statusCode).toBe(201);
    const detentionId = revoked.json().detention.id as string;
    const statuses = (await get('keyworker', '/api/people/amir/mha')).json().legalStatuses;
    expect(statuses.map((s: Record<string, unknown>) => [s.id, s.code, s.current, s.start, s.end])).toEqual([
      [detentionId, '03', true, '2026-06-22', null],
      ['amir-cto', 'cto', false, '2025-07-01', '2026-06-22'],
    ]);
    expect(statuses[1].events.map((e: { kind: string }) => e.kind)).toEqual(['recall', 'revocation']);
    expect(await listed()).not.toContain('amir');
    const again = await event('amir', 'amir-cto', { version: 3, kind: 'discharge', date: '2026-06-25' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('cto-ended');
  });

  it('lets only one of two changes sent at once on the same version through', async () => {
    const version = await versionOf('cal', 'cal-cto');
    const answers = await Promise.all([
      event('cal', 'cal-cto', { version, kind: 'recall', date: '2026-06-02' }),
      event('cal', 'cal-cto', { version, kind: 'discharge', date: '2026-06-02' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await versionOf('cal', 'cal-cto')).toBe(version + 1);
  });

  it("refuses people outside the staff member's relationships, and roles without record access", async () => {
    const south = await event('dan', 'dan-cto', { version: 1, kind: 'recall', date: '2026-06-20' });
    expect(south.statusCode).toBe(403);
    expect((await get('partner', '/api/people/dan/mha')).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/people/dan/mha' })).statusCode).toBe(401);
    expect(await versionOf('dan', 'dan-cto')).toBe(1);
  });
});
