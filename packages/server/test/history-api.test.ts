import { describe, expect, it } from 'vitest';
import { storeKinds } from '../../../test/support/stores.ts';
import { CARA_WARNING_SIGNS, historyScenario } from '../../store/test/support/history-scenario.ts';
import { scenarioApi } from './support/scenario-api.ts';
import { signIn } from './support/signed-in-app.ts';

describe.each(storeKinds)('the history and need-to-know API on $name', (kind) => {
  const api = scenarioApi(kind, historyScenario, ['keyworker', 'crisis', 'board', 'partner']);
  const audit = (actorId: string, action: string) =>
    api.store.db.selectFrom('audit_event').select(['person_id', 'basis', 'outcome', 'reason']).where('actor_id', '=', actorId).where('action', '=', action).orderBy('id').execute();

  it('gives the key worker the history, newest first with a summary per kind, and audits the read', async () => {
    const response = await api.get('keyworker', '/api/people/cara/history');
    expect(response.statusCode).toBe(200);
    const history = response.json();
    expect(history.summaries.map((s: { kind: string; recent: number }) => [s.kind, s.recent])).toEqual([
      ['admission', 1], ['legal-status', 3], ['crisis', 2], ['red-flag', 1], ['concern', 2], ['medicine', 4], ['key-worker', 2],
    ]);
    expect(history.summaries[0].summary).toMatch(/^1 admission in the last 5 years, the latest 12 Mar( 2026)? for 24 days$/);
    expect(history.events.slice(0, 3).map((e: { reference: string }) => e.reference)).toEqual(['Flag/cara-cto', 'Flag/cara-s117', 'MedicationRequest/cara-clozapine']);
    expect(history.events).toHaveLength(17);
    expect(await audit('demo-keyworker', 'read-history')).toEqual([{ person_id: 'cara', basis: 'key-worker', outcome: 'allowed', reason: null }]);
  });

  it('refuses the history as it refuses the record: break-glass outside the caseload, never to non-clinical roles', async () => {
    const outside = await api.get('keyworker', '/api/people/dan/history');
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('break-glass-required');
    const board = await api.get('board', '/api/people/cara/history');
    expect(board.statusCode).toBe(403);
    expect(board.json().error.code).toBe('forbidden');
    expect((await api.get('crisis', '/api/people/cara/history')).json().error.code).toBe('break-glass-required');
    expect((await api.get('keyworker', '/api/people/nobody/history')).statusCode).toBe(404);
    const bad = await api.get('keyworker', '/api/people/not%20an%20id/history');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'id', message: expect.any(String) }]);
  });

  it('lets the crisis line read the need-to-know page of someone in intensive care without break-glass, audited as crisis-line', async () => {
    const response = await api.get('crisis', '/api/people/cara/need-to-know');
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.access).toEqual({ basis: 'crisis-line' });
    expect(page.relapseSignature).toMatchObject({ text: CARA_WARNING_SIGNS, personsOwnWords: true, source: 'risk-formulation' });
    expect(page.crisisPlan.sections.map((s: { code: string }) => s.code)).toEqual(['in-a-crisis', 'who-to-contact']);
    expect(page.teams[0]).toMatchObject({ keyWorker: 'Grace Okafor', keyWorkerPhone: '07700 900123', teamPhone: '0113 496 0000' });
    expect(page.medicines.map((m: { name: string }) => m.name)).toEqual(['Clozapine 100mg tablets']);
    expect(page.legalStatuses.map((s: { kind: string }) => s.kind)).toEqual(['cto', 's117']);
    expect(page.mustNotMiss.map((m: { reference: string }) => m.reference)).toEqual(['Flag/cara-police', 'Communication/cara-sister-concern']);
    expect(await audit('demo-crisis', 'read-need-to-know')).toEqual([{ person_id: 'cara', basis: 'crisis-line', outcome: 'allowed', reason: null }]);
  });

  it('does not give the crisis line the full record through it', async () => {
    const record = await api.get('crisis', '/api/people/cara');
    expect(record.statusCode).toBe(403);
    expect(record.json().error.code).toBe('break-glass-required');
    expect((await api.get('crisis', '/api/people/cara/mha')).statusCode).toBe(403);
  });

  it('asks the crisis line for break-glass for someone in standard care, and audits the refusal', async () => {
    const refused = await api.get('crisis', '/api/people/dan/need-to-know');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('break-glass-required');
    expect(await audit('demo-crisis', 'read-need-to-know')).toContainEqual({ person_id: 'dan', basis: 'none', outcome: 'refused', reason: null });
    const reason = 'Crisis call from Dan at 3am, he asked for help';
    const cookie = await signIn(api.app, 'crisis');
    expect((await api.app.inject({ method: 'POST', url: '/api/people/dan/break-glass', payload: { reason }, headers: { cookie } })).statusCode).toBe(201);
    const granted = await api.app.inject({ method: 'GET', url: '/api/people/dan/need-to-know', headers: { cookie } });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().access).toEqual({ basis: 'break-glass' });
    expect(granted.json().crisisPlan).toMatchObject({ sections: [], description: 'Call his brother.' });
    expect((await audit('demo-crisis', 'read-need-to-know')).at(-1)).toEqual({ person_id: 'dan', basis: 'break-glass', outcome: 'allowed', reason });
  });

  it('follows the record for the key worker, and refuses non-clinical roles', async () => {
    const own = await api.get('keyworker', '/api/people/cara/need-to-know');
    expect(own.statusCode).toBe(200);
    expect(own.json().access).toEqual({ basis: 'key-worker' });
    for (const user of ['board', 'partner']) {
      const refused = await api.get(user, '/api/people/cara/need-to-know');
      expect(refused.statusCode, user).toBe(403);
      expect(refused.json().error.code, user).toBe('forbidden');
    }
    expect((await api.get('crisis', '/api/people/nobody/need-to-know')).statusCode).toBe(404);
  });
});
