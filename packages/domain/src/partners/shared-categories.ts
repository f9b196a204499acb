import { agreementGrantsAccess, sharingCategoryOrder, type SharingAgreement } from './sharing-agreement.ts';
import { legalBases, type SharingCategory } from './sharing-rules.ts';
import type { SharingWish } from './sharing-wishes.ts';

export interface SharedView {
  /** What the partner may be shown of this person, in sharing-rules.ts order; empty means nothing at all. */
  categories: SharingCategory[];
  /** The agreements that grant it, for the audit entry. */
  agreementIds: string[];
}

/**
 * What a partner organisation may see of one person on a day: only while the team has linked them
 * (`wish.linked`), and only under agreements naming the partner that are live that day. Under an
 * agreement resting on consent, the person must have agreed and nothing they object to is shared;
 * on any other basis the agreement's categories are shared (the wishes are weighed when the
 * agreement is made and reviewed). Several agreements with one partner add up.
 */
export function sharedWithPartner(organisationId: string, agreements: readonly SharingAgreement[], wish: SharingWish | undefined, today: string): SharedView {
  if (!wish || !wish.linked || wish.organisationId !== organisationId) return { categories: [], agreementIds: [] };
  const shared = new Set<SharingCategory>();
  const agreementIds: string[] = [];
  for (const agreement of agreements) {
    if (!agreement.partners.includes(organisationId) || !agreementGrantsAccess(agreement, today)) continue;
    let categories = agreement.categories;
    if (legalBases[agreement.legalBasis].restsOnConsent) {
      if (wish.decision !== 'agreed') continue;
      categories = categories.filter((c) => !wish.objections.includes(c));
    }
    if (categories.length === 0) continue;
    categories.forEach((c) => shared.add(c));
    agreementIds.push(agreement.id);
  }
  // Identity comes with anything else or not at all: a bare list of categories about nobody is no use.
  if (!shared.has('identity')) return { categories: [], agreementIds: [] };
  return { categories: sharingCategoryOrder(shared), agreementIds };
}
