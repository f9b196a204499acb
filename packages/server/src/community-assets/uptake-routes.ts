import { fhirDate, londonToday, reportReaders, reportReadersInWords } from '@continuity/domain';
import { communityAssetUptake, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { parseInput } from '../http/errors.ts';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'));

const periodQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

/**
 * GET /api/reports/community-assets?from=YYYY-MM-DD&to=YYYY-MM-DD: uptake of community assets
 * for the board report, per asset and per need (docs/community-assets.md). The period defaults to
 * the year to today. Counts only, no person in it, so one audit entry for the report.
 */
export function uptakeRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/reports/community-assets', async (request) => {
    const staff = requireRole(request, reportReaders['community-assets'], `read uptake of community assets: it is for ${reportReadersInWords}`);
    const query = parseInput(periodQuery, request.query, 'query');
    const to = query.to ?? londonToday();
    const from = query.from ?? yearBefore(to);
    const report = await communityAssetUptake(store.db, { from, to });
    await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action: 'report', basis: 'report', outcome: 'allowed', detail: { report: report.report, from, to } }]);
    return report;
  });
}

function yearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
