import type { EpisodeFact } from '../engagement/engagement-facts.ts';
import type { MonitoringCode } from './monitoring-rules.ts';

/**
 * What the monitoring rules need to know about one person, read out of their FHIR records
 * (docs/fhir.md says where each field lives). Dates are FHIR date or dateTime strings as sent.
 * Lists may be in any order and may hold records after the as-of day: the rules ignore those.
 */
export interface MonitoringFacts {
  personId: string;
  deceasedAt?: string | null;
  /** Patient.gender (administrative gender). */
  gender?: string | null;
  birthDate?: string | null;
  /** Episodes of care: which teams hold the person on the as-of day (for a team's list). */
  episodes: EpisodeFact[];
  /** MedicationRequests. */
  prescriptions: PrescriptionFact[];
  /** Observations. */
  results: ResultFact[];
  /** Medication review Encounters (type SNOMED CT 182836005). */
  reviews: ReviewFact[];
}

export interface PrescriptionFact {
  id: string;
  status: string;
  authoredOn?: string | null;
  /** The medicine in words (text, else the first display). */
  medicine: string;
  /** medicationCodeableConcept.coding: ATC and SNOMED CT are the ones read. */
  codes: MonitoringCode[];
}

export interface ResultFact {
  id: string;
  status: string;
  /** effectiveDateTime, effectivePeriod.start or issued: when the sample or check was taken. */
  at?: string | null;
  /** Observation.code.coding and component[].code.coding. */
  codes: MonitoringCode[];
}

export interface ReviewFact {
  id: string;
  status: string;
  /** period.start. */
  at?: string | null;
}
