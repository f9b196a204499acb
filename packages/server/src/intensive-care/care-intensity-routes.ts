import { careIntensityCodes, changeCareIntensity, fhirId, intensiveReviewRules, londonToday } from '@continuity/domain';
import { careIntensityEpisodes, readPersonRecord, recordAudit, updatePersonRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord } from '../people/record-access.ts';

const personParams = z.object({ id: fhirId });

/** The shape only: whether the change makes sense for the episode is the domain's check (changeCareIntensity). */
const changeBody = z.object({
  episodeId: fhirId,
  /** The episode's version the clinician was looking at: a change made since is not overwritten. */
  episodeVersion: z.number({ error: 'must be the version of the episode you read' }).int().positive('must be the version of the episode you read'),
  intensity: z.enum(careIntensityCodes, { error: `must be one of: ${careIntensityCodes.join(', ')}` }),
  reason: z.string({ error: 'must say why, in words' }).max(2000, 'must be at most 2,000 characters'),
  decidedOn: z.string({ error: 'must be a date as YYYY-MM-DD' }),
});

/**
 * Stepping care up or down between core community care and intensive or assertive care
 * (docs/intensive-care.md).
 *
 * GET /api/people/:id/care-intensity: the person's episodes of care, held ones first, each with its
 * care intensity, its version and every change recorded with its reason.
 *
 * POST /api/people/:id/care-intensity {episodeId, episodeVersion, intensity, reason, decidedOn}:
 * writes a new version of the episode with the new intensity and one care-intensity-change
 * extension. 400 naming the field (including the same intensity again); 404 for an episode not
 * theirs; 409 when the episode changed since it was read or has ended; 403 for roles that do not
 * decide care. The episode and the audit entry are written in one transaction.
 */
export function careIntensityRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/care-intensity', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-care-intensity');
    return { episodes: await careIntensityEpisodes(store.db, personId), reasonMinLength: intensiveReviewRules.stepReasonMinLength };
  });

  app.post('/api/people/:id/care-intensity', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(changeBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-care-intensity');
    // The crisis line reads the record but does not decide the person's care (intensiveReviewRules.stepDeciders).
    if (!intensiveReviewRules.stepDeciders.includes(staff.role) || basis === 'break-glass') {
      await recordAudit(store.db, [{ actorId: staff.id, actorRole: staff.role, action: 'change-care-intensity', personId, basis, outcome: 'refused' }]);
      throw new ApiError(403, 'forbidden', 'Only the key worker, team manager or prescriber of a team holding the person can step their care up or down.');
    }
    const episode = await readPersonRecord(store.db, personId, 'EpisodeOfCare', body.episodeId);
    if (!episode) throw new ApiError(404, 'not-found', 'This person has no episode of care with that id.', [{ field: 'episodeId', message: "is not one of this person's episodes of care" }]);
    if (episode.versionId !== body.episodeVersion) throw stale();

    const decidedBy = { ...(staff.practitionerId ? { reference: `Practitioner/${staff.practitionerId}` } : {}), display: staff.displayName };
    const outcome = changeCareIntensity(episode.resource, { intensity: body.intensity, reason: body.reason, decidedOn: body.decidedOn, decidedBy }, londonToday());
    if (!outcome.ok) {
      const summary = outcome.problems.map((p) => `${p.field} ${p.message}`).join('; ');
      if (outcome.ended) throw new ApiError(409, 'episode-ended', `This episode of care is not held now: ${summary}`, outcome.problems);
      throw new ApiError(400, 'invalid-input', `The change of care intensity was not recorded: ${summary}`, outcome.problems);
    }

    // The intensities and the day, never the reason: the audit says what was done, the record why.
    const detail = { episode: body.episodeId, from: outcome.from, to: outcome.to, decidedOn: body.decidedOn };
    const version = await store.db.transaction().execute(async (trx) => {
      const written = await updatePersonRecord(trx, { type: 'EpisodeOfCare', id: body.episodeId, personId, resource: outcome.episode }, body.episodeVersion);
      if (written === undefined) throw stale();
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'change-care-intensity', personId, resourceType: 'EpisodeOfCare', resourceId: body.episodeId, basis, outcome: 'allowed', detail }]);
      return written;
    });
    return reply.status(201).send({ episode: { id: body.episodeId, version, intensity: outcome.to, from: outcome.from } });
  });
}

function stale(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone else changed this episode of care since you opened it. Reload it, check their change, and record this again if it is still right.', [
    { field: 'episodeVersion', message: 'is not the current version of the episode' },
  ]);
}
