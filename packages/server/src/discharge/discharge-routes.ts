import { checkDischarge, dischargeExtensionUrls, dischargeExtensions, dischargeReasons, dischargeRules, fhirDate, fhirId, londonDay, londonToday, type AnyResource, type DischargeReason } from '@continuity/domain';
import { loadDiagnoses, pendingTransferOf, readPersonRecord, recordAudit, updatePersonRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord } from '../people/record-access.ts';

/** A whole day: a discharge and an MDT decision happen on a day, not in a month. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD').pipe(fhirDate);

const text = z.string().trim().max(4000, 'must be at most 4000 characters').optional();

const dischargeBody = z.object({
  episode: fhirId,
  /** The episode's version the clinician was looking at: a change made since is not overwritten. */
  version: z.number().int().positive('must be the version of the episode you read'),
  reason: z.enum(Object.keys(dischargeReasons) as [DischargeReason, ...DischargeReason[]], { error: `must be one of: ${Object.keys(dischargeReasons).join(', ')}` }),
  /** The day the episode ends; today in England when absent. */
  end: day.optional(),
  mdtDecisionDate: day.optional(),
  relapseIndicators: text,
  harmsIfMissed: text,
  routeBack: text,
});

const personParams = z.object({ id: fhirId });

/** Episode states that are already over: there is nothing left to discharge. */
const ENDED = ['finished', 'cancelled', 'entered-in-error'];

/**
 * POST /api/people/:id/discharge: ends an episode of care, through the discharge guard.
 *
 * Clinicians with access to the record (openRecord) only. The guard's refusal is a 422 with one
 * message per field, and nothing is written; an accepted discharge writes the finished episode as a
 * new version and its audit entry in one transaction, and only if nobody changed the episode since
 * the clinician read it (409 otherwise).
 */
export function dischargeRoutes(app: FastifyInstance, store: Store) {
  app.post('/api/people/:id/discharge', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(dischargeBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-discharge');
    const audit = (outcome: 'allowed' | 'refused', detail: Record<string, unknown>) => ({
      actorId: staff.id, actorRole: staff.role, action: 'discharge', personId, resourceType: 'EpisodeOfCare', resourceId: body.episode, basis, outcome, detail,
    });

    const episode = await readPersonRecord(store.db, personId, 'EpisodeOfCare', body.episode);
    if (!episode) throw new ApiError(404, 'not-found', 'This person has no episode of care with that id.', [{ field: 'episode', message: 'is not one of this person\'s episodes of care' }]);
    if (episode.status && ENDED.includes(episode.status)) {
      throw new ApiError(409, 'already-ended', `This episode of care has already ended (${episode.status}).`, [{ field: 'episode', message: 'has already ended' }]);
    }
    if (await pendingTransferOf(store.db, personId, body.episode)) {
      throw new ApiError(409, 'transfer-pending', 'This episode has a transfer of care waiting for the receiving team: the person stays with this team until it is decided. Withdraw the transfer, or wait for the receiving team to decline it, before discharging.', [
        { field: 'episode', message: 'has a transfer of care waiting for a decision' },
      ]);
    }
    if (episode.versionId !== body.version) throw stale();

    const end = body.end ?? londonToday();
    const period = (episode.resource.period ?? {}) as { start?: string; end?: string };
    const started = londonDay(period.start);
    if (started !== undefined && londonDay(end)! < started) {
      throw new ApiError(400, 'invalid-input', 'The discharge date is before the episode began.', [{ field: 'end', message: `must be on or after the day the episode began (${period.start})` }]);
    }
    const proposal = { episodeId: body.episode, reason: body.reason, mdtDecisionDate: body.mdtDecisionDate, relapseIndicators: body.relapseIndicators, harmsIfMissed: body.harmsIfMissed, routeBack: body.routeBack };
    const diagnoses = (await loadDiagnoses(store.db, [personId])).get(personId) ?? [];
    const check = checkDischarge(proposal, diagnoses, end);
    if (!check.allowed) {
      await recordAudit(store.db, [audit('refused', { reason: body.reason, problems: check.problems.map((p) => p.field) })]);
      const refusedReason = check.problems.some((p) => p.field === 'reason' && p.message === dischargeRules.refusedReason.message);
      const message = refusedReason
        ? dischargeRules.refusedReason.message
        : 'This discharge cannot be recorded yet: a person with severe and relapsing illness needs the MDT decision, their relapse indicators, the known harms if relapse is missed, and the route back in.';
      throw new ApiError(422, 'discharge-refused', message, check.problems);
    }

    const kept = ((episode.resource.extension ?? []) as Array<{ url: string }>).filter((e) => !dischargeExtensionUrls.includes(e.url));
    const resource: AnyResource = { ...episode.resource, resourceType: 'EpisodeOfCare', id: body.episode, status: 'finished', period: { ...period, end }, extension: [...kept, ...dischargeExtensions(proposal)] };
    const version = await store.db.transaction().execute(async (trx) => {
      const written = await updatePersonRecord(trx, { type: 'EpisodeOfCare', id: body.episode, personId, resource }, body.version);
      if (written === undefined) throw stale();
      await recordAudit(trx, [audit('allowed', { reason: body.reason, end, version: written })]);
      return written;
    });
    return { episode: { id: body.episode, version, status: 'finished', end, reason: body.reason } };
  });
}

function stale(): ApiError {
  return new ApiError(409, 'stale-version', 'Someone else changed this episode of care since you opened it. Reload it, check their change, and discharge again if it is still right.', [
    { field: 'version', message: 'is not the current version of the episode' },
  ]);
}
