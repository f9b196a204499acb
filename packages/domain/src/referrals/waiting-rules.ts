/**
 * Waiting for community mental health care (issue 7 part 1, SPEC C1): when the clock starts and
 * stops, the four-week standard, and how the waiting-time measures are computed. One place a
 * clinician or analyst can review; the code is in referral-wait.ts and waiting-measures.ts.
 */
import type { RuleSource } from '../engagement/engagement-rules.ts';

export const waitingRules = {
  /** The four-week standard: a wait of more than 28 days breaches it. */
  standardDays: 28,
  /**
   * The clock starts on the day the referral was made (ServiceRequest.authoredOn). It stops at the
   * second attended contact with the team referred to, or when a care plan is agreed after the
   * referral if that is sooner. The first contact is shown too: it is when the person was first seen.
   */
  clockStop: 'second-contact-or-care-plan',
  /** Waits shown as "longest waits": the longest still waiting, per team. */
  longestShown: 10,
  /** A wait this long is counted apart, as the seed reports it. */
  veryLongDays: 104 * 7,
  sources: [
    { source: '/work/shared/seeds/004_* §23', says: 'only 9.5% of people waiting for community mental health services were seen within four weeks; of 197,776 referrals just 14,586 accessed services; about 20% had waited more than 104 weeks; the 90th percentile wait was nearly 2 years' },
    { source: 'NHS England, Clinically-led review of mental health access standards (2021), community mental health four-week waiting time', says: 'the clock starts at referral and stops when the person has had a second contact, the point at which an intervention or care plan has begun; "accessed services" in MHSDS is two contacts' },
    { source: 'Issue 7 part 1', says: 'waiting list per team with clock start, first contact, second contact / care plan agreed; share seen within 4 weeks, median and 90th-percentile waits, longest waits, by team and by ethnicity; worklist `waiting` with reason `waiting-over-4-weeks`; check-ins while waiting are recorded' },
    { source: 'Percentiles: nearest-rank method (Hyndman & Fan 1996, definition 1)', says: 'the p-th percentile of n sorted waits is the value at rank ceil(p/100 × n); the median is the middle value, or the mean of the two middle values when n is even' },
  ] satisfies RuleSource[],
} as const;

/** What triage decided (ServiceRequest extension SD/triage-outcome, system CS/triage-outcome). */
export const triageOutcomes = {
  accepted: 'Accepted to a team',
  signposted: 'Signposted to a named onward service',
  declined: 'Declined, with the reason and an onward route',
} as const;
export type TriageOutcome = keyof typeof triageOutcomes;
