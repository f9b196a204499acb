import type { EpisodeFact, WorklistReason } from '../engagement/engagement-facts.ts';

/**
 * What the intensive-review rules need to know about one person, already read out of their FHIR
 * records (docs/fhir.md says where each field lives). Dates are FHIR date or dateTime strings as
 * sent; lists may hold records after the as-of day: the rules ignore those.
 */
export interface IntensiveReviewFacts {
  personId: string;
  deceasedAt?: string | null;
  episodes: IntensiveEpisodeFact[];
  /** Referrals (ServiceRequest) with their status: one not yet decided brings the person into view. */
  referrals: Array<{ id: string; status: string; authoredOn?: string | null; teamId?: string | null }>;
  /** Conditions with their codings (SNOMED CT, ICD-10) and verification status. */
  conditions: ConditionFact[];
  /** Prescriptions of an antipsychotic (the store keeps only those, by medicines/recognise.ts). */
  antipsychotics: Array<{ id: string; status: string; authoredOn?: string | null; medicine: string; injection: boolean; clozapine: boolean }>;
  /** Admissions: Encounters of class IMP. */
  admissions: Array<{ id: string; status: string; start?: string | null }>;
  /** Mental Health Act legal status Flags. */
  legalStatuses: Array<{ id: string; status: string; code?: string | null; start?: string | null }>;
  /** The Patient's accommodation status code (CS/accommodation-status), as the record says now. */
  accommodation?: string | null;
  /** Red flag and social need Flags (CS/red-flag codes). */
  flags: FlagFact[];
  /** Carer concerns, and concerns from the police. */
  concerns: Array<{ id: string; kind: 'carer' | 'police'; sent?: string | null }>;
  /** AUDIT-C scores. */
  auditC: Array<{ id: string; score: number; at?: string | null }>;
  /**
   * The reasons the person is on the disengaged worklist as of the day, by the engagement rules
   * (engagement/evaluate-engagement.ts); absent or empty when they are not on it.
   */
  disengaged?: WorklistReason[];
}

export interface IntensiveEpisodeFact extends EpisodeFact {
  /** CS/organisation-type of the managing team (aot: an assertive outreach team). */
  teamType?: string | null;
}

export interface ConditionFact {
  id: string;
  codings: Array<{ system?: string | null; code?: string | null; display?: string | null }>;
  verification?: string | null;
  /** recordedDate, else onset: a diagnosis recorded after the as-of day is not yet known. */
  recorded?: string | null;
}

export interface FlagFact {
  id: string;
  status: string;
  code: string;
  start?: string | null;
  end?: string | null;
}

export interface IntensiveReviewFinding {
  personId: string;
  /** The indicators present, each with its records; the person is listed only when the listing rule is met. */
  reasons: WorklistReason[];
  listed: boolean;
}
