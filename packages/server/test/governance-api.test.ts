import type { FastifyInstance } from 'fastify';
import { londonToday } from '@continuity/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { storeKinds } from '../../../test/support/stores.ts';
import { scenarioApp, signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('the self-assessment and action plan through the API on $name', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const get = (user: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[user]! } });
  const post = (user: string, url: string, payload: unknown) => app.inject({ method: 'POST', url, headers: { cookie: cookies[user]!, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const audited = (action: string) => store.db.selectFrom('audit_event').select(['actor_id', 'person_id', 'resource_type', 'resource_id', 'basis', 'detail']).where('action', '=', action).orderBy('id').execute();
  const counts = async () => ({
    answers: (await store.db.selectFrom('self_assessment_answer').select('question_id').execute()).length,
    actions: (await store.db.selectFrom('governance_action').select('id').execute()).length,
  });

  beforeAll(async () => {
    store = await kind.open();
    app = await scenarioApp(store);
    for (const user of ['board', 'manager', 'admin', 'keyworker', 'partner']) cookies[user] = await signIn(app, user);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('gives the 14 domains with every question unanswered at version 0, and a summary of counts', async () => {
    const response = await get('board', '/api/governance/self-assessment');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.domains.map((d: { number: number }) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(body.domains[0].items[0]).toEqual({
      kind: 'question', id: '1.1', line: 820, text: 'Do we know who the population of people with serious mental illness where engagement is a challenge are.',
      answer: { rating: null, category: null, comments: null, version: 0, updatedBy: null, updatedAt: null },
    });
    expect(body.domains[0].items[1]).toMatchObject({ kind: 'prompt', line: 821 });
    const questions = body.domains.flatMap((d: { items: Array<{ kind: string }> }) => d.items.filter((i) => i.kind === 'question')).length;
    expect(questions).toBe(161);
    expect(body.summary[13]).toEqual({ domain: 14, title: 'Governance', questions: 9, ratings: { 'action-needed': 0, 'action-in-hand': 0, 'needs-improvement': 0, 'working-well': 0, unrated: 9 }, essential: { questions: 0, met: 0, share: null } });
  });

  it('saves a rating, category and comments at the version read, refuses a stale one with 409, and sums the domain', async () => {
    const first = await post('board', '/api/governance/self-assessment/14.1', { version: 0, rating: 'working-well', category: 'essential', comments: 'Named lead, Dr Rao.' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rating: 'working-well', category: 'essential', comments: 'Named lead, Dr Rao.', version: 1, updatedBy: 'Demo board analyst' });

    // The manager opened the page before the board saved: their version 0 is stale.
    const stale = await post('manager', '/api/governance/self-assessment/14.1', { version: 0, rating: 'action-needed', category: 'essential', comments: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'stale-version', fields: [{ field: 'version' }] });
    expect(stale.json().error.message).toMatch(/^Demo board analyst answered this question since you opened it/);

    expect((await post('manager', '/api/governance/self-assessment/14.2', { version: 0, rating: 'action-in-hand', category: 'essential', comments: '' })).statusCode).toBe(200);
    expect((await post('manager', '/api/governance/self-assessment/14.3', { version: 0, rating: 'needs-improvement', category: 'desirable', comments: null })).statusCode).toBe(200);
    const again = await post('manager', '/api/governance/self-assessment/14.1', { version: 1, rating: 'needs-improvement', category: 'essential', comments: 'Lead named; no deputy.' });
    expect(again.json()).toMatchObject({ version: 2, rating: 'needs-improvement' });

    const summary = (await get('manager', '/api/governance/self-assessment')).json().summary[13];
    expect(summary).toEqual({ domain: 14, title: 'Governance', questions: 9, ratings: { 'action-needed': 0, 'action-in-hand': 1, 'needs-improvement': 2, 'working-well': 0, unrated: 6 }, essential: { questions: 2, met: 1, share: 0.5 } });
    const audit = await audited('answer-self-assessment');
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ person_id: null, resource_type: 'SelfAssessmentAnswer', resource_id: '14.1', basis: 'governance' });
    expect(JSON.stringify(audit.map((a) => a.detail))).not.toContain('Dr Rao');
  });

  it('refuses bad answers with 400 naming the field, and stores nothing', async () => {
    const before = await counts();
    const badRating = await post('board', '/api/governance/self-assessment/2.1', { version: 0, rating: 'great', category: null, comments: null });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.json().error.fields).toEqual([{ field: 'rating', message: 'must be one of: action-needed, action-in-hand, needs-improvement, working-well' }]);
    const noQuestion = await post('board', '/api/governance/self-assessment/15.1', { version: 0, rating: null, category: null, comments: null });
    expect(noQuestion.statusCode).toBe(400);
    expect(noQuestion.json().error.fields).toEqual([{ field: 'questionId', message: 'is not a question of the self-assessment' }]);
    const noVersion = await post('board', '/api/governance/self-assessment/2.1', { rating: null, category: null, comments: null });
    expect(noVersion.json().error.fields).toEqual([{ field: 'version', message: 'is required' }]);
    expect(await counts()).toEqual(before);
  });

  it('adds actions with owner, due date and evidence, lists those past due and not done as overdue, and edits at the version read', async () => {
    const today = londonToday();
    const past = await post('board', '/api/governance/actions', { domain: 11, questionId: '11.1', finding: 'No written DNA policy.', action: 'Write the DNA policy.', owner: 'Head of community services', due: '2026-01-15', evidence: null });
    expect(past.statusCode).toBe(201);
    expect(past.json()).toMatchObject({ domain: 11, questionId: '11.1', status: 'open', version: 1, overdue: today > '2026-01-15', createdBy: 'Demo board analyst' });
    const future = await post('manager', '/api/governance/actions', { domain: 12, action: 'Build the waiting-times report.', owner: 'BI lead', due: '2099-01-01', status: 'in-progress', evidence: 'https://intranet.example/waiting' });
    expect(future.statusCode).toBe(201);

    const list = (await get('manager', '/api/governance/actions')).json();
    expect(list.actions.map((a: { action: string }) => a.action)).toEqual(['Write the DNA policy.', 'Build the waiting-times report.']);
    expect(list.overdue.map((a: { id: string }) => a.id)).toEqual([past.json().id]);

    const id = past.json().id;
    const done = await post('manager', `/api/governance/actions/${id}`, { version: 1, domain: 11, questionId: '11.1', finding: 'No written DNA policy.', action: 'Write the DNA policy.', owner: 'Head of community services', due: '2026-01-15', status: 'done', evidence: 'Policy CMH-12 approved 3 Feb' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', version: 2, overdue: false, evidence: 'Policy CMH-12 approved 3 Feb', updatedBy: 'Demo team manager' });
    expect((await get('manager', '/api/governance/actions')).json().overdue).toEqual([]);

    const stale = await post('board', `/api/governance/actions/${id}`, { version: 1, domain: 11, action: 'Write the DNA policy.', owner: 'Someone', due: '2026-01-15' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/^Demo team manager changed this action since you opened it/);
    expect((await post('board', '/api/governance/actions/999999', { version: 1, domain: 11, action: 'x', owner: 'y', due: '2026-01-15' })).statusCode).toBe(404);
    const audit = await audited('change-governance-action');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ resource_type: 'GovernanceAction', resource_id: id, basis: 'governance' });
  });

  it('refuses an action without what, who or a real due date, a question of another domain, or done without evidence; nothing stored', async () => {
    const before = await counts();
    const fields = async (payload: unknown) => {
      const response = await post('board', '/api/governance/actions', payload);
      expect(response.statusCode).toBe(400);
      return response.json().error.fields.map((f: { field: string }) => f.field);
    };
    expect(await fields({ domain: 3, action: '  ', owner: '', due: '2026-02-30' })).toEqual(['action', 'owner', 'due']);
    expect(await fields({ domain: 15, action: 'x', owner: 'y', due: '2026-02-01' })).toEqual(['domain']);
    expect(await fields({ domain: 3, questionId: '4.1', action: 'x', owner: 'y', due: '2026-02-01' })).toEqual(['questionId']);
    expect(await fields({ domain: 3, action: 'x', owner: 'y', due: '2026-02-01', status: 'done' })).toEqual(['evidence']);
    expect(await counts()).toEqual(before);
  });

  it('is for team managers and the board only: administrators, clinicians and partner agencies are refused', async () => {
    for (const user of ['admin', 'keyworker', 'partner']) {
      expect((await get(user, '/api/governance/self-assessment')).statusCode).toBe(403);
      expect((await get(user, '/api/governance/actions')).statusCode).toBe(403);
      expect((await post(user, '/api/governance/self-assessment/1.1', { version: 0, rating: 'working-well', category: null, comments: null })).statusCode).toBe(403);
      expect((await post(user, '/api/governance/actions', { domain: 1, action: 'x', owner: 'y', due: '2026-02-01' })).statusCode).toBe(403);
    }
  });
});
