import { contactTeam, fhirDate, fhirId, londonToday, recordInvitation } from '@continuity/domain';
import { personPhysicalHealth, prepareRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { recordOnce } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';

const personParams = z.object({ id: fhirId });

const checkQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .pipe(fhirDate.refine((d) => !Number.isNaN(Date.parse(d)), 'is not a real date'))
    .optional(),
});

/** The shape only: what the values may be is the domain's check (recordInvitation), field by field. */
const invitationBody = z.object({
  /** Made by the form when it opens and used as the Communication id, so a second send records nothing new. */
  invitationId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  date: z.string({ error: 'must be a date as YYYY-MM-DD' }),
  method: z.string({ error: 'must say how the invitation went out' }),
  note: z.string({ error: 'must be text' }).optional(),
});

/**
 * GET /api/people/:id/physical-health?asOf=YYYY-MM-DD: the person's SMI annual physical health check
 * (physical-health-rules.ts) as of the day, today by default: each part's last result and whether it
 * is within the year, the last complete check, the invitations and the worklist reason if any.
 *
 * POST /api/people/:id/physical-health/invitations: records an invitation to the check as the
 * Communication docs/fhir.md describes. The body's invitationId is its id: the same invitation sent
 * again writes nothing; a different one under that id is a 409. The record and its audit entry are
 * written in one transaction.
 *
 * Both are reads or writes of the person's record: staff with access only (openRecord), audited.
 */
export function physicalHealthRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/physical-health', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const { asOf = londonToday() } = parseInput(checkQuery, request.query, 'query');
    await openRecord(store, request, personId, 'read-physical-health');
    return { asOf, check: await personPhysicalHealth(store.db, personId, asOf) };
  });

  app.post('/api/people/:id/physical-health/invitations', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(invitationBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-invitation');
    const result = recordInvitation({
      id: body.invitationId, personId, date: body.date, method: body.method, note: body.note,
      // The team is the staff member's only team, as for a contact with no episode; none when they have several.
      practitionerId: staff.practitionerId, teamId: contactTeam(staff.teams.map((t) => t.id), undefined),
    });
    if (!result.ok) {
      const summary = result.problems.map((p) => `${p.field} ${p.message}`).join('; ');
      throw new ApiError(400, 'invalid-input', `The invitation was not recorded: ${summary}`, result.problems);
    }
    const record = prepareRecord({ type: 'Communication', id: body.invitationId, personId, resource: result.resource });
    // The day and how, never the note: the audit says what was done, the record what was said.
    const audit = { actorId: staff.id, actorRole: staff.role, action: 'record-invitation', personId, resourceType: 'Communication', resourceId: body.invitationId, basis, outcome: 'allowed' as const, detail: { date: body.date, method: body.method } };
    const written = (await recordOnce(store, { ...record, personId }, audit, idInUse)) === 'created';
    return reply.status(written ? 201 : 200).send({ invitation: { id: body.invitationId, reference: `Communication/${body.invitationId}`, date: body.date, method: body.method } });
  });
}

function idInUse(): ApiError {
  return new ApiError(409, 'invitation-id-in-use', 'A different record already has this invitation id. Reload the form to record this invitation as a new one.', [
    { field: 'invitationId', message: 'is already used by a different record' },
  ]);
}
