/** What the waiting rules read about one person's referrals and contacts (built by the store). */
export interface ReferralFacts {
  personId: string;
  referrals: WaitingReferralFact[];
  /** Attended contacts (finished Encounters, not admissions). */
  contacts: ReferralContactFact[];
  /** Care plans, by the day they were agreed (created, else period.start). */
  carePlans: Array<{ id: string; agreed?: string | null; teamId?: string | null }>;
  /** Check-ins while waiting (Communication, category waiting-check-in). */
  checkIns: Array<{ id: string; sent?: string | null; teamId?: string | null; referralId?: string | null }>;
  /** Which team holds each episode, so a contact filed under an episode counts for that team. */
  episodeTeams: Record<string, string | null>;
}

export interface WaitingReferralFact {
  id: string;
  status: string;
  authoredOn?: string | null;
  /** The team referred to (performer[0]); none while it waits for triage at the single point of access. */
  teamId?: string | null;
  triage?: { outcome: string; on?: string | null } | null;
}

export interface ReferralContactFact {
  id: string;
  start?: string | null;
  teamId?: string | null;
  episodeIds: string[];
  /** Referrals the contact was for (basedOn). */
  referralIds: string[];
}
