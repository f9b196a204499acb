import { decideNeedToKnowAccess } from '@continuity/domain';
import { activeBreakGlass, openCareIntensities, personRelationships, recordAudit, type Store } from '@continuity/store';
import type { FastifyRequest } from 'fastify';
import { requireStaff } from '../auth/session.ts';
import { ApiError } from '../http/errors.ts';

/**
 * The gate in front of the need-to-know page (docs/crisis-need-to-know.md): the record's rule, and
 * for the crisis line also anyone in intensive or assertive care, on the basis "crisis-line"
 * (domain need-to-know-access.ts). Audited, refusals too, as openRecord does; it opens this page
 * only, never the record.
 */
export async function openNeedToKnow(store: Store, request: FastifyRequest, personId: string) {
  const staff = requireStaff(request);
  const relationships = await personRelationships(store.db, personId);
  if (!relationships.exists) throw new ApiError(404, 'not-found', 'There is no person with that id.');
  const [breakGlass, intensities] = await Promise.all([activeBreakGlass(store.db, staff.id, personId, new Date()), openCareIntensities(store.db, personId)]);
  const decision = decideNeedToKnowAccess(
    {
      role: staff.role,
      userTeams: staff.teams.map((t) => t.id),
      practitionerId: staff.practitionerId,
      personTeams: relationships.teams,
      personKeyWorkers: relationships.keyWorkers,
      hasBreakGlass: Boolean(breakGlass),
    },
    intensities,
  );
  await recordAudit(store.db, [
    {
      actorId: staff.id,
      actorRole: staff.role,
      action: 'read-need-to-know',
      personId,
      basis: decision.allowed ? decision.basis : 'none',
      reason: decision.allowed && decision.basis === 'break-glass' ? breakGlass?.reason : null,
      outcome: decision.allowed ? 'allowed' : 'refused',
    },
  ]);
  if (!decision.allowed) throw new ApiError(403, decision.canBreakGlass ? 'break-glass-required' : 'forbidden', decision.message);
  return { staff, basis: decision.basis };
}
