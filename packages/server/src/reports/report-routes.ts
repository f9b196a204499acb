import { fhirDate, type Role } from '@continuity/domain';
import { dischargeAudit, mhaUse, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';

/**
 * Who may read the discharge audit: the people who answer for policy being followed (SPEC, "Who
 * uses it": team managers, the ICB board, quality leads) and administrators; not individual clinicians,
 * whose own discharges go through the guard.
 */
const AUDIT_ROLES: readonly Role[] = ['team-manager', 'board-analyst', 'admin'];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'));

const reportQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

/** Who may read use of the Act by ethnicity: the board and its analysts, and team managers (issue 6 part 5); aggregates only. */
const MHA_USE_ROLES: readonly Role[] = ['board-analyst', 'team-manager'];

const mhaUseQuery = z.object({ asOf: day.optional() });

/**
 * GET /api/reports/discharge-audit?from=YYYY-MM-DD&to=YYYY-MM-DD
 *
 * The report contract ({report, from, to, items}) of `continuity report discharge-audit`. Every
 * person listed is audited as a read by the signed-in user.
 */
export function reportRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/reports/discharge-audit', async (request) => {
    const staff = requireStaff(request);
    if (!AUDIT_ROLES.includes(staff.role)) throw new ApiError(403, 'forbidden', 'The discharge audit is for team managers, board members and analysts, and administrators.');
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
    const staff = requireStaff(request);
    if (!MHA_USE_ROLES.includes(staff.role)) throw new ApiError(403, 'forbidden', 'Use of the Mental Health Act by ethnicity is for board members and analysts, and team managers.');
    const query = parseInput(mhaUseQuery, request.query, 'query');
    const report = await mhaUse(store.db, { asOf: query.asOf });
    await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action: 'report', basis: 'report', outcome: 'allowed', detail: { report: report.report, asOf: report.asOf } }]);
    return report;
  });
}
