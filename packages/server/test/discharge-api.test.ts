import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dischargeRules, extension, system } from '@continuity/domain';
import { importPath, readPersonRecord, type Store } from '@continuity/store';
import { buildApp, createDemoAccounts } from '@continuity/server';
import { storeKinds } from '../../../test/support/stores.ts';
import { dischargeScenario, expectedItems, FROM, TO } from '../../store/test/support/discharge-scenario.ts';
import { writeNdjson } from '../../store/test/support/scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const plan = {
  reason: 'recovered',
  end: '2026-06-30',
  mdtDecisionDate: '2026-06-24',
  relapseIndicators: 'Sleeps less, stops answering the phone, talks about the radio sending messages.',
  harmsIfMissed: 'In 2024 a missed relapse ended in eviction and a section 3 admission.',
  routeBack: 'Val, her brother or her GP call the duty line; seen within a week, no new referral for two years.',
};

describe.each(storeKinds)('discharging through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const discharge = (username: string, person: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/people/${person}/discharge`, headers: { cookie: cookies[username]! }, payload });
  const episode = (person: string) => readPersonRecord(store.db, person, 'EpisodeOfCare', `${person}-eoc`);
  const dischargeAudit = () =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_id', 'basis', 'outcome', 'detail']).where('action', '=', 'discharge').orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    // The demo clinicians work in North CMHT, which holds val and kim; the key worker is kw-1.
    app = await scenarioApp(store, dischargeScenario());
    for (const user of ['keyworker', 'manager', 'crisis', 'board', 'admin']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('refuses discharge for non-attendance of a person with psychosis, field by field, and writes nothing', async () => {
    const response = await discharge('keyworker', 'val', { episode: 'val-eoc', version: 1, reason: 'non-attendance', relapseIndicators: '  ' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toEqual({
      code: 'discharge-refused',
      message: dischargeRules.refusedReason.message,
      fields: [
        { field: 'reason', message: dischargeRules.refusedReason.message },
        { field: 'mdtDecisionDate', message: dischargeRules.requirements.mdtDecisionDate.missing },
        { field: 'relapseIndicators', message: dischargeRules.requirements.relapseIndicators.missing },
        { field: 'harmsIfMissed', message: dischargeRules.requirements.harmsIfMissed.missing },
        { field: 'routeBack', message: dischargeRules.requirements.routeBack.missing },
      ],
    });
    expect(response.json().error.message).toMatch(/^Non-attendance is never a reason to discharge/);
    expect(await episode('val')).toMatchObject({ versionId: 1, status: 'active' });
    expect(await dischargeAudit()).toEqual([
      { actor_id: 'demo-keyworker', person_id: 'val', resource_id: 'val-eoc', basis: 'key-worker', outcome: 'refused', detail: { reason: 'non-attendance', problems: ['reason', 'mdtDecisionDate', 'relapseIndicators', 'harmsIfMissed', 'routeBack'] } },
    ]);
  });

  it('refuses a discharge missing one record with that field alone', async () => {
    const response = await discharge('keyworker', 'val', { ...plan, episode: 'val-eoc', version: 1, routeBack: undefined });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.fields).toEqual([{ field: 'routeBack', message: dischargeRules.requirements.routeBack.missing }]);
    expect((await episode('val'))!.versionId).toBe(1);
  });

  it('says what is wrong with a malformed request', async () => {
    const response = await discharge('keyworker', 'val', { episode: 'val-eoc', reason: 'fed-up', mdtDecisionDate: '24/06/2026' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([
      { field: 'version', message: 'is required' },
      { field: 'reason', message: 'must be one of: non-attendance, recovered, moved-away, transferred, died, person-chose' },
      { field: 'mdtDecisionDate', message: 'must be a date as YYYY-MM-DD' },
    ]);
    const early = await discharge('keyworker', 'val', { ...plan, episode: 'val-eoc', version: 1, end: '2024-01-01', mdtDecisionDate: '2023-12-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ field: 'end', message: 'must be on or after the day the episode began (2024-05-01)' }]);
    expect((await discharge('keyworker', 'val', { ...plan, episode: 'no-such', version: 1 })).statusCode).toBe(404);
  });

  it('refuses a stale version: a change made since the clinician read the episode is not overwritten', async () => {
    // Another system re-sends the episode with a new key worker: version 2.
    const changed = { ...dischargeScenario().EpisodeOfCare!.find((e) => e.id === 'val-eoc')!, careManager: { reference: 'Practitioner/kw-1' }, type: [{ coding: [{ system: system.careIntensity, code: 'intensive' }] }] };
    expect((await importPath(store, writeNdjson({ EpisodeOfCare: [changed] }))).errors).toEqual([]);
    const response = await discharge('keyworker', 'val', { ...plan, episode: 'val-eoc', version: 1 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'stale-version', fields: [{ field: 'version', message: 'is not the current version of the episode' }] });
    expect(await episode('val')).toMatchObject({ versionId: 2, status: 'active' });
  });

  it('writes an accepted discharge as a new version of the episode, and audits it', async () => {
    // The clinician's screen reads the episode's version with the record.
    const record = await app.inject({ method: 'GET', url: '/api/people/val', headers: { cookie: cookies.keyworker! } });
    const version = record.json().person.episodes.find((e: { id: string }) => e.id === 'val-eoc').version;
    expect(version).toBe(2);
    const response = await discharge('keyworker', 'val', { ...plan, episode: 'val-eoc', version });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ episode: { id: 'val-eoc', version: 3, status: 'finished', end: '2026-06-30', reason: 'recovered' } });
    const stored = (await episode('val'))!;
    expect(stored).toMatchObject({ versionId: 3, status: 'finished' });
    expect(stored.resource.period).toEqual({ start: '2024-05-01', end: '2026-06-30' });
    // The change made by the other system is kept.
    expect(stored.resource.type).toEqual([{ coding: [{ system: system.careIntensity, code: 'intensive' }] }]);
    expect(stored.resource.extension).toEqual([
      { url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: 'recovered' }] } },
      { url: extension.mdtDecisionDate, valueDate: plan.mdtDecisionDate },
      { url: extension.relapseIndicators, valueString: plan.relapseIndicators },
      { url: extension.harmsIfRelapseMissed, valueString: plan.harmsIfMissed },
      { url: extension.routeBack, valueString: plan.routeBack },
    ]);
    expect((await dischargeAudit()).at(-1)).toEqual({
      actor_id: 'demo-keyworker', person_id: 'val', resource_id: 'val-eoc', basis: 'key-worker', outcome: 'allowed', detail: { reason: 'recovered', end: '2026-06-30', version: 3 },
    });
    // A discharge recorded here passes its own audit.
    const audit = await app.inject({ method: 'GET', url: '/api/reports/discharge-audit?from=2026-06-01&to=2026-06-30', headers: { cookie: cookies.manager! } });
    expect(audit.json().items).toEqual([]);
    // Discharged, val is no longer held by the team: the key worker needs break-glass to open the record again.
    expect((await discharge('keyworker', 'val', { ...plan, episode: 'val-eoc', version: 3 })).statusCode).toBe(403);
    const glass = await app.inject({ method: 'POST', url: '/api/people/val/break-glass', headers: { cookie: cookies.keyworker! }, payload: { reason: 'Checking the discharge I recorded was complete' } });
    expect(glass.statusCode).toBe(201);
    const again = await discharge('keyworker', 'val', { ...plan, episode: 'val-eoc', version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already-ended');
  });

  it('lets only one of two discharges sent at once through', async () => {
    const both = await Promise.all([discharge('keyworker', 'kim', { ...plan, episode: 'kim-eoc', version: 1 }), discharge('manager', 'kim', { ...plan, reason: 'moved-away', episode: 'kim-eoc', version: 1 })]);
    // The second is refused whichever check it meets first: the version, or (once discharged) access.
    expect(both.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect([403, 409]).toContain(both.find((r) => r.statusCode !== 200)!.statusCode);
    expect((await episode('kim'))!.versionId).toBe(2);
    expect((await dischargeAudit()).filter((a) => a.person_id === 'kim' && a.outcome === 'allowed')).toHaveLength(1);
  });

  it('refuses staff without access to the record', async () => {
    for (const user of ['board', 'admin', 'crisis']) {
      const response = await discharge(user, 'val', { ...plan, episode: 'val-eoc', version: 3 });
      expect(response.statusCode, user).toBe(403);
    }
  });
});

describe.each(storeKinds)('the discharge audit through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });

  beforeAll(async () => {
    store = await kind.open();
    expect((await importPath(store, writeNdjson(dischargeScenario()))).errors).toEqual([]);
    await createDemoAccounts(store);
    app = await buildApp({ store, webRoot: '/nonexistent' });
    for (const user of ['keyworker', 'manager', 'board', 'admin', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('gives managers and the board the report, and audits each person listed', async () => {
    for (const user of ['manager', 'board']) {
      const response = await get(user, `/api/reports/discharge-audit?from=${FROM}&to=${TO}`);
      expect(response.statusCode, user).toBe(200);
      expect(response.json()).toEqual({ report: 'discharge-audit', from: FROM, to: TO, items: expectedItems });
    }
    const audit = await store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_id', 'basis']).where('action', '=', 'report').where('actor_id', '=', 'demo-board').orderBy('id').execute();
    expect(audit).toEqual([
      { actor_id: 'demo-board', person_id: 'yan', resource_id: 'yan-eoc', basis: 'report' },
      { actor_id: 'demo-board', person_id: 'pat', resource_id: 'pat-eoc', basis: 'report' },
    ]);
  });

  it('refuses other roles and says what is wrong with the dates', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/reports/discharge-audit' })).statusCode).toBe(401);
    for (const user of ['keyworker', 'partner', 'admin']) expect((await get(user, '/api/reports/discharge-audit')).statusCode, user).toBe(403);
    const bad = await get('manager', '/api/reports/discharge-audit?from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toEqual({ field: 'from', message: 'must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)' });
    const backwards = await get('manager', `/api/reports/discharge-audit?from=${TO}&to=${FROM}`);
    expect(backwards.json().error.fields).toEqual([{ field: 'from', message: 'must not be after to' }]);
  });
});
