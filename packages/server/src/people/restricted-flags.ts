import { restrictedFlagView, type RestrictedFlagView } from '@continuity/domain';
import { recordAudit, restrictedFlagIds, type AuditBasis, type Store } from '@continuity/store';
import type { SignedInUser } from '../auth/session.ts';

/**
 * What this reader may see of a person's restricted flags (MARAC, MAPPA; domain restricted-flags.ts)
 * on one surface. When the person has such flags and the reader is not entitled to their content,
 * the withheld view is audited (outcome refused, with the surface and the flags' ids) so a Caldicott
 * guardian can see who was kept from what.
 */
export async function restrictedFlagsFor(store: Store, staff: SignedInUser, personId: string, basis: AuditBasis, surface: string): Promise<RestrictedFlagView> {
  const view = restrictedFlagView({ role: staff.role, basis });
  if (view === 'content') return view;
  const flags = await restrictedFlagIds(store.db, personId);
  if (flags.length > 0) {
    await recordAudit(store.db, [
      { actorId: staff.id, actorRole: staff.role, action: 'withhold-restricted-flags', personId, basis, outcome: 'refused', detail: { surface, view, flags } },
    ]);
  }
  return view;
}
