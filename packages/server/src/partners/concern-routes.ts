import { acknowledgedConcernFlag, acknowledgementProblem, concernAcknowledgementOf, fhirId, londonToday, type AnyResource } from '@continuity/domain';
import { personPartnerConcerns, readPersonRecord, recordAudit, updatePersonRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { refusedInput } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';
import { acknowledgeBody, acknowledgeParams } from './sharing-input.ts';

const personParams = z.object({ id: fhirId });

/**
 * Concerns partner agencies raised, on the person's record (docs/partners-and-sharing.md):
 * - GET  /api/people/:id/partner-concerns: each with the partner's words, those not yet acknowledged first;
 * - POST /api/people/:id/partner-concerns/:flagId/acknowledge: the key worker (or anyone with
 *   access) records what they did or will do, on the version of the Flag read (409 when stale).
 */
export function concernRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/partner-concerns', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-partner-concerns');
    return { concerns: await personPartnerConcerns(store.db, personId) };
  });

  app.post('/api/people/:id/partner-concerns/:flagId/acknowledge', async (request) => {
    const { id: personId, flagId } = parseInput(acknowledgeParams, request.params, 'params');
    const body = parseInput(acknowledgeBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-partner-concern');
    const held = (await personPartnerConcerns(store.db, personId)).find((c) => c.flagId === flagId);
    const flag = held ? await readPersonRecord(store.db, personId, 'Flag', flagId) : undefined;
    if (!held || !flag) throw new ApiError(404, 'not-found', 'This person has no concern from a partner agency with that id.');
    if (flag.versionId !== body.version) throw stale(flag.versionId);
    const problem = acknowledgementProblem(body.response);
    if (problem) throw refusedInput('The acknowledgement was not recorded', [problem]);
    if (concernAcknowledgementOf(flag.resource)) throw new ApiError(409, 'already-acknowledged', 'This concern has already been acknowledged.', [{ field: 'flagId', message: 'is already acknowledged' }]);
    const resource = acknowledgedConcernFlag(flag.resource, { date: londonToday(), by: staff.displayName, response: body.response });
    return store.db.transaction().execute(async (trx) => {
      const version = await updatePersonRecord(trx, { type: 'Flag', id: flagId, personId, resource: resource as AnyResource }, body.version);
      if (version === undefined) throw stale(flag.versionId + 1);
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'acknowledge-partner-concern', personId, resourceType: 'Flag', resourceId: flagId, basis, outcome: 'allowed', detail: { version } }]);
      return { concern: { flagId, version, acknowledged: concernAcknowledgementOf(resource) } };
    });
  });
}

function stale(now: number): ApiError {
  return new ApiError(409, 'stale-version', 'The concern changed since you opened it. Reload to see it as it is now.', [{ field: 'version', message: `is not the current version of the concern (now version ${now})` }]);
}
