import { fhirId, londonToday } from '@continuity/domain';
import { loadNeedToKnow, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { openNeedToKnow } from './need-to-know-access.ts';
import { restrictedFlagsFor } from '../people/restricted-flags.ts';

const personParams = z.object({ id: fhirId });

/**
 * GET /api/people/:id/need-to-know: the crisis "need to know" page (docs/crisis-need-to-know.md),
 * as of today, with the basis it was opened on. Its own gate (openNeedToKnow), audited.
 */
export function needToKnowRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/need-to-know', async (request) => {
    const { id } = parseInput(personParams, request.params, 'params');
    const { staff, basis } = await openNeedToKnow(store, request, id);
    const page = await loadNeedToKnow(store.db, id, londonToday(), await restrictedFlagsFor(store, staff, id, basis, 'need-to-know'));
    if (!page) throw new ApiError(404, 'not-found', 'There is no person with that id.');
    return { ...page, access: { basis } };
  });
}
