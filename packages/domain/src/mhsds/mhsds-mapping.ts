/**
 * How Continuity's records map to the Mental Health Services Data Set (MHSDS): one CSV file per
 * MHSDS table, one column per data item, each read from the FHIR element docs/fhir.md names.
 *
 * Source: NHS England, MHSDS Technical Output Specification (TOS) v5.0 — table and column names are
 * the TOS "IDB Element Name"s (e.g. MHS201CareContact.AttendOrDNACode), data item names are the TOS
 * "Data Item Name (Data Dictionary Element)"s, and code lists are the NHS Data Dictionary national
 * codes the TOS points at. MHSDS v6.0 (2024) renamed or retired some items; where this mapping is not
 * sure of a code or of the current name it says so in `note`, rather than guess, and
 * docs/mhsds-export.md (which lists every column below, and which tables were checked against
 * published sources) repeats it. This file is the mapping; mhsds-rows.ts only reads records and
 * applies it.
 *
 * Not a submission file: MHSDS is submitted through the Strategic Data Collection Service in the
 * TOS's own format, with header records and submitter identifiers this extract does not have. The
 * CSVs are aligned with the tables so that a trust's submission pipeline, or an analyst, can take
 * them column for column.
 */

export const mhsdsSpecification = 'MHSDS Technical Output Specification v5.0 (NHS England)';

export type MhsdsTableName = 'MHS001MPI' | 'MHS002GP' | 'MHS006MHCareCoord' | 'MHS101Referral' | 'MHS201CareContact' | 'MHS401MHActPeriod' | 'MHS606CodedScoreAssessmentRefer';

export interface MhsdsColumn {
  /** The TOS IDB element name: the CSV header. */
  column: string;
  /** The NHS Data Dictionary data item it carries. */
  dataItem: string;
  /** Where it comes from, in docs/fhir.md's terms. */
  source: string;
  /** How codes are translated, when they are. */
  codes?: string;
  note?: string;
}

export interface MhsdsTable {
  table: MhsdsTableName;
  title: string;
  /** What one row is. */
  row: string;
  columns: readonly MhsdsColumn[];
  note?: string;
}

/** FHIR Patient.gender → PERSON STATED GENDER CODE (1 male, 2 female, 9 indeterminate, X not known). */
export const statedGenderCodes: Readonly<Record<string, string>> = { male: '1', female: '2', other: '9', unknown: 'X' };

/**
 * CS/referral-source → SOURCE OF REFERRAL FOR MENTAL HEALTH SERVICES. Teams of the same trust (crisis,
 * inpatient wards, other community teams) are internal referrals (P1).
 */
export const referralSourceCodes: Readonly<Record<string, string>> = {
  gp: 'A1', // Primary Health Care: General Medical Practitioner Practice
  self: 'B1', // Self Referral: Self
  carer: 'B2', // Self Referral: Carer/Relative
  police: 'E1', // Justice System: Police
  vcse: 'G4', // Voluntary Sector
  'a-and-e': 'H1', // Acute Secondary Care: Emergency Care Department
  crisis: 'P1', // Internal Referral
  inpatient: 'P1',
  'other-team': 'P1',
  other: 'M6', // Other service or agency
};

/** ServiceRequest.priority → CLINICAL RESPONSE PRIORITY TYPE. */
export const clinicalResponsePriorityCodes: Readonly<Record<string, string>> = { urgent: '2', routine: '3' };

/** CS/contact-mode → CONSULTATION MEDIUM USED (01 face to face, 02 telephone, 11 video consultation). */
export const consultationMediumCodes: Readonly<Record<string, string>> = { clinic: '01', 'home-visit': '01', outreach: '01', phone: '02', video: '11' };

/** CS/contact-mode → ACTIVITY LOCATION TYPE CODE, where the mode says where: a home visit is at the person's own home (A01). */
export const activityLocationCodes: Readonly<Record<string, string>> = { 'home-visit': 'A01' };

/**
 * Appointment.status (and cancelationReason) → ATTENDED OR DID NOT ATTEND: 5 attended, 3 did not
 * attend without warning, 2 cancelled by or on behalf of the patient, 4 cancelled or postponed by the
 * provider. A contact with only an Encounter happened: 5.
 */
export const attendanceCodes = { attended: '5', didNotAttend: '3', cancelledByPatient: '2', cancelledByProvider: '4' } as const;

/**
 * Scores whose SNOMED CT "assessment scale" concept this mapping is sure of, by instrument/score key.
 * The others are exported with CodedAssToolType empty and the score named in LocalScoreKey, rather
 * than with a code that might be wrong in a statutory return.
 */
export const assessmentToolCodes: Readonly<Record<string, string>> = {
  'phq-9/total': '720433000', // Patient Health Questionnaire Nine Item score
  'gad-7/total': '445455005', // Generalized Anxiety Disorder 7 item score
};

const patientId: MhsdsColumn = { column: 'LocalPatientId', dataItem: 'LOCAL PATIENT IDENTIFIER (EXTENDED)', source: 'Patient.id (the id the record was imported with)' };

export const mhsdsTables: readonly MhsdsTable[] = [
  {
    table: 'MHS001MPI',
    title: 'Master Patient Index',
    row: 'one per person on record',
    columns: [
      patientId,
      { column: 'NHSNumber', dataItem: 'NHS NUMBER', source: 'Patient.identifier (system https://fhir.nhs.uk/Id/nhs-number)', codes: 'ten digits, no spaces' },
      { column: 'PersonBirthDate', dataItem: 'PERSON BIRTH DATE', source: 'Patient.birthDate', codes: 'CCYY-MM-DD as sent' },
      { column: 'Gender', dataItem: 'PERSON STATED GENDER CODE', source: 'Patient.gender', codes: 'male 1, female 2, other 9, unknown X' },
      { column: 'GenderIDCode', dataItem: 'GENDER IDENTITY CODE', source: 'extension SD/gender-identity', codes: 'NHS Data Dictionary codes, passed through', note: 'GenderIDCode in the v5 and v6 data models alike' },
      { column: 'EthnicCategory', dataItem: 'ETHNIC CATEGORY', source: 'extension UKCore-EthnicCategory', codes: 'NHS Data Dictionary codes A-S, Z, 99, passed through' },
      { column: 'LanguageCodePreferred', dataItem: 'LANGUAGE CODE (PREFERRED)', source: 'Patient.communication (preferred) language, BCP 47', codes: 'the ISO 639-1 primary language subtag (en, pl, ur)', note: 'MHSDS expects the Data Dictionary LANGUAGE CODE list, which is ISO 639-1 based for most languages; codes outside it pass through unchecked' },
      { column: 'Postcode', dataItem: 'POSTCODE OF USUAL ADDRESS', source: 'Patient.address (home, else first) postalCode' },
      { column: 'PersDeathDate', dataItem: 'PERSON DEATH DATE', source: 'Patient.deceasedDateTime', codes: 'the day in England' },
    ],
  },
  {
    table: 'MHS002GP',
    title: 'GP Practice Registration',
    row: 'one per person with a GP practice recorded',
    columns: [
      patientId,
      { column: 'GMPCodeReg', dataItem: 'GENERAL MEDICAL PRACTICE CODE (PATIENT REGISTRATION)', source: "Patient.generalPractitioner → Organization.identifier (ODS code)", note: 'empty when the practice has no ODS code; registration start and end dates are not recorded' },
    ],
  },
  {
    table: 'MHS006MHCareCoord',
    title: 'Mental Health Care Coordinator',
    row: 'one per episode of care with a key worker (EpisodeOfCare.careManager)',
    note: 'The brief for this export named MHS701, which in the v5.0 TOS is the CPA Care Episode; care coordinator assignments are MHS006. A change of key worker within an episode is not dated in the record, so each episode gives one assignment, dated by the episode.',
    columns: [
      patientId,
      { column: 'CareProfLocalId', dataItem: 'CARE PROFESSIONAL LOCAL IDENTIFIER', source: 'EpisodeOfCare.careManager (Practitioner id)' },
      { column: 'StartDateAssCareCoord', dataItem: 'START DATE (CARE COORDINATOR ASSIGNMENT)', source: 'EpisodeOfCare.period.start', codes: 'the day in England' },
      { column: 'EndDateAssCareCoord', dataItem: 'END DATE (CARE COORDINATOR ASSIGNMENT)', source: 'EpisodeOfCare.period.end', codes: 'the day in England; empty while held' },
    ],
  },
  {
    table: 'MHS101Referral',
    title: 'Service or Team Referral',
    row: 'one per referral (ServiceRequest)',
    columns: [
      patientId,
      { column: 'ServiceRequestId', dataItem: 'SERVICE REQUEST IDENTIFIER', source: 'ServiceRequest.id' },
      { column: 'ReferralRequestReceivedDate', dataItem: 'REFERRAL REQUEST RECEIVED DATE', source: 'ServiceRequest.authoredOn', codes: 'the day in England' },
      { column: 'ReferralRequestReceivedTime', dataItem: 'REFERRAL REQUEST RECEIVED TIME', source: 'ServiceRequest.authoredOn', codes: 'HH:MM:SS in England; empty when only a date was sent' },
      { column: 'SourceOfReferralMH', dataItem: 'SOURCE OF REFERRAL FOR MENTAL HEALTH SERVICES', source: 'extension SD/referral-source', codes: 'gp A1, self B1, carer B2, police E1, vcse G4, a-and-e H1, crisis/inpatient/other-team P1, other M6', note: 'crisis, inpatient and other-team are taken as teams of the same trust (P1, internal referral); a referral from another trust would be I1/I2, which the record does not distinguish' },
      { column: 'ClinRespPriorityType', dataItem: 'CLINICAL RESPONSE PRIORITY TYPE', source: 'ServiceRequest.priority', codes: 'urgent 2, routine 3', note: 'check the v6.0 code list, which added a "very urgent" priority' },
      { column: 'ReferRejectionDate', dataItem: 'REFERRAL REJECTION DATE', source: 'extension SD/triage-outcome date, when the outcome is declined', note: 'in v5 an item of MHS102ServiceTypeReferredTo (not produced), not of MHS101Referral; the v6 data model has it on MHS101Referral as well' },
      { column: 'ServDischDate', dataItem: 'SERVICE DISCHARGE DATE', source: 'EpisodeOfCare.period.end of the finished episode whose referralRequest is this referral', codes: 'the day in England' },
    ],
  },
  {
    table: 'MHS201CareContact',
    title: 'Care Contact',
    row: 'one per appointment, and one per contact recorded without one (an Encounter with no appointment); admissions (class IMP) are hospital spells, not care contacts, and are left out',
    columns: [
      patientId,
      { column: 'CareContactId', dataItem: 'CARE CONTACT IDENTIFIER', source: 'Appointment.id, or Encounter.id for a contact without an appointment' },
      { column: 'ServiceRequestId', dataItem: 'SERVICE REQUEST IDENTIFIER', source: 'Appointment.basedOn, else the referralRequest of the contact\'s EpisodeOfCare' },
      { column: 'CareProfTeamLocalId', dataItem: 'CARE PROFESSIONAL TEAM LOCAL IDENTIFIER', source: 'Encounter.serviceProvider, else the managingOrganization of the contact\'s EpisodeOfCare (team Organization id)' },
      { column: 'CareContDate', dataItem: 'CARE CONTACT DATE', source: 'Appointment.start, else Encounter.period.start', codes: 'the day in England' },
      { column: 'CareContTime', dataItem: 'CARE CONTACT TIME', source: 'as CareContDate', codes: 'HH:MM:SS in England; empty when only a date was recorded' },
      { column: 'ConsMechanismMH', dataItem: 'CONSULTATION MEDIUM USED', source: 'Appointment.appointmentType or Encounter.type, system CS/contact-mode', codes: 'clinic, home-visit, outreach 01; phone 02; video 11' },
      { column: 'ActLocTypeCode', dataItem: 'ACTIVITY LOCATION TYPE CODE', source: 'as ConsMechanismMH', codes: 'home-visit A01; empty otherwise', note: 'a clinic or outreach contact does not say where it was, so no location type is given' },
      { column: 'AttendOrDNACode', dataItem: 'ATTENDED OR DID NOT ATTEND', source: 'Appointment.status and cancelationReason; an Encounter that finished', codes: 'fulfilled or a finished Encounter 5; noshow 3; cancelled pat 2; cancelled prov 4; booked (not yet happened) empty', note: 'the v5 name; the v6 data model names the attendance AttendStatus' },
    ],
    note: 'Column names are v5\'s. The v6 data model has no CareProfTeamLocalId on the care contact (the team is on the referral, MHS101Referral and MHS102ServiceTypeReferredTo) and names the attendance AttendStatus.',
  },
  {
    table: 'MHS401MHActPeriod',
    title: 'Mental Health Act Legal Status Classification Period',
    row: 'one per Mental Health Act legal status Flag (category mha-legal-status), entered-in-error ones left out',
    note: 'A Community Treatment Order is a legal status period here, with its LegalStatusCode left empty: the record codes a CTO `cto` in CS/mha-legal-status, since the NHS Data Dictionary list has no code for one (its 17 is detention under section 48 with section 49 restrictions), and MHSDS records a CTO as the legal status of the section it suspends (not recorded here) with an MHS404CommTreatOrder row (not produced).',
    columns: [
      patientId,
      { column: 'MHActLegalStatusClassPeriodId', dataItem: 'MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION ASSIGNMENT PERIOD IDENTIFIER', source: 'Flag.id' },
      { column: 'LegalStatusCode', dataItem: 'MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION CODE', source: 'Flag.code, system CS/mha-legal-status', codes: 'NHS Data Dictionary codes 02 and 03 passed through; a CTO (cto in the record) empty' },
      { column: 'StartDateMHActLegalStatusClass', dataItem: 'START DATE (MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION ASSIGNMENT PERIOD)', source: 'Flag.period.start', codes: 'the day in England' },
      { column: 'StartTimeMHActLegalStatusClass', dataItem: 'START TIME (MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION ASSIGNMENT PERIOD)', source: 'Flag.period.start', codes: 'HH:MM:SS in England; empty when only a date was sent' },
      { column: 'ExpiryDateMHActLegalStatusClass', dataItem: 'EXPIRY DATE (MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION)', source: 'extension SD/review-due (a CTO\'s expiry unless renewed)' },
      { column: 'EndDateMHActLegalStatusClass', dataItem: 'END DATE (MENTAL HEALTH ACT LEGAL STATUS CLASSIFICATION ASSIGNMENT PERIOD)', source: 'Flag.period.end', codes: 'the day in England; empty while current' },
    ],
  },
  {
    table: 'MHS606CodedScoreAssessmentRefer',
    title: 'Coded Scored Assessment (Referral)',
    row: 'one per score of a completed outcome measure (QuestionnaireResponse) the platform scores, as docs/outcome-measures.md works it',
    note: 'The brief named MHS607, which in the v5.0 TOS is the Coded Scored Assessment recorded in a Care Activity; measures here are not tied to a care activity, so they are referral-level (MHS606). The referral the measure belongs to is not recorded on the response, so ServiceRequestId is not given: a gap to close before a real submission.',
    columns: [
      patientId,
      { column: 'CodedAssToolType', dataItem: 'CODED ASSESSMENT TOOL TYPE (SNOMED CT)', source: 'QuestionnaireResponse.questionnaire and the score worked from its answers', codes: 'PHQ-9 total 720433000, GAD-7 total 445455005; empty for the others', note: 'the SNOMED CT concepts of the DIALOG, ReQoL-10, HoNOS and SWEMWBS scores are not given until checked against the MHSDS list of assessment scales' },
      { column: 'PersScore', dataItem: 'PERSON SCORE', source: 'the score, as worked by the platform (docs/outcome-measures.md)' },
      { column: 'AssToolCompTimestamp', dataItem: 'ASSESSMENT TOOL COMPLETION TIMESTAMP', source: 'QuestionnaireResponse.authored', codes: 'as sent' },
      { column: 'LocalScoreKey', dataItem: '(none: Continuity\'s own)', source: 'the instrument and score', codes: 'instrument/score, e.g. honos/total, dialog/quality-of-life', note: 'not an MHSDS item: it names the score when CodedAssToolType is empty' },
      { column: 'LocalAssessmentId', dataItem: '(none: Continuity\'s own)', source: 'QuestionnaireResponse.id', note: 'not an MHSDS item: traces the row to its record' },
    ],
  },
];
