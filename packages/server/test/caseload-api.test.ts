import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { bobReason, CASELOAD_AS_OF, caseloadScenario, graceAway } from '../../store/test/support/caseload-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('caseloads and the MDT board through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const post = (username: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, payload: payload as object, headers: { cookie: cookies[username]! } });
  const audited = (actorId: string, worklist: string) =>
    store.db.selectFrom('audit_event').select(['person_id', 'detail']).where('actor_id', '=', actorId).where('action', '=', 'worklist').orderBy('id').execute()
      .then((rows) => rows.filter((r) => (r.detail as Record<string, unknown>).worklist === worklist).map((r) => r.person_id));

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT; the key worker is Grace Okafor (kw-1), who holds the most people there.
    app = await scenarioApp(store, caseloadScenario());
    for (const user of ['keyworker', 'manager', 'prescriber', 'crisis', 'board']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("gives a key worker their own caseload, and audits each person listed", async () => {
    expect((await app.inject({ method: 'GET', url: '/api/caseloads/me' })).statusCode).toBe(401);
    expect((await get('board', '/api/caseloads/me')).statusCode).toBe(403);
    const response = await get('keyworker', `/api/caseloads/me?asOf=${CASELOAD_AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ asOf: CASELOAD_AS_OF, practitionerId: 'kw-1', weighted: 4 });
    expect(body.people.map((p: { patient: { id: string } }) => p.patient.id)).toEqual(['bob', 'amy']);
    expect(body.people[0]).toMatchObject({ name: 'Bob Baker', intensity: 'intensive', reasons: [bobReason], team: { id: 'team-north', name: 'North CMHT' }, cover: null });
    expect(await audited('demo-keyworker', 'caseload')).toEqual(['bob', 'amy']);
    expect((await get('keyworker', '/api/caseloads/me?asOf=2026-02-30')).statusCode).toBe(400);
  });

  it("gives the team's caseload to its manager and key workers, and no one outside the team", async () => {
    const response = await get('manager', `/api/teams/team-north/caseload?asOf=${CASELOAD_AS_OF}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      team: { id: 'team-north', name: 'North CMHT' },
      people: 4,
      keyWorkers: [
        { practitionerId: 'kw-1', name: 'Grace Okafor', allocated: { people: 2, weighted: 4 } },
        { practitionerId: 'kw-2', name: 'Sam Patel', allocated: { people: 1, weighted: 1 } },
      ],
      unallocated: [{ personId: 'dan', episodeId: 'dan-eoc', name: 'Dan Dale' }],
    });
    expect(await audited('demo-manager', 'team-caseload')).toEqual(['dan']);
    expect((await get('keyworker', `/api/teams/team-north/caseload?asOf=${CASELOAD_AS_OF}`)).statusCode).toBe(200);
    expect((await get('prescriber', '/api/teams/team-north/caseload')).statusCode).toBe(403);
    const other = await get('manager', '/api/teams/team-south/caseload');
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe("You can see a team's caseload for your own teams only.");
    expect((await get('manager', '/api/teams/team-west/caseload')).statusCode).toBe(404);
  });

  it('shows the MDT board in the worklist shape, and audits each person on it', async () => {
    const response = await get('manager', `/api/teams/team-north/mdt?asOf=${CASELOAD_AS_OF}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.worklist).toBe('mdt');
    expect(body.items.map((i: { patient: { id: string }; reasons: Array<{ code: string }> }) => [i.patient.id, i.reasons.map((r) => r.code)])).toEqual([
      ['bob', ['no-contact-within-interval', 'escalation-overdue']],
      ['cat', ['care-plan-review-overdue']],
      ['dan', ['no-key-worker']],
      ['gil', ['referral-waiting']],
    ]);
    expect(body.people.bob).toEqual({ name: 'Bob Baker', keyWorkers: [{ id: 'kw-1', name: 'Grace Okafor' }] });
    expect(await audited('demo-manager', 'mdt')).toEqual(['bob', 'cat', 'dan', 'gil']);
    expect((await get('board', '/api/teams/team-north/mdt')).statusCode).toBe(403);
  });

  it('lets a team manager record cover, validated and audited, and the cover shows on the caseloads', async () => {
    const url = '/api/teams/team-north/cover';
    const { teamId: _team, ...body } = graceAway;
    expect((await post('keyworker', url, body)).statusCode).toBe(403);
    const backwards = await post('manager', url, { ...body, from: '2026-07-10', to: '2026-07-06' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual([{ field: 'to', message: 'must be on or after from' }]);
    const unknown = await post('manager', url, { ...body, coveringPractitionerId: 'kw-9' });
    expect(unknown.json().error.fields).toEqual([{ field: 'coveringPractitionerId', message: 'is not a known practitioner' }]);
    // kw-3 works in South CMHT: cover for North's people stays within North.
    const outside = await post('manager', url, { ...body, coveringPractitionerId: 'kw-3' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([{ field: 'coveringPractitionerId', message: 'has no role in this team' }]);
    expect((await post('manager', url, { ...body, extra: 1 })).statusCode).toBe(400);
    const saved = await post('manager', url, body);
    expect(saved.statusCode).toBe(201);
    expect(saved.json()).toMatchObject({ teamId: 'team-north', absentPractitionerId: 'kw-1', coveringPractitionerId: 'kw-2', from: '2026-07-06', to: '2026-07-10', reason: 'Annual leave' });
    const audit = await store.db.selectFrom('audit_event').select(['action', 'resource_id', 'basis']).where('actor_id', '=', 'demo-manager').where('action', '=', 'record-cover').execute();
    expect(audit).toEqual([{ action: 'record-cover', resource_id: saved.json().id, basis: 'team' }]);

    // Grace is away: her caseload is empty that week, and Sam's holds her people, marked whose they are.
    expect((await get('keyworker', '/api/caseloads/me?asOf=2026-07-08')).json().people).toEqual([]);
    const team = (await get('manager', '/api/teams/team-north/caseload?asOf=2026-07-08')).json();
    expect(team.keyWorkers.find((k: { practitionerId: string }) => k.practitionerId === 'kw-1')).toMatchObject({ today: { people: 0 }, away: { coveringPractitionerId: 'kw-2', to: '2026-07-10' } });
    expect(team.keyWorkers.find((k: { practitionerId: string }) => k.practitionerId === 'kw-2')).toMatchObject({ today: { people: 3 } });
    expect((await get('keyworker', '/api/caseloads/me?asOf=2026-07-11')).json().people.length).toBe(2);

    // Recorded cover is listed while current or planned, not once it has ended.
    const listed = await get('keyworker', '/api/teams/team-north/cover?asOf=2026-07-01');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().covers).toEqual([{ ...saved.json(), absentName: 'Grace Okafor', coveringName: 'Sam Patel' }]);
    expect((await get('manager', '/api/teams/team-north/cover?asOf=2026-07-10')).json().covers).toHaveLength(1);
    expect((await get('manager', '/api/teams/team-north/cover?asOf=2026-07-11')).json().covers).toEqual([]);
    expect((await get('manager', '/api/teams/team-south/cover')).statusCode).toBe(403);
  });
});
