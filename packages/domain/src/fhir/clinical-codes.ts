import { CONTINUITY_BASE } from './systems.ts';

/**
 * Clinical code lists the platform recognises facts by: which diagnoses mean psychosis, which
 * medicines need which monitoring, which observation is a lithium level, which questionnaire is
 * DIALOG. Pure data. Each list names its source; codes are matched by system and code, never by text.
 *
 * Sources:
 * - SNOMED CT: UK Clinical Edition (NHS England Terminology Server), concept ids as published.
 * - ICD-10: WHO ICD-10 5th edition, chapter V (F00-F99), as used by MHSDS.
 * - ATC: WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD index.
 * - LOINC: loinc.org, version 2.7x.
 * - Long-acting injection intervals: BNF monographs (paliperidone palmitate, aripiprazole,
 *   zuclopenthixol decanoate), licensed maintenance interval.
 * - Monitoring intervals are not here: they are in medicines/monitoring-rules.ts, each with its source.
 * - Mental Health Act legal status: NHS Data Dictionary MENTAL HEALTH ACT LEGAL STATUS
 *   CLASSIFICATION CODE (MHSDS).
 * - Questionnaires: the instruments' own publications (DIALOG: Priebe et al. 2007; ReQoL-10:
 *   Keetharuth et al. 2018; HoNOS: Wing et al. 1998; SWEMWBS: Stewart-Brown et al. 2009; PHQ-9: Kroenke et al. 2001; GAD-7: Spitzer
 *   et al. 2006); the canonical URLs are the platform's own, under CONTINUITY_BASE.
 */

export const SNOMED = 'http://snomed.info/sct';
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10';
export const LOINC = 'http://loinc.org';
export const ATC = 'http://www.whocc.no/atc';

/** Diagnosis groups the intensive-care cohort criteria (003_*, chapter 2) and equity reports use. */
export type DiagnosisGroup = 'psychosis' | 'bipolar' | 'severe-depression' | 'personality-disorder' | 'substance-use';

export interface DiagnosisCode {
  group: DiagnosisGroup;
  snomed: string;
  icd10: string;
  display: string;
}

/** SNOMED CT concept with its ICD-10 mapping (NHS England SNOMED CT to ICD-10 map). */
export const diagnosisCodes: readonly DiagnosisCode[] = [
  { group: 'psychosis', snomed: '58214004', icd10: 'F20.9', display: 'Schizophrenia' },
  { group: 'psychosis', snomed: '35252006', icd10: 'F20.0', display: 'Paranoid schizophrenia' },
  { group: 'psychosis', snomed: '68890003', icd10: 'F25.9', display: 'Schizoaffective disorder' },
  { group: 'psychosis', snomed: '69322001', icd10: 'F29', display: 'Psychotic disorder' },
  { group: 'bipolar', snomed: '13746004', icd10: 'F31.9', display: 'Bipolar affective disorder' },
  { group: 'severe-depression', snomed: '76441001', icd10: 'F32.2', display: 'Severe major depression without psychotic features' },
  { group: 'personality-disorder', snomed: '20010003', icd10: 'F60.3', display: 'Emotionally unstable (borderline) personality disorder' },
  { group: 'personality-disorder', snomed: '33449004', icd10: 'F60.9', display: 'Personality disorder' },
  { group: 'substance-use', snomed: '7200002', icd10: 'F10.2', display: 'Alcohol dependence' },
  { group: 'substance-use', snomed: '85005007', icd10: 'F12.2', display: 'Cannabis dependence' },
];

/**
 * ICD-10 prefixes by group, so a diagnosis sent with any F20-F29 code is recognised as psychosis
 * even when it is not in the list above.
 */
export const diagnosisIcd10Prefixes: Record<DiagnosisGroup, readonly string[]> = {
  psychosis: ['F20', 'F21', 'F22', 'F23', 'F24', 'F25', 'F28', 'F29'],
  bipolar: ['F30', 'F31'],
  'severe-depression': ['F32.2', 'F32.3', 'F33.2', 'F33.3'],
  'personality-disorder': ['F60', 'F61'],
  'substance-use': ['F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F18', 'F19'],
};

/** What a medicine means for monitoring (C9): the worklist reason it can feed. */
export type MedicineClass =
  | 'lithium'
  | 'clozapine'
  | 'valproate'
  | 'oral-antipsychotic'
  | 'long-acting-injection';

export interface MedicineCode {
  key: string;
  class: MedicineClass;
  display: string;
  /** ATC code (WHO): always present, the code the platform matches first. */
  atc: string;
  /** SNOMED CT substance concept, where the platform's authors have checked it. */
  snomed?: string;
  /** Licensed maintenance interval between injections, in days (BNF). */
  injectionIntervalDays?: number;
}

export const medicineCodes: readonly MedicineCode[] = [
  { key: 'lithium', class: 'lithium', display: 'Lithium carbonate', atc: 'N05AN01' },
  { key: 'clozapine', class: 'clozapine', display: 'Clozapine', atc: 'N05AH02', snomed: '387568001' },
  { key: 'sodium-valproate', class: 'valproate', display: 'Sodium valproate', atc: 'N03AG01' },
  { key: 'olanzapine', class: 'oral-antipsychotic', display: 'Olanzapine', atc: 'N05AH03', snomed: '386849001' },
  { key: 'aripiprazole', class: 'oral-antipsychotic', display: 'Aripiprazole', atc: 'N05AX12', snomed: '406784005' },
  { key: 'quetiapine', class: 'oral-antipsychotic', display: 'Quetiapine', atc: 'N05AH04', snomed: '386850001' },
  { key: 'risperidone', class: 'oral-antipsychotic', display: 'Risperidone', atc: 'N05AX08', snomed: '386840002' },
  { key: 'paliperidone-palmitate', class: 'long-acting-injection', display: 'Paliperidone palmitate prolonged-release injection', atc: 'N05AX13', injectionIntervalDays: 28 },
  { key: 'aripiprazole-lai', class: 'long-acting-injection', display: 'Aripiprazole prolonged-release injection', atc: 'N05AX12', injectionIntervalDays: 28 },
  { key: 'zuclopenthixol-decanoate', class: 'long-acting-injection', display: 'Zuclopenthixol decanoate injection', atc: 'N05AF05', injectionIntervalDays: 14 },
];

/**
 * Aripiprazole has one ATC code for tablets and injection; the route tells them apart. Injections
 * are recognised by MedicationRequest.dosageInstruction.route (SNOMED 78421000 intramuscular).
 */
export const intramuscularRoute = { system: SNOMED, code: '78421000', display: 'Intramuscular route' } as const;

export type MonitoringTest =
  | 'lithium-level'
  | 'egfr'
  | 'creatinine'
  | 'tsh'
  | 'white-cell-count'
  | 'neutrophils'
  | 'valproate-level'
  | 'weight'
  | 'bmi'
  | 'blood-pressure'
  | 'systolic-bp'
  | 'diastolic-bp'
  | 'hba1c'
  | 'fasting-glucose'
  | 'total-cholesterol'
  | 'hdl-cholesterol'
  | 'triglycerides'
  | 'ecg'
  | 'qtc'
  | 'prolactin'
  | 'smoking-status'
  | 'alcohol-audit-c';

export interface ObservationCode {
  test: MonitoringTest;
  loinc: string;
  display: string;
  /** UCUM unit the platform reads values in, where the result is a quantity. */
  unit?: string;
}

/** LOINC codes (loinc.org). */
export const observationCodes: readonly ObservationCode[] = [
  { test: 'lithium-level', loinc: '14334-7', display: 'Lithium [Moles/volume] in Serum or Plasma', unit: 'mmol/L' },
  { test: 'egfr', loinc: '62238-1', display: 'Glomerular filtration rate/1.73 sq M.predicted (CKD-EPI)', unit: 'mL/min/{1.73_m2}' },
  { test: 'creatinine', loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', unit: 'umol/L' },
  { test: 'tsh', loinc: '3016-3', display: 'Thyrotropin [Units/volume] in Serum or Plasma', unit: 'mU/L' },
  { test: 'white-cell-count', loinc: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', unit: '10*9/L' },
  { test: 'neutrophils', loinc: '751-8', display: 'Neutrophils [#/volume] in Blood by Automated count', unit: '10*9/L' },
  { test: 'valproate-level', loinc: '4086-5', display: 'Valproate [Mass/volume] in Serum or Plasma', unit: 'mg/L' },
  { test: 'weight', loinc: '29463-7', display: 'Body weight', unit: 'kg' },
  { test: 'bmi', loinc: '39156-5', display: 'Body mass index (BMI) [Ratio]', unit: 'kg/m2' },
  { test: 'blood-pressure', loinc: '85354-9', display: 'Blood pressure panel with all children optional' },
  { test: 'systolic-bp', loinc: '8480-6', display: 'Systolic blood pressure', unit: 'mm[Hg]' },
  { test: 'diastolic-bp', loinc: '8462-4', display: 'Diastolic blood pressure', unit: 'mm[Hg]' },
  { test: 'hba1c', loinc: '59261-8', display: 'Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol', unit: 'mmol/mol' },
  { test: 'fasting-glucose', loinc: '1558-6', display: 'Fasting glucose [Moles/volume] in Serum or Plasma', unit: 'mmol/L' },
  { test: 'total-cholesterol', loinc: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma', unit: 'mmol/L' },
  { test: 'hdl-cholesterol', loinc: '2085-9', display: 'Cholesterol in HDL [Mass/volume] in Serum or Plasma', unit: 'mmol/L' },
  { test: 'triglycerides', loinc: '2571-8', display: 'Triglyceride [Mass/volume] in Serum or Plasma', unit: 'mmol/L' },
  /** An ECG; its QTc is a component coded 8636-3. */
  { test: 'ecg', loinc: '11524-6', display: 'EKG study' },
  { test: 'qtc', loinc: '8636-3', display: 'Q-T interval corrected', unit: 'ms' },
  { test: 'prolactin', loinc: '2842-3', display: 'Prolactin [Mass/volume] in Serum or Plasma', unit: 'mU/L' },
  { test: 'smoking-status', loinc: '72166-2', display: 'Tobacco smoking status' },
  { test: 'alcohol-audit-c', loinc: '75626-2', display: 'Total score [AUDIT-C]' },
];

/**
 * A medication review (SNOMED CT 182836005 |Review of medication|), recorded as Encounter.type:
 * the annual review every person on long-term medicines needs, and for valproate the annual
 * specialist review of the Pregnancy Prevention Programme.
 */
export const medicationReviewCode = { system: SNOMED, code: '182836005', display: 'Review of medication' } as const;

/** The SMI annual physical health check (NHS England, "Improving the physical health of people with SMI"). */
export const annualPhysicalHealthCheck: readonly MonitoringTest[] = [
  'bmi', 'blood-pressure', 'hba1c', 'total-cholesterol', 'smoking-status', 'alcohol-audit-c',
];

export type QuestionnaireKey = 'dialog' | 'reqol-10' | 'honos' | 'swemwbs' | 'phq-9' | 'gad-7';

export interface QuestionnaireDefinition {
  key: QuestionnaireKey;
  url: string;
  title: string;
  items: number;
  min: number;
  max: number;
}

const questionnaire = (key: QuestionnaireKey) => `${CONTINUITY_BASE}/Questionnaire/${key}`;

/** Outcome measures (C14): items are linkId "1".."n", each answered with valueInteger in [min, max]. */
export const questionnaires: Record<QuestionnaireKey, QuestionnaireDefinition> = {
  dialog: { key: 'dialog', url: questionnaire('dialog'), title: 'DIALOG', items: 11, min: 1, max: 7 },
  'reqol-10': { key: 'reqol-10', url: questionnaire('reqol-10'), title: 'ReQoL-10', items: 10, min: 0, max: 4 },
  honos: { key: 'honos', url: questionnaire('honos'), title: 'HoNOS', items: 12, min: 0, max: 4 },
  swemwbs: { key: 'swemwbs', url: questionnaire('swemwbs'), title: 'SWEMWBS', items: 7, min: 1, max: 5 },
  'phq-9': { key: 'phq-9', url: questionnaire('phq-9'), title: 'PHQ-9', items: 9, min: 0, max: 3 },
  'gad-7': { key: 'gad-7', url: questionnaire('gad-7'), title: 'GAD-7', items: 7, min: 0, max: 3 },
};

/** Flag.category codes (system.flagCategory). */
export const flagCategories = {
  'red-flag': 'Red flag from history: police, offending, violence, exploitation',
  'mha-legal-status': 'Mental Health Act legal status: a detention or Community Treatment Order',
  'social-need': 'Social need, such as housing instability',
  's117-aftercare': 'Section 117 aftercare: entitled after detention for treatment (Mental Health Act 1983 s117)',
} as const;

/** Flag.code codes (system.redFlag) for red flags and social needs. */
export const redFlags = {
  'police-contact': 'Police contact',
  'arrest': 'Arrested',
  'offending': 'Offending history',
  'violence-to-others': 'Violence to others',
  'weapon': 'Weapon carrying',
  'exploitation': 'Exploited by others (including cuckooing)',
  'marac': 'MARAC case (domestic abuse)',
  'mappa': 'MAPPA case',
  /** Raised by a partner organisation through its partner account (docs/partners-and-sharing.md). */
  'partner-concern': 'Concern raised by a partner agency',
  'housing-instability': 'Housing instability',
  /** Social needs (category social-need) the intensive-review worklist counts with housing (003_* chapter 2). */
  'financial-hardship': 'Financial hardship',
  'self-neglect': 'Self-neglect',
  'social-isolation': 'Social isolation',
} as const;

/**
 * Flag.code codes (system.mhaLegalStatus): detentions by their NHS Data Dictionary MENTAL HEALTH ACT
 * LEGAL STATUS CLASSIFICATION CODE, and a Community Treatment Order by the platform's own code `cto`:
 * the Data Dictionary gives a CTO no legal status code of its own (its `17` is section 48 with
 * section 49 restrictions; MHSDS records CTOs in their own table). A CTO Flag carries
 * extension.ctoConditions (codes below) and extension.reviewDue (the date the order expires unless renewed).
 */
export const mhaLegalStatuses = {
  '02': 'Section 2 (admission for assessment)',
  '03': 'Section 3 (admission for treatment)',
  cto: 'Section 17A (Community Treatment Order)',
} as const;
export const ctoLegalStatus = 'cto';

/** Flag.code (system.mhaAftercare) of a section 117 aftercare Flag, category `s117-aftercare` (docs/fhir.md). */
export const s117Aftercare = { code: 's117-aftercare', display: 'Section 117 aftercare' } as const;
export const detentionLegalStatuses: readonly string[] = ['02', '03'];

/** The code system of CTO conditions, carried in extension.ctoConditions (one extension per condition). */
export const ctoConditionSystem = `${CONTINUITY_BASE}/CodeSystem/cto-condition`;

/** CTO conditions (extension.ctoConditions); prevalence from 000_* line ~1523. */
export const ctoConditions = {
  medication: 'Take medication as prescribed',
  appointments: 'Attend appointments',
  residence: 'Reside at a specified address',
} as const;

/** Communication.category codes (system.communicationCategory). */
export const communicationCategories = {
  'carer-concern': 'Concern raised by a carer or family member',
  'carer-concern-response': 'Response to a carer concern',
  'partner-concern': 'Concern raised by a partner agency',
  'waiting-check-in': 'Check-in with a person waiting for care',
  'physical-health-check-invitation': 'Invitation to the annual physical health check',
} as const;

/** ServiceRequest referral-source extension codes (system.referralSource); MHSDS SOURCE OF REFERRAL, grouped. */
export const referralSources = {
  gp: 'GP',
  self: 'Self-referral',
  carer: 'Carer or family',
  vcse: 'Voluntary sector',
  police: 'Police or criminal justice',
  crisis: 'Crisis team',
  'a-and-e': 'Emergency department',
  inpatient: 'Inpatient ward',
  'other-team': 'Another mental health team',
} as const;

/** Care intensity (system.careIntensity), on EpisodeOfCare.type and CarePlan.category (003_*). */
export const careIntensities = {
  standard: 'Core community care',
  intensive: 'Intensive community care',
  assertive: 'Intensive and assertive community care',
} as const;

/** MedicationStatement.statusReason codes (system.medicationStatusReason). */
export const medicationStatusReasons = {
  'stopped-against-advice': 'Stopped by the person against clinical advice',
  'side-effects': 'Stopped because of side effects',
  'clinician-stopped': 'Stopped by the prescriber',
} as const;

/** CarePlan.category codes (system.carePlanCategory). */
export const carePlanCategories = {
  'care-plan': 'Personalised care plan',
  'safety-plan': 'Safety plan',
  'crisis-plan': 'Crisis plan',
  /** What is understood of the person's risks, from their history, and what helps: shared at transfers (transfer/transfer-rules.ts). */
  'risk-formulation': 'Risk formulation',
  /** Who prescribes and who does each monitoring task, between a specialist team and a GP practice (docs/shared-care.md). */
  'shared-care-agreement': 'Shared care agreement',
  /** The biopsychosocial formulation, in sections (plans/plan-kinds.ts). */
  formulation: 'Biopsychosocial formulation',
  /** The person's treatment preferences and refusals, for when they cannot decide (plans/plan-kinds.ts). */
  'advance-choice': 'Advance choice document',
} as const;

/**
 * Why an episode of care ended: EpisodeOfCare extension.dischargeReason, system.dischargeReason.
 * `non-attendance` exists so that a discharge sent by another system can say so honestly; the
 * discharge guard refuses it for people with severe and relapsing illness (discharge/discharge-rules.ts).
 */
export const dischargeReasons = {
  'non-attendance': 'Did not attend or disengaged from the service',
  recovered: 'Recovered: care goals met',
  'moved-away': 'Moved out of the area',
  transferred: 'Transferred to another team or service',
  died: 'Died',
  'person-chose': 'The person chose to end their care',
} as const;
export type DischargeReason = keyof typeof dischargeReasons;
