import type { RuleSource } from '../engagement/engagement-rules.ts';

export type BoardTileKey = 'waiting-times' | 'caseload' | 'intensive-care' | 'disengaged' | 'contact-re-established' | 'discharge-breaches' | 'carer-concerns' | 'physical-health-check' | 'monitoring' | 'outcome-measures' | 'outcome-change' | 'mha-use';

/** How a tile's rate is written: a share of the denominator, or per 100,000 people. */
export type RateScale = 'percent' | 'per-100k';

export interface BoardTile {
  key: BoardTileKey;
  title: string;
  /** What one unit of the figure is. */
  counts: string;
  numerator: string;
  denominator: string;
  scale: RateScale;
  /** The standard the figure is read against, in words, or null where there is none. */
  standard: string | null;
  /** Whether more of the numerator is better (for the words beside a trend, never a judgement of a person). */
  higherIsBetter: boolean;
  /** Which people a drill-down lists (for readers allowed to see people), or null when the tile has no list. */
  drillDown: { lists: 'numerator' | 'outside-numerator'; says: string } | null;
  /**
   * Whether the figure is worked out at each of the last 12 month ends. A trended tile's builder reads
   * its facts once for all 12 days and tells each day what a read bounded by that day would have found
   * (tested equal to its report or worklist on each day); see docs/board-dashboard.md.
   */
  trend: boolean;
  sources: RuleSource[];
}

/**
 * The board dashboard's tiles (issue 8 part 1; SPEC C16; NHS England's request for a local community
 * mental health data dashboard, shared/seeds/003_* "12. Data"). Each tile is numerator over
 * denominator of units that each belong to one person, so that every tile can be broken down by the
 * same characteristics (equity-rules.ts). A tile added here needs one builder in the store
 * (packages/store/src/board/tile-builders.ts).
 */
/** Thresholds the tiles use beyond those of the reports they are made from. */
export const boardRules = {
  /** Days after being on the disengaged list within which contact counts as re-established: the core interval of the disengagement rules. */
  reEstablishedWithinDays: 28,
  /**
   * Carers' concerns are counted over the months to the day whose response fell due in them, so that
   * every concern counted has a settled answer on the day: one raised in the last 72 hours and not
   * yet answered is neither late nor in time. Three months, as the waiting-times tile.
   */
  carerConcernMonths: 3,
  sources: [
    { source: 'Issue 8 part 1; engagement-rules.ts noContactWithinInterval.standardDays', says: 'how fast contact is re-established with people on the disengaged list; 28 days is the core community care contact interval' },
    { source: 'Issue 8 part 1; carer-concern-rules.ts unanswered.responseWithinHours', says: 'carers’ concerns and response times, against the response standard' },
  ] satisfies RuleSource[],
} as const;

export const boardTiles: readonly BoardTile[] = [
  {
    key: 'waiting-times',
    title: 'Seen within 4 weeks',
    counts: 'referrals',
    numerator: 'referrals whose clock stopped within 28 days',
    denominator: 'referrals whose clock stopped in the three months to the day (the waiting-times report)',
    scale: 'percent',
    standard: 'Four-week waiting time standard: care starts within 28 days of referral',
    higherIsBetter: true,
    drillDown: { lists: 'outside-numerator', says: 'people whose wait was longer than 4 weeks' },
    trend: true,
    sources: [{ source: 'Issue 7 part 1; NHS England four-week community mental health waiting time standard (shared/seeds/003_*)', says: 'share seen within 4 weeks' }],
  },
  {
    key: 'caseload',
    title: 'People on caseloads',
    counts: 'people',
    numerator: 'people held by a team on the day',
    denominator: 'people on record and alive on the day',
    scale: 'percent',
    standard: null,
    higherIsBetter: true,
    drillDown: null,
    trend: true,
    sources: [{ source: 'Issue 8 part 1; SPEC C5', says: 'caseload sizes per team and clinician' }],
  },
  {
    key: 'intensive-care',
    title: 'Intensive and assertive cohort already in intensive care',
    counts: 'people',
    numerator: 'people in intensive or assertive care on the day (an episode held coded intensive or assertive, or held by an assertive outreach team)',
    denominator: 'the intensive and assertive cohort: people alive and in intensive or assertive care, or listed on the intensive-review worklist (psychosis and two more indicators, intensive-review-rules.ts) on the day',
    scale: 'percent',
    standard: null,
    higherIsBetter: true,
    drillDown: { lists: 'outside-numerator', says: 'people who meet the intensive-review rule and are not in intensive or assertive care (the intensive-review worklist)' },
    // Care intensity is read as the record now stands, on every point, as the worklist reads it.
    trend: true,
    sources: [
      { source: 'Issue 8 part 1; SPEC C7 (docs/intensive-care.md)', says: 'the intensive/assertive cohort, its size and the share already in intensive care' },
      { source: 'intensive-review-rules.ts listing and alreadyIntensive', says: 'who meets the rule, and who is already in intensive or assertive care' },
    ],
  },
  {
    key: 'disengaged',
    title: 'On the disengaged list',
    counts: 'people',
    numerator: 'people the engagement rules list as disengaged on the day',
    denominator: 'people whose engagement is followed (everyone a team has held)',
    scale: 'percent',
    standard: null,
    higherIsBetter: false,
    drillDown: { lists: 'numerator', says: 'the disengaged worklist' },
    trend: true,
    sources: [{ source: 'Issue 8 part 1; SPEC C3 (docs/disengaged-worklist.md)', says: 'people on the disengaged list' }],
  },
  {
    key: 'contact-re-established',
    title: 'Contact re-established within 4 weeks',
    counts: 'people',
    numerator: 'people with an attended contact in the 28 days since',
    denominator: 'people on the disengaged list 28 days before the day',
    scale: 'percent',
    standard: null,
    higherIsBetter: true,
    drillDown: { lists: 'outside-numerator', says: 'people still without contact 4 weeks after being listed' },
    trend: true,
    sources: [{ source: 'Issue 8 part 1 (docs/disengaged-worklist.md)', says: 'how fast contact is re-established' }],
  },
  {
    key: 'discharge-breaches',
    title: 'Discharges breaching the non-attendance rule',
    counts: 'discharges',
    numerator: 'discharges of people with severe and relapsing illness citing non-attendance, or lacking a required record (the discharge audit)',
    denominator: 'discharges in the 12 months to the day',
    scale: 'percent',
    standard: 'No discharge for non-attendance alone of a person with severe and relapsing illness',
    higherIsBetter: false,
    drillDown: { lists: 'numerator', says: 'the discharge audit' },
    trend: true,
    sources: [{ source: 'Issue 4; SPEC C4 (docs/discharge-guard.md)', says: 'discharge audit' }],
  },
  {
    key: 'carer-concerns',
    title: 'Carers’ concerns answered within the response standard',
    counts: 'concerns',
    numerator: 'concerns with a first response by the time it was due (72 hours after receipt, or CONTINUITY_CARER_RESPONSE_HOURS)',
    denominator: 'concerns raised by carers or family whose response fell due in the three months to the day',
    scale: 'percent',
    standard: 'A response to a carer’s concern within 72 hours of its receipt (carer-concern-rules.ts), unless the installation sets another figure',
    higherIsBetter: true,
    drillDown: { lists: 'outside-numerator', says: 'people with a concern that went unanswered beyond the response standard' },
    trend: true,
    sources: [
      { source: 'Issue 8 part 1; SPEC C8 (docs/carers.md)', says: 'carers’ concerns and response times' },
      { source: 'Issue 5 part 4; carer-concern-rules.ts', says: 'a response is due within 72 hours of receipt' },
    ],
  },
  {
    key: 'physical-health-check',
    title: 'Annual physical health check complete',
    counts: 'people',
    numerator: 'people with all six parts of the check done within the year',
    denominator: 'people on the SMI register held by a team on the day (the physical-health report)',
    scale: 'percent',
    standard: 'NHS England: 75% of people on the SMI register have a full annual physical health check',
    higherIsBetter: true,
    drillDown: { lists: 'outside-numerator', says: 'people whose check is incomplete' },
    trend: true,
    sources: [{ source: 'SPEC C10 (docs/physical-health.md); NHS Long Term Plan SMI physical health check ambition', says: 'completion of the annual check' }],
  },
  {
    key: 'monitoring',
    title: 'Monitoring overdue',
    counts: 'people',
    numerator: 'people on the monitoring-overdue worklist (medicines monitoring or the annual check overdue)',
    denominator: 'people with a current prescription or on the SMI register',
    scale: 'percent',
    standard: null,
    higherIsBetter: false,
    drillDown: { lists: 'numerator', says: 'the monitoring-overdue worklist' },
    trend: true,
    sources: [{ source: 'SPEC C9 (docs/monitoring-overdue.md)', says: 'medicines monitoring compliance' }],
  },
  {
    key: 'outcome-measures',
    title: 'Outcome measure in the last 12 months',
    counts: 'people',
    numerator: 'people with an outcome measure of any instrument completed in the 12 months to the day',
    denominator: 'people held by a team on the day (the outcomes report, all teams)',
    scale: 'percent',
    standard: null,
    higherIsBetter: true,
    drillDown: { lists: 'outside-numerator', says: 'people with no outcome measure in the year' },
    trend: true,
    sources: [{ source: 'Issue 8 part 1; SPEC C12 (docs/outcome-measures.md)', says: 'outcome measures completed' }],
  },
  {
    key: 'outcome-change',
    title: 'Reliable improvement',
    counts: 'score pairs',
    numerator: 'first-to-latest score changes that are a reliable improvement',
    denominator: 'people held on the day with a first and a later score, one pair per score with a published reliable change figure (the outcomes report)',
    scale: 'percent',
    standard: null,
    higherIsBetter: true,
    drillDown: null,
    trend: true,
    sources: [{ source: 'Issue 8 part 1; SPEC C12 (docs/outcome-measures.md, outcome-rules.ts)', says: 'outcome change: reliable change from first to latest score' }],
  },
  {
    key: 'mha-use',
    title: 'Subject to the Mental Health Act',
    counts: 'people',
    numerator: 'people detained (section 2 or 3) or on a Community Treatment Order on the day',
    denominator: 'people on record and alive on the day (the mha-use report)',
    scale: 'per-100k',
    standard: null,
    higherIsBetter: false,
    drillDown: null,
    trend: true,
    sources: [{ source: 'Issue 6 part 5; SPEC C11 (docs/mental-health-act.md)', says: 'detentions and CTOs per 100,000' }],
  },
];

export const boardTileKeys = boardTiles.map((t) => t.key);
