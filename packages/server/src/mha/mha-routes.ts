import { randomUUID } from 'node:crypto';
import { ctoEventKinds, fhirId, londonToday, recordCtoEvent, type CtoEventKind } from '@continuity/domain';
import { legalStatusHistory, readPersonRecord, recordAudit, updatePersonRecord, writeRecords, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord } from '../people/record-access.ts';

const personParams = z.object({ id: fhirId });
const ctoParams = z.object({ id: fhirId, flag: fhirId });
const kinds = Object.keys(ctoEventKinds) as [CtoEventKind, ...CtoEventKind[]];

/** The shape only: whether the days fit the CTO and the Act is the domain's check (recordCtoEvent). */
const eventBody = z.object({
  /** The CTO's version the clinician was looking at: a change made since is not overwritten. */
  version: z.number({ error: 'must be the version of the CTO you read' }).int().positive('must be the version of the CTO you read'),
  kind: z.enum(kinds, { error: `must be one of: ${kinds.join(', ')}` }),
  date: z.string({ error: 'must be a date as YYYY-MM-DD' }),
  expires: z.string({ error: 'must be a date as YYYY-MM-DD' }).optional(),
});

/**
 * The Mental Health Act section of a person's record (docs/mental-health-act.md).
 *
 * GET /api/people/:id/mha: their detentions and CTOs, current first, with conditions, expiry,
 * the events recorded, and the version a change must name.
 *
 * POST /api/people/:id/mha/ctos/:flag/events: records a renewal, recall, revocation or discharge
 * on a CTO Flag (and, for a revocation, the section 3 detention it starts). Staff with access to the
 * record (openRecord) only; the days are checked against the CTO and the Act (400, field by field);
 * a CTO that has ended is a 409, as is one changed since the clinician read it. The Flag(s) and the
 * audit entry are written in one transaction.
 */
export function mhaRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/mha', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-mha');
    return { legalStatuses: await legalStatusHistory(store.db, personId) };
  });

  app.post('/api/people/:id/mha/ctos/:flag/events', async (request, reply) => {
    const { id: personId, flag: flagId } = parseInput(ctoParams, request.params, 'params');
    const body = parseInput(eventBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-mha');
    const flag = await readPersonRecord(store.db, personId, 'Flag', flagId);
    if (!flag) throw new ApiError(404, 'not-found', 'This person has no legal status record with that id.', [{ field: 'flag', message: 'is not one of this person\'s legal status records' }]);
    if (flag.versionId !== body.version) throw stale();

    const detentionId = body.kind === 'revocation' ? randomUUID() : undefined;
    const outcome = recordCtoEvent(flag.resource, { kind: body.kind, date: body.date, expires: body.expires }, londonToday(), detentionId);
    if (!outcome.ok) {
      const summary = outcome.problems.map((p) => `${p.field} ${p.message}`).join('; ');
      if (outcome.ended) throw new ApiError(409, 'cto-ended', `This Community Treatment Order has ended: ${summary}`, outcome.problems);
      throw new ApiError(400, 'invalid-input', `The ${ctoEventKinds[body.kind].toLowerCase()} was not recorded: ${summary}`, outcome.problems);
    }

    // The kind and the days, never more: the audit says what was done, the record what it was.
    const detail = { kind: body.kind, date: body.date, ...(body.expires ? { expires: body.expires } : {}), ...(detentionId ? { detention: detentionId } : {}) };
    const version = await store.db.transaction().execute(async (trx) => {
      const written = await updatePersonRecord(trx, { type: 'Flag', id: flagId, personId, resource: outcome.cto }, body.version);
      if (written === undefined) throw stale();
      if (outcome.detention) await writeRecords(trx, [{ type: 'Flag', id: detentionId!, personId, resource: outcome.detention }]);
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'record-cto-event', personId, resourceType: 'Flag', resourceId: flagId, basis, outcome: 'allowed', detail }]);
      return written;
    });
    return reply.status(201).send({ cto: { id: flagId, version, status: outcome.cto.status, kind: body.kind }, ...(detentionId ? { detention: { id: detentionId, reference: `Flag/${detentionId}` } } : {}) });
  });
}

function stale(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone else changed this Community Treatment Order since you opened it. Reload it, check their change, and record this again if it is still right.', [
    { field: 'version', message: 'is not the current version of the CTO' },
  ]);
}
