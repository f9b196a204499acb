import { fhirDate, reportReaders, reportReadersInWords } from '@continuity/domain';
import { dischargeAudit, mhaUse, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'));

const reportQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

const mhaUseQuery = z.object({ asOf: day.optional() });

/**
 * GET /api/reports/discharge-audit?from=YYYY-MM-DD&to=YYYY-MM-DD
 *
 * The report contract ({report, from, to, items}) of `continuity report discharge-audit`. Every
 * person listed is audited as a read by the signed-in user.
 */
export function reportRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/reports/discharge-audit', async (request) => {
    const staff = requireRole(request, reportReaders['discharge-audit'], `read the discharge audit: it is for ${reportReadersInWords}`);
    const query = parseInput(reportQuery, request.query, 'query');
    const report = await dischargeAudit(store.db, { from: query.from, to: query.to });
    const entries = report.items.map((item) => ({
      actorId: staff.id,
      actorRole: staff.role,
      action: 'report',
      personId: item.patient.id,
      resourceType: 'EpisodeOfCare',
      resourceId: item.reasons[0]?.evidence[0]?.replace(/^EpisodeOfCare\//, '') ?? null,
      basis: 'report' as const,
      outcome: 'allowed' as const,
      detail: { report: report.report, from: report.from, to: report.to },
    }));
    await recordAudit(store.db, entries);
    return report;
  });

  // GET /api/reports/mha-use?asOf=YYYY-MM-DD: `continuity report mha-use --json`; no person in it, so one audit entry for the report.
  app.get('/api/reports/mha-use', async (request) => {
    const staff = requireRole(request, reportReaders['mha-use'], `read use of the Mental Health Act by ethnicity: it is for ${reportReadersInWords}`);
    const query = parseInput(mhaUseQuery, request.query, 'query');
    const report = await mhaUse(store.db, { asOf: query.asOf });
    await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action: 'report', basis: 'report', outcome: 'allowed', detail: { report: report.report, asOf: report.asOf } }]);
    return report;
  });
}
