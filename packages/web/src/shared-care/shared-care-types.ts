/** The shapes the shared care API returns: type-only imports from the store, which builds them. */
import type { AgreementView, PersonSharedCare, PracticeAgreement } from '@continuity/store';

export type { AgreementView, PracticeAgreement };

export interface PersonSharedCareResponse extends PersonSharedCare {
  /** The signed-in clinician's teams: one of them proposes. */
  teams: Array<{ id: string; name: string }>;
}

export interface PracticeSharedCareResponse {
  practice: { id: string; name: string };
  agreements: Array<Omit<PracticeAgreement, 'personId'>>;
}
