import type { RuleSource } from '../engagement/engagement-rules.ts';

/**
 * How much work a caseload is: the weights a team uses to compare key workers' caseloads fairly.
 *
 * This is workload, not risk. It says how much contact and coordination each person on a caseload
 * asks of their key worker; it never predicts what will happen to anyone (SPEC principle 1), and it
 * is never shown against a person, only summed per key worker. Every figure here is either taken
 * from a source below or marked plainly as a local choice a trust may change.
 */
export const caseloadWeighting = {
  /** One person in core community care counts 1: the unit every other weight is measured in. */
  standard: 1,

  /**
   * Intensive and assertive community care (CS/care-intensity) count 2.5 each.
   *
   * The seeds give intensive/assertive caseloads of 10-12 people per staff member and a minimum of
   * one or two contacts a week; they give no figure for core community care. A core CMHT caseload
   * of 25-30 is a local choice (a common figure in English CMHTs, not from the seeds), and 25-30
   * over 10-12 gives about 2.5. A trust with a different core caseload should change this figure.
   */
  intensive: 2.5,
  assertive: 2.5,

  /**
   * Each open reason on the disengaged worklist adds 0.5: a person losing contact needs assertive
   * engagement (more attempts, family, home visits, MDT), which is extra work for the key worker
   * until contact is re-established. The figure 0.5 is a local choice; the seeds say the work is
   * needed, not how much it weighs.
   */
  perDisengagedReason: 0.5,

  sources: [
    { source: 'shared/seeds/003_* line ~854 (ICB self-assessment)', says: 'services providing assertive outreach / intensive case management should have smaller caseloads (10-12 cases per staff member)' },
    { source: 'shared/seeds/003_* line ~538 (intensive and assertive care model)', says: 'key workers have small caseloads which allows for a minimum of one or two contacts per person per week' },
    { source: 'shared/seeds/003_* line ~456', says: 'small caseloads with dedicated staff should allow for sufficient level of intensive and assertive care' },
    { source: 'shared/seeds/004_* §27-28', says: 'appropriate caseload management for multidisciplinary teams; EIP and assertive outreach rely on smaller caseloads' },
    { source: 'shared/seeds/003_* line ~79, 455 (and issue 4)', says: 'people who are losing contact need assertive engagement rather than discharge: the extra work the per-reason weight counts' },
    { source: 'Local choice', says: 'core caseload of 25-30 (hence 2.5) and 0.5 per disengaged reason: not in the seeds; change them here' },
  ] satisfies RuleSource[],
} as const;

/** What the weighting needs to know about one person on a caseload. */
export interface WeightedPerson {
  /** CS/care-intensity code of the episode; absent or unknown counts as core care. */
  intensity?: string | null;
  /** How many reasons the disengaged worklist gives for them today. */
  disengagedReasons: number;
}

/** The weight one person adds to their key worker's caseload. */
export function personWeight(person: WeightedPerson): number {
  const base = person.intensity === 'intensive' ? caseloadWeighting.intensive : person.intensity === 'assertive' ? caseloadWeighting.assertive : caseloadWeighting.standard;
  return base + caseloadWeighting.perDisengagedReason * Math.max(0, person.disengagedReasons);
}

/** A key worker's weighted caseload: the sum of their people's weights, to one decimal place. */
export function weightedCaseload(people: readonly WeightedPerson[]): number {
  // Rounded so a sum of halves and 2.5s never prints as 7.499999.
  return Math.round(people.reduce((sum, p) => sum + personWeight(p), 0) * 10) / 10;
}
