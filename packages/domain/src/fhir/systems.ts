/**
 * The identifier systems, extension URLs and code systems Continuity reads and writes.
 * UK Core / NHS Data Dictionary where one exists; the platform's own otherwise, under CONTINUITY_BASE.
 * docs/fhir.md explains each one for people sending data to the platform.
 */
export const CONTINUITY_BASE = 'https://continuity.health/fhir';

const sd = (name: string) => `${CONTINUITY_BASE}/StructureDefinition/${name}`;
const cs = (name: string) => `${CONTINUITY_BASE}/CodeSystem/${name}`;

export const system = {
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  odsOrganisation: 'https://fhir.nhs.uk/Id/ods-organization-code',
  snomed: 'http://snomed.info/sct',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  loinc: 'http://loinc.org',
  dmd: 'https://dmd.nhs.uk',
  atc: 'http://www.whocc.no/atc',
  bcp47: 'urn:ietf:bcp:47',
  /** NHS Data Dictionary ETHNIC CATEGORY (2001 census based), as UK Core publishes it. */
  ethnicCategory: 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland',
  /** NHS Data Dictionary SEXUAL ORIENTATION CODE (2015). */
  sexualOrientation: cs('nhs-dd-sexual-orientation'),
  /** NHS Data Dictionary GENDER IDENTITY CODE. */
  genderIdentity: cs('nhs-dd-gender-identity'),
  /** NHS Data Dictionary DISABILITY CODE. */
  disability: cs('nhs-dd-disability'),
  religion: cs('religion'),
  accommodationStatus: cs('accommodation-status'),
  organisationType: cs('organisation-type'),
  careIntensity: cs('care-intensity'),
  contactMode: cs('contact-mode'),
  staffRole: cs('staff-role'),
  carerInvolvement: cs('carer-involvement'),
  informationSharing: cs('information-sharing'),
  carerInvolvementEnded: cs('carer-involvement-ended'),
  flagCategory: cs('flag-category'),
  redFlag: cs('red-flag'),
  mhaLegalStatus: cs('mha-legal-status'),
  /** Section 117 aftercare (clinical-codes.ts s117Aftercare). */
  mhaAftercare: cs('mha-aftercare'),
  referralSource: cs('referral-source'),
  communicationCategory: cs('communication-category'),
  /** How an invitation to the physical health check went out (Communication.medium). */
  invitationMethod: cs('invitation-method'),
  carePlanCategory: cs('care-plan-category'),
  /** A shared care agreement's status (docs/shared-care.md): proposed, accepted, declined, ended. */
  sharedCareStatus: cs('shared-care-status'),
  /** What a shared care responsibility is: prescribing, or a monitoring task (shared-care/shared-care-rules.ts). */
  sharedCareTask: cs('shared-care-task'),
  medicationStatusReason: cs('medication-status-reason'),
  /** The sections a plan or formulation is written in, per kind (plans/plan-kinds.ts): the `section` valueCode of extension.planSection. */
  planSection: cs('plan-section'),
  triageOutcome: cs('triage-outcome'),
  worklistReason: cs('worklist-reason'),
  /** Which worklist a Flag served by the FHIR API's $worklist stands for (meta.tag), e.g. `disengaged`. */
  worklist: cs('worklist'),
  /** Why an episode of care ended (EpisodeOfCare extension dischargeReason); codes in clinical-codes.ts. */
  dischargeReason: cs('discharge-reason'),
  appointmentCancellationReason: 'http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason',
  v3RoleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  v3ActCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  /** Units in Observation.valueQuantity (docs/fhir.md). */
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  /** What a partner may be shown under an information-sharing agreement (partners/sharing-rules.ts). */
  sharingCategory: cs('sharing-category'),
  /** Consent.category of a person's sharing wishes for one partner organisation (docs/partners-and-sharing.md). */
  consentCategory: cs('consent-category'),
} as const;

export const extension = {
  ethnicCategory: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory',
  religion: 'http://hl7.org/fhir/StructureDefinition/patient-religion',
  sexualOrientation: sd('sexual-orientation'),
  genderIdentity: sd('gender-identity'),
  disability: sd('disability'),
  interpreterRequired: sd('interpreter-required'),
  accommodationStatus: sd('accommodation-status'),
  carerInvolvement: sd('carer-involvement'),
  informationSharing: sd('information-sharing'),
  isMainCarer: sd('main-carer'),
  carerInvolvementEnded: sd('carer-involvement-ended'),
  contactFrequency: sd('contact-frequency'),
  reviewDue: sd('review-due'),
  /** On a partner-sharing Consent: agreed, declined or not-asked (partners/sharing-rules.ts). */
  sharingDecision: sd('sharing-decision'),
  /** On a partner-sharing Consent: the staff member who recorded the wishes, by name. */
  recordedBy: sd('recorded-by'),
  /** On a partner-concern Flag: the key worker's acknowledgement, with sub-extensions date, by and response. */
  partnerConcernAcknowledged: sd('partner-concern-acknowledged'),
  referralSource: sd('referral-source'),
  ctoConditions: sd('cto-conditions'),
  /** On a CTO Flag, one per renewal, recall, revocation or discharge recorded (docs/fhir.md). */
  ctoEvent: sd('cto-event'),
  lastReviewed: sd('last-reviewed'),
  /** On a finished EpisodeOfCare: the discharge record (docs/fhir.md, "Discharge"). */
  dischargeReason: sd('discharge-reason'),
  mdtDecisionDate: sd('mdt-decision-date'),
  relapseIndicators: sd('relapse-indicators'),
  harmsIfRelapseMissed: sd('harms-if-relapse-missed'),
  routeBack: sd('route-back'),
  /** On a GP practice Organization: the FHIR base its summaries are POSTed to as document Bundles (docs/gp-documents.md). */
  fhirDocumentEndpoint: sd('fhir-document-endpoint'),
  /** On a DocumentReference to a summary sent to a GP: the practice it was sent to (docs/fhir.md, "DocumentReference"). */
  gpDocumentRecipient: sd('gp-document-recipient'),
  /** On an Encounter recorded in the app: the staff member's short note (R4 Encounter has no note). */
  contactNote: sd('contact-note'),
  /** On an EpisodeOfCare finished by an accepted transfer of care: where the person went and who accepted (docs/transfers-of-care.md). */
  transferOfCare: sd('transfer-of-care'),
  /** On the receiving team's new EpisodeOfCare: the episode it continues. */
  transferredFrom: sd('transferred-from'),
  /** On a MedicationRequest the prescriber stopped: the day it stopped (R4 MedicationRequest has no end). */
  stoppedOn: sd('stopped-on'),
  /** On a ServiceRequest triaged at the single point of access: outcome, date, onward service, reason (docs/referrals.md). */
  triageOutcome: sd('triage-outcome'),
  /** On a shared care agreement (CarePlan): its status now, and one dated change per step (docs/shared-care.md). */
  sharedCareStatus: sd('shared-care-status'),
  sharedCareStatusChange: sd('shared-care-status-change'),
  /** On a plan or formulation (CarePlan): one per section, with sub-extensions section, text, personsOwnWords (docs/fhir.md). */
  planSection: sd('plan-section'),
  /** On a plan: who else it was made with, in words (an advocate, a friend). */
  coProducedWith: sd('co-produced-with'),
  /** On a plan: the key worker it names (valueReference → Practitioner). */
  keyWorker: sd('key-worker'),
  /** On a plan: whom the person contacts in a crisis, and how (valueString). */
  crisisContact: sd('crisis-contact'),
  /** On an EpisodeOfCare: one per step up or down of care intensity, oldest first (docs/intensive-care.md). */
  careIntensityChange: sd('care-intensity-change'),
  /** On a worklist Flag (FHIR API $worklist): one per reason, with sub-extensions code, text and evidence (docs/fhir.md). */
  worklistReason: sd('worklist-reason'),
} as const;
