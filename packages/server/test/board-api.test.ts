import { describe, expect, it } from 'vitest';
import { boardDashboard, lastMonthEnd, writeRecords } from '@continuity/store';
import { londonToday, system } from '@continuity/domain';
import { storeKinds } from '../../../test/support/stores.ts';
import { boardScenario, BOARD_AS_OF } from '../../store/test/support/board-scenario.ts';
import { buildApp, carerResponseHoursSetting } from '@continuity/server';
import { scenarioApi } from './support/scenario-api.ts';
import { signIn } from './support/signed-in-app.ts';

const detail = (d: unknown) => (typeof d === 'string' ? JSON.parse(d) : d);
const disengagedOf = (board: { tiles: Array<{ tile: { key: string }; figure: { numerator: number } }> }) => board.tiles.find((t) => t.tile.key === 'disengaged')!.figure.numerator;
/** An attended contact for w8, one of the three on the disengaged list (board-scenario.ts). */
const contactWithW8 = {
  type: 'Encounter' as const, id: 'api-w8-contact', personId: 'w8',
  resource: { resourceType: 'Encounter', id: 'api-w8-contact', status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: { reference: 'Patient/w8' }, period: { start: '2026-06-25T10:00:00Z', end: '2026-06-25T10:30:00Z' }, serviceProvider: { reference: 'Organization/team-north' } },
};

describe.each(storeKinds)('the board dashboard through the API on $name', (kind) => {
  const api = scenarioApi(kind, boardScenario, ['board', 'manager', 'keyworker', 'partner', 'admin']);
  const { get } = api;
  const reportAudit = (actorId: string) => api.store.db.selectFrom('audit_event').select(['person_id', 'detail']).where('actor_id', '=', actorId).where('action', '=', 'report').orderBy('id').execute();

  it('gives board analysts the dashboard the board pack is made from, naming nobody, audited once', async () => {
    const response = await get('board', `/api/reports/board?asOf=${BOARD_AS_OF}`);
    expect(response.statusCode).toBe(200);
    // The same build, made under the installation's response hours, and when it was worked out.
    expect(response.json()).toEqual(JSON.parse(JSON.stringify(await boardDashboard(api.store.db, { asOf: BOARD_AS_OF, carerResponseHours: carerResponseHoursSetting() }))));
    expect(response.body).not.toMatch(/"[wbu]\d+"|Patient\//);
    expect((await reportAudit('demo-board')).map((a) => [a.person_id, detail(a.detail)])).toEqual([[null, { report: 'board', asOf: BOARD_AS_OF }]]);
  }, 60_000);

  it('lists the people behind a tile to a team manager, only their own team’s, each audited', async () => {
    // The demo manager is in North CMHT (the team holding most people): w8 and w9; b8 is South's.
    const response = await get('manager', `/api/reports/board/disengaged/people?asOf=${BOARD_AS_OF}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().people.map((p: { personId: string; teams: unknown }) => [p.personId, p.teams])).toEqual([
      ['w8', [{ id: 'team-north', name: 'North CMHT' }]],
      ['w9', [{ id: 'team-north', name: 'North CMHT' }]],
    ]);
    expect((await reportAudit('demo-manager')).map((a) => [a.person_id, detail(a.detail)])).toEqual([
      ['w8', { report: 'board', tile: 'disengaged', asOf: BOARD_AS_OF }],
      ['w9', { report: 'board', tile: 'disengaged', asOf: BOARD_AS_OF }],
    ]);
  });

  it('lists a team manager the people whose carer’s concern went unanswered beyond the standard, and judges by the installation’s response hours', async () => {
    const response = await get('manager', `/api/reports/board/carer-concerns/people?asOf=${BOARD_AS_OF}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().people.map((p: { personId: string; units: number }) => [p.personId, p.units])).toEqual([['w5', 1], ['w6', 1]]);
    const cohort = await get('manager', `/api/reports/board/intensive-care/people?asOf=${BOARD_AS_OF}`);
    expect(cohort.json().people.map((p: { personId: string }) => p.personId)).toEqual(['w2']);
    // With responses due in 24 hours (CONTINUITY_CARER_RESPONSE_HOURS=24): 9 of 21, worked in packages/store/test/board-dashboard.test.ts.
    const app = await buildApp({ store: api.store, webRoot: '/nonexistent', carerResponseHours: 24 });
    try {
      const board = await app.inject({ method: 'GET', url: `/api/reports/board?asOf=${BOARD_AS_OF}`, headers: { cookie: await signIn(app, 'board') } });
      const carers = board.json().tiles.find((t: { tile: { key: string } }) => t.tile.key === 'carer-concerns');
      expect([carers.figure.numerator, carers.figure.denominator, carers.responseTimes.standardHours]).toEqual([9, 21, 24]);
    } finally {
      await app.close();
    }
  }, 60_000);

  it('keeps people from board analysts, partner agencies and others, and the dashboard from all but its readers', async () => {
    for (const user of ['board', 'partner', 'keyworker', 'admin']) expect((await get(user, '/api/reports/board/disengaged/people')).statusCode, user).toBe(403);
    for (const user of ['partner', 'keyworker', 'admin']) expect((await get(user, '/api/reports/board')).statusCode, user).toBe(403);
    expect((await api.app.inject({ method: 'GET', url: '/api/reports/board' })).statusCode).toBe(401);
    expect(await reportAudit('demo-partner')).toEqual([]);
  });

  it('serves the latest build for the installation’s minutes after a write, saying when it was worked out, or the records as they are with 0', async () => {
    const first = (await get('board', `/api/reports/board?asOf=${BOARD_AS_OF}`)).json();
    await writeRecords(api.store.db, [contactWithW8]);
    // The installation's default (15 minutes): the build made before the write, and when it was made.
    // The drill-down first: the dashboard's request starts a build afresh, which replaces it once done.
    expect((await get('manager', `/api/reports/board/disengaged/people?asOf=${BOARD_AS_OF}`)).json()).toMatchObject({ dataAt: first.dataAt, people: [{ personId: 'w8' }, { personId: 'w9' }] });
    const served = (await get('board', `/api/reports/board?asOf=${BOARD_AS_OF}`)).json();
    expect([disengagedOf(served), served.dataAt]).toEqual([3, first.dataAt]);
    const exact = await buildApp({ store: api.store, webRoot: '/nonexistent', boardMaxAgeMinutes: 0 });
    try {
      const board = (await exact.inject({ method: 'GET', url: `/api/reports/board?asOf=${BOARD_AS_OF}`, headers: { cookie: await signIn(exact, 'board') } })).json();
      expect(disengagedOf(board)).toBe(2);
      expect(Date.parse(board.dataAt)).toBeGreaterThan(Date.parse(first.dataAt));
    } finally {
      await exact.close();
    }
  }, 60_000);

  it('says which field is wrong and why', async () => {
    const bad = await get('board', '/api/reports/board?asOf=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('asOf');
    const noList = await get('manager', '/api/reports/board/mha-use/people');
    expect(noList.statusCode).toBe(400);
    expect(noList.json().error.fields[0]).toMatchObject({ field: 'tile', message: expect.stringMatching(/with a list of people/) });
  });

  it('opens on the last month end when no day is asked for, for the dashboard and the people behind a tile', async () => {
    const monthEnd = lastMonthEnd();
    expect(monthEnd).toMatch(/^\d{4}-\d{2}-(28|29|30|31)$/);
    expect(monthEnd < londonToday()).toBe(true);
    expect((await get('board', '/api/reports/board')).json().asOf).toBe(monthEnd);
    expect((await get('manager', '/api/reports/board/disengaged/people')).json().asOf).toBe(monthEnd);
  }, 60_000);
});
