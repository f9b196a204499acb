import { CONTINUITY_BASE } from '../fhir/systems.ts';

/**
 * The closed loop of a referral to a community asset (SPEC C13): the key worker sends it, the
 * partner accepts or declines it (with a reason), and after an accepted one says whether the
 * person came. Which step may follow which, in one place.
 */
export const communityReferralStatuses = {
  sent: { label: 'Sent', next: ['accepted', 'declined'], fhirStatus: 'active' },
  accepted: { label: 'Accepted', next: ['attended', 'did-not-attend'], fhirStatus: 'active' },
  declined: { label: 'Declined', next: [], fhirStatus: 'revoked' },
  attended: { label: 'Attended', next: [], fhirStatus: 'completed' },
  'did-not-attend': { label: 'Did not attend', next: [], fhirStatus: 'revoked' },
} as const satisfies Record<string, { label: string; next: readonly string[]; fhirStatus: string }>;

export type CommunityReferralStatus = keyof typeof communityReferralStatuses;

export const communityReferralSystem = `${CONTINUITY_BASE}/CodeSystem/community-referral-status`;
export const communityReferralExtension = `${CONTINUITY_BASE}/StructureDefinition/community-referral-status`;
export const communityReferralCategory = { system: `${CONTINUITY_BASE}/CodeSystem/service-request-category`, code: 'community-asset' } as const;
export const assetNeedSystem = `${CONTINUITY_BASE}/CodeSystem/community-asset-need`;

export interface ReferralStep {
  status: CommunityReferralStatus;
  date: string;
  reason?: string;
}

/** Whether the partner may record `to` now; the problem, field by field, when not. */
export function checkReferralStep(current: CommunityReferralStatus, to: string, reason: string | null | undefined): { ok: true; status: CommunityReferralStatus } | { ok: false; problems: Array<{ field: string; message: string }> } {
  if (!Object.hasOwn(communityReferralStatuses, to) || to === 'sent') return { ok: false, problems: [{ field: 'status', message: 'must be accepted, declined, attended or did-not-attend' }] };
  const next: readonly string[] = communityReferralStatuses[current].next;
  if (!next.includes(to)) {
    return { ok: false, problems: [{ field: 'status', message: next.length ? `cannot follow ${current}: the next step is ${next.join(' or ')}` : `cannot change: the referral is ${current}` }] };
  }
  if (to === 'declined' && !(reason ?? '').trim()) return { ok: false, problems: [{ field: 'reason', message: 'is required when declining, so the key worker can find another route' }] };
  return { ok: true, status: to as CommunityReferralStatus };
}

export interface CommunityReferral {
  id: string;
  personId: string;
  asset: { id: string; name: string; maintainerId: string };
  need: string;
  /** What it is for, in words: what the partner is told. */
  reason: string;
  requester: { practitionerId: string | null; name: string };
  history: ReferralStep[];
}

/**
 * The referral as a FHIR R4 ServiceRequest (docs/fhir.md "Referrals to community assets"):
 * performer → the asset's HealthcareService and the Organization that keeps it; the closed-loop
 * status and every dated step in the extension, `status` following it.
 */
export function communityReferralResource(r: CommunityReferral): Record<string, unknown> {
  const current = r.history[r.history.length - 1]!;
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    status: communityReferralStatuses[current.status].fhirStatus,
    intent: 'order',
    category: [{ coding: [communityReferralCategory] }],
    code: { coding: [{ system: assetNeedSystem, code: r.need }] },
    subject: { reference: `Patient/${r.personId}` },
    authoredOn: r.history[0]!.date,
    requester: r.requester.practitionerId ? { reference: `Practitioner/${r.requester.practitionerId}`, display: r.requester.name } : { display: r.requester.name },
    performer: [{ reference: `HealthcareService/${r.asset.id}`, display: r.asset.name }, { reference: `Organization/${r.asset.maintainerId}` }],
    reasonCode: [{ text: r.reason }],
    extension: r.history.map((step) => ({
      url: communityReferralExtension,
      extension: [
        { url: 'status', valueCoding: { system: communityReferralSystem, code: step.status } },
        { url: 'date', valueDate: step.date },
        ...(step.reason ? [{ url: 'reason', valueString: step.reason }] : []),
      ],
    })),
  };
}

/** The steps recorded on a stored ServiceRequest, oldest first. */
export function referralHistory(resource: Record<string, any>): ReferralStep[] {
  return ((resource.extension ?? []) as Array<Record<string, any>>)
    .filter((x) => x.url === communityReferralExtension)
    .map((x) => {
      const part = (url: string) => (x.extension ?? []).find((p: Record<string, any>) => p.url === url);
      const reason = part('reason')?.valueString as string | undefined;
      return { status: part('status')?.valueCoding?.code as CommunityReferralStatus, date: part('date')?.valueDate as string, ...(reason ? { reason } : {}) };
    });
}
