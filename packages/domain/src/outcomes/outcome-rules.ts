/**
 * The published scoring rules of the outcome measures (SPEC C14), one entry per instrument: the
 * items in the instrument's own order (linkId "1".."n", docs/fhir.md), which are reverse-scored,
 * the answer range, what a missing answer does, the scores and any published bands, and the
 * reliability and spread the reliable change index is worked from (Jacobson & Truax 1991).
 *
 * Where a publication gives no rule for missing answers, the conservative one applies: the score
 * is not given. Scores inform the plan and the person sees their own; none is a risk rating, and
 * nothing here combines scores or ranks people.
 *
 * Every rule cites its source. `checked` says whether the rule was checked against the source's
 * text while writing this file (true), or written from the publication as recalled (false): the
 * latter should be confirmed against the paper before the figures are relied on in reports.
 *
 * Type imports only: the web app takes the wording and answer labels from this file by path.
 */
import type { QuestionnaireKey } from '../fhir/clinical-codes.ts';

export interface OutcomeSource {
  source: string;
  says: string;
  checked: boolean;
}

/** One score an instrument gives: a total, a mean of items, or a converted total. */
export interface ScoreRule {
  /** Stable key in the API: `total`, `quality-of-life`, `treatment-satisfaction`, `metric`. */
  key: string;
  label: string;
  /** linkIds of the items it is made from. */
  items: readonly string[];
  /** `sum` adds the item scores; `mean` averages them (DIALOG). */
  combine: 'sum' | 'mean';
  min: number;
  max: number;
  /** Which way is better: the chart and the change report read it; never used to rank people. */
  higherIsBetter: boolean;
  /** Decimal places the score is given to. */
  decimals: number;
  /**
   * How many of its items may be missing (or rated not known) and the score still given. Zero
   * unless the source says otherwise.
   */
  missingAllowed: number;
  /** Published bands, lowest first: `upTo` is the highest score in the band. */
  bands?: readonly { upTo: number; label: string }[];
  /**
   * The change that counts as reliable: either the published threshold, or the reliability and
   * standard deviation the threshold is worked from (1.96 × SD × √2 × √(1 − r)). Absent when no
   * published figure was found: change is then reported without counting reliable change.
   */
  reliableChange?: { threshold: number } | { reliability: number; sd: number };
  sources: readonly OutcomeSource[];
}

export interface ItemRule {
  linkId: string;
  /** What clinicians call the item: "Mental health". */
  label: string;
  /** The question as the person reads it on their own link, in plain English. */
  wording: string;
  /** Reverse-scored: the answer position n scores (max − n) because the item is worded negatively. */
  reversed?: boolean;
}

export interface InstrumentRules {
  key: QuestionnaireKey;
  title: string;
  /** Who rates it: the person (self-rated) or a clinician (HoNOS). */
  ratedBy: 'person' | 'clinician';
  /** What the person is asked, above the questions. */
  stem: string;
  /** Answer positions, lowest first, with what each means. */
  answers: readonly { value: number; label: string }[];
  /** An answer outside the range that means "not known" (HoNOS 9), never counted in a score. */
  notKnown?: { value: number; label: string };
  items: readonly ItemRule[];
  scores: readonly ScoreRule[];
  sources: readonly OutcomeSource[];
}

const linkIds = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** PHQ-9 and GAD-7 ask the same question of every item, with the same four answers (Kroenke 2001; Spitzer 2006). */
const howOftenInTwoWeeks = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const dialogTreatment: readonly OutcomeSource[] = [
  { source: 'Priebe S, Golden E, McCabe R, Reininghaus U. BMC Psychiatry 2012;12:113', says: 'internal consistency (Cronbach alpha) of the three treatment satisfaction items .57', checked: true },
  { source: 'Mosler F, Priebe S, Bird V. BMC Health Services Research 2020 (DIALOG in East London)', says: 'satisfaction with treatment aspects mean 5.25 (SD 1.17)', checked: true },
];

export const outcomeRules: Record<QuestionnaireKey, InstrumentRules> = {
  dialog: {
    key: 'dialog',
    title: 'DIALOG',
    ratedBy: 'person',
    stem: 'How satisfied are you with each of these? Choose a number from 1 (totally dissatisfied) to 7 (totally satisfied).',
    answers: [
      { value: 1, label: 'Totally dissatisfied' },
      { value: 2, label: 'Very dissatisfied' },
      { value: 3, label: 'Fairly dissatisfied' },
      { value: 4, label: 'In the middle' },
      { value: 5, label: 'Fairly satisfied' },
      { value: 6, label: 'Very satisfied' },
      { value: 7, label: 'Totally satisfied' },
    ],
    items: [
      { linkId: '1', label: 'Mental health', wording: 'Your mental health' },
      { linkId: '2', label: 'Physical health', wording: 'Your physical health' },
      { linkId: '3', label: 'Job situation', wording: 'Your job situation, or what you do in the day' },
      { linkId: '4', label: 'Accommodation', wording: 'Where you live' },
      { linkId: '5', label: 'Leisure activities', wording: 'What you do in your free time' },
      { linkId: '6', label: 'Partner or family', wording: 'Your relationship with your partner or family' },
      { linkId: '7', label: 'Friendships', wording: 'Your friendships' },
      { linkId: '8', label: 'Personal safety', wording: 'How safe you feel' },
      { linkId: '9', label: 'Medication', wording: 'Your medication' },
      { linkId: '10', label: 'Practical help', wording: 'The practical help you get' },
      { linkId: '11', label: 'Meetings with professionals', wording: 'Your meetings with mental health professionals' },
    ],
    scores: [
      {
        key: 'quality-of-life', label: 'Quality of life', items: linkIds(1, 8), combine: 'mean', min: 1, max: 7, higherIsBetter: true, decimals: 2, missingAllowed: 0,
        reliableChange: { reliability: 0.71, sd: 1.1 },
        sources: [
          { source: 'DIALOG scale, East London NHS Foundation Trust (dialog.elft.nhs.uk/DIALOG-scale)', says: 'the mean of the 8 life-domain items forms the subjective quality of life score; below four is dissatisfaction, above four satisfaction', checked: true },
          { source: 'Priebe S, Golden E, McCabe R, Reininghaus U. BMC Psychiatry 2012;12:113', says: 'internal consistency (Cronbach alpha) of the eight quality-of-life items .71', checked: true },
          { source: 'Missing items', says: 'no published rule for missing DIALOG items was found, so a mean is given only with all its items', checked: true },
          { source: 'Mosler F, Priebe S, Bird V. BMC Health Services Research 2020 (DIALOG in East London)', says: 'satisfaction with life aspects mean 4.65 (SD 1.1)', checked: true },
        ],
      },
      {
        key: 'treatment-satisfaction', label: 'Treatment satisfaction', items: linkIds(9, 11), combine: 'mean', min: 1, max: 7, higherIsBetter: true, decimals: 2, missingAllowed: 0,
        reliableChange: { reliability: 0.57, sd: 1.17 },
        sources: [
          { source: 'DIALOG scale, East London NHS Foundation Trust (dialog.elft.nhs.uk/DIALOG-scale)', says: 'the mean of the 3 treatment items forms the treatment satisfaction score', checked: true },
          ...dialogTreatment,
        ],
      },
    ],
    sources: [{ source: 'Priebe S, McCabe R, Bullenkamp J, et al. Br J Psychiatry 2007;191:420-6 (DIALOG)', says: 'eight life domains and three treatment aspects, each rated 1 (totally dissatisfied) to 7 (totally satisfied)', checked: false }],
  },

  'reqol-10': {
    key: 'reqol-10',
    title: 'ReQoL-10',
    ratedBy: 'person',
    stem: 'Thinking about the last week, how often has each of these been true for you?',
    answers: [
      { value: 0, label: 'None of the time' },
      { value: 1, label: 'Only occasionally' },
      { value: 2, label: 'Sometimes' },
      { value: 3, label: 'Often' },
      { value: 4, label: 'Most or all of the time' },
    ],
    items: [
      { linkId: '1', label: 'Difficult to get started', wording: 'I found it difficult to get started with everyday tasks', reversed: true },
      { linkId: '2', label: 'Able to trust others', wording: 'I felt able to trust others' },
      { linkId: '3', label: 'Unable to cope', wording: 'I felt unable to cope', reversed: true },
      { linkId: '4', label: 'Could do what I wanted', wording: 'I could do the things I wanted to do' },
      { linkId: '5', label: 'Happy', wording: 'I felt happy' },
      { linkId: '6', label: 'Life not worth living', wording: 'I thought my life was not worth living', reversed: true },
      { linkId: '7', label: 'Enjoyed what I did', wording: 'I enjoyed what I did' },
      { linkId: '8', label: 'Hopeful about the future', wording: 'I felt hopeful about the future' },
      { linkId: '9', label: 'Lonely', wording: 'I felt lonely', reversed: true },
      { linkId: '10', label: 'Confident in myself', wording: 'I felt confident in myself' },
    ],
    scores: [
      {
        key: 'total', label: 'Total', items: linkIds(1, 10), combine: 'sum', min: 0, max: 40, higherIsBetter: true, decimals: 0, missingAllowed: 0,
        sources: [
          { source: 'Keetharuth AD, Brazier J, Connell J, et al. Br J Psychiatry 2018;212:42-9 (ReQoL)', says: 'ten items answered on five options from "none of the time" to "most or all of the time"; negatively worded items are reverse-scored so that every item scores 0-4 with 4 the best; total 0-40, higher is better quality of life', checked: false },
          { source: 'ReQoL, University of Sheffield licensing page (licensing.sheffield.ac.uk)', says: 'a mixture of positively and negatively worded items, each on five levels from none of the time to most or all of the time; summative scores where a high score is better quality of life', checked: true },
          { source: 'ReQoL Scoring Instructions (reqol.org.uk)', says: 'positively worded items score 0-4, negatively worded items 4-0; the guide gives no imputation for missing items, so a total is given only with all ten answered', checked: false },
          { source: 'Reliable change', says: 'no published reliability and SD were checked for the ReQoL-10 total, so change is reported without counting reliable change', checked: true },
        ],
      },
    ],
    sources: [],
  },

  honos: {
    key: 'honos',
    title: 'HoNOS',
    ratedBy: 'clinician',
    stem: 'Rate the most severe problem in the period rated (usually the last two weeks).',
    answers: [
      { value: 0, label: 'No problem' },
      { value: 1, label: 'Minor problem requiring no formal action' },
      { value: 2, label: 'Mild problem' },
      { value: 3, label: 'Problem of moderate severity' },
      { value: 4, label: 'Severe to very severe problem' },
    ],
    notKnown: { value: 9, label: 'Not known or not applicable' },
    items: [
      { linkId: '1', label: 'Overactive, aggressive, disruptive or agitated behaviour', wording: 'Overactive, aggressive, disruptive or agitated behaviour' },
      { linkId: '2', label: 'Non-accidental self-injury', wording: 'Non-accidental self-injury' },
      { linkId: '3', label: 'Problem drinking or drug-taking', wording: 'Problem drinking or drug-taking' },
      { linkId: '4', label: 'Cognitive problems', wording: 'Cognitive problems' },
      { linkId: '5', label: 'Physical illness or disability problems', wording: 'Physical illness or disability problems' },
      { linkId: '6', label: 'Hallucinations and delusions', wording: 'Problems associated with hallucinations and delusions' },
      { linkId: '7', label: 'Depressed mood', wording: 'Problems with depressed mood' },
      { linkId: '8', label: 'Other mental and behavioural problems', wording: 'Other mental and behavioural problems' },
      { linkId: '9', label: 'Relationships', wording: 'Problems with relationships' },
      { linkId: '10', label: 'Activities of daily living', wording: 'Problems with activities of daily living' },
      { linkId: '11', label: 'Living conditions', wording: 'Problems with living conditions' },
      { linkId: '12', label: 'Occupation and activities', wording: 'Problems with occupation and activities' },
    ],
    scores: [
      {
        key: 'total', label: 'Total', items: linkIds(1, 12), combine: 'sum', min: 0, max: 48, higherIsBetter: false, decimals: 0, missingAllowed: 2,
        reliableChange: { threshold: 8 },
        sources: [
          { source: 'Wing JK, Beevor AS, Curtis RH, et al. Br J Psychiatry 1998;172:11-8 (HoNOS)', says: 'twelve scales each rated 0 (no problem) to 4 (severe to very severe); the total is their sum, 0-48, higher is more severe', checked: false },
          { source: 'Royal College of Psychiatrists, HoNOS glossary (rating guidelines)', says: 'rate 9 for not known or not applicable; avoid it because missing data make scores less comparable', checked: true },
          { source: 'METeOR 676214, Health of the Nation Outcome Scale score code (AIHW)', says: 'the total is the sum of the twelve scales excluding those not known, 0-48', checked: true },
          { source: 'Australian Mental Health Outcomes and Classification Network (AMHOCN), HoNOS data rules', says: 'a total is counted as valid with no more than two scales not known', checked: false },
          { source: 'Parabiaghi A, Barbato A, D\'Avanzo B, Erlicher A, Lora A. Aust N Z J Psychiatry 2005;39:719-25', says: 'the Jacobson and Truax reliable change index on the HoNOS total, 4,759 people reassessed: a change of eight points is needed to be confident a real change occurred (seven among the most severe)', checked: true },
        ],
      },
    ],
    sources: [],
  },

  swemwbs: {
    key: 'swemwbs',
    title: 'SWEMWBS',
    ratedBy: 'person',
    stem: 'Below are some statements about feelings and thoughts. Choose the answer that best describes your experience of each over the last two weeks.',
    answers: [
      { value: 1, label: 'None of the time' },
      { value: 2, label: 'Rarely' },
      { value: 3, label: 'Some of the time' },
      { value: 4, label: 'Often' },
      { value: 5, label: 'All of the time' },
    ],
    items: [
      { linkId: '1', label: 'Optimistic about the future', wording: "I've been feeling optimistic about the future" },
      { linkId: '2', label: 'Useful', wording: "I've been feeling useful" },
      { linkId: '3', label: 'Relaxed', wording: "I've been feeling relaxed" },
      { linkId: '4', label: 'Dealing with problems well', wording: "I've been dealing with problems well" },
      { linkId: '5', label: 'Thinking clearly', wording: "I've been thinking clearly" },
      { linkId: '6', label: 'Close to other people', wording: "I've been feeling close to other people" },
      { linkId: '7', label: 'Able to make up my own mind', wording: "I've been able to make up my own mind about things" },
    ],
    scores: [
      {
        key: 'metric', label: 'Wellbeing (metric score)', items: linkIds(1, 7), combine: 'sum', min: 7, max: 35, higherIsBetter: true, decimals: 2, missingAllowed: 0,
        sources: [
          { source: 'Stewart-Brown S, Tennant A, Tennant R, et al. Health Qual Life Outcomes 2009;7:15', says: 'seven positively worded items each 1-5; the raw sum 7-35 is converted to a metric score by the Rasch conversion table', checked: false },
          { source: 'Warwick Medical School, WEMWBS scoring guidance (warwick.ac.uk/wemwbs)', says: 'SWEMWBS is scored by summing the seven items and transforming the total by the conversion table', checked: true },
          { source: 'Cross-check of the conversion table', says: 'the same 29 metric values (7.00 … 35.00) appear in independent published research analysis code; the table here agrees value for value. The 2009 paper itself was not reachable to check', checked: true },
          { source: 'Ng Fat L, Scholes S, Boniface S, et al. Qual Life Res 2017;26:1129-44', says: 'SWEMWBS in the Health Survey for England; no rule for missing items, so none is allowed', checked: false },
          { source: 'Reliable change', says: 'no published reliability and SD were checked for the SWEMWBS metric score, so change is reported without counting reliable change', checked: true },
        ],
      },
    ],
    sources: [],
  },

  'phq-9': {
    key: 'phq-9',
    title: 'PHQ-9',
    ratedBy: 'person',
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    answers: howOftenInTwoWeeks,
    items: [
      { linkId: '1', label: 'Little interest or pleasure', wording: 'Little interest or pleasure in doing things' },
      { linkId: '2', label: 'Down, depressed or hopeless', wording: 'Feeling down, depressed, or hopeless' },
      { linkId: '3', label: 'Sleep', wording: 'Trouble falling or staying asleep, or sleeping too much' },
      { linkId: '4', label: 'Tired or little energy', wording: 'Feeling tired or having little energy' },
      { linkId: '5', label: 'Appetite', wording: 'Poor appetite or overeating' },
      { linkId: '6', label: 'Feeling bad about yourself', wording: 'Feeling bad about yourself, or that you are a failure or have let yourself or your family down' },
      { linkId: '7', label: 'Concentration', wording: 'Trouble concentrating on things, such as reading the newspaper or watching television' },
      { linkId: '8', label: 'Moving or speaking slowly, or restless', wording: 'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual' },
      { linkId: '9', label: 'Better off dead or hurting yourself', wording: 'Thoughts that you would be better off dead, or of hurting yourself in some way' },
    ],
    scores: [
      {
        key: 'total', label: 'Total', items: linkIds(1, 9), combine: 'sum', min: 0, max: 27, higherIsBetter: false, decimals: 0, missingAllowed: 0,
        bands: [
          { upTo: 4, label: 'Minimal' },
          { upTo: 9, label: 'Mild' },
          { upTo: 14, label: 'Moderate' },
          { upTo: 19, label: 'Moderately severe' },
          { upTo: 27, label: 'Severe' },
        ],
        reliableChange: { threshold: 6 },
        sources: [
          { source: 'Kroenke K, Spitzer RL, Williams JB. J Gen Intern Med 2001;16:606-13 (PHQ-9)', says: 'nine items 0-3, total 0-27; 5, 10, 15 and 20 mark mild, moderate, moderately severe and severe depression', checked: true },
          { source: 'Missing items', says: 'no rule for missing PHQ-9 items was found in the paper, so a total is given only with all nine', checked: false },
          { source: 'NHS Talking Therapies for anxiety and depression manual (NHS England), reliable change', says: 'a change of 6 or more on the PHQ-9 is reliable', checked: false },
          { source: 'MindStep evaluation, BMC Psychiatry 2018;18 (doi 10.1186/s12888-018-1987-1), table 1', says: 'reliable improvement is a fall of 6 or more on the PHQ-9 (and 4 or more on the GAD-7), the definitions of the English talking therapies programme', checked: true },
        ],
      },
    ],
    sources: [],
  },

  'gad-7': {
    key: 'gad-7',
    title: 'GAD-7',
    ratedBy: 'person',
    stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
    answers: howOftenInTwoWeeks,
    items: [
      { linkId: '1', label: 'Nervous, anxious or on edge', wording: 'Feeling nervous, anxious, or on edge' },
      { linkId: '2', label: 'Unable to stop worrying', wording: 'Not being able to stop or control worrying' },
      { linkId: '3', label: 'Worrying too much', wording: 'Worrying too much about different things' },
      { linkId: '4', label: 'Trouble relaxing', wording: 'Trouble relaxing' },
      { linkId: '5', label: 'Restless', wording: "Being so restless that it's hard to sit still" },
      { linkId: '6', label: 'Annoyed or irritable', wording: 'Becoming easily annoyed or irritable' },
      { linkId: '7', label: 'Afraid something awful might happen', wording: 'Feeling afraid as if something awful might happen' },
    ],
    scores: [
      {
        key: 'total', label: 'Total', items: linkIds(1, 7), combine: 'sum', min: 0, max: 21, higherIsBetter: false, decimals: 0, missingAllowed: 0,
        bands: [
          { upTo: 4, label: 'Minimal' },
          { upTo: 9, label: 'Mild' },
          { upTo: 14, label: 'Moderate' },
          { upTo: 21, label: 'Severe' },
        ],
        reliableChange: { threshold: 4 },
        sources: [
          { source: 'Spitzer RL, Kroenke K, Williams JB, Löwe B. Arch Intern Med 2006;166:1092-7 (GAD-7)', says: 'seven items 0-3, total 0-21; 5, 10 and 15 mark mild, moderate and severe anxiety; no rule for missing items, so none is allowed', checked: false },
          { source: 'NHS Talking Therapies for anxiety and depression manual (NHS England), reliable change', says: 'a change of 4 or more on the GAD-7 is reliable', checked: false },
          { source: 'MindStep evaluation, BMC Psychiatry 2018;18 (doi 10.1186/s12888-018-1987-1), table 1', says: 'reliable improvement is a fall of 4 or more on the GAD-7', checked: true },
        ],
      },
    ],
    sources: [],
  },
};

/**
 * SWEMWBS raw total (7-35) to metric score, from the Rasch analysis (Stewart-Brown et al. 2009,
 * table as published by Warwick Medical School with the scale). `checked: false`: confirm against
 * the published table.
 */
export const swemwbsMetric: Readonly<Record<number, number>> = {
  7: 7.0, 8: 9.51, 9: 11.25, 10: 12.4, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32, 15: 15.84,
  16: 16.36, 17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73,
  24: 21.54, 25: 22.35, 26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13,
  32: 29.31, 33: 30.7, 34: 32.55, 35: 35.0,
};

export const reliableChangeRule = {
  /** z for a change that would arise by measurement error alone less than 5% of the time. */
  z: 1.96,
  sources: [
    { source: 'Jacobson NS, Truax P. J Consult Clin Psychol 1991;59:12-9', says: 'reliable change when |change| / (SD × √2 × √(1 − r)) exceeds 1.96', checked: false },
  ] satisfies OutcomeSource[],
};

export const outcomeReportRules = {
  /** Completion rate: people on the caseload with at least one measure in this many months before the day reported. */
  completionMonths: 12,
  sources: [{ source: 'Issue 7 (outcome measures)', says: 'completion rate = people on the caseload with at least one measure in the last 12 months', checked: true }] satisfies OutcomeSource[],
};

export const measureLinkRules = {
  /** Days a link the person completes a measure through stays open; it works once. */
  expiresAfterDays: 14,
  sources: [{ source: 'Platform decision (issue 7)', says: 'a link long enough to reach the person by post or text and be answered before the next contact, short enough not to linger; usable once', checked: true }] satisfies OutcomeSource[],
};
