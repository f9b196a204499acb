/**
 * What the engagement rules need to know about one person, already read out of their FHIR records
 * (docs/fhir.md says where each field lives). Dates are FHIR date or dateTime strings as sent.
 * Lists may be in any order and may include records after the as-of date: the rules ignore those.
 */
export interface EngagementFacts {
  personId: string;
  deceasedAt?: string | null;
  episodes: EpisodeFact[];
  /** Personalised care plans (category care-plan); safety and crisis plans are not needed. */
  carePlans: CarePlanFact[];
  appointments: AppointmentFact[];
  /** Encounters: contacts that happened, and admissions. */
  encounters: EncounterFact[];
  medicationRequests: MedicationRequestFact[];
  medicationStatements: MedicationStatementFact[];
  administrations: AdministrationFact[];
}

export interface EpisodeFact {
  id: string;
  status: string;
  start?: string | null;
  end?: string | null;
  /** CS/care-intensity code: standard, intensive, assertive. */
  intensity?: string | null;
  /** Organization id of the managing team. */
  teamId?: string | null;
}

export interface CarePlanFact {
  id: string;
  status: string;
  start?: string | null;
  end?: string | null;
  /** SD/contact-frequency valueDuration. */
  contactFrequency?: { value: number; unit: string } | null;
}

export interface AppointmentFact {
  id: string;
  /** booked, fulfilled, noshow, cancelled, ... */
  status: string;
  start?: string | null;
}

export interface EncounterFact {
  id: string;
  /** finished for a contact that happened; in-progress for an admission still going on. */
  status: string;
  start?: string | null;
  end?: string | null;
  /** v3 ActCode class IMP: an inpatient stay, in contact with services throughout. */
  inpatient: boolean;
  /** Appointments this contact fulfilled. */
  appointmentIds: string[];
}

export interface MedicationRequestFact {
  id: string;
  status: string;
  authoredOn?: string | null;
  /** The medicine in words (text, else the first display). */
  medicine: string;
  atc?: string | null;
  /** Given by intramuscular injection (route SNOMED 78421000): a long-acting injection. */
  injection: boolean;
  /** dosageInstruction.timing.repeat period and unit: the prescribed interval between injections. */
  interval?: { value: number; unit: string } | null;
}

export interface MedicationStatementFact {
  id: string;
  status: string;
  /** CS/medication-status-reason codes. */
  reasonCodes: string[];
  /** What the person said, or the reason in words. */
  reasonText?: string | null;
  requestId?: string | null;
  medicine: string;
  /** When the person told us (dateAsserted). */
  asserted?: string | null;
  /** When they stopped (effectivePeriod.end or effectiveDateTime). */
  stopped?: string | null;
}

export interface AdministrationFact {
  id: string;
  /** completed (given) or not-done (declined or missed on the day). */
  status: string;
  at?: string | null;
  requestId?: string | null;
}

/** One reason a person is on a worklist: a code, a sentence, and the records that show it. */
export interface WorklistReason {
  code: string;
  text: string;
  evidence: string[];
}
