import type { RuleSource } from '../engagement/engagement-rules.ts';
import type { DiagnosisGroup } from '../fhir/clinical-codes.ts';
import { LOINC, SNOMED } from '../fhir/clinical-codes.ts';
import { system } from '../fhir/systems.ts';
import { monitoredResults, type ResultKind } from '../medicines/monitoring-rules.ts';

/**
 * The SMI annual physical health check: who needs it, its six parts, which results meet each part,
 * how long a result counts, and when an invitation that was not answered needs following up. Change
 * a figure here and the `physical-health-check-overdue` reason, the person's panel, the team report,
 * their texts and their tests follow. docs/physical-health.md has the same rules for readers.
 *
 * How it is judged (evaluate-physical-health.ts), as of a day: a person is eligible when a team holds
 * them on the day and they have a psychosis or bipolar diagnosis (not refuted or entered in error;
 * remission still counts, as for the discharge guard). Each part is done when a counted result that
 * meets it was taken within `windowDays` up to and on the day: a result exactly a year old is still
 * in time, the day after it is not. The check is complete when all six parts are done; otherwise the
 * person has the reason, naming the parts missing. No score: a part was done in the year or not.
 */

export type PhysicalHealthComponentKey = 'bmi' | 'bloodPressure' | 'glucose' | 'lipids' | 'smoking' | 'alcohol';

export interface PhysicalHealthComponent {
  key: PhysicalHealthComponentKey;
  /** What clinicians call it, on the panel and in the report. */
  name: string;
  /** The same within a sentence of the reason text. */
  inText: string;
  /** Results that meet it: any one of the kinds. */
  results: readonly ResultKind[];
  /** A weight meets the BMI part only with a height on record on or before it (BMI can then be worked out). */
  weightWithHeight?: { weight: ResultKind; height: ResultKind };
}

const loinc = (code: string, display: string) => ({ system: LOINC, code, display });
const snomed = (code: string, display: string) => ({ system: SNOMED, code, display });

/** Results only this check reads; the others are the monitoring rules' own kinds, so both read them alike. */
export const physicalHealthResults = {
  bmi: { name: 'BMI', codes: [loinc('39156-5', 'Body mass index (BMI) [Ratio]'), snomed('60621009', 'Body mass index')] },
  weight: { name: 'Weight', codes: [loinc('29463-7', 'Body weight'), snomed('27113001', 'Body weight')] },
  height: { name: 'Height', codes: [loinc('8302-2', 'Body height'), snomed('50373000', 'Body height measure')] },
  smoking: { name: 'Smoking status', codes: [loinc('72166-2', 'Tobacco smoking status')] },
  alcohol: { name: 'Alcohol use', codes: [loinc('75626-2', 'Total score [AUDIT-C]'), loinc('11331-6', 'History of Alcohol use')] },
} as const satisfies Record<string, ResultKind>;

export const physicalHealthRules = {
  code: 'physical-health-check-overdue',

  /** Diagnosis groups that put a person on the SMI register (clinical-codes.ts recognises the codes). */
  eligibleGroups: ['psychosis', 'bipolar'] as readonly DiagnosisGroup[],
  /** Each group in the reason text. */
  groupNames: { psychosis: 'psychosis', bipolar: 'bipolar disorder' } as Partial<Record<DiagnosisGroup, string>>,
  /** Condition verification statuses that mean the diagnosis was never true. */
  discountedVerification: ['refuted', 'entered-in-error'] as readonly string[],

  /** A result counts for this many days after the day it was taken, that day included as day 0. */
  windowDays: 365,

  /** The six parts, in the order NHS England lists them. */
  components: [
    {
      key: 'bmi',
      name: 'BMI',
      inText: 'BMI',
      results: [physicalHealthResults.bmi],
      weightWithHeight: { weight: physicalHealthResults.weight, height: physicalHealthResults.height },
    },
    { key: 'bloodPressure', name: 'Blood pressure', inText: 'blood pressure', results: [monitoredResults.bloodPressure] },
    { key: 'glucose', name: 'Glucose or HbA1c', inText: 'glucose or HbA1c', results: [monitoredResults.glucose] },
    { key: 'lipids', name: 'Lipids', inText: 'lipids', results: [monitoredResults.lipids] },
    { key: 'smoking', name: 'Smoking status', inText: 'smoking status', results: [physicalHealthResults.smoking] },
    { key: 'alcohol', name: 'Alcohol use', inText: 'alcohol use', results: [physicalHealthResults.alcohol] },
  ] as readonly PhysicalHealthComponent[],

  invitation: {
    /** Communication.category (CS/communication-category) of an invitation to the check (docs/fhir.md). */
    category: { system: system.communicationCategory, code: 'physical-health-check-invitation', display: 'Invitation to the annual physical health check' },
    /** Communication statuses that mean the invitation went out. */
    countedStatuses: ['completed', 'in-progress'] as readonly string[],
    /** Communication.medium (system.invitationMethod): how the invitation went out. */
    methods: { letter: 'Letter', phone: 'Telephone call', 'text-message': 'Text message', email: 'Email', 'in-person': 'In person' },
    /** Days after an invitation with the check still incomplete at which the person has not responded and needs following up. */
    followUpAfterDays: 28,
  },

  sources: [
    {
      source: 'NHS England, "Improving the physical health of people living with severe mental illness" (2024) and the SMI physical health check indicator',
      says: 'people on the SMI register should have all six checks every 12 months: BMI, blood pressure, blood glucose or HbA1c, blood lipids, smoking status, alcohol consumption',
    },
    { source: 'NICE CG178 (psychosis and schizophrenia in adults) sections 1.1.3, 1.5.3', says: 'monitor physical health at least once a year: weight, blood pressure, glucose or HbA1c, lipids, smoking and alcohol, with follow-up in primary or secondary care' },
    { source: 'NICE CG185 (bipolar disorder) section 1.2.12', says: 'the same annual physical health review for people with bipolar disorder' },
    { source: 'shared/seeds/002_* line ~213', says: 'a designated individual to invite all patients on the severe mental health register for a physical health check and following up with non-responders' },
    { source: 'shared/seeds/004_* §43', says: 'premature mortality for people with SMI is rising; systems focus on the uptake of the essential physical health checks' },
    { source: 'Issue 6 part 4 (SPEC C10)', says: 'completion per person and per team, follow-up of people who did not respond; feeds the board report' },
    { source: 'Local decision (docs/physical-health.md)', says: 'an invitation not followed by a complete check within 28 days (four weeks, the usual booking horizon of a physical health clinic) is a non-response to follow up' },
  ] satisfies RuleSource[],
} as const;
