import { listAudit, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireRole } from '../auth/session.ts';
import { parseInput } from '../http/errors.ts';

const auditQuery = z.object({
  personId: z.string().max(64).optional(),
  actorId: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true, error: 'must be an ISO date and time' }).or(z.iso.date({ error: 'must be a date (YYYY-MM-DD)' })).optional(),
  to: z.iso.datetime({ offset: true, error: 'must be an ISO date and time' }).or(z.iso.date({ error: 'must be a date (YYYY-MM-DD)' })).optional(),
  before: z.string().regex(/^\d+$/, 'must be an event id').optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export function auditRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/audit', async (request) => {
    const staff = requireRole(request, ['admin'], 'view the audit log');
    const query = parseInput(auditQuery, request.query, 'query');
    const events = await listAudit(store.db, query);
    await recordAudit(store.db, [
      { actorId: staff.id, actorRole: staff.role, action: 'read-audit', personId: query.personId ?? null, basis: 'system', outcome: 'allowed', detail: { filter: query } },
    ]);
    return { events };
  });
}
