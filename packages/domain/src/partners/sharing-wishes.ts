import { enteredDayProblem } from '../engagement/entered-day.ts';
import { system, extension } from '../fhir/systems.ts';
import { sharingCategories, sharingDecisions, type SharingCategory, type SharingDecision } from './sharing-rules.ts';
import { sharingCategoryOrder } from './sharing-agreement.ts';

/**
 * A person's sharing wishes for one partner organisation, and the link between them: the team
 * records it when the partner is involved in the person's care. While `linked`, the partner may
 * see the person under a live agreement; an unlinked partner sees nothing.
 */
export interface SharingWish {
  id: string;
  personId: string;
  organisationId: string;
  decision: SharingDecision;
  /** Categories the person objects to sharing with this partner (`identity` cannot be objected to alone: that is declining). */
  objections: SharingCategory[];
  /** The day the wishes were given or recorded, YYYY-MM-DD. */
  date: string;
  /** Who recorded them, by name. */
  recordedBy: string;
  linked: boolean;
}

export interface WishProblem {
  field: 'decision' | 'objections' | 'date';
  message: string;
}

/** The Consent.category that marks a Consent as a person's sharing wishes for a partner (docs/fhir.md). */
export const partnerSharingConsentCategory = { system: system.consentCategory, code: 'partner-sharing', display: "The person's wishes about sharing with a partner organisation" } as const;

/** Checks the decision, objections and day as sent (`today` in England: wishes are recorded once given). */
export function checkWishes(input: { decision: string; objections: string[]; date: string; today: string }): { ok: true; decision: SharingDecision; objections: SharingCategory[] } | { ok: false; problems: WishProblem[] } {
  const problems: WishProblem[] = [];
  const dateProblem = enteredDayProblem(input.date, input.today, 'record wishes once they are given');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  if (!Object.hasOwn(sharingDecisions, input.decision)) problems.push({ field: 'decision', message: `must be one of: ${Object.keys(sharingDecisions).join(', ')}` });
  const unknown = input.objections.filter((c) => !Object.hasOwn(sharingCategories, c));
  if (unknown.length > 0) problems.push({ field: 'objections', message: `must be among: ${Object.keys(sharingCategories).join(', ')} (not ${unknown.join(', ')})` });
  else if (input.objections.includes('identity')) problems.push({ field: 'objections', message: 'cannot include identity: a person who objects to being identified declines sharing' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, decision: input.decision as SharingDecision, objections: sharingCategoryOrder(input.objections as SharingCategory[]) };
}

const IRCP = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] };

/**
 * The Consent holding a person's wishes for one partner: the partner Organization is the
 * information recipient (`provision.actor`); agreed is `permit`, declined `deny`, not asked has
 * status `proposed`; objections are nested `deny` provisions with the category codes; unlinked is
 * status `inactive`. The decision is also in extension sharingDecision so it reads without rules.
 */
export function sharingWishConsent(wish: SharingWish): Record<string, unknown> {
  const status = !wish.linked ? 'inactive' : wish.decision === 'not-asked' ? 'proposed' : 'active';
  return {
    resourceType: 'Consent',
    id: wish.id,
    status,
    extension: [
      { url: extension.sharingDecision, valueCode: wish.decision },
      { url: extension.recordedBy, valueString: wish.recordedBy },
    ],
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: system.loinc, code: '59284-0', display: 'Patient Consent' }] }, { coding: [partnerSharingConsentCategory] }],
    patient: { reference: `Patient/${wish.personId}` },
    dateTime: wish.date,
    organization: [{ reference: 'Organization/trust' }],
    policy: [{ uri: 'https://www.gov.uk/government/publications/the-caldicott-principles' }],
    provision: {
      ...(wish.decision === 'not-asked' ? {} : { type: wish.decision === 'agreed' ? 'permit' : 'deny' }),
      actor: [{ role: IRCP, reference: { reference: `Organization/${wish.organisationId}` } }],
      ...(wish.objections.length > 0
        ? { provision: wish.objections.map((code) => ({ type: 'deny', code: [{ coding: [{ system: system.sharingCategory, code, display: sharingCategories[code].label }] }] })) }
        : {}),
    },
  };
}

type R = Record<string, any>;

/** The wishes a partner-sharing Consent holds, or undefined for any other Consent (the synthetic GP and carer consents among them). */
export function sharingWishOf(personId: string, consent: R): SharingWish | undefined {
  const isPartnerSharing = (consent.category as R[] | undefined)?.some((c) => (c.coding as R[] | undefined)?.some((x) => x.system === partnerSharingConsentCategory.system && x.code === partnerSharingConsentCategory.code));
  const organisation = ((consent.provision?.actor as R[] | undefined) ?? []).map((a) => a.reference?.reference as string | undefined).find((r) => r?.startsWith('Organization/'));
  if (!isPartnerSharing || !organisation) return undefined;
  const decision = (consent.extension as R[] | undefined)?.find((x) => x.url === extension.sharingDecision)?.valueCode;
  const objections = ((consent.provision?.provision as R[] | undefined) ?? [])
    .filter((p) => p.type === 'deny')
    .flatMap((p) => (p.code as R[] | undefined) ?? [])
    .flatMap((c) => (c.coding as R[] | undefined) ?? [])
    .filter((c) => c.system === system.sharingCategory && Object.hasOwn(sharingCategories, c.code))
    .map((c) => c.code as SharingCategory);
  return {
    id: consent.id,
    personId,
    organisationId: organisation.slice('Organization/'.length),
    decision: Object.hasOwn(sharingDecisions, decision) ? decision : consent.provision?.type === 'permit' ? 'agreed' : consent.provision?.type === 'deny' ? 'declined' : 'not-asked',
    objections: sharingCategoryOrder(objections),
    date: typeof consent.dateTime === 'string' ? consent.dateTime.slice(0, 10) : '',
    recordedBy: (consent.extension as R[] | undefined)?.find((x) => x.url === extension.recordedBy)?.valueString ?? '',
    linked: consent.status === 'active' || consent.status === 'proposed',
  };
}
