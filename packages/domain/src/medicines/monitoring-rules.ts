import type { RuleSource } from '../engagement/engagement-rules.ts';
import { LOINC, SNOMED, medicationReviewCode } from '../fhir/clinical-codes.ts';

/**
 * The medicines monitoring rules: every schedule the `monitoring-overdue` worklist uses, each
 * interval with where it comes from. Change a figure here and the worklist, its texts and its tests
 * follow. docs/monitoring-overdue.md has the same table for readers.
 *
 * How a due day is worked out (evaluate-monitoring.ts): treatment starts on the earliest
 * `authoredOn` of the person's current prescriptions the schedule applies to. With no result on
 * record, the first result is due `firstDueDays` after the start. After a result on day L, the next
 * is due L + the interval of the phase L fell in (phases counted in days from the start), or at the
 * next checkpoint not yet met if that is sooner (a checkpoint is met by any result after the one
 * before it, or after the start, up to and on its day: the 12-week check by a result in weeks
 * 1-12, the 1-year check by one after week 12 up to the anniversary); never before the first due
 * day (results from long before this course of treatment cannot make it due before the course
 * began). A result on the due day is on time; the day after, it is overdue. No grace days, no
 * scores: a date has passed or not.
 */

export type MonitoringReasonCode =
  | 'lithium-level-overdue'
  | 'lithium-renal-thyroid-overdue'
  | 'clozapine-fbc-overdue'
  | 'antipsychotic-monitoring-overdue'
  | 'valproate-review-overdue'
  | 'medication-review-overdue'
  /** The SMI annual physical health check: its rules are in physical-health/physical-health-rules.ts. */
  | 'physical-health-check-overdue';

/** Medicine groups the schedules apply to, recognised from MedicationRequest.medicationCodeableConcept. */
export type MonitoredMedicine = 'lithium' | 'clozapine' | 'antipsychotic' | 'valproate';

/** A code as the monitoring rules match it: system and code, never the display. */
export interface MonitoringCode {
  system: string;
  code: string;
}

/** A kind of result, recognised by any of its codes (on Observation.code or a component's code). */
export interface ResultKind {
  /** What clinicians call it, in a sentence: "Lithium level". */
  name: string;
  codes: readonly (MonitoringCode & { display: string })[];
}

export interface SchedulePhase {
  /** Days since treatment started from which this interval applies. */
  fromDay: number;
  everyDays: number;
  /** The interval in words, for the reason text: "every 3 months in the first year". */
  says: string;
}

export interface MonitoringSchedule {
  /** What is due, as the reason text names it. */
  name: string;
  /** Results that meet it (any one of the kinds). */
  results: readonly ResultKind[];
  /** Met by a medication review Encounter rather than a result. */
  review?: boolean;
  firstDueDays: number;
  /** The first due day in words: "a week after starting". */
  firstSays: string;
  phases: readonly SchedulePhase[];
  /** Days since the start at which a result is due whatever the interval says (NICE CG178's 12 weeks and 1 year). */
  checkpoints?: ReadonlyArray<{ day: number; says: string }>;
}

const loinc = (code: string, display: string) => ({ system: LOINC, code, display });
const snomed = (code: string, display: string) => ({ system: SNOMED, code, display });

/** Results the platform recognises, by LOINC (loinc.org) and, where checked, SNOMED CT (UK edition). */
export const monitoredResults = {
  lithiumLevel: { name: 'Lithium level', codes: [loinc('14334-7', 'Lithium [Moles/volume] in Serum or Plasma')] },
  renalFunction: {
    name: 'Renal function (eGFR or creatinine)',
    codes: [
      loinc('62238-1', 'Glomerular filtration rate/1.73 sq M.predicted (CKD-EPI)'),
      loinc('33914-3', 'Glomerular filtration rate/1.73 sq M.predicted (MDRD)'),
      loinc('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma'),
    ],
  },
  thyroidFunction: { name: 'Thyroid function (TSH)', codes: [loinc('3016-3', 'Thyrotropin [Units/volume] in Serum or Plasma')] },
  fullBloodCount: {
    name: 'Full blood count (white cells and neutrophils)',
    codes: [loinc('751-8', 'Neutrophils [#/volume] in Blood by Automated count'), loinc('6690-2', 'Leukocytes [#/volume] in Blood by Automated count')],
  },
  weight: {
    name: 'Weight or BMI',
    codes: [loinc('29463-7', 'Body weight'), loinc('39156-5', 'Body mass index (BMI) [Ratio]'), snomed('27113001', 'Body weight'), snomed('60621009', 'Body mass index')],
  },
  bloodPressure: {
    name: 'Blood pressure',
    codes: [
      loinc('85354-9', 'Blood pressure panel with all children optional'),
      loinc('8480-6', 'Systolic blood pressure'),
      snomed('75367002', 'Blood pressure'),
      snomed('271649006', 'Systolic blood pressure'),
    ],
  },
  glucose: {
    name: 'Glucose or HbA1c',
    codes: [
      loinc('59261-8', 'Hemoglobin A1c/Hemoglobin.total in Blood by IFCC protocol'),
      loinc('4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'),
      loinc('1558-6', 'Fasting glucose [Moles/volume] in Serum or Plasma'),
      snomed('43396009', 'Haemoglobin A1c measurement'),
    ],
  },
  lipids: {
    name: 'Lipids',
    codes: [
      loinc('2093-3', 'Cholesterol [Mass/volume] in Serum or Plasma'),
      loinc('2085-9', 'Cholesterol in HDL [Mass/volume] in Serum or Plasma'),
      loinc('2571-8', 'Triglyceride [Mass/volume] in Serum or Plasma'),
      loinc('13457-7', 'Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation'),
    ],
  },
  prolactin: { name: 'Prolactin', codes: [loinc('2842-3', 'Prolactin [Mass/volume] in Serum or Plasma')] },
} as const satisfies Record<string, ResultKind>;

/** Observation states that mean a sample was taken and resulted; registered, cancelled and entered-in-error do not. */
export const countedResultStatuses: readonly string[] = ['final', 'amended', 'corrected', 'preliminary'];

/** Prescription states in which the medicine is current; a prescription on hold still needs its monitoring. */
export const currentPrescriptionStatuses: readonly string[] = ['active', 'on-hold'];

/** Medication review Encounters count when they happened. */
export const countedReviewStatuses: readonly string[] = ['finished'];

/**
 * Medicines by ATC code (WHO ATC/DDD index; matched first, as in clinical-codes.ts) or SNOMED CT
 * substance. Every antipsychotic (ATC N05A) except lithium (N05AN01) takes antipsychotic
 * monitoring, clozapine included, whether oral or long-acting injection.
 *
 * When a prescription carries none of these codes (only a dm+d code, or text from a system that
 * codes nothing), it is recognised by name: the generic names and the UK brand names in the BNF and
 * dm+d, matched as whole words. A coded prescription is never judged by its words.
 */
export const monitoredMedicines = {
  lithium: { atc: ['N05AN01'], atcPrefixes: [], snomed: [], names: ['lithium', 'priadel', 'camcolit', 'liskonum', 'li-liquid'] },
  clozapine: { atc: ['N05AH02'], atcPrefixes: [], snomed: ['387568001'], names: ['clozapine', 'clozaril', 'denzapine', 'zaponex'] },
  antipsychotic: {
    atc: [],
    atcPrefixes: ['N05A'],
    except: ['N05AN01'],
    snomed: ['387568001', '386849001', '406784005', '386850001', '386840002'],
    names: [
      'amisulpride', 'solian', 'aripiprazole', 'abilify', 'asenapine', 'sycrest', 'benperidol', 'cariprazine', 'reagila', 'chlorpromazine', 'largactil',
      'clozapine', 'clozaril', 'denzapine', 'zaponex', 'flupentixol', 'depixol', 'fluphenazine', 'modecate', 'haloperidol', 'haldol', 'levomepromazine', 'nozinan',
      'lurasidone', 'latuda', 'olanzapine', 'zyprexa', 'zypadhera', 'paliperidone', 'invega', 'xeplion', 'trevicta', 'byannli', 'pericyazine', 'pimozide', 'orap',
      'prochlorperazine', 'promazine', 'quetiapine', 'seroquel', 'risperidone', 'risperdal', 'sulpiride', 'dolmatil', 'trifluoperazine', 'zuclopenthixol', 'clopixol',
    ],
  },
  valproate: { atc: ['N03AG01', 'N03AG02'], atcPrefixes: [], snomed: [], names: ['valproate', 'valproic', 'divalproex', 'epilim', 'depakote', 'episenta', 'epival', 'dyzantil', 'belvo', 'convulex'] },
} as const satisfies Record<MonitoredMedicine, { atc: readonly string[]; atcPrefixes: readonly string[]; except?: readonly string[]; snomed: readonly string[]; names: readonly string[] }>;

const WEEK = 7;
const YEAR = 365;

const antipsychoticCheck = (result: ResultKind): MonitoringSchedule => ({
  name: result.name,
  results: [result],
  firstDueDays: 0,
  firstSays: 'before starting',
  phases: [{ fromDay: 0, everyDays: YEAR, says: 'every year' }],
  checkpoints: [
    { day: 12 * WEEK, says: '12 weeks after starting' },
    { day: YEAR, says: 'a year after starting' },
  ],
});

export const monitoringRules = {
  lithiumLevel: {
    code: 'lithium-level-overdue',
    medicines: ['lithium'],
    schedules: [
      {
        name: monitoredResults.lithiumLevel.name,
        results: [monitoredResults.lithiumLevel],
        // NICE asks for a level a week after starting and after each dose change until stable; the
        // records do not say when a dose changed, so only the first week is encoded.
        firstDueDays: WEEK,
        firstSays: 'a week after starting',
        // A checkpoint too, so that a level from before this course does not stand in for it.
        checkpoints: [{ day: WEEK, says: 'a week after starting' }],
        phases: [
          { fromDay: 0, everyDays: 91, says: 'every 3 months in the first year' },
          { fromDay: YEAR, everyDays: 182, says: 'every 6 months after the first year' },
        ],
      },
    ],
    sources: [
      { source: 'NICE CG185 (bipolar disorder), monitoring lithium; BNF lithium carbonate monograph', says: 'serum lithium 1 week after starting, then every 3 months for the first year, then every 6 months' },
      {
        source: 'NICE CG185, monitoring lithium (not encoded)',
        says: 'every 3 months after the first year for older people, people on interacting drugs, at risk of impaired renal or thyroid function or raised calcium, with poor symptom control or adherence, or whose last level was 0.8 mmol/L or higher: a clinical judgement the records do not hold, so the worklist uses 6 months for everyone after the first year',
      },
      { source: 'shared/seeds/002_* lines ~55, ~364', says: 'monitoring of psychotropic medicines is where risks fall between services' },
    ] satisfies RuleSource[],
  },

  lithiumRenalThyroid: {
    code: 'lithium-renal-thyroid-overdue',
    medicines: ['lithium'],
    // Its own reason, not part of lithium-level-overdue: the level is timed 12 hours after a dose and
    // is often taken at a lithium clinic, renal and thyroid bloods with the GP; the action differs.
    schedules: [monitoredResults.renalFunction, monitoredResults.thyroidFunction].map((result) => ({
      name: result.name,
      results: [result],
      firstDueDays: 0,
      firstSays: 'before starting',
      phases: [{ fromDay: 0, everyDays: 182, says: 'every 6 months' }],
    })),
    sources: [
      { source: 'NICE CG185, monitoring lithium; BNF lithium carbonate monograph', says: 'renal and thyroid function before starting lithium, then every 6 months (more often if renal function is impaired)' },
    ] satisfies RuleSource[],
  },

  clozapineBloodCount: {
    code: 'clozapine-fbc-overdue',
    medicines: ['clozapine'],
    schedules: [
      {
        name: monitoredResults.fullBloodCount.name,
        results: [monitoredResults.fullBloodCount],
        firstDueDays: 0,
        firstSays: 'before starting',
        phases: [
          { fromDay: 0, everyDays: WEEK, says: 'weekly in the first 18 weeks' },
          { fromDay: 18 * WEEK, everyDays: 2 * WEEK, says: 'every 2 weeks from week 18 to week 52' },
          { fromDay: 52 * WEEK, everyDays: 4 * WEEK, says: 'every 4 weeks after the first year' },
        ],
      },
    ],
    sources: [
      {
        source: 'Clozapine SmPC section 4.4 and the UK clozapine patient monitoring services (CPMS, ZTAS, DHS); BNF clozapine monograph',
        says: 'white cell and neutrophil counts before starting, weekly for the first 18 weeks, at least every 2 weeks until one year, then at least every 4 weeks for as long as clozapine is taken',
      },
      { source: 'shared/seeds/002_* line ~220', says: 'clozapine clinics see people more often because of the regular blood tests' },
    ] satisfies RuleSource[],
  },

  antipsychoticMonitoring: {
    code: 'antipsychotic-monitoring-overdue',
    medicines: ['antipsychotic'],
    schedules: [
      ...[monitoredResults.weight, monitoredResults.bloodPressure, monitoredResults.glucose, monitoredResults.lipids].map(antipsychoticCheck),
      {
        name: monitoredResults.prolactin.name,
        results: [monitoredResults.prolactin],
        firstDueDays: 0,
        firstSays: 'before starting',
        phases: [{ fromDay: 0, everyDays: YEAR, says: 'every year' }],
        checkpoints: [{ day: 182, says: '6 months after starting' }],
      },
    ],
    sources: [
      {
        source: 'NICE CG178 (psychosis and schizophrenia in adults) section 1.3.6, baseline investigations and monitoring',
        says: 'before starting: weight, blood pressure, fasting glucose or HbA1c, lipids, prolactin; weight, blood pressure, glucose and lipids at 12 weeks, at 1 year, then at least annually',
      },
      { source: 'BNF, psychoses and schizophrenia treatment summary: monitoring', says: 'prolactin at the start of therapy, at 6 months, and then yearly' },
      {
        source: 'NICE CG178 section 1.3.6 (not encoded)',
        says: 'an ECG before starting where the SmPC asks for one, or with cardiovascular history or risk: the records do not say when an ECG is indicated, so ECGs are not a reason on this list',
      },
    ] satisfies RuleSource[],
  },

  valproateReview: {
    code: 'valproate-review-overdue',
    medicines: ['valproate'],
    /**
     * Who could become pregnant, from what the record holds: Patient.gender `female`, aged at least
     * `fromAge` and under `underAge` on the as-of day. The record does not say menarche, menopause or
     * permanent contraception, so age stands in for them; a clinician records an exception by reviewing.
     */
    eligibility: { gender: 'female', fromAge: 12, underAge: 55 },
    schedules: [
      {
        name: 'Valproate Pregnancy Prevention Programme review',
        review: true,
        results: [],
        firstDueDays: 0,
        firstSays: 'when starting',
        phases: [{ fromDay: 0, everyDays: YEAR, says: 'every year' }],
      },
    ],
    sources: [
      {
        source: 'MHRA Drug Safety Update (2018, 2023, 2024): valproate Pregnancy Prevention Programme',
        says: 'women and girls who could become pregnant: a specialist review and Annual Risk Acknowledgement Form when starting and at least every year',
      },
      { source: 'docs/fhir.md (Encounter)', says: 'the medication review Encounter (SNOMED CT 182836005) is also the annual PPP review' },
      { source: 'Issue 6 part 2', says: 'valproate pregnancy prevention annual review for women and girls who could become pregnant' },
    ] satisfies RuleSource[],
  },

  medicationReview: {
    code: 'medication-review-overdue',
    /** Every current prescription, recognised or not. */
    medicines: 'any',
    schedules: [
      {
        name: 'Medication review',
        review: true,
        results: [],
        firstDueDays: YEAR,
        firstSays: 'a year after starting',
        phases: [{ fromDay: 0, everyDays: YEAR, says: 'every year' }],
      },
    ],
    sources: [
      { source: 'NICE NG5 (medicines optimisation) section 1.4, medication review; NICE CG178 section 1.3.6', says: 'a structured medication review, and an annual review of antipsychotic treatment' },
      { source: 'shared/seeds/002_* line ~200', says: 'regular medication reviews are the most effective way of monitoring people taking psychotropic medicines (68%)' },
    ] satisfies RuleSource[],
  },

  /** A medication review is an Encounter typed with this code (docs/fhir.md). */
  reviewCode: medicationReviewCode,
} as const;

/** The order reasons are listed in within one person: blood safety first. */
export const monitoringReasonOrder: readonly MonitoringReasonCode[] = [
  'clozapine-fbc-overdue',
  'lithium-level-overdue',
  'lithium-renal-thyroid-overdue',
  'antipsychotic-monitoring-overdue',
  'valproate-review-overdue',
  'medication-review-overdue',
  'physical-health-check-overdue',
];
