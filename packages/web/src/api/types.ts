/** The shapes the API returns, as far as the web app reads them (packages/server/src). */

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  practitionerId: string | null;
  teams: Array<{ id: string; name: string }>;
}

export interface PersonSearchResult {
  id: string;
  nhsNumber: string | null;
  familyName: string | null;
  givenNames: string | null;
  birthDate: string | null;
  gender: string | null;
  postcode: string | null;
  teams?: Array<{ id: string; name: string }>;
  access: 'allowed' | 'break-glass-required';
}

export interface Characteristic {
  code: string | null;
  label: string;
}

export interface PersonRecord {
  id: string;
  nhsNumber: string | null;
  name: { family: string | null; given: string | null };
  birthDate: string | null;
  gender: string | null;
  deceasedAt: string | null;
  postcode: string | null;
  phone: string | null;
  characteristics: {
    ethnicCategory: Characteristic;
    sexualOrientation: Characteristic;
    genderIdentity: Characteristic;
    religion: Characteristic;
    disabilities: Characteristic[];
    firstLanguage: string | null;
    interpreterRequired: boolean | null;
  };
  accommodation: Characteristic & { unstable: boolean };
  gpPractice: { id: string; name: string; odsCode: string | null } | null;
  episodes: Array<{ id: string; status: string; team: string | null; teamId: string | null; keyWorker: string | null; start: string | null; end: string | null; intensity: string | null }>;
  carers: Array<{ id: string; name: string; relationship: string | null; phone: string | null; involvement: string | null; sharing: string | null; mainCarer: boolean }>;
  conditions: Array<{ id: string; text: string; code: string | null; onset: string | null; clinicalStatus: string | null }>;
  flags: Array<{ id: string; text: string; since: string | null }>;
}

export type AccessBasis = 'key-worker' | 'team' | 'break-glass';

export interface PersonRecordResponse {
  person: PersonRecord;
  access: { basis: AccessBasis; expiresAt?: string };
}

export interface TimelineEntry {
  resourceType: string;
  id: string;
  date: string | null;
  status: string | null;
  category: string;
  title: string;
  detail?: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  personId: string | null;
  resourceType: string | null;
  resourceId: string | null;
  basis: string;
  reason: string | null;
  outcome: string;
}
