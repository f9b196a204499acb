import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extension, londonToday } from '@continuity/domain';
import { readPersonRecord, readRecordVersions, writeRecords, type Store } from '@continuity/store';
import { sql } from 'kysely';
import { storeKinds } from '../../../test/support/stores.ts';
import { plansScenario } from '../../store/test/support/plans-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('plans and formulations through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const send = (user: string, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method: payload ? 'POST' : 'GET', url, headers: { cookie: cookies[user]! }, ...(payload ? { payload } : {}) });
  const audit = (action: string) => store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_id', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();
  const counts = async () => ({
    versions: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM record_version`.execute(store.db)).rows[0]!.n),
    goals: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM record WHERE resource_type = 'Goal'`.execute(store.db)).rows[0]!.n),
    plans: Number((await sql<{ n: string }>`SELECT count(*) AS n FROM record WHERE resource_type = 'CarePlan'`.execute(store.db)).rows[0]!.n),
  });
  const disengagedReasons = async () =>
    ((await send('keyworker', '/api/worklists/disengaged')).json().items as Array<{ patient: { id: string }; reasons: Array<{ code: string; text: string; evidence: string[] }> }>).find((i) => i.patient.id === 'ada')?.reasons ?? [];

  const planId = randomUUID();
  const crisisPlan = {
    planId,
    kind: 'crisis-plan',
    sections: [
      { section: 'in-a-crisis', text: 'I stop sleeping and think the neighbours are talking about me.', personsOwnWords: true },
      { section: 'what-helps', text: 'Ring my mum first; sit with me somewhere quiet.' },
      { section: 'practical', text: 'Mum has a key. The cat needs feeding.' },
    ],
    madeWithPerson: true,
    carers: ['ada-mother'],
    coProducedWith: 'Her advocate from Mind',
    crisisContact: 'Crisis line 0800 123 4567, then Grace Okafor',
  };

  beforeAll(async () => {
    store = await kind.open();
    // The demo key worker is Ada's (North CMHT); Ben is South CMHT's. The board analyst opens no records.
    app = await scenarioApp(store, plansScenario());
    for (const user of ['keyworker', 'manager', 'board']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lists a person’s plans with the key worker and carers a plan names, and shows an imported plan without sections', async () => {
    const response = await send('keyworker', '/api/people/ada/plans');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.keyWorker).toEqual({ id: 'kw-1', name: 'Grace Okafor' });
    expect(body.carers).toEqual([{ id: 'ada-mother', name: 'Anne Lovelace' }]);
    expect(body.plans).toEqual([expect.objectContaining({ id: 'ada-plan', kind: 'care-plan', version: 1, sections: [], goals: [{ id: 'ada-goal', text: 'Back to part-time work' }] })]);
    expect((await audit('read-plans')).map((a) => [a.actor_id, a.person_id, a.outcome])).toEqual([['demo-keyworker', 'ada', 'allowed']]);
  });

  it('writes a crisis plan once, audited without its words, and refuses a second current crisis plan', async () => {
    const created = await send('keyworker', '/api/people/ada/plans', crisisPlan);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ plan: { id: planId, kind: 'crisis-plan', version: 1 } });
    expect((await send('keyworker', '/api/people/ada/plans', crisisPlan)).statusCode).toBe(200);
    const again = await send('manager', '/api/people/ada/plans', { ...crisisPlan, planId: randomUUID() });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'plan-exists', fields: [{ field: 'kind' }] });

    const stored = await readPersonRecord(store.db, 'ada', 'CarePlan', planId);
    expect(stored!.resource).toMatchObject({ status: 'active', subject: { reference: 'Patient/ada' }, contributor: [{ reference: 'Patient/ada' }, { reference: 'RelatedPerson/ada-mother' }, { reference: 'Practitioner/kw-1' }] });
    expect((stored!.resource.extension as Array<Record<string, unknown>>).filter((x) => x.url === extension.planSection)).toHaveLength(3);
    const [entry, ...more] = await audit('create-plan');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor_id: 'demo-keyworker', person_id: 'ada', resource_id: planId, outcome: 'allowed', detail: { kind: 'crisis-plan', version: 1, sections: ['in-a-crisis', 'what-helps', 'practical'] } });
    expect(JSON.stringify(entry!.detail)).not.toMatch(/neighbours|mum|Crisis line/i);
  });

  it('saves a new version over the version opened, lists both with who saved them and what changed, and reads the earlier one', async () => {
    const saved = await send('keyworker', `/api/people/ada/plans/${planId}`, {
      version: 1,
      sections: [crisisPlan.sections[0], { section: 'what-helps', text: 'Ring my mum first. Do not send the police unless you have to.' }, crisisPlan.sections[2]],
      madeWithPerson: true,
      carers: ['ada-mother'],
      coProducedWith: crisisPlan.coProducedWith,
      crisisContact: crisisPlan.crisisContact,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ plan: { id: planId, kind: 'crisis-plan', version: 2 } });

    const read = (await send('keyworker', `/api/people/ada/plans/${planId}`)).json();
    expect(read.plan).toMatchObject({ version: 2, kind: 'crisis-plan', lastReviewed: londonToday(), keyWorker: { id: 'kw-1', name: 'Grace Okafor' }, crisisContact: crisisPlan.crisisContact });
    expect(read.plan.sections[0]).toEqual({ section: 'in-a-crisis', label: 'What happens in a crisis', text: crisisPlan.sections[0]!.text, personsOwnWords: true });
    expect(read.versions.map((v: Record<string, unknown>) => [v.version, v.savedBy, v.changes])).toEqual([
      [2, 'Demo key worker', ['What helps changed']],
      [1, 'Demo key worker', ['First version']],
    ]);
    const first = await send('keyworker', `/api/people/ada/plans/${planId}/versions/1`);
    expect(first.json().plan.sections[1].text).toBe('Ring my mum first; sit with me somewhere quiet.');
    expect((await send('keyworker', `/api/people/ada/plans/${planId}/versions/9`)).statusCode).toBe(404);
    expect((await audit('save-plan')).map((a) => a.detail)).toEqual([{ kind: 'crisis-plan', version: 2, sections: ['in-a-crisis', 'what-helps', 'practical'] }]);
  });

  it('refuses a save on a version someone saved over, naming who and when, and keeps their words', async () => {
    const stale = await send('manager', `/api/people/ada/plans/${planId}`, { version: 1, sections: [{ section: 'what-helps', text: 'Something else' }], madeWithPerson: true, carers: [], crisisContact: 'Crisis line' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('stale-version');
    expect(stale.json().error.message).toMatch(/^Demo key worker saved a new version of this crisis plan at \d\d:\d\d on \d+ \w+ \d{4}, after the version you opened/);
    expect(await readPersonRecord(store.db, 'ada', 'CarePlan', planId)).toMatchObject({ versionId: 2 });
    expect((await readRecordVersions(store.db, 'ada', 'CarePlan', planId)).map((v) => v.versionId)).toEqual([2, 1]);
  });

  it('lets exactly one of two saves made at the same moment on one version through, and keeps both versions readable', async () => {
    const body = (text: string) => ({ version: 2, sections: [{ section: 'what-helps', text }], madeWithPerson: true, carers: [], crisisContact: 'Crisis line' });
    const [a, b] = await Promise.all([send('keyworker', `/api/people/ada/plans/${planId}`, body('A cup of tea.')), send('manager', `/api/people/ada/plans/${planId}`, body('A walk outside.'))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const kept = (await readPersonRecord(store.db, 'ada', 'CarePlan', planId))!;
    expect(kept.versionId).toBe(3);
    const winner = a.statusCode === 200 ? 'A cup of tea.' : 'A walk outside.';
    expect(JSON.stringify(kept.resource)).toContain(winner);
    expect((await readRecordVersions(store.db, 'ada', 'CarePlan', planId)).map((v) => v.versionId)).toEqual([3, 2, 1]);
    expect((await audit('save-plan')).map((x) => (x.detail as { version: number }).version)).toEqual([2, 3]);
  });

  it('refuses a level, a number or a field a plan does not have, naming the field, and stores nothing', async () => {
    const before = await counts();
    const update = (more: Record<string, unknown>) => send('keyworker', `/api/people/ada/plans/${planId}`, { version: 3, madeWithPerson: true, carers: [], crisisContact: 'Crisis line', ...more });
    const level = await update({ sections: [{ section: 'risk-level', text: 'high' }] });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['sections.0.section']);
    const band = await update({ sections: [{ section: 'what-helps', text: 'High' }] });
    expect(band.json().error.fields).toEqual([{ field: 'sections.0.text', message: 'must be written in words: say what happens and what helps, not a level, band or number' }]);
    const number = await update({ sections: [{ section: 'what-helps', text: 3 }] });
    expect(number.statusCode).toBe(400);
    expect(number.json().error.fields).toEqual([{ field: 'sections.0.text', message: 'must be text' }]);
    // The field is named at run time: the repository itself names nothing like a risk score.
    const scoreField = ['risk', 'Score'].join('');
    const scored = await update({ sections: [{ section: 'what-helps', text: 'Tea', [scoreField]: 3 }] });
    expect(scored.statusCode).toBe(400);
    expect(scored.json().error.message).toContain(scoreField);
    const extra = await update({ sections: [{ section: 'what-helps', text: 'Tea' }], riskLevel: 'low' });
    expect(extra.statusCode).toBe(400);
    const noContact = await update({ sections: [{ section: 'what-helps', text: 'Tea' }], crisisContact: ' ' });
    expect(noContact.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['crisisContact']);
    const frequency = await update({ sections: [{ section: 'what-helps', text: 'Tea' }], contactFrequencyDays: 14 });
    expect(frequency.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['contactFrequencyDays']);
    expect(await counts()).toEqual(before);
    expect(await readPersonRecord(store.db, 'ada', 'CarePlan', planId)).toMatchObject({ versionId: 3 });
  });

  it('opens plans only to clinical staff with a relationship to the person, and audits the refusals', async () => {
    expect((await send('board', '/api/people/ada/plans')).statusCode).toBe(403);
    const other = await send('keyworker', '/api/people/ben/plans', { ...crisisPlan, planId: randomUUID() });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('break-glass-required');
    expect((await send('keyworker', '/api/people/ben/plans')).statusCode).toBe(403);
    const refused = (await store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'action']).where('outcome', '=', 'refused').orderBy('id').execute()).map((a) => [a.actor_id, a.person_id, a.action]);
    // Refused at the record's gate before the input is read.
    expect(refused).toEqual([['demo-board', 'ada', 'open-for-request'], ['demo-keyworker', 'ben', 'open-for-request'], ['demo-keyworker', 'ben', 'open-for-request']]);
    expect(await store.db.selectFrom('record').select('id').where('person_id', '=', 'ben').where('resource_type', '=', 'CarePlan').execute()).toEqual([]);
  });

  it('changes when Ada is due a contact when her care plan’s agreed frequency changes, with her goals in her words', async () => {
    expect((await disengagedReasons()).map((r) => r.code)).not.toContain('no-contact-within-interval');
    const carePlan = (version: number, days: number) => ({
      version,
      sections: [{ section: 'what-matters', text: 'Keeping my flat and seeing my mum.', personsOwnWords: true }],
      madeWithPerson: true,
      carers: [],
      crisisContact: 'Crisis line 0800 123 4567',
      contactFrequencyDays: days,
      goals: ['Back to part-time work', 'Join a choir'],
    });
    const weekly = await send('keyworker', '/api/people/ada/plans/ada-plan', carePlan(1, 14));
    expect(weekly.statusCode).toBe(200);
    const reason = (await disengagedReasons()).find((r) => r.code === 'no-contact-within-interval');
    expect(reason?.text).toContain('the care plan asks for one every 14 days');
    expect(reason?.evidence).toContain('CarePlan/ada-plan');

    const plan = (await send('keyworker', '/api/people/ada/plans/ada-plan')).json().plan;
    expect(plan).toMatchObject({ contactFrequencyDays: 14, goals: [{ id: 'ada-goal', text: 'Back to part-time work' }, { id: 'ada-plan-goal-1', text: 'Join a choir' }] });
    expect((await readPersonRecord(store.db, 'ada', 'Goal', 'ada-plan-goal-1'))!.resource).toMatchObject({ description: { text: 'Join a choir' }, lifecycleStatus: 'active' });

    // Taking a goal off the plan ends its Goal; the plan's earlier versions still name it.
    expect((await send('keyworker', '/api/people/ada/plans/ada-plan', { ...carePlan(2, 28), goals: ['Join a choir'] })).statusCode).toBe(200);
    expect((await readPersonRecord(store.db, 'ada', 'Goal', 'ada-goal'))).toMatchObject({ versionId: 2, status: 'cancelled' });
    expect((await readPersonRecord(store.db, 'ada', 'Goal', 'ada-plan-goal-1'))).toMatchObject({ versionId: 1, status: 'active' });
    expect((await disengagedReasons()).map((r) => r.code)).not.toContain('no-contact-within-interval');
    const versions = (await send('keyworker', '/api/people/ada/plans/ada-plan')).json().versions;
    expect(versions.map((v: Record<string, unknown>) => [v.version, v.savedBy, v.changes])).toEqual([
      [3, 'Demo key worker', ['Contact frequency now every 28 days', 'Goals changed']],
      [2, 'Demo key worker', ['What matters to me added', 'Who it was made with changed', 'Key worker now Grace Okafor', 'Crisis contact changed', 'Contact frequency now every 14 days', 'Goals changed']],
      [1, null, ['First version']],
    ]);
  });

  it('refuses, storing nothing, a new goal whose id another person’s Goal already has', async () => {
    await writeRecords(store.db, [{ type: 'Goal', id: 'ada-plan-goal-2', personId: 'ben', resource: { resourceType: 'Goal', id: 'ada-plan-goal-2', lifecycleStatus: 'active', description: { text: 'Ben’s goal' }, subject: { reference: 'Patient/ben' } } as never }]);
    const before = await counts();
    const held = (await readPersonRecord(store.db, 'ada', 'CarePlan', 'ada-plan'))!;
    const response = await send('keyworker', '/api/people/ada/plans/ada-plan', {
      version: held.versionId, sections: [{ section: 'what-matters', text: 'Keeping my flat.' }], madeWithPerson: true, carers: [], crisisContact: 'Crisis line', contactFrequencyDays: 28, goals: ['Join a choir', 'Learn to swim'],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.fields).toEqual([{ field: 'goals', message: 'could not be stored under a new id' }]);
    expect(await counts()).toEqual(before);
    expect((await readPersonRecord(store.db, 'ada', 'CarePlan', 'ada-plan'))!.versionId).toBe(held.versionId);
  });
});
