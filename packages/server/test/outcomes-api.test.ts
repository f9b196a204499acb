import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday } from '@continuity/domain';
import { readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { OUTCOMES_AS_OF, outcomesScenario } from '../../store/test/support/outcomes-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const noChange = { paired: 0, meanFirst: null, meanLatest: null, meanChange: null };

describe.each(storeKinds)('outcome measures through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (username: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[username]! } });
  const record = (username: string, person: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: `/api/people/${person}/outcomes`, headers: { cookie: cookies[username]! }, payload });
  const audit = (action: string) =>
    store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_type', 'resource_id', 'basis', 'outcome', 'detail']).where('action', '=', action).orderBy('id').execute();
  const report = (username: string, query = `team=team-north&asOf=${OUTCOMES_AS_OF}`) => get(username, `/api/reports/outcomes?${query}`);

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, outcomesScenario());
    for (const user of ['keyworker', 'manager', 'board', 'partner', 'prescriber']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('gives a team its paired first and latest change, reliable change and completion, naming nobody', async () => {
    const response = await report('manager');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ report: 'outcomes', asOf: OUTCOMES_AS_OF, teamId: 'team-north', caseload: 5, completion: { months: 12, people: 3, rate: 0.6 } });
    const of = (instrument: string) => body.instruments.find((i: { instrument: string }) => i.instrument === instrument);
    expect(of('phq-9')).toEqual({
      instrument: 'phq-9', title: 'PHQ-9', completed: 3,
      scores: [{ key: 'total', label: 'Total', higherIsBetter: false, paired: 2, meanFirst: 13.5, meanLatest: 13, meanChange: -0.5, reliablyImproved: 1, noReliableChange: 0, reliablyDeteriorated: 1 }],
    });
    expect(of('dialog')).toEqual({
      instrument: 'dialog', title: 'DIALOG', completed: 1,
      scores: [
        { key: 'quality-of-life', label: 'Quality of life', higherIsBetter: true, paired: 1, meanFirst: 3, meanLatest: 5, meanChange: 2, reliablyImproved: 1, noReliableChange: 0, reliablyDeteriorated: 0 },
        { key: 'treatment-satisfaction', label: 'Treatment satisfaction', higherIsBetter: true, paired: 1, meanFirst: 4, meanLatest: 5, meanChange: 1, reliablyImproved: 0, noReliableChange: 1, reliablyDeteriorated: 0 },
      ],
    });
    expect(of('honos').scores[0]).toMatchObject({ paired: 1, meanFirst: 12, meanLatest: 10, meanChange: -2, reliablyImproved: 0, noReliableChange: 1, reliablyDeteriorated: 0 });
    // No published reliability held for ReQoL-10: change counts are null, not zero.
    expect(of('reqol-10')).toEqual({ instrument: 'reqol-10', title: 'ReQoL-10', completed: 0, scores: [{ key: 'total', label: 'Total', higherIsBetter: true, ...noChange, reliablyImproved: null, noReliableChange: null, reliablyDeteriorated: null }] });
    expect(JSON.stringify(body)).not.toMatch(/amy|bob|cat|dan|eve|sam/);
    // Each person whose records were read is audited as a report read.
    expect((await audit('report')).map((a) => [a.actor_id, a.person_id, a.basis, a.detail])).toEqual(
      ['amy', 'bob', 'cat', 'dan', 'eve'].map((p) => ['demo-manager', p, 'report', { report: 'outcomes', team: 'team-north', asOf: OUTCOMES_AS_OF }]),
    );
  });

  it('is for team managers of the team and the board; asks for a team and a real day', async () => {
    expect((await report('board', `team=team-south&asOf=${OUTCOMES_AS_OF}`)).json()).toMatchObject({ caseload: 1, completion: { people: 1, rate: 1 } });
    expect((await report('manager', `team=team-south&asOf=${OUTCOMES_AS_OF}`)).statusCode).toBe(403);
    for (const user of ['keyworker', 'partner']) expect((await report(user)).statusCode, user).toBe(403);
    const bad = await report('board', 'asOf=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'team', message: 'is required' }, { field: 'asOf', message: 'is not a real calendar date between 1800 and 2200' }]);
  });

  it("lists a person's measures oldest first with their scores, or why a score is not given, and audits the read", async () => {
    const cat = await get('keyworker', '/api/people/cat/outcomes');
    expect(cat.statusCode).toBe(200);
    expect(cat.json().measures).toEqual([
      { id: 'cat-phq-1', instrument: 'phq-9', title: 'PHQ-9', authored: '2026-02-01', ratedBy: 'person', scores: [{ key: 'total', label: 'Total', value: 5, min: 0, max: 27, higherIsBetter: false, band: 'Mild' }], notScored: [], answers: { 1: 3, 2: 2, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 }, problems: [] },
      { id: 'cat-phq-2', instrument: 'phq-9', title: 'PHQ-9', authored: '2026-04-01', ratedBy: 'person', scores: [], notScored: [{ key: 'total', label: 'Total', why: 'item 9 not answered: the PHQ-9 total needs every one of its items' }], answers: { 1: 3, 2: 3, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: null }, problems: [] },
    ]);
    const amy = (await get('keyworker', '/api/people/amy/outcomes')).json().measures;
    expect(amy.map((m: { id: string }) => m.id)).toEqual(['amy-dialog-1', 'amy-phq-1', 'amy-phq-2', 'amy-dialog-2', 'amy-phq-3']);
    expect(amy[3].scores.map((s: { value: number }) => s.value)).toEqual([5, 5]);
    expect((await audit('read-outcomes')).map((a) => [a.actor_id, a.person_id, a.basis, a.outcome])).toEqual([
      ['demo-keyworker', 'cat', 'key-worker', 'allowed'],
      ['demo-keyworker', 'amy', 'key-worker', 'allowed'],
    ]);
    expect((await get('keyworker', '/api/people/sam/outcomes')).statusCode).toBe(403);
    expect((await get('partner', '/api/people/amy/outcomes')).statusCode).toBe(403);
  });

  it('records a measure entered by staff once, as docs/fhir.md says, and audits it', async () => {
    const measureId = randomUUID();
    const answers = { 1: 2, 2: '2', 3: 1, 4: 1, 5: 0, 6: 1, 7: 2 };
    const body = { measureId, instrument: 'gad-7', date: '2026-06-20', answers };
    const first = await record('keyworker', 'eve', body);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({
      measure: { id: measureId, reference: `QuestionnaireResponse/${measureId}`, instrument: 'gad-7', notScored: [], scores: [{ key: 'total', label: 'Total', value: 9, min: 0, max: 21, higherIsBetter: false, band: 'Mild' }] },
    });
    expect((await record('keyworker', 'eve', body)).statusCode).toBe(200);
    const clash = await record('keyworker', 'eve', { ...body, answers: { ...answers, 1: 3 } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('measure-id-in-use');

    const stored = (await readPersonRecord(store.db, 'eve', 'QuestionnaireResponse', measureId))!;
    expect(stored.resource).toMatchObject({
      questionnaire: 'https://continuity.health/fhir/Questionnaire/gad-7', status: 'completed', subject: { reference: 'Patient/eve' }, authored: '2026-06-20',
      author: { reference: 'Patient/eve' }, source: { reference: 'Patient/eve' },
    });
    expect(stored.resource.item).toEqual([2, 2, 1, 1, 0, 1, 2].map((v, i) => ({ linkId: String(i + 1), answer: [{ valueInteger: v }] })));
    expect((await audit('record-outcome-measure')).map((a) => [a.actor_id, a.person_id, a.resource_id, a.basis, a.detail])).toEqual([
      ['demo-keyworker', 'eve', measureId, 'key-worker', { instrument: 'gad-7', date: '2026-06-20' }],
    ]);
    expect((await get('keyworker', '/api/people/eve/outcomes')).json().measures.map((m: { id: string }) => m.id)).toEqual([measureId]);
    expect((await report('board')).json().completion).toEqual({ months: 12, people: 4, rate: 0.8 });
  });

  it('says which item is wrong and why, and writes nothing', async () => {
    const measureId = randomUUID();
    const shape = await record('keyworker', 'eve', { measureId: 'x', instrument: 'gad-7', date: '2026-06-20', answers: { 1: true } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.fields).toEqual([
      { field: 'measureId', message: 'must be the UUID the form made when it opened' },
      { field: 'answers.1', message: 'must be a whole number' },
    ]);
    const tomorrow = isoDay(londonDay(londonToday())! + 1);
    const values = await record('keyworker', 'eve', { measureId, instrument: 'phq-9', date: tomorrow, answers: { 1: 4, 2: '1.5', 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1 } });
    expect(values.statusCode).toBe(400);
    expect(values.json().error.fields).toEqual([
      { field: 'date', message: `must not be in the future: record a measure once it was completed (today is ${londonToday()})` },
      { field: 'answers.2', message: 'must be one of the PHQ-9 answers, a whole number' },
      { field: 'answers.9', message: 'needs an answer: Better off dead or hurting yourself' },
      { field: 'answers.1', message: 'must be a whole number from 0 to 3: 4 is outside the PHQ-9 answers' },
    ]);
    expect(await store.db.selectFrom('record').select('id').where('id', '=', measureId).execute()).toEqual([]);
    const refused = await record('keyworker', 'sam', { measureId, instrument: 'gad-7', date: '2026-06-20', answers: {} });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('break-glass-required');
  });
});
