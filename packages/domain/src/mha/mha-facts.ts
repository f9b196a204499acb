import type { EpisodeFact } from '../engagement/engagement-facts.ts';

/**
 * What the Mental Health Act rules need to know about one person, read out of their FHIR records
 * (docs/fhir.md, "Mental Health Act legal status (Flag)"). Dates are FHIR date strings as sent.
 */
export interface MhaFacts {
  personId: string;
  deceasedAt?: string | null;
  /** Episodes of care: which teams hold the person on the as-of day (for a team's list). */
  episodes: EpisodeFact[];
  /** Flags in the mha-legal-status category. */
  legalStatuses: LegalStatusFact[];
}

export interface LegalStatusFact {
  id: string;
  /** Flag.status. */
  status: string;
  /** Flag.code in the mha-legal-status system: "02", "03", "17". */
  code: string | null;
  /** period.start and period.end. */
  start?: string | null;
  end?: string | null;
  /** On a CTO, extension review-due: the last day it is in force unless renewed. */
  expires?: string | null;
}
