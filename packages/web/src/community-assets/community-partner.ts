import type { SignedInUser } from '../api/types.ts';

/**
 * A partner account of an organisation that is not a GP practice (a VCSE, housing or employment
 * service): its work is the referrals to its community services. A GP practice's is shared care.
 */
export function communityPartner(user: SignedInUser): boolean {
  return user.role === 'partner-agency' && Boolean(user.organisationId) && Boolean(user.organisationKind) && user.organisationKind !== 'gp-practice';
}
