/**
 * Entering a monitoring result in the app: for each LOINC code the monitoring rules recognise
 * (monitoring-rules.ts, `monitoredResults`), what clinicians call the test, its UCUM unit, the
 * Observation category, and the values that can be entered. The tests offered are the rules' own
 * codes: a code here that the rules do not recognise is never offered, and a recognised LOINC code
 * must appear here (offered, or `notOffered` with the reason it is not).
 *
 * The limits are plausibility limits for typing, not clinical thresholds: wide enough for any value
 * a laboratory or a clinic could report, narrow enough to catch a slip of the unit or the decimal
 * point (a lithium level typed in mg/L, a weight in pounds). They say nothing about what is normal.
 *
 * Type imports only: the web app takes the labels and units from this file by path.
 */
import type { RuleSource } from '../engagement/engagement-rules.ts';

/** One number entered for a test, with the range a real result falls in. */
export interface EnteredQuantity {
  /** The form field and the problem's field name. */
  field: 'value' | 'systolic' | 'diastolic';
  /** The label on the form: "Lithium level". */
  label: string;
  /** UCUM (unitsofmeasure.org), as docs/fhir.md gives it for the code. */
  unit: string;
  /** The unit as clinicians write it, on the form and in messages: "mmHg" for UCUM "mm[Hg]". */
  shown: string;
  min: number;
  max: number;
  /** Where the number goes: the Observation's own value, or a component with this LOINC code. */
  component?: { code: string; display: string };
  /** A whole number recorded as `valueInteger` (a questionnaire score), not as a quantity with a unit. */
  whole?: boolean;
}

/** An answer chosen from a list, recorded as `valueCodeableConcept` (SNOMED CT). */
export interface EnteredAnswer {
  code: string;
  display: string;
}

export interface ResultEntryTest {
  /** What clinicians call it, in the list of tests: "Lithium level". */
  label: string;
  category: 'laboratory' | 'vital-signs' | 'social-history' | 'survey';
  quantities: readonly EnteredQuantity[];
  /** For a test answered by choosing (smoking status): the answers offered, in the `value` field. */
  answers?: readonly EnteredAnswer[];
}

const lab = (label: string, unit: string, min: number, max: number, shown = unit): ResultEntryTest => ({ label, category: 'laboratory', quantities: [{ field: 'value', label, unit, shown, min, max }] });
const vital = (label: string, unit: string, min: number, max: number, shown = unit): ResultEntryTest => ({ label, category: 'vital-signs', quantities: [{ field: 'value', label, unit, shown, min, max }] });

/** By LOINC code; `notOffered` when the code is recognised on import but not entered in the app, with why. */
export const resultEntryTests: Record<string, ResultEntryTest | { notOffered: string }> = {
  '14334-7': lab('Lithium level', 'mmol/L', 0.01, 5),
  '62238-1': lab('eGFR (CKD-EPI)', 'mL/min/{1.73_m2}', 1, 200, 'mL/min/1.73m²'),
  '33914-3': lab('eGFR (MDRD)', 'mL/min/{1.73_m2}', 1, 200, 'mL/min/1.73m²'),
  '2160-0': lab('Creatinine', 'umol/L', 10, 3000, 'micromol/L'),
  '3016-3': lab('TSH', 'mU/L', 0.001, 200),
  '751-8': lab('Neutrophils', '10*9/L', 0, 100, '× 10⁹/L'),
  '6690-2': lab('White cell count', '10*9/L', 0, 500, '× 10⁹/L'),
  '29463-7': vital('Weight', 'kg', 10, 400),
  '39156-5': vital('BMI', 'kg/m2', 8, 120, 'kg/m²'),
  '85354-9': {
    label: 'Blood pressure',
    category: 'vital-signs',
    quantities: [
      { field: 'systolic', label: 'Systolic', unit: 'mm[Hg]', shown: 'mmHg', min: 50, max: 300, component: { code: '8480-6', display: 'Systolic blood pressure' } },
      { field: 'diastolic', label: 'Diastolic', unit: 'mm[Hg]', shown: 'mmHg', min: 20, max: 200, component: { code: '8462-4', display: 'Diastolic blood pressure' } },
    ],
  },
  '8480-6': { notOffered: 'a blood pressure is entered as the panel (85354-9), with its systolic and diastolic components' },
  '59261-8': lab('HbA1c', 'mmol/mol', 10, 250),
  '4548-4': { notOffered: 'laboratories in England report HbA1c in mmol/mol (IFCC, 59261-8), not as a percentage' },
  '1558-6': lab('Fasting glucose', 'mmol/L', 0.5, 60),
  '2093-3': lab('Total cholesterol', 'mmol/L', 0.5, 30),
  '2085-9': lab('HDL cholesterol', 'mmol/L', 0.1, 10),
  '2571-8': lab('Triglycerides', 'mmol/L', 0.1, 100),
  '13457-7': lab('LDL cholesterol (calculated)', 'mmol/L', 0.1, 20),
  '2842-3': lab('Prolactin', 'mU/L', 1, 50000),
  // The rest of the SMI annual physical health check (physical-health-rules.ts).
  '8302-2': vital('Height', 'cm', 50, 250),
  '72166-2': {
    label: 'Smoking status',
    category: 'social-history',
    quantities: [],
    answers: [
      { code: '77176002', display: 'Smoker' },
      { code: '8517006', display: 'Ex-smoker' },
      { code: '266919005', display: 'Never smoked tobacco' },
    ],
  },
  '75626-2': { label: 'Alcohol use (AUDIT-C)', category: 'survey', quantities: [{ field: 'value', label: 'AUDIT-C score', unit: '{score}', shown: 'points', min: 0, max: 12, whole: true }] },
  '11331-6': { notOffered: 'a history of alcohol use is a narrative recorded by other systems; in the app alcohol use is recorded as the AUDIT-C score (75626-2)' },
};

export const resultEntry = {
  sources: [
    { source: 'Issue 6 part 2; docs/fhir.md, "Observation (results and checks)"', says: 'results arrive as Observations with LOINC codes, effectiveDateTime, valueQuantity in UCUM units, status final; the blood pressure panel 85354-9 has components 8480-6 and 8462-4' },
    { source: 'NICE CG185 and BNF lithium monograph', says: 'serum lithium is reported in mmol/L (target usually 0.4-1.0); levels above 2.0 are toxic, so 5 leaves room for any real result while refusing mg/L' },
    { source: 'Issue 6 browser journey', says: 'a prescriber opens monitoring-overdue, records a lithium result, the item clears' },
    { source: 'docs/fhir.md, "Observation"; AUDIT-C (Bush et al. 1998)', says: 'smoking status 72166-2 as SNOMED CT 77176002 smoker, 8517006 ex-smoker, 266919005 never; AUDIT-C 75626-2 as valueInteger, three questions scored 0-4, so 0 to 12' },
  ] satisfies RuleSource[],
} as const;
