/**
 * The plans and formulations kept for each person (issue 5 part 3; SPEC C3, C4): what each kind is
 * called, the sections it is written in, and the limits on what is entered. One place a clinician
 * can review; the checks are in write-plan.ts. Each section is words (a FHIR `SD/plan-section`
 * extension on the CarePlan, docs/fhir.md "CarePlan and Goal"), never a rating, level or band.
 *
 * Type imports only: the web app takes the labels from this file by path.
 */
import type { RuleSource } from '../engagement/engagement-rules.ts';

export interface PlanSectionKind {
  /** The `section` sub-extension's valueCode (CS/plan-section). */
  code: string;
  label: string;
  hint: string;
}

export interface PlanKind {
  label: string;
  /** The CarePlan.title the app writes. */
  title: string;
  intro: string;
  sections: readonly PlanSectionKind[];
  /** Plans the person and crisis services act on name the key worker and a crisis contact (SPEC: 22% did not know whom to contact). */
  namesKeyWorkerAndCrisisContact: boolean;
  /** Only the personalised care plan sets the interval between contacts the engagement rules read. */
  setsContactFrequency: boolean;
  /** Only the personalised care plan has goals (FHIR Goal). */
  hasGoals: boolean;
  sources: readonly RuleSource[];
}

const coProduced: RuleSource = {
  source: '003_* (intensive and assertive care guidance), "Collating and sharing information"',
  says: 'assessments (including risk assessments) and care plans (including safety plans, advance choice documents) must be co-produced whenever possible and accessible to the individual, their families and friends',
};

export const planKinds = {
  'care-plan': {
    label: 'Personalised care plan',
    title: 'My care plan',
    intro: 'What matters to the person, the support agreed, their goals in their words, and how often they will be seen.',
    sections: [
      { code: 'what-matters', label: 'What matters to me', hint: 'In the person’s words where they can give them.' },
      { code: 'support-agreed', label: 'Support agreed', hint: 'Who does what, and when.' },
      { code: 'staying-well', label: 'Staying well', hint: 'What keeps the person well day to day, including medicines and physical health.' },
      { code: 'family-and-carers', label: 'Family and carers', hint: 'Who is involved, what they do, and what may be shared with them.' },
    ],
    namesKeyWorkerAndCrisisContact: true,
    setsContactFrequency: true,
    hasGoals: true,
    sources: [
      coProduced,
      { source: 'SPEC C4 and C6', says: 'a co-produced personalised care plan with goals; disengagement is judged against the contact frequency in the care plan' },
    ],
  },
  formulation: {
    label: 'Biopsychosocial formulation',
    title: 'Formulation',
    intro: 'A shared understanding of the person’s difficulties, in words: the five Ps.',
    sections: [
      { code: 'presenting', label: 'Presenting difficulties', hint: 'What is happening now, as the person describes it.' },
      { code: 'predisposing', label: 'Predisposing factors', hint: 'History and circumstances that made these difficulties more likely.' },
      { code: 'precipitating', label: 'Precipitating factors', hint: 'What brought them on this time.' },
      { code: 'perpetuating', label: 'Perpetuating factors', hint: 'What keeps them going.' },
      { code: 'protective', label: 'Protective factors', hint: 'Strengths, relationships and resources that help.' },
    ],
    namesKeyWorkerAndCrisisContact: false,
    setsContactFrequency: false,
    hasGoals: false,
    sources: [
      { source: '001_* appendix 4.4 (review area 3: formulation), line ~2377', says: 'formulation is a collaborative process between practitioners and a person seeking to understand their mental health problems' },
      { source: '003_* line ~342', says: 'care that is holistic, engaging and trauma informed, using biopsychosocial formulation-based approaches' },
      { source: 'Weerasekera P (1996), Multiperspective Case Formulation', says: 'predisposing, precipitating, perpetuating and protective factors (with the presenting problem, the "5 Ps")' },
    ],
  },
  'risk-formulation': {
    label: 'Risk formulation',
    title: 'Risk formulation',
    intro: 'What is understood of the risks, in words, never as a score or a level: to the person, from others and from where they live, as well as to themselves and others.',
    sections: [
      { code: 'situations', label: 'Situations', hint: 'When harm has happened or nearly happened, and to whom.' },
      { code: 'triggers', label: 'Triggers', hint: 'What tends to set things off.' },
      { code: 'early-warning-signs', label: 'Early warning signs (relapse signature)', hint: 'The first signs that the person is becoming unwell, as they and their family notice them.' },
      { code: 'protective-factors', label: 'Protective factors', hint: 'What keeps the person and others safe.' },
      { code: 'what-helps', label: 'What helps', hint: 'What has worked before.' },
      { code: 'harm-from-others', label: 'Harm from others', hint: 'Exploitation, violence, cuckooing, financial or sexual abuse.' },
      { code: 'environment', label: 'Environment', hint: 'Where the person lives and spends time: housing, neighbours, drugs, access to means.' },
    ],
    namesKeyWorkerAndCrisisContact: false,
    setsContactFrequency: false,
    hasGoals: false,
    sources: [
      { source: 'SPEC principle 1; NICE NG225 (cited in 003_* and 001_* appendix 4.2)', says: 'risk tools and scales must not be used to predict future risk or to allocate care; risk is recorded as a formulation' },
      { source: '000_* Table 3, CMOCs 1 and 16; line ~294', says: 'risk to the person from others and from their environment (drug dealers, criminal behaviour, violence) is frequently overlooked in safety planning' },
      { source: '001_* line ~1958', says: 'people are supported to identify triggers and early warning signs, and successful de-escalation' },
    ],
  },
  'safety-plan': {
    label: 'Safety plan',
    title: 'My safety plan',
    intro: 'Made with the person, in their words: what they can do, and who they can turn to, when things get hard.',
    sections: [
      { code: 'warning-signs', label: 'My warning signs', hint: 'Thoughts, feelings or situations that mean a crisis may be starting.' },
      { code: 'things-i-can-do', label: 'Things I can do on my own', hint: 'What helps the person cope or take their mind off things.' },
      { code: 'people-and-places', label: 'People and places that help', hint: 'Who to be with and where to go.' },
      { code: 'people-to-ask', label: 'People I can ask for help', hint: 'Names and how to reach them.' },
      { code: 'professionals', label: 'Services I can contact', hint: 'Key worker, crisis line, out of hours, with numbers.' },
      { code: 'making-safe', label: 'Making my surroundings safer', hint: 'Agreed steps such as limiting access to means.' },
      { code: 'reasons-for-living', label: 'What matters most to me', hint: 'Reasons for living, in the person’s words.' },
    ],
    namesKeyWorkerAndCrisisContact: true,
    setsContactFrequency: false,
    hasGoals: false,
    sources: [
      coProduced,
      { source: 'Stanley B, Brown GK (2012), Safety Planning Intervention, Cognitive and Behavioral Practice 19:256-264', says: 'warning signs, internal coping, social contacts and settings, people to ask for help, professionals, making the environment safe' },
    ],
  },
  'crisis-plan': {
    label: 'Crisis plan',
    title: 'My crisis plan',
    intro: 'What happens in a crisis and what the person wants then, in their own words, for them, their family and the crisis line.',
    sections: [
      { code: 'in-a-crisis', label: 'What happens in a crisis', hint: 'How a crisis shows itself for this person.' },
      { code: 'who-to-contact', label: 'Who to contact', hint: 'People and services, with numbers, in the order the person wants.' },
      { code: 'what-helps', label: 'What helps', hint: 'What the person wants others to do.' },
      { code: 'what-does-not-help', label: 'What does not help', hint: 'What the person asks others not to do.' },
      { code: 'practical', label: 'Practical matters', hint: 'Children, pets, keys, bills, work.' },
    ],
    namesKeyWorkerAndCrisisContact: true,
    setsContactFrequency: false,
    hasGoals: false,
    sources: [
      { source: '001_* line ~1953', says: 'people are offered a crisis and risk management plan, kept up to date with their changing circumstances' },
      { source: 'SPEC failures table: inaccessible crisis care (000_* CMOC 17)', says: 'a crisis plan with the person’s own words' },
      { source: '002_* line ~719', says: 'personalised crisis plans' },
    ],
  },
  'advance-choice': {
    label: 'Advance choice document',
    title: 'My advance choices',
    intro: 'The person’s choices about treatment if they become unwell and cannot decide then, in their words.',
    sections: [
      { code: 'treatment-preferences', label: 'Treatment I would want', hint: 'Medicines, places and approaches that have helped.' },
      { code: 'treatment-refusals', label: 'Treatment I do not want', hint: 'And why, in the person’s words.' },
      { code: 'people-to-involve', label: 'People to involve', hint: 'Who should be told and consulted, and who should not.' },
      { code: 'practical', label: 'Practical matters', hint: 'Children, pets, home, money.' },
    ],
    namesKeyWorkerAndCrisisContact: true,
    setsContactFrequency: false,
    hasGoals: false,
    sources: [
      coProduced,
      { source: 'Modernising the Mental Health Act, final report of the Independent Review (2018)', says: 'advance choice documents setting out a person’s preferences and refusals for care and treatment' },
    ],
  },
} as const satisfies Record<string, PlanKind>;

export type PlanKindCode = keyof typeof planKinds;
export const planKindCodes = Object.keys(planKinds) as PlanKindCode[];

export function isPlanKind(value: unknown): value is PlanKindCode {
  return typeof value === 'string' && Object.hasOwn(planKinds, value);
}

export const planEntry = {
  /** A section is a few paragraphs; longer is a document to attach, not a plan. */
  sectionMaxLength: 4000,
  /** Who the plan was made with, beyond the person and carers on record ("my friend Sam", "advocate from Mind"). */
  coProducedWithMaxLength: 500,
  /** The crisis contact: a name or service and a number. */
  crisisContactMaxLength: 300,
  /** A goal, in the person's words. */
  goalMaxLength: 300,
  goalsMax: 10,
  /**
   * The agreed interval between contacts, in days. The upper bound catches a slip (280 for 28); a
   * person seen less often than twice a year is not being care-coordinated.
   */
  contactFrequencyDays: { min: 1, max: 182 },
  /**
   * Section text that is only a level, a band or a number is refused: risk is written as a
   * formulation in words, never banded (HSIB finding, 000_* line ~1190; SPEC "no risk band or level
   * field anywhere").
   */
  bandWords: ['high', 'medium', 'moderate', 'low', 'very high', 'very low', 'none', 'nil', 'red', 'amber', 'green', 'rag', 'minimal', 'significant', 'severe', 'mild'],
  sources: [
    { source: 'Issue 5 part 3', says: 'formulation and plans, versioned and co-produced; each section in words, with the person’s own words kept as said' },
    { source: '000_* line ~1190 (HSIB) and SPEC failures table', says: 'risk banded high/medium/low despite national guidance: no risk band or level anywhere' },
    { source: '000_* line ~1091 (CQC 2023 survey)', says: '22% did not know whom to contact in a crisis: every plan names the key worker and crisis contact' },
  ] satisfies RuleSource[],
} as const;
