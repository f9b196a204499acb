import type { RuleSource } from '../engagement/engagement-rules.ts';
import { ctoLegalStatus } from '../fhir/clinical-codes.ts';

/**
 * The rules of the `intensive-review` worklist (SPEC C7): who may need intensive and assertive
 * community care, by the cohort criteria of NHS England's guidance to ICBs (shared/seeds/003_*,
 * chapter 2) read as observable facts on the record. Each indicator has its look-back and its
 * sources; the listing rule says how many indicators put a person on the list. Change a figure here
 * and the worklist, its texts, docs/intensive-care.md and the tests follow.
 *
 * Never a score (SPEC principle 1; NICE NG225 1.5.6-1.5.7): a person is listed because indicators
 * are present, each shown with the records behind it, and a clinician decides.
 */

export type IntensiveReviewCode =
  | 'psychosis'
  | 'disengagement'
  | 'repeated-admissions'
  | 'mha-history'
  | 'substance-use'
  | 'multiple-social-needs'
  | 'carer-concern'
  | 'justice-contact';

/** A look-back: only records dated within this many months before the as-of day (that day included) count. */
export interface LookBack {
  months: number;
  says: string;
}

const chapter2 = 'shared/seeds/003_* chapter 2 "Scope of local reviews" (line ~350): the group under consideration';

export const intensiveReviewRules = {
  /**
   * Who is listed: everyone with every `required` indicator and at least `othersAtLeast` of the
   * others. The cohort is people presenting with psychosis (chapter 2's first criterion, and the
   * assertive outreach model's, 003_* annex B line ~536); one further indicator alone is common in
   * core community care, two together describe the group the guidance asks ICBs to find.
   */
  listing: {
    required: ['psychosis'] as readonly IntensiveReviewCode[],
    othersAtLeast: 2,
    sources: [
      { source: 'Issue 5 part 1', says: 'a psychosis indicator plus at least two others; reasons with evidence only, no predictive risk score' },
      { source: chapter2, says: 'presenting with psychosis (but not necessarily given a diagnosis of psychotic illness), with the further criteria listed' },
      { source: 'NICE NG225 (2022) recommendations 1.5.6-1.5.7', says: 'do not use risk assessment tools or scales to predict future risk or to decide who should or should not be offered care' },
    ] satisfies RuleSource[],
  },

  psychosis: {
    code: 'psychosis',
    /** A psychosis diagnosis (clinical-codes.ts, group psychosis: F20-F29) at any time, unless refuted or entered in error. */
    diagnosisGroups: ['psychosis'] as readonly string[],
    /** Condition.verificationStatus codes that mean the diagnosis does not stand. */
    discountedVerification: ['refuted', 'entered-in-error'] as readonly string[],
    /** A current antipsychotic prescription (medicines/monitoring-rules.ts, ATC N05A but lithium; clozapine and long-acting injections included). */
    prescriptionStatuses: ['active', 'on-hold'] as readonly string[],
    sources: [
      { source: chapter2, says: 'are presenting with psychosis (but not necessarily given a diagnosis of psychotic illness): an antipsychotic, clozapine or a long-acting injection is the treatment of presenting psychosis, so it counts where no diagnosis is recorded' },
    ] satisfies RuleSource[],
  },

  disengagement: {
    code: 'disengagement',
    sources: [
      { source: chapter2, says: 'may not respond to, want or may struggle to access and use "routine" monitoring, support and treatment' },
      { source: 'engagement/engagement-rules.ts', says: 'the person is on the disengaged worklist as of the day, by the engagement rules unchanged (a standing MDT decision keeps them off it)' },
    ] satisfies RuleSource[],
  },

  repeatedAdmissions: {
    code: 'repeated-admissions',
    /** This many admissions (Encounter class IMP) or more... */
    atLeast: 2,
    /** ...starting within this look-back. */
    lookBack: { months: 24, says: '24 months' } satisfies LookBack,
    sources: [
      { source: 'Issue 5 part 1', says: '2 or more admissions starting in the 24 months before the day' },
      { source: 'shared/seeds/003_* line ~788 (definition of cohort)', says: 'known to mental health services presenting with repeated mental health inpatient admissions' },
      { source: chapter2, says: 'vulnerable to relapse and/or deterioration with serious related harms' },
    ] satisfies RuleSource[],
  },

  mhaHistory: {
    code: 'mha-history',
    /** Any detention (02, 03) or CTO (cto) Flag begun on or before the day, at any time (clinical-codes.ts mhaLegalStatuses). */
    legalStatuses: ['02', '03', ctoLegalStatus] as readonly string[],
    sources: [
      { source: 'shared/seeds/003_* annex B line ~536', says: 'a history of repeated relapses and admission to hospital, often under detention' },
      { source: chapter2, says: 'vulnerable to relapse and/or deterioration with serious related harms; may have had harmful or traumatic experiences of mental health services' },
    ] satisfies RuleSource[],
  },

  substanceUse: {
    code: 'substance-use',
    /** A substance use diagnosis (F10-F19) at any time, unless refuted or entered in error. */
    diagnosisGroups: ['substance-use'] as readonly string[],
    /** An AUDIT-C score at or above this within the look-back (the latest one counts). */
    auditCAtLeast: 8,
    lookBack: { months: 12, says: '12 months' } satisfies LookBack,
    sources: [
      { source: chapter2, says: 'likely present with co-occurring problems (e.g. drug and alcohol use/dependence)' },
      {
        source: 'Office for Health Improvement and Disparities, "Alcohol use screening tests" (AUDIT-C, 2020 update)',
        says: 'AUDIT-C 0-4 lower risk, 5-7 increasing risk, 8-10 higher risk: 8 or more is higher risk drinking',
      },
    ] satisfies RuleSource[],
  },

  multipleSocialNeeds: {
    code: 'multiple-social-needs',
    /** At least this many different needs current on the day. */
    atLeast: 2,
    /**
     * The needs, and the Flag codes (CS/red-flag, category social-need or red-flag) that show each.
     * Unstable accommodation on the Patient (codes.ts accommodationStatuses, `unstable`) and a
     * housing-instability Flag are the same need, housing: counted once, citing both.
     */
    needs: {
      housing: { says: 'housing', flags: ['housing-instability'], unstableAccommodation: true },
      finances: { says: 'finances', flags: ['financial-hardship'], unstableAccommodation: false },
      'self-neglect': { says: 'self-neglect', flags: ['self-neglect'], unstableAccommodation: false },
      isolation: { says: 'isolation', flags: ['social-isolation'], unstableAccommodation: false },
    },
    sources: [
      { source: chapter2, says: 'have multiple social needs (housing, finance, self-neglect, isolation etc)' },
      { source: 'docs/fhir.md, Patient', says: 'temporary accommodation, sofa surfing, homeless, rough sleeping and prison count as unstable accommodation' },
    ] satisfies RuleSource[],
  },

  carerConcern: {
    code: 'carer-concern',
    lookBack: { months: 12, says: '12 months' } satisfies LookBack,
    sources: [
      { source: chapter2, says: 'concerns may have been raised by family / carers' },
      { source: 'shared/seeds/003_* line ~385 (service failures)', says: 'if families are asking for help, this should be viewed as a potential red flag: services must listen and get involved' },
    ] satisfies RuleSource[],
  },

  justiceContact: {
    code: 'justice-contact',
    /** Red flags from the person's history, at any time (003_*: missed red flags of earlier minor offending). */
    flags: ['police-contact', 'arrest', 'offending', 'marac', 'mappa'] as readonly string[],
    /** A concern from the police (Communication partner-concern from an Organization of type police) within the look-back. */
    policeConcernLookBack: { months: 12, says: '12 months' } satisfies LookBack,
    sources: [
      { source: chapter2, says: 'may have had negative (e.g. harmful and/or traumatic) experiences of ... the criminal justice systems' },
      { source: 'shared/seeds/003_* line ~380 (service failures)', says: "missed 'red flags' of earlier minor offending; MARAC and MAPPA to be deployed as appropriate (line ~472)" },
    ] satisfies RuleSource[],
  },

  /**
   * People already receiving intensive or assertive care are not listed: an episode held on the day
   * with one of these care intensities (CS/care-intensity on EpisodeOfCare.type), or held by a team
   * of one of these organisation types.
   */
  alreadyIntensive: {
    intensities: ['intensive', 'assertive'] as readonly string[],
    teamTypes: ['aot'] as readonly string[],
  },

  /** Who is looked at: people a team holds on the day, and people waiting on a referral not yet decided. */
  pendingReferralStatuses: ['active'] as readonly string[],

  /** Stepping care up or down (docs/intensive-care.md): the reason in words, at least this long. */
  stepReasonMinLength: 20,
  /**
   * Who steps care up or down: the clinicians holding the person (key worker, team manager,
   * prescriber), on a relationship with them, never on break-glass. 003_* line ~457: the team
   * "manages stepping up and down of care", with the key worker supporting it (line ~473).
   */
  stepDeciders: ['key-worker', 'team-manager', 'prescriber'] as readonly string[],
} as const;

/** The order reasons are listed in: the cohort criteria's order in 003_* chapter 2. */
export const intensiveReviewOrder: readonly IntensiveReviewCode[] = [
  'psychosis', 'disengagement', 'repeated-admissions', 'mha-history', 'substance-use', 'multiple-social-needs', 'justice-contact', 'carer-concern',
];
