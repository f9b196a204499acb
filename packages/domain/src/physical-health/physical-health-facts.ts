import type { DiagnosisFact } from '../discharge/discharge-facts.ts';
import type { EpisodeFact } from '../engagement/engagement-facts.ts';
import type { ResultFact } from '../medicines/monitoring-facts.ts';

/**
 * What the physical health check needs to know about one person, read out of their FHIR records
 * (docs/fhir.md says where each field lives). Lists may be in any order and may hold records after
 * the as-of day: the rules ignore those.
 */
export interface PhysicalHealthFacts {
  personId: string;
  deceasedAt?: string | null;
  /** Episodes of care: a team must hold the person on the day for the check to be asked of it. */
  episodes: EpisodeFact[];
  /** Conditions: psychosis or bipolar make the person eligible. */
  diagnoses: DiagnosisFact[];
  /** Observations that meet a part of the check (or a height), all of them, not only the latest. */
  results: CheckResultFact[];
  /** Communications inviting the person to the check. */
  invitations: InvitationFact[];
}

export interface CheckResultFact extends ResultFact {
  /** The value in words, as the panel shows it ("31.2 kg/m2", "128/82 mm[Hg]", "Ex-smoker"); absent when not read. */
  value?: string | null;
}

export interface InvitationFact {
  id: string;
  status: string;
  /** Communication.sent. */
  sent?: string | null;
  /** Communication.medium code (system.invitationMethod): letter, phone... */
  method?: string | null;
}
