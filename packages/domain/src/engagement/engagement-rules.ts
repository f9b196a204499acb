/**
 * The disengagement rules: every interval and threshold the `disengaged` worklist uses, each with
 * where it comes from. Change a figure here and the worklist, its texts and its tests follow.
 *
 * The list is need-based, never predictive (SPEC principle 1): a person is on it because something
 * observable happened (or did not), and each reason names the records that show it.
 */

export type EngagementReasonCode = 'no-contact-within-interval' | 'consecutive-dna' | 'lai-missed' | 'medication-stopped-against-advice';

export interface RuleSource {
  /** Document and place, e.g. a seed file and line, or a NICE guideline. */
  source: string;
  says: string;
}

export const engagementRules = {
  /**
   * Episodes of care in these states mean a team holds the person and is expected to be in contact.
   * `planned` and `waitlist` are not yet held for contact (the waiting list is its own worklist);
   * `finished` and `cancelled` are not held.
   */
  heldEpisodeStatuses: ['active', 'onhold'] as readonly string[],

  noContactWithinInterval: {
    code: 'no-contact-within-interval',
    /** Without a care plan frequency: people in intensive or assertive community care, at least weekly. */
    intensiveDays: 7,
    /** Without a care plan frequency: people in core community care, at least every four weeks. */
    standardDays: 28,
    /** Care intensities (CS/care-intensity) that take the intensive interval. */
    intensiveCareCodes: ['intensive', 'assertive'] as readonly string[],
    sources: [
      { source: 'Issue 4 (disengagement detection)', says: 'no attended contact within the interval the care plan sets; when the plan sets none, 7 days for people in intensive/assertive care and 28 days otherwise' },
      { source: 'shared/seeds/003_* line ~467 (intensive and assertive care model)', says: 'intensive and assertive care has daily planning meetings and weekly MDT reviews; the 7-day default is set in issue 4 to match that weekly rhythm' },
      { source: 'shared/seeds/003_* line ~455', says: 'for this group DNA should never be used as a reason for discharge; staff continue to proactively engage during periods where engagement is challenging' },
      {
        source: 'NHS England, Guidance to integrated care boards on intensive and assertive community mental health care (2024), to which the ICB review in shared/seeds/003_* responds',
        says: 'services adapt their approach to engagement and provide continuity of care for people with psychosis for whom engagement is a challenge',
      },
    ] satisfies RuleSource[],
  },

  consecutiveDna: {
    code: 'consecutive-dna',
    /** Missed appointments in a row, with no attended contact since, that put a person on the list. */
    minimumMissed: 2,
    sources: [
      { source: 'Issue 4 (disengagement detection)', says: 'the two or more most recent appointments were missed with no attended contact since' },
      { source: 'shared/seeds/003_* lines ~79, 455, 494', says: 'DNAs are never a reason to discharge; missed contact calls for assertive engagement' },
      { source: 'shared/seeds/003_* line ~463', says: 'assertive engagement: reminders and engagement techniques matched to the person, friends and family involved' },
    ] satisfies RuleSource[],
  },

  laiMissed: {
    code: 'lai-missed',
    /** Days past the due date before a long-acting injection counts as missed. */
    graceDays: 7,
    sources: [
      { source: 'Issue 4 (disengagement detection)', says: 'long-acting injection more than 7 days overdue' },
      { source: 'shared/seeds/003_* line ~467', says: 'legal frameworks used to deliver medication for people known to be non-compliant with medication' },
      { source: 'shared/seeds/000_* line ~1152', says: 'long-acting injections are given at a prescribed interval, checked against the licensed one: the interval is what "due" is measured by' },
    ] satisfies RuleSource[],
  },

  medicationStoppedAgainstAdvice: {
    code: 'medication-stopped-against-advice',
    /** CS/medication-status-reason code on a stopped MedicationStatement. */
    statusReasonCode: 'stopped-against-advice',
    sources: [
      { source: 'shared/seeds/003_* line ~472', says: 'discontinuation of medication against advice and disengagement should be specifically monitored' },
      { source: 'shared/seeds/003_* line ~994 (ICB self-assessment)', says: 'how do we know staff are monitoring people discontinuing medication against advice and disengaging' },
      { source: 'shared/seeds/000_* CMOC 15, 20-22', says: 'medicines stopped without advice lead to relapse when nobody notices' },
    ] satisfies RuleSource[],
  },

  /** Days in a UCUM duration unit, for care plan frequencies and injection intervals. */
  daysPerUnit: { d: 1, wk: 7, mo: 30, a: 365 } as Readonly<Record<string, number>>,
} as const;

/** The order reasons are listed in within one person: contact first, as it is the one to act on today. */
export const reasonOrder: readonly EngagementReasonCode[] = ['no-contact-within-interval', 'consecutive-dna', 'lai-missed', 'medication-stopped-against-advice'];
