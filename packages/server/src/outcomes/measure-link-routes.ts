import { randomUUID } from 'node:crypto';
import { fhirId, measureLinkRules, outcomeRules, recordMeasure, type QuestionnaireKey } from '@continuity/domain';
import { completeThroughLink, createMeasureLink, findMeasureLink, prepareRecord, type MeasureLink, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { hashToken, newToken } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord } from '../people/record-access.ts';

const personParams = z.object({ id: fhirId });
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const selfRated = Object.values(outcomeRules).filter((r) => r.ratedBy === 'person').map((r) => r.key);
const linkBody = z.object({ instrument: z.enum(selfRated as [QuestionnaireKey, ...QuestionnaireKey[]], { error: `must be a measure the person rates: ${selfRated.join(', ')}` }) });
const answersBody = z.object({
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.null()], { error: 'must be a whole number' }), { error: 'must give each question\'s answer by its number' }),
});

/** Like sign-in: the public endpoints are open to anyone with a link, so guessing is slowed. */
const PUBLIC_LIMIT = { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } };

/** The stored link a token names; a token of the wrong shape names none. */
async function linkOf(store: Store, token: string): Promise<{ tokenHash: string; link: MeasureLink | undefined }> {
  const tokenHash = hashToken(token);
  return { tokenHash, link: TOKEN.test(token) ? await findMeasureLink(store.db, tokenHash) : undefined };
}

/** The refusal for a link that cannot be used, in words for the person holding it. */
function unusable(link: MeasureLink | undefined, now: Date): ApiError | undefined {
  if (!link) return new ApiError(404, 'link-unknown', 'This link is not recognised. Check it was copied in full, or ask your care team for a new one.');
  if (link.usedAt) return new ApiError(410, 'link-used', 'This link has already been used. If you have just sent your answers, they were received. Ask your care team if you want to fill it in again.');
  if (link.expiresAt <= now) return new ApiError(410, 'link-expired', 'This link has expired. Ask your care team for a new one.');
  return undefined;
}

/**
 * The person's own link to complete an outcome measure without a staff account (issue 7):
 *
 * - POST /api/people/:id/measure-links: staff with access to the record make a link for one
 *   self-rated measure. Only the token's hash is stored; the link is shown once, in the answer.
 *   It expires after measureLinkRules.expiresAfterDays and works once.
 * - GET /api/measure-links/:token: the questions, in the words the person reads. Nothing about
 *   the person is shown, so a link seen by someone else gives nothing away.
 * - POST /api/measure-links/:token: the answers, written as a QuestionnaireResponse authored by
 *   the Patient and audited with the link as the actor; the answer gives the person their scores.
 * Unknown, used and expired links are refused with a clear message (404, 410), never a 500.
 */
export function measureLinkRoutes(app: FastifyInstance, store: Store) {
  app.post('/api/people/:id/measure-links', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const { instrument } = parseInput(linkBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-measure-link');
    const token = newToken();
    const tokenHash = hashToken(token);
    const expiresAt = new Date(Date.now() + measureLinkRules.expiresAfterDays * 86_400_000);
    await createMeasureLink(store.db, { personId, tokenHash, instrument, createdBy: staff.id, expiresAt }, {
      actorId: staff.id, actorRole: staff.role, action: 'make-measure-link', personId, basis, outcome: 'allowed', detail: { instrument, expiresAt: expiresAt.toISOString() },
    });
    return reply.status(201).send({ link: { path: `/measure/${token}`, instrument, title: outcomeRules[instrument].title, expiresAt: expiresAt.toISOString() } });
  });

  app.get('/api/measure-links/:token', PUBLIC_LIMIT, async (request) => {
    const { link } = await linkOf(store, (request.params as { token: string }).token);
    const refusal = unusable(link, new Date());
    if (refusal) throw refusal;
    const rules = outcomeRules[link!.instrument as QuestionnaireKey];
    return {
      measure: {
        instrument: rules.key, title: rules.title, stem: rules.stem, answers: rules.answers,
        items: rules.items.map((i) => ({ linkId: i.linkId, wording: i.wording })), expiresAt: link!.expiresAt.toISOString(),
      },
    };
  });

  app.post('/api/measure-links/:token', PUBLIC_LIMIT, async (request, reply) => {
    const { tokenHash, link } = await linkOf(store, (request.params as { token: string }).token);
    const now = new Date();
    const refusal = unusable(link, now);
    if (refusal) throw refusal;
    const { answers } = parseInput(answersBody, request.body, 'body');
    const { personId, instrument } = link!;
    const id = randomUUID();
    const outcome = recordMeasure({ id, personId, instrument, answers }, now);
    if (!outcome.ok) {
      const summary = outcome.problems.map((p) => `${p.field} ${p.message}`).join('; ');
      throw new ApiError(400, 'invalid-input', `Your answers were not sent: ${summary}`, outcome.problems);
    }
    const record = { ...prepareRecord({ type: 'QuestionnaireResponse', id, personId, resource: outcome.resource }), personId };
    // The link is the actor: who made it is in its own audit entry; never the answers.
    const audit = {
      actorId: `measure-link:${tokenHash.slice(0, 12)}`, actorRole: 'person', action: 'complete-outcome-measure', personId, resourceType: 'QuestionnaireResponse', resourceId: id,
      basis: 'measure-link' as const, outcome: 'allowed' as const, detail: { instrument, linkMadeBy: link!.createdBy },
    };
    if ((await completeThroughLink(store.db, link!, record, audit, now)) === 'used') {
      // Used or expired since it was read: say which, as it stands now.
      throw unusable(await findMeasureLink(store.db, tokenHash), now) ?? unusable({ ...link!, usedAt: now }, now)!;
    }
    return reply.status(201).send({ measure: { instrument, title: outcomeRules[outcome.instrument].title, scores: outcome.scores, notScored: outcome.notScored } });
  });
}
