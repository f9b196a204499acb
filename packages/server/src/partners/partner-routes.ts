import { londonToday, partnerConcernRecords, partnerConcernWordsProblem, sharedWithPartner, sharingCategories, type AnyResource, type SharedView } from '@continuity/domain';
import {
  agreementsWithPartner, findRecordsWithId, loadNames, partnerPersonView, peopleLinkedTo, personRelationships, personSharingWishes, prepareRecord, recordAudit, writeRecords, type Store,
} from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { idInUse, refusedInput } from '../http/record-once.ts';
import { concernBody, partnerPersonParams } from './sharing-input.ts';

interface Partner {
  staff: SignedInUser;
  organisation: { id: string; name: string };
}

/**
 * What a partner organisation's account sees and does (docs/partners-and-sharing.md), apart from
 * /api/people so the record gate keeps partners off every record route:
 * - GET  /api/partner/people: the people linked to its organisation that a live agreement lets it see;
 * - GET  /api/partner/people/:id: one of them, with only the categories shared (others absent, not blanked);
 * - POST /api/partner/people/:id/concerns: a concern in its own words, which reaches the key worker as a red flag.
 * Every person shown is audited (basis `sharing-agreement`, with the agreements); a person not
 * linked, or with no live agreement, is not found (404) and the attempt is audited as refused.
 */
export function partnerRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/partner/people', async (request) => {
    const { staff, organisation } = await requirePartner(store, request);
    const today = londonToday();
    const agreements = await agreementsWithPartner(store.db, organisation.id);
    const shared = (await peopleLinkedTo(store.db, organisation.id))
      .map((wish) => ({ personId: wish.personId, view: sharedWithPartner(organisation.id, agreements, wish, today) }))
      .filter((p) => p.view.categories.length > 0);
    const people = [];
    for (const { personId, view } of shared) {
      const person = await partnerPersonView(store.db, personId, ['identity'], today);
      if (person) people.push({ ...person, categories: view.categories.map((code) => ({ code, label: sharingCategories[code].label })) });
    }
    await recordAudit(store.db, shared.map(({ personId, view }) => audit(staff, organisation, 'read-partner-people', personId, 'allowed', view)));
    return { organisation, people };
  });

  app.get('/api/partner/people/:id', async (request) => {
    const { staff, organisation } = await requirePartner(store, request);
    const { id: personId } = parseInput(partnerPersonParams, request.params, 'params');
    const today = londonToday();
    const view = await sharedView(store, organisation.id, personId, today);
    const person = view.categories.length > 0 ? await partnerPersonView(store.db, personId, view.categories, today) : undefined;
    if (!person) throw await refused(store, staff, organisation, 'read-partner-view', personId);
    await recordAudit(store.db, [audit(staff, organisation, 'read-partner-view', personId, 'allowed', view)]);
    return { organisation, categories: view.categories.map((code) => ({ code, label: sharingCategories[code].label, shows: sharingCategories[code].shows })), person };
  });

  app.post('/api/partner/people/:id/concerns', async (request, reply) => {
    const { staff, organisation } = await requirePartner(store, request);
    const { id: personId } = parseInput(partnerPersonParams, request.params, 'params');
    const view = await sharedView(store, organisation.id, personId, londonToday());
    if (view.categories.length === 0) throw await refused(store, staff, organisation, 'raise-partner-concern', personId);
    const body = parseInput(concernBody, request.body, 'body');
    const problem = partnerConcernWordsProblem(body.words);
    if (problem) throw refusedInput('The concern was not sent', [problem]);
    const held = await findRecordsWithId(store.db, ['Communication'], body.concernId);
    if (held.length > 0) {
      // The same form sent twice: the concern is already with the team.
      if (held.length === 1 && held[0]!.personId === personId) return reply.status(200).send({ concern: { id: body.concernId } });
      throw idInUse('Communication');
    }
    const now = new Date();
    const { communication, flag } = partnerConcernRecords({
      id: body.concernId, personId, organisationId: organisation.id, organisationName: organisation.name,
      teamIds: (await personRelationships(store.db, personId)).teams, words: body.words, at: now.toISOString(), day: londonToday(now),
    });
    const records = [communication, flag].map((resource) => ({ ...prepareRecord({ type: resource.resourceType as 'Communication', id: resource.id as string, personId, resource: resource as AnyResource }), personId }));
    await store.db
      .transaction()
      .execute(async (trx) => {
        const outcome = await writeRecords(trx, records);
        if (outcome.created.length !== 2) throw idInUse('Communication');
        await recordAudit(trx, [{ ...audit(staff, organisation, 'raise-partner-concern', personId, 'allowed', view), resourceType: 'Communication', resourceId: body.concernId, detail: { organisation: organisation.id, agreements: view.agreementIds, flag: flag.id } }]);
      })
      .catch((error: unknown) => {
        // An id already another person's record (the unique index): nothing of the concern is kept.
        if ((error as { code?: string }).code === '23505') throw idInUse('Communication');
        throw error;
      });
    return reply.status(201).send({ concern: { id: body.concernId, flagId: flag.id } });
  });
}

/** What the organisation may see of the person today: nothing when not linked or under no live agreement. */
async function sharedView(store: Store, organisationId: string, personId: string, today: string): Promise<SharedView> {
  const wish = (await personSharingWishes(store.db, personId)).find((w) => w.organisationId === organisationId && w.linked);
  if (!wish) return { categories: [], agreementIds: [] };
  return sharedWithPartner(organisationId, await agreementsWithPartner(store.db, organisationId), wish, today);
}

/** The refusal a partner sees for anyone it may not see, the same whether the person exists or not; audited. */
async function refused(store: Store, staff: SignedInUser, organisation: Partner['organisation'], action: string, personId: string): Promise<ApiError> {
  await recordAudit(store.db, [audit(staff, organisation, action, personId, 'refused', { categories: [], agreementIds: [] })]);
  return new ApiError(404, 'not-found', 'Your organisation has no one with that id shared with it.');
}

function audit(staff: SignedInUser, organisation: Partner['organisation'], action: string, personId: string, outcome: 'allowed' | 'refused', view: SharedView) {
  return {
    actorId: staff.id, actorRole: staff.role, action, personId, resourceType: view.agreementIds.length ? 'SharingAgreement' : null, resourceId: view.agreementIds[0] ?? null,
    basis: 'sharing-agreement' as const, outcome, detail: { organisation: organisation.id, agreements: view.agreementIds, categories: view.categories },
  };
}

/** The signed-in partner agency and its organisation; every other account is refused (403). */
async function requirePartner(store: Store, request: FastifyRequest): Promise<Partner> {
  const staff = requireStaff(request);
  if (staff.role !== 'partner-agency' || !staff.organisationId) throw new ApiError(403, 'forbidden', 'Only an account linked to a partner organisation can see what is shared with it.');
  const names = await loadNames(store.db, [`Organization/${staff.organisationId}`]);
  return { staff, organisation: { id: staff.organisationId, name: names.get(`Organization/${staff.organisationId}`) ?? staff.organisationId } };
}
