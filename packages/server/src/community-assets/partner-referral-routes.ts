import { checkReferralStep, fhirId, londonToday } from '@continuity/domain';
import { partnerCommunityReferrals, readCommunityReferral, recordAudit, updateCommunityReferral, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireStaff, type SignedInUser } from '../auth/session.ts';
import { ApiError, parseInput } from '../http/errors.ts';
import { withStep } from './referral-routes.ts';

const referralParams = z.object({ referralId: fhirId });
const stepBody = z.strictObject({
  status: z.string({ error: 'must be accepted, declined, attended or did-not-attend' }),
  /** Why it was declined: required then, so the key worker can find another route. */
  reason: z.string({ error: 'must be text' }).max(500, 'must be at most 500 characters').regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters').nullish(),
  version: z.number({ error: 'must be the version of the referral you read' }).int().positive('must be the version of the referral you read'),
});

/**
 * The partner organisation's side of referrals to its community assets (docs/community-assets.md):
 * - GET  /api/community-assets/referrals: every referral to the assets its organisation keeps, with
 *   only the person's name and phone and what the referral is for; each person shown is audited;
 * - POST /api/community-assets/referrals/:referralId: accepts, declines (with a reason) or says
 *   whether the person attended, on the version read (409 when it changed). A referral to another
 *   organisation's asset is refused (403), and the refusal audited.
 * Nothing else of anyone's record: the account is not clinical, so search and records refuse it.
 */
export function partnerReferralRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/community-assets/referrals', async (request) => {
    const { staff, organisationId } = requirePartner(request);
    const referrals = await partnerCommunityReferrals(store.db, organisationId);
    await recordAudit(
      store.db,
      referrals.map((r) => ({
        actorId: staff.id, actorRole: staff.role, action: 'read-community-referrals', personId: r.personId, resourceType: 'ServiceRequest', resourceId: r.id,
        basis: 'community-referral' as const, outcome: 'allowed' as const, detail: { organisation: organisationId },
      })),
    );
    return { referrals: referrals.map(({ personId: _personId, ...shown }) => shown) };
  });

  app.post('/api/community-assets/referrals/:referralId', async (request) => {
    const { staff, organisationId } = requirePartner(request);
    const { referralId } = parseInput(referralParams, request.params, 'params');
    const held = await readCommunityReferral(store.db, referralId);
    if (!held) throw new ApiError(404, 'not-found', 'There is no referral with that id.');
    const audit = (outcome: 'allowed' | 'refused', detail: Record<string, unknown>) => ({
      actorId: staff.id, actorRole: staff.role, action: 'answer-community-referral', personId: held.personId, resourceType: 'ServiceRequest', resourceId: referralId, basis: 'community-referral' as const, outcome, detail,
    });
    if (held.maintainerId !== organisationId) {
      await recordAudit(store.db, [audit('refused', { organisation: organisationId })]);
      throw new ApiError(403, 'forbidden', 'This referral is to a service another organisation keeps.');
    }
    const body = parseInput(stepBody, request.body, 'body');
    if (held.version !== body.version) throw stale(held.version);
    const step = checkReferralStep(held.status, body.status, body.reason);
    if (!step.ok) throw new ApiError(400, 'invalid-input', `The referral was not changed: ${step.problems.map((p) => `${p.field} ${p.message}`).join('; ')}`, step.problems);
    const reason = body.reason?.trim();
    const resource = withStep(held.resource, { status: step.status, date: londonToday(), ...(reason ? { reason } : {}) });
    return store.db.transaction().execute(async (trx) => {
      const version = await updateCommunityReferral(trx, held.personId, referralId, body.version, step.status, resource);
      if (version === undefined) throw stale((await readCommunityReferral(trx, referralId))!.version);
      await recordAudit(trx, [audit('allowed', { organisation: organisationId, status: step.status })]);
      return { referral: { id: referralId, version, status: step.status } };
    });
  });
}

/** The signed-in partner agency and its organisation: no one else answers referrals to community assets. */
function requirePartner(request: FastifyRequest): { staff: SignedInUser; organisationId: string } {
  const staff = requireStaff(request);
  if (staff.role !== 'partner-agency' || !staff.organisationId) throw new ApiError(403, 'forbidden', 'Only an account linked to a partner organisation can answer referrals to its services.');
  return { staff, organisationId: staff.organisationId };
}

function stale(now: number): ApiError {
  return new ApiError(409, 'stale-version', 'The referral changed since you opened it. Reload to see where it stands now.', [{ field: 'version', message: `is not the current version of the referral (now version ${now})` }]);
}
