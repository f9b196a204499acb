import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeasureLink, readPersonRecord, type Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { outcomesScenario } from '../../store/test/support/outcomes-scenario.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

const dialog = { 1: 4, 2: 5, 3: 3, 4: 6, 5: 2, 6: 7, 7: 4, 8: 5, 9: 6, 10: 5, 11: 4 };
const sha = (token: string) => createHash('sha256').update(token).digest('base64url');

describe.each(storeKinds)("the person's own measure link on $name", (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const make = (username: string, person: string, instrument: string) =>
    app.inject({ method: 'POST', url: `/api/people/${person}/measure-links`, headers: { cookie: cookies[username]! }, payload: { instrument } });
  // No cookie: the person has no account.
  const open = (path: string) => app.inject({ method: 'GET', url: `/api${path.replace('/measure/', '/measure-links/')}` });
  const answer = (path: string, answers: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api${path.replace('/measure/', '/measure-links/')}`, payload: { answers } });
  const audit = (action: string) => store.db.selectFrom('audit_event').select(['actor_id', 'actor_role', 'person_id', 'resource_type', 'resource_id', 'basis', 'detail']).where('action', '=', action).orderBy('id').execute();

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store, outcomesScenario());
    for (const user of ['keyworker', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lets the person answer once, with no account, writing a QuestionnaireResponse they authored and showing them their scores', async () => {
    const made = await make('keyworker', 'eve', 'dialog');
    expect(made.statusCode).toBe(201);
    const { path, expiresAt } = made.json().link;
    expect(path).toMatch(/^\/measure\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    // Only the hash of the token is kept.
    const token = path.split('/').pop()!;
    expect(await store.db.selectFrom('measure_link').select(['person_id', 'token_hash', 'instrument', 'used_at']).execute()).toEqual([{ person_id: 'eve', token_hash: sha(token), instrument: 'dialog', used_at: null }]);

    const questions = await open(path);
    expect(questions.statusCode).toBe(200);
    expect(questions.json().measure).toMatchObject({ instrument: 'dialog', title: 'DIALOG', items: expect.arrayContaining([{ linkId: '1', wording: 'Your mental health' }]) });
    expect(questions.body).not.toMatch(/Ewing|Eve|eve/);

    const wrong = await answer(path, { ...dialog, 3: 9, 11: null });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual([
      { field: 'answers.11', message: 'needs an answer: Meetings with professionals' },
      { field: 'answers.3', message: 'must be a whole number from 1 to 7: 9 is outside the DIALOG answers' },
    ]);

    const sent = await answer(path, dialog);
    expect(sent.statusCode).toBe(201);
    expect(sent.json().measure.scores.map((s: { key: string; value: number }) => [s.key, s.value])).toEqual([['quality-of-life', 4.5], ['treatment-satisfaction', 5]]);
    const [row] = await store.db.selectFrom('measure_link').select(['response_id', 'used_at']).execute();
    const response = (await readPersonRecord(store.db, 'eve', 'QuestionnaireResponse', row!.response_id!))!;
    expect(response.resource).toMatchObject({ questionnaire: 'https://continuity.health/fhir/Questionnaire/dialog', status: 'completed', subject: { reference: 'Patient/eve' }, author: { reference: 'Patient/eve' }, source: { reference: 'Patient/eve' } });
    expect(await audit('complete-outcome-measure')).toEqual([
      { actor_id: `measure-link:${sha(token).slice(0, 12)}`, actor_role: 'person', person_id: 'eve', resource_type: 'QuestionnaireResponse', resource_id: row!.response_id, basis: 'measure-link', detail: { instrument: 'dialog', linkMadeBy: 'demo-keyworker' } },
    ]);
    expect(await audit('make-measure-link')).toMatchObject([{ actor_id: 'demo-keyworker', person_id: 'eve', basis: 'key-worker', detail: { instrument: 'dialog', expiresAt } }]);
    const onRecord = (await app.inject({ method: 'GET', url: '/api/people/eve/outcomes', headers: { cookie: cookies.keyworker! } })).json().measures;
    expect(onRecord.map((m: { id: string; ratedBy: string }) => [m.id, m.ratedBy])).toEqual([[row!.response_id, 'person']]);

    for (const again of [await answer(path, dialog), await open(path)]) {
      expect(again.statusCode).toBe(410);
      expect(again.json().error.code).toBe('link-used');
    }
    expect(await store.db.selectFrom('record').select('id').where('resource_type', '=', 'QuestionnaireResponse').where('person_id', '=', 'eve').execute()).toHaveLength(1);
  });

  it('refuses unknown and expired links clearly, and writes nothing', async () => {
    for (const path of ['/measure/not-a-real-link-at-all-0000000000', '/measure/x', '/measure/a%20b']) {
      const response = await open(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.json().error).toMatchObject({ code: 'link-unknown', message: expect.stringContaining('ask your care team for a new one') });
      expect((await answer(path, dialog)).statusCode, path).toBe(404);
    }
    const token = 'expired-token-0123456789abcdefghij';
    await createMeasureLink(store.db, { personId: 'amy', tokenHash: sha(token), instrument: 'phq-9', createdBy: 'demo-keyworker', expiresAt: new Date(Date.now() - 1000) }, { actorId: 'test', actorRole: 'admin', action: 'test', basis: 'system', outcome: 'allowed' });
    expect((await open(`/measure/${token}`)).json().error.code).toBe('link-expired');
    expect((await answer(`/measure/${token}`, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0 })).statusCode).toBe(410);
    expect(await store.db.selectFrom('record').select('id').where('resource_type', '=', 'QuestionnaireResponse').where('person_id', '=', 'amy').execute()).toHaveLength(5);
  });

  it('writes once when the same link is sent twice at the same moment', async () => {
    const { path } = (await make('keyworker', 'amy', 'gad-7')).json().link;
    const answers = { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1 };
    const statuses = (await Promise.all([answer(path, answers), answer(path, answers)])).map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 410]);
    expect((await audit('complete-outcome-measure')).filter((a) => a.person_id === 'amy')).toHaveLength(1);
  });

  it('is made only by staff with access to the record, for a measure the person rates', async () => {
    const honos = await make('keyworker', 'amy', 'honos');
    expect(honos.statusCode).toBe(400);
    expect(honos.json().error.fields).toEqual([{ field: 'instrument', message: 'must be a measure the person rates: dialog, reqol-10, swemwbs, phq-9, gad-7' }]);
    expect((await make('keyworker', 'sam', 'dialog')).statusCode).toBe(403);
    expect((await make('partner', 'amy', 'dialog')).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/people/amy/measure-links', payload: { instrument: 'dialog' } })).statusCode).toBe(401);
  });

  it('slows guessing: more than 20 tries a minute are refused', async () => {
    const codes = [];
    for (let i = 0; i < 22; i++) codes.push((await open(`/measure/guess-${i}-aaaaaaaaaaaaaaaaaaaaaa`)).statusCode);
    expect(codes.at(-1)).toBe(429);
  });
});
