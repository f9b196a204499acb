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

export type { SharedPerson } from '../../../domain/src/partners/shared-person.ts';
