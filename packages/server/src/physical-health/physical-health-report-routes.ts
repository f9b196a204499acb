import { fhirDate, londonToday, reportReaders, reportReadersInWords } from '@continuity/domain';
import { physicalHealthReport, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';

const reportQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'))
    .optional(),
  team: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a team id').optional(),
});

/**
 * GET /api/reports/physical-health?asOf=YYYY-MM-DD&team=ID: completion of the SMI annual physical
 * health check per team ({report, asOf, teams, total}), as `continuity report physical-health
 * --json` prints it. Counts only, never a person; the reading is audited once, with no person.
 */
export function physicalHealthReportRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/reports/physical-health', async (request) => {
    // Aggregates only, so no relationship to the people is needed.
    const staff = requireRole(request, reportReaders['physical-health'], `read the physical health check report: it is for ${reportReadersInWords}`);
    const query = parseInput(reportQuery, request.query, 'query');
    if (query.team) {
      const team = await store.db.selectFrom('shared_record').select('id').where('resource_type', '=', 'Organization').where('id', '=', query.team).executeTakeFirst();
      if (!team) throw new ApiError(404, 'not-found', 'There is no team with that id.');
    }
    const report = await physicalHealthReport(store.db, { asOf: query.asOf ?? londonToday(), team: query.team });
    await recordAudit(store.db, [
      { actorId: staff.id, actorRole: staff.role, action: 'report', basis: 'report', outcome: 'allowed', detail: { report: report.report, asOf: report.asOf, team: query.team ?? null } },
    ]);
    return report;
  });
}
