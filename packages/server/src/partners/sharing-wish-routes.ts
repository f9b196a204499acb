import { checkWishes, fhirId, londonToday, sharedWithPartner, sharingCategories, sharingDecisions, sharingWishConsent, type AnyResource, type SharingWish } from '@continuity/domain';
import { agreementsWithPartner, partnerOrganisations, personSharingWishes, recordAudit, updatePersonRecord, prepareRecord, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { idInUse, recordOnce, refusedInput } from '../http/record-once.ts';
import { openRecord } from '../people/record-access.ts';
import { changeWishBody, newWishBody, wishParams } from './sharing-input.ts';

const personParams = z.object({ id: fhirId });

/**
 * The person's sharing wishes and their links with partner organisations, on the record
 * (docs/partners-and-sharing.md). Behind the record gate, like every /api/people/:id route:
 * - GET  /api/people/:id/sharing: each partner linked (or once linked) with the person's decision,
 *   objections, who recorded them and when, and what that partner is shown today;
 * - POST /api/people/:id/sharing: links a partner and records the wishes (a partner-sharing Consent);
 * - POST /api/people/:id/sharing/:consentId: changes them, or unlinks (`linked: false`), on the version read.
 */
export function sharingWishRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/sharing', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-sharing-wishes');
    const [wishes, partners] = await Promise.all([personSharingWishes(store.db, personId), partnerOrganisations(store.db)]);
    const today = londonToday();
    const shown = [];
    for (const wish of wishes) {
      const view = sharedWithPartner(wish.organisationId, await agreementsWithPartner(store.db, wish.organisationId), wish, today);
      shown.push({ ...wish, organisation: partners.find((p) => p.id === wish.organisationId) ?? { id: wish.organisationId, name: wish.organisationId, kind: null }, sharedToday: view.categories });
    }
    return {
      wishes: shown,
      partners,
      decisions: Object.entries(sharingDecisions).map(([code, label]) => ({ code, label })),
      categories: Object.entries(sharingCategories).map(([code, c]) => ({ code, label: c.label, shows: c.shows })),
    };
  });

  app.post('/api/people/:id/sharing', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(newWishBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-sharing-wishes');
    const partners = await partnerOrganisations(store.db);
    const wish = checked(body, personId, body.consentId, body.organisationId, staff.displayName, true, partners.some((p) => p.id === body.organisationId));
    const record = prepareRecord({ type: 'Consent', id: wish.id, personId, resource: sharingWishConsent(wish) as AnyResource });
    const audit = { actorId: staff.id, actorRole: staff.role, action: 'record-sharing-wishes', personId, resourceType: 'Consent', resourceId: wish.id, basis, outcome: 'allowed' as const, detail: { organisation: wish.organisationId, decision: wish.decision, objections: wish.objections } };
    // One set of wishes per partner: a second would leave it unclear which holds. Checked as it is written.
    const outcome = await recordOnce(store, { ...record, personId }, audit, () => idInUse('Consent'), ['Consent'], async (trx) => {
      const other = (await personSharingWishes(trx, personId)).find((w) => w.organisationId === wish.organisationId);
      if (other) throw new ApiError(409, 'exists', 'This person already has sharing wishes for that organisation: change those instead.', [{ field: 'organisationId', message: `already has sharing wishes (${other.id}, version ${other.version})` }]);
    });
    return reply.status(outcome === 'created' ? 201 : 200).send({ wish: { id: wish.id, version: 1 } });
  });

  app.post('/api/people/:id/sharing/:consentId', async (request) => {
    const { id: personId, consentId } = parseInput(wishParams, request.params, 'params');
    const body = parseInput(changeWishBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-sharing-wishes');
    const held = (await personSharingWishes(store.db, personId)).find((w) => w.id === consentId);
    if (!held) throw new ApiError(404, 'not-found', 'This person has no sharing wishes with that id.');
    if (held.version !== body.version) throw stale(held.version);
    const wish = checked(body, personId, consentId, held.organisationId, staff.displayName, body.linked, true);
    return store.db.transaction().execute(async (trx) => {
      const version = await updatePersonRecord(trx, { type: 'Consent', id: consentId, personId, resource: sharingWishConsent(wish) as AnyResource }, body.version);
      if (version === undefined) throw stale(held.version + 1);
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'change-sharing-wishes', personId, resourceType: 'Consent', resourceId: consentId, basis, outcome: 'allowed', detail: { organisation: wish.organisationId, decision: wish.decision, objections: wish.objections, linked: wish.linked, version } }]);
      return { wish: { id: consentId, version } };
    });
  });
}

function checked(
  body: { decision: string; objections: string[]; date?: string | undefined },
  personId: string, id: string, organisationId: string, recordedBy: string, linked: boolean, knownPartner: boolean,
): SharingWish {
  const date = body.date ?? londonToday();
  const result = checkWishes({ ...body, date, today: londonToday() });
  const problems = [...(knownPartner ? [] : [{ field: 'organisationId', message: 'must be a partner organisation the platform knows' }]), ...(result.ok ? [] : result.problems)];
  if (problems.length > 0 || !result.ok) throw refusedInput('The sharing wishes were not recorded', problems);
  return { id, personId, organisationId, decision: result.decision, objections: result.objections, date, recordedBy, linked };
}

function stale(now: number): ApiError {
  return new ApiError(409, 'stale-version', 'The sharing wishes changed since you opened them. Reload to see them as they are now.', [{ field: 'version', message: `is not the current version of the sharing wishes (now version ${now})` }]);
}
