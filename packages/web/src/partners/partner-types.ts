/** The shapes the partners-and-sharing API returns (docs/partners-and-sharing.md). */
export interface Coded {
  code: string;
  label: string;
  shows?: string;
}

export interface PartnerOrganisation {
  id: string;
  name: string;
  kind: string | null;
}

export interface SharingAgreement {
  id: string;
  version: number;
  title: string;
  purpose: string;
  legalBasis: string;
  partners: PartnerOrganisation[];
  categories: string[];
  startDate: string;
  reviewDate: string;
  status: string;
  state: 'draft' | 'not-started' | 'live' | 'review-due' | 'review-overdue' | 'ended';
}

export interface AgreementsResponse {
  today: string;
  canEdit: boolean;
  agreements: SharingAgreement[];
  partners: PartnerOrganisation[];
  legalBases: Array<Coded & { restsOnConsent: boolean; source: string }>;
  categories: Coded[];
  statuses: Coded[];
  reviewDueWithinDays: number;
}

export interface SharingWish {
  id: string;
  version: number;
  organisation: PartnerOrganisation;
  decision: string;
  objections: string[];
  date: string;
  recordedBy: string;
  linked: boolean;
  sharedToday: string[];
}

export interface SharingResponse {
  wishes: SharingWish[];
  partners: PartnerOrganisation[];
  decisions: Coded[];
  categories: Coded[];
}

export interface PartnerConcern {
  flagId: string;
  version: number;
  from: { id: string | null; name: string };
  raisedOn: string | null;
  words: string | null;
  acknowledged: { date: string; by: string; response: string } | null;
}

export interface SharedPerson {
  id: string;
  identity?: { name: { family: string | null; given: string | null }; nhsNumber: string | null; birthDate: string | null };
  contact?: { phone: string | null; postcode: string | null };
  'key-worker-and-team'?: Array<{ team: string | null; keyWorker: string | null }>;
  'care-plan-summary'?: { since: string | null; lastReviewed: string | null; goals: string[] } | null;
  'crisis-plan'?: { lastReviewed: string | null; crisisContact: string | null; sections: Array<{ label: string; text: string }> } | null;
  'current-medicines'?: Array<{ name: string; dose: string | null }>;
  appointments?: Array<{ start: string; end: string | null }>;
  'red-flags'?: Array<{ text: string; since: string | null }>;
}
