/**
 * A discharge, as proposed by a clinician or as recorded on a finished EpisodeOfCare (docs/fhir.md,
 * "Discharge"), and the diagnoses that decide whether the guard applies. Pure data.
 */
export interface DischargeRecord {
  /** The EpisodeOfCare ending. */
  episodeId: string;
  /** CS/discharge-reason code; absent when the sending system recorded none. */
  reason?: string | null;
  /** FHIR date the MDT decided. */
  mdtDecisionDate?: string | null;
  /** The person's own signs of relapse, in words. */
  relapseIndicators?: string | null;
  /** Known harms if a relapse is not responded to promptly, in words. */
  harmsIfMissed?: string | null;
  /** How the person gets back into the service, in words. */
  routeBack?: string | null;
}

export interface DiagnosisFact {
  /** Condition id. */
  id: string;
  codings: Array<{ system?: string | null; code?: string | null }>;
  /** Condition.verificationStatus code, where sent. */
  verification?: string | null;
}
