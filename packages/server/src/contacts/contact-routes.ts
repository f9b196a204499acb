import { contactTeam, defaultContactEpisode, fhirId, recordContact, type ContactProblem } from '@continuity/domain';
import { personEpisodes, prepareRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { recordOnce } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';

/** The shape only: what the values may be is the domain's check (recordContact), field by field. */
const contactBody = z.object({
  /** Made by the form when it opens and used as the resource id, so a second send records nothing new. */
  contactId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  date: z.string({ error: 'must be a date as YYYY-MM-DD' }),
  time: z.string({ error: 'must be a time of day as HH:MM' }).optional(),
  mode: z.string({ error: 'must be a contact mode code' }),
  outcome: z.string({ error: 'must be an outcome code' }),
  episode: fhirId.optional(),
  note: z.string({ error: 'must be text' }).optional(),
});

const personParams = z.object({ id: fhirId });

type EpisodeProblem = { field: 'episode'; message: string };

/**
 * POST /api/people/:id/contacts: records a contact (attended) or an appointment that did not
 * become one (did not attend, cancelled), as the FHIR resource docs/fhir.md describes.
 *
 * Staff with access to the record (openRecord) only. The body's contactId is the resource id:
 * sending the same contact again returns the same answer and writes nothing; a different contact
 * under an id already used is a 409. The resource and its audit entry are written in one transaction.
 */
export function contactRoutes(app: FastifyInstance, store: Store) {
  app.post('/api/people/:id/contacts', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(contactBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-contact');
    const staffTeams = staff.teams.map((t) => t.id);

    const episodes = await personEpisodes(store.db, personId);
    const problems: Array<ContactProblem | EpisodeProblem> = [];
    const episode = body.episode ? episodes.find((e) => e.id === body.episode) : defaultContactEpisode(episodes, staffTeams, body.date);
    if (body.episode && !episode) problems.push({ field: 'episode', message: "is not one of this person's episodes of care" });
    const teamId = contactTeam(staffTeams, episode?.teamId);
    const result = recordContact({
      id: body.contactId, personId, date: body.date, time: body.time, mode: body.mode, outcome: body.outcome, note: body.note,
      episodeId: episode?.id, practitionerId: staff.practitionerId, teamId,
    });
    if (!result.ok) problems.unshift(...result.problems);
    if (!result.ok || problems.length > 0) {
      const summary = problems.map((p) => `${p.field} ${p.message}`).join('; ');
      throw new ApiError(400, 'invalid-input', `The contact was not recorded: ${summary}`, problems);
    }

    const resource = result.resource;
    const type = resource.resourceType as 'Appointment' | 'Encounter';
    const answer = {
      contact: {
        id: body.contactId, reference: `${type}/${body.contactId}`, date: body.date, time: body.time?.trim() || null, mode: body.mode, outcome: body.outcome,
        episode: episode?.id ?? null, team: teamId ?? null,
      },
    };
    const record = prepareRecord({ type, id: body.contactId, personId, resource });
    const audit = {
      actorId: staff.id, actorRole: staff.role, action: 'record-contact', personId, resourceType: type, resourceId: body.contactId, basis, outcome: 'allowed' as const,
      detail: { outcome: body.outcome, mode: body.mode, date: body.date, episode: episode?.id ?? null },
    };
    // A contact id is one record's, whether it became an Appointment or an Encounter.
    const written = (await recordOnce(store, { ...record, personId }, audit, idInUse, ['Appointment', 'Encounter'])) === 'created';
    return reply.status(written ? 201 : 200).send(answer);
  });
}

function idInUse(): ApiError {
  return new ApiError(409, 'contact-id-in-use', 'A different record already has this contact id. Reload the form to record this contact as a new one.', [
    { field: 'contactId', message: 'is already used by a different record' },
  ]);
}
