import { assetNeeds, communityReferralResource, fhirId, londonToday, referralHistory, type CommunityReferralStatus } from '@continuity/domain';
import { insertCommunityReferral, personCommunityReferrals, readCommunityAsset, readCommunityReferral, recordAudit, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { openRecord } from '../people/record-access.ts';

const personParams = z.object({ id: fhirId });
const words = z.string({ error: 'must be text' });

const referBody = z.strictObject({
  /** Made by the form when it opens and used as the ServiceRequest id, so a second send records nothing new. */
  referralId: z.uuid({ error: 'must be the UUID the form made when it opened' }),
  assetId: fhirId,
  need: words,
  /** What it is for, in words: what the partner is told, so say only what they need to know. */
  reason: words.trim().min(1, 'must say what the referral is for').max(500, 'must be at most 500 characters').regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'must not contain control characters'),
});

/**
 * Referrals from a person's care plan to community assets (docs/community-assets.md), each a FHIR
 * ServiceRequest with a closed-loop status:
 * - GET  /api/people/:id/community-referrals: every referral and where it stands;
 * - POST /api/people/:id/community-referrals: a new referral, sent.
 * Both go through openRecord (clinical roles with a relationship, audited); a referral and its
 * audit entry are one transaction; the audit names the asset and the need, never the words.
 */
export function communityReferralRoutes(app: FastifyInstance, store: Store) {
  app.get('/api/people/:id/community-referrals', async (request) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    await openRecord(store, request, personId, 'read-community-referrals');
    return { referrals: await personCommunityReferrals(store.db, personId) };
  });

  app.post('/api/people/:id/community-referrals', async (request, reply) => {
    const { id: personId } = parseInput(personParams, request.params, 'params');
    const body = parseInput(referBody, request.body, 'body');
    const { staff, basis } = await openRecord(store, request, personId, 'open-for-community-referral');
    const asset = await readCommunityAsset(store.db, body.assetId);
    if (!asset) throw new ApiError(400, 'invalid-input', 'The referral was not sent: assetId is not an entry in the directory', [{ field: 'assetId', message: 'is not an entry in the directory' }]);
    if (!Object.hasOwn(assetNeeds, body.need) || !asset.needs.includes(body.need)) {
      throw new ApiError(400, 'invalid-input', `The referral was not sent: need must be one ${asset.name} serves`, [{ field: 'need', message: `must be one the service serves: ${asset.needs.join(', ')}` }]);
    }
    const today = londonToday();
    const resource = communityReferralResource({
      id: body.referralId, personId, asset: { id: asset.id, name: asset.name, maintainerId: asset.maintainerId }, need: body.need, reason: body.reason,
      requester: { practitionerId: staff.practitionerId, name: staff.displayName }, history: [{ status: 'sent', date: today }],
    });
    const held = await readCommunityReferral(store.db, body.referralId);
    if (held) {
      if (held.personId === personId && held.asset.id === asset.id && held.need === body.need && held.reason === body.reason) return reply.status(200).send({ referral: held });
      throw new ApiError(409, 'id-in-use', 'A different referral already has this id. Reload the form to send this as a new referral.', [{ field: 'referralId', message: 'is already used by a different referral' }]);
    }
    const sent = await store.db.transaction().execute(async (trx) => {
      if (!(await insertCommunityReferral(trx, { personId, id: body.referralId, assetId: asset.id, maintainerId: asset.maintainerId, need: body.need, sentOn: today, resource }))) return false;
      await recordAudit(trx, [{ actorId: staff.id, actorRole: staff.role, action: 'refer-to-community-asset', personId, resourceType: 'ServiceRequest', resourceId: body.referralId, basis, outcome: 'allowed', detail: { asset: asset.id, need: body.need } }]);
      return true;
    });
    if (!sent) throw new ApiError(409, 'id-in-use', 'A different referral already has this id. Reload the form to send this as a new referral.', [{ field: 'referralId', message: 'is already used by a different referral' }]);
    return reply.status(201).send({ referral: (await personCommunityReferrals(store.db, personId)).find((r) => r.id === body.referralId) });
  });
}

/** The next step's ServiceRequest: the one held, with the step added and the status following it. */
export function withStep(resource: Record<string, any>, step: { status: CommunityReferralStatus; date: string; reason?: string }): Record<string, unknown> {
  const history = [...referralHistory(resource), step];
  const requester = resource.requester as { reference?: string; display?: string };
  return communityReferralResource({
    id: resource.id, personId: String(resource.subject.reference).replace(/^Patient\//, ''),
    asset: { id: String(resource.performer[0].reference).replace(/^HealthcareService\//, ''), name: resource.performer[0].display ?? '', maintainerId: String(resource.performer[1].reference).replace(/^Organization\//, '') },
    need: resource.code.coding[0].code, reason: resource.reasonCode?.[0]?.text ?? '',
    requester: { practitionerId: requester.reference?.replace(/^Practitioner\//, '') ?? null, name: requester.display ?? '' }, history,
  });
}
