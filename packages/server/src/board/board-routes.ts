import { boardPeopleReaders, boardTiles, fhirDate, reportReaders, reportReadersInWords } from '@continuity/domain';
import { boardDashboard, boardPeople, lastMonthEnd, loadNames, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { parseInput } from '../http/errors.ts';

const boardQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'))
    .optional(),
});

const listedTiles = boardTiles.filter((t) => t.drillDown).map((t) => t.key) as [string, ...string[]];
const tileParams = z.object({ tile: z.enum(listedTiles, { message: `must be a tile with a list of people: ${listedTiles.join(', ')}` }) });

/**
 * GET /api/reports/board?asOf=YYYY-MM-DD: the board dashboard, the same object `continuity report
 * board --format json` prints. Counts only: audited once, with no person. Without a day it is the last
 * month end: the day a board reports on, which the server keeps projected (a million people's pack in
 * about 30 s from cold), where today's figures are worked out from the records (minutes at that scale).
 *
 * GET /api/reports/board/:tile/people?asOf=YYYY-MM-DD: the people behind a tile, for a team manager
 * and only their own teams' people; each person listed is audited as a read. The carers' concerns
 * tile judges responses against the installation's response hours, as the carer-concerns worklist does.
 *
 * Both serve the latest build of the day up to `maxAgeMinutes` after the records change (board-settings.ts),
 * saying in `dataAt` when it was worked out, and build afresh behind it.
 */
export function boardRoutes(app: FastifyInstance, store: Store, settings: { carerResponseHours?: number; maxAgeMinutes?: number } = {}) {
  app.get('/api/reports/board', async (request) => {
    const staff = requireRole(request, reportReaders.board, `read the board dashboard: it is for ${reportReadersInWords}`);
    const query = parseInput(boardQuery, request.query, 'query');
    const board = await boardDashboard(store.db, { asOf: query.asOf ?? lastMonthEnd(), carerResponseHours: settings.carerResponseHours, maxAgeMinutes: settings.maxAgeMinutes });
    await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action: 'report', basis: 'report', outcome: 'allowed', detail: { report: 'board', asOf: board.asOf } }]);
    return board;
  });

  app.get('/api/reports/board/:tile/people', async (request) => {
    const staff = requireRole(request, boardPeopleReaders, 'see the people behind a board figure: team managers see their own teams’ people');
    const { tile } = parseInput(tileParams, request.params, 'params');
    const query = parseInput(boardQuery, request.query, 'query');
    const teams = staff.teams.map((t) => t.id);
    const list = (await boardPeople(store.db, tile as (typeof boardTiles)[number]['key'], { asOf: query.asOf ?? lastMonthEnd(), teams, carerResponseHours: settings.carerResponseHours, maxAgeMinutes: settings.maxAgeMinutes }))!;
    await recordAudit(
      store.db,
      list.people.map((p) => ({ actorId: staff.id, actorRole: staff.role, action: 'report', personId: p.personId, basis: 'report' as const, outcome: 'allowed' as const, detail: { report: 'board', tile, asOf: list.asOf } })),
    );
    const names = await loadNames(store.db, [...new Set(list.people.flatMap((p) => p.teamIds))].map((t) => `Organization/${t}`));
    return { ...list, people: list.people.map((p) => ({ ...p, teams: p.teamIds.map((id) => ({ id, name: names.get(`Organization/${id}`) ?? id })) })) };
  });
}
