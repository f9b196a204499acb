import { fhirId, londonToday } from '@continuity/domain';
import { loadPersonHistory, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord } from '../people/record-access.ts';
import { restrictedFlagsFor } from '../people/restricted-flags.ts';

const personParams = z.object({ id: fhirId });

/**
 * GET /api/people/:id/history: a person's history across services as of today (docs/history.md):
 * a summary line per kind and every event, newest first. The record's own gate and audit (openRecord).
 */
export function historyRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/history', async (request) => {
    const { id } = parseInput(personParams, request.params, 'params');
    const { staff, basis } = await openRecord(store, request, id, 'read-history');
    const history = await loadPersonHistory(store.db, id, londonToday(), await restrictedFlagsFor(store, staff, id, basis, 'history'));
    if (!history) throw new ApiError(404, 'not-found', 'There is no person with that id.');
    return history;
  });
}
