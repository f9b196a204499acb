/**
 * The shapes the API returns. Type-only imports from the store, which builds them, so the web app
 * and the server cannot drift apart; nothing of the store is bundled into the app.
 */
import type { PersonSummary, StaffUser } from '@continuity/store';

export type { AuditEvent, Characteristic, PersonRecord, TimelineEntry } from '@continuity/store';
import type { PersonRecord } from '@continuity/store';

export type SignedInUser = Omit<StaffUser, 'active'> & {
  /** A partner's organisation kind (`gp-practice`, `vcse`...); null without one. */
  organisationKind?: string | null;
};

export interface PersonSearchResult extends PersonSummary {
  teams?: Array<{ id: string; name: string }>;
  access: 'allowed' | 'break-glass-required';
}

export type AccessBasis = 'key-worker' | 'team' | 'break-glass';

export interface PersonRecordResponse {
  person: PersonRecord;
  access: { basis: AccessBasis; expiresAt?: string };
}
export type { LegalStatusEntry } from '@continuity/store';
export type { CareIntensityEpisode } from '@continuity/store';
