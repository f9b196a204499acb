import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the tables in migrations/. */
export interface Database {
  record: RecordTable;
  shared_record: SharedRecordTable;
  person: PersonTable;
  person_name_word: { person_id: string; word: string };
  app_user: AppUserTable;
  app_user_team: { user_id: string; team_id: string };
  app_session: AppSessionTable;
  app_user_identity: AppUserIdentityTable;
  sso_attempt: SsoAttemptTable;
  break_glass: BreakGlassTable;
  audit_event: AuditEventTable;
  schema_migration: { version: number; name: string; applied_at: Generated<Date> };
  cover_arrangement: CoverArrangementTable;
  transfer_of_care: TransferOfCareTable;
  gp_document: GpDocumentTable;
  engagement_task: EngagementTaskTable;
  engagement_decision: EngagementDecisionTable;
  measure_link: MeasureLinkTable;
  community_asset: CommunityAssetTable;
  postcode_centroid: { postcode: string; latitude: number; longitude: number };
  community_referral: CommunityReferralTable;
  self_assessment_answer: SelfAssessmentAnswerTable;
  governance_action: GovernanceActionTable;
  incident: IncidentTable;
  sharing_agreement: SharingAgreementTable;
}

type Json = ColumnType<Record<string, unknown>, string, string>;

export interface RecordTable {
  person_id: string;
  resource_type: string;
  id: string;
  version_id: Generated<number>;
  last_updated: Generated<Date>;
  content_hash: string;
  occurred_at: Date | string | null;
  status: string | null;
  resource: Json;
}

export interface SharedRecordTable {
  resource_type: string;
  id: string;
  version_id: Generated<number>;
  last_updated: Generated<Date>;
  content_hash: string;
  status: string | null;
  resource: Json;
}

export interface PersonTable {
  person_id: string;
  nhs_number: string | null;
  family_name: string | null;
  given_names: string | null;
  birth_date: string | null;
  gender: string | null;
  deceased_at: Date | string | null;
  postcode: string | null;
  ethnic_category: string | null;
  sexual_orientation: string | null;
  gender_identity: string | null;
  religion: string | null;
  disabilities: string[];
  first_language: string | null;
  interpreter_required: boolean | null;
  accommodation_status: string | null;
  gp_practice_id: string | null;
  phone: string | null;
}

export interface AppUserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  practitioner_id: string | null;
  organisation_id: string | null;
  password_hash: string | null;
  active: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  created_at: Generated<Date>;
}

export interface AppSessionTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Date;
  last_seen_at: Generated<Date>;
}

export interface AppUserIdentityTable {
  issuer: string;
  subject: string;
  user_id: string;
  linked_at: Generated<Date>;
}

export interface SsoAttemptTable {
  token_hash: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  expires_at: Date;
}

export interface BreakGlassTable {
  person_id: string;
  id: Generated<string>;
  user_id: string;
  reason: string;
  granted_at: Generated<Date>;
  expires_at: Date;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string;
  actor_role: string;
  action: string;
  person_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  basis: string;
  reason: string | null;
  outcome: 'allowed' | 'refused';
  detail: ColumnType<Record<string, unknown> | null, string | null, never> ;
}

export interface CoverArrangementTable {
  team_id: string;
  id: Generated<string>;
  absent_practitioner_id: string;
  covering_practitioner_id: string;
  /** Written as "YYYY-MM-DD"; read back with ::text, since drivers turn dates into local-time Dates. */
  from_date: string;
  to_date: string;
  reason: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

/** Read and written through sql in transfer/transfers-of-care.ts; listed so the schema is whole. */
export interface TransferOfCareTable {
  person_id: string;
  id: Generated<string>;
  episode_id: string;
  sending_team_id: string;
  receiving_team_id: string | null;
  receiving_service: string | null;
  reason: string;
  requested_by: string;
  requested_at: Generated<Date>;
  packet: Json;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
  decline_reason: string | null;
  confirmed_by: string | null;
  /** Written as "YYYY-MM-DD"; read back with ::text. */
  confirmed_on: string | null;
  new_episode_id: string | null;
  version: Generated<number>;
}
/** The outbox of summaries to GP practices (migration 022, gp-documents/gp-documents.ts). */
export interface GpDocumentTable {
  person_id: string;
  id: string;
  kind: string;
  source: string;
  practice_id: string;
  bundle: Json;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_by: string;
  created_at: Generated<Date>;
  delivered_at: Date | null;
  version: Generated<number>;
}
export interface EngagementTaskTable {
  person_id: string;
  id: Generated<string>;
  step: string;
  owner_id: string;
  /** Written as "YYYY-MM-DD"; read back with ::text. */
  due_date: string;
  status: Generated<'open' | 'done' | 'cancelled'>;
  outcome: string | null;
  created_by: string;
  created_at: Generated<Date>;
  completed_by: string | null;
  completed_at: Date | null;
  version: Generated<number>;
}

export interface EngagementDecisionTable {
  person_id: string;
  id: Generated<string>;
  /** Written as "YYYY-MM-DD"; read back with ::text. */
  decided_on: string;
  decision: string;
  review_on: string;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface MeasureLinkTable {
  person_id: string;
  token_hash: string;
  instrument: string;
  created_by: string;
  created_at: Generated<Date>;
  expires_at: Date | string;
  used_at: Date | string | null;
  response_id: string | null;
}

export interface CommunityAssetTable {
  id: string;
  external_id: string | null;
  version: Generated<number>;
  name: string;
  kind: string;
  needs: string[];
  eligibility: string | null;
  address: string | null;
  postcode: string;
  opening_times: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  accessibility: string[];
  languages: string[];
  maintainer_id: string;
  updated_at: Generated<Date>;
  updated_by: string;
}

export interface CommunityReferralTable {
  person_id: string;
  id: string;
  version: Generated<number>;
  asset_id: string;
  maintainer_id: string;
  need: string;
  status: string;
  sent_on: string;
  resource: Json;
  updated_at: Generated<Date>;
}

/** Trust-level governance content (migration 018): the self-assessment's answers. */
export interface SelfAssessmentAnswerTable {
  question_id: string;
  answer: string | null;
  category: string | null;
  comments: string | null;
  version: Generated<number>;
  updated_by: string;
  updated_at: Generated<Date>;
}

/** The action plan (migration 018). */
export interface GovernanceActionTable {
  id: Generated<string>;
  domain: number | null;
  question_id: string | null;
  incident_id: string | null;
  finding: string | null;
  action: string;
  owner: string;
  due_date: string;
  status: Generated<string>;
  evidence: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string;
  updated_at: Generated<Date>;
}

/** Serious incidents, complaints and compliments (migration 018). */
export interface IncidentTable {
  id: Generated<string>;
  kind: string;
  person_id: string | null;
  team_id: string;
  occurred_on: string;
  summary: string;
  themes: string[];
  status: Generated<string>;
  version: Generated<number>;
  created_by: string;
  created_at: Generated<Date>;
  updated_by: string;
  updated_at: Generated<Date>;
}

/** Information-sharing agreements with partner organisations (migration 021). */
export interface SharingAgreementTable {
  id: string;
  title: string;
  purpose: string;
  legal_basis: string;
  partners: string[];
  categories: string[];
  start_date: string;
  review_date: string;
  status: string;
  version: Generated<number>;
  updated_by: string;
  updated_at: Generated<Date>;
}
