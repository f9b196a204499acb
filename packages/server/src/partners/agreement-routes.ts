import { agreementState, agreementStatuses, checkAgreement, legalBases, londonToday, roles, sharingCategories, sharingRules, type Role, type SharingAgreement } from '@continuity/domain';
import { createSharingAgreement, partnerOrganisations, readSharingAgreement, recordAudit, sharingAgreements, updateSharingAgreement, type StoredAgreement, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { agreementParams, changeAgreementBody, newAgreementBody } from './sharing-input.ts';

/** Administrators keep the trust's agreements; a team manager signs them for their service (docs/partners-and-sharing.md). */
const EDITORS: readonly Role[] = ['admin', 'team-manager'];

/**
 * Information-sharing agreements with partner organisations (docs/partners-and-sharing.md):
 * - GET  /api/sharing-agreements: every agreement with where it stands today, the partner
 *   organisations, and the lists (legal bases, categories, statuses) the form offers; for
 *   administrators and clinical staff, who link partners to people under them;
 * - POST /api/sharing-agreements: a new agreement (admin or team manager);
 * - POST /api/sharing-agreements/:agreementId: a change on the version read (409 when stale).
 * Agreements hold no person: each write is audited with basis `sharing-agreement`, without a person.
 */
export function agreementRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/sharing-agreements', async (request) => {
    const staff = requireStaff(request);
    if (staff.role !== 'admin' && !roles[staff.role].clinical) throw new ApiError(403, 'forbidden', 'Your role cannot see information-sharing agreements.');
    const [agreements, partners] = await Promise.all([sharingAgreements(store.db), partnerOrganisations(store.db)]);
    const today = londonToday();
    return {
      today,
      canEdit: EDITORS.includes(staff.role),
      agreements: agreements.map((a) => shown(a, today, partners)),
      partners,
      legalBases: Object.entries(legalBases).map(([code, b]) => ({ code, label: b.label, restsOnConsent: b.restsOnConsent, source: b.source })),
      categories: Object.entries(sharingCategories).map(([code, c]) => ({ code, label: c.label, shows: c.shows })),
      statuses: Object.entries(agreementStatuses).map(([code, label]) => ({ code, label })),
      reviewDueWithinDays: sharingRules.reviewDueWithinDays,
    };
  });

  app.post('/api/sharing-agreements', async (request, reply) => {
    const staff = requireEditor(request);
    const { agreementId, ...content } = parseInput(newAgreementBody, request.body, 'body');
    const agreement = await checked(store, { id: agreementId, ...content });
    const held = await readSharingAgreement(store.db, agreementId);
    if (held) {
      if (sameContent(held, agreement)) return reply.status(200).send({ agreement: { id: held.id, version: held.version } });
      throw new ApiError(409, 'exists', 'There is already an agreement with that id.', [{ field: 'agreementId', message: 'is the id of another agreement' }]);
    }
    await store.db.transaction().execute(async (trx) => {
      if (!(await createSharingAgreement(trx, agreement, staff.id))) throw new ApiError(409, 'exists', 'There is already an agreement with that id.', [{ field: 'agreementId', message: 'is the id of another agreement' }]);
      await recordAudit(trx, [audit(staff, 'create-sharing-agreement', agreement.id, { status: agreement.status, partners: agreement.partners })]);
    });
    return reply.status(201).send({ agreement: { id: agreement.id, version: 1 } });
  });

  app.post('/api/sharing-agreements/:agreementId', async (request) => {
    const staff = requireEditor(request);
    const { agreementId } = parseInput(agreementParams, request.params, 'params');
    const { version, ...content } = parseInput(changeAgreementBody, request.body, 'body');
    const held = await readSharingAgreement(store.db, agreementId);
    if (!held) throw new ApiError(404, 'not-found', 'There is no agreement with that id.');
    if (held.version !== version) throw stale(held.version);
    const agreement = await checked(store, { id: agreementId, ...content });
    return store.db.transaction().execute(async (trx) => {
      const next = await updateSharingAgreement(trx, agreement, version, staff.id);
      if (next === undefined) throw stale((await readSharingAgreement(trx, agreementId))?.version ?? version);
      await recordAudit(trx, [audit(staff, 'change-sharing-agreement', agreement.id, { status: agreement.status, partners: agreement.partners, version: next })]);
      return { agreement: { id: agreement.id, version: next } };
    });
  });
}

function requireEditor(request: FastifyRequest): SignedInUser {
  const staff = requireStaff(request);
  if (!EDITORS.includes(staff.role)) throw new ApiError(403, 'forbidden', 'Only an administrator or a team manager can change information-sharing agreements.');
  return staff;
}

/** The domain's rules, and every partner a known partner Organization. */
async function checked(store: Store, input: Parameters<typeof checkAgreement>[0]) {
  const result = checkAgreement(input);
  const problems: Array<{ field: string; message: string }> = result.ok ? [] : [...result.problems];
  const known = new Set((await partnerOrganisations(store.db)).map((p) => p.id));
  const unknown = input.partners.filter((p) => !known.has(p));
  if (unknown.length > 0) problems.push({ field: 'partners', message: `must be partner organisations the platform knows (not ${unknown.join(', ')})` });
  if (!result.ok || problems.length > 0) throw new ApiError(400, 'invalid-input', `The agreement was not saved: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, problems);
  return result.agreement;
}

function sameContent(held: StoredAgreement, agreement: SharingAgreement) {
  const { version: _v, updatedAt: _u, ...content } = held;
  return JSON.stringify(content) === JSON.stringify(agreement);
}

function shown(a: StoredAgreement, today: string, partners: Array<{ id: string; name: string; kind: string }>) {
  return { ...a, state: agreementState(a, today), partners: a.partners.map((id) => partners.find((p) => p.id === id) ?? { id, name: id, kind: null }) };
}

function audit(staff: SignedInUser, action: string, agreementId: string, detail: Record<string, unknown>) {
  return { actorId: staff.id, actorRole: staff.role, action, resourceType: 'SharingAgreement', resourceId: agreementId, basis: 'sharing-agreement' as const, outcome: 'allowed' as const, detail };
}

function stale(now: number): ApiError {
  return new ApiError(409, 'stale-version', 'The agreement changed since you opened it. Reload to see it as it is now.', [{ field: 'version', message: `is not the current version of the agreement (now version ${now})` }]);
}
