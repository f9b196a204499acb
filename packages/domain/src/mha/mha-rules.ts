import type { RuleSource } from '../engagement/engagement-rules.ts';

/**
 * The Mental Health Act rules the platform applies: how long detentions and Community Treatment
 * Orders last, when a CTO's expiry is a deadline on the `mha-deadlines` worklist, and what a
 * renewal may say. Change a figure here and the worklist, its texts, the record view and the tests
 * follow. docs/mental-health-act.md has the same table for readers.
 *
 * Periods are counted as the Act counts them, "beginning with" the day the order was made: a
 * period of months ends on the day before the corresponding day of the last month (or on that
 * month's last day when it has no corresponding day), so a CTO made on 1 January expires at the
 * end of 30 June. An order is in force through the whole of its expiry day and has expired the
 * day after.
 */

export type MhaReasonCode = 'cto-expiry-due' | 'cto-expired-unrenewed';

/** A length of time the Act gives, in months or in days. */
export interface ActPeriod {
  months?: number;
  days?: number;
  /** In words, for the record view: "6 months". */
  says: string;
}

export const mhaRules = {
  ctoExpiryDue: {
    code: 'cto-expiry-due',
    /** A CTO expiring within this many days of the as-of day (the day itself and day 28 included) is listed. */
    withinDays: 28,
    sources: [
      { source: 'Issue 6 part 5', says: 'worklist mha-deadlines with cto-expiry-due (within 28 days)' },
      {
        source: 'Mental Health Act 1983 s20A(4)-(5); Code of Practice (2015) chapter 32 (renewal, extension and expiry)',
        says: 'the responsible clinician examines the patient and reports within the two months before the CTO expires, with the agreement of an approved mental health professional: the expiry date is a deadline the team must see coming',
      },
    ] satisfies RuleSource[],
  },

  ctoExpiredUnrenewed: {
    code: 'cto-expired-unrenewed',
    sources: [
      { source: 'Issue 6 part 5', says: 'worklist mha-deadlines with cto-expired-unrenewed' },
      {
        source: 'Mental Health Act 1983 s20A(1), (3)',
        says: 'a CTO not renewed before its period ends lapses; a record still showing it as current after its expiry date is either a missing renewal or a lapsed order that nobody has ended',
      },
    ] satisfies RuleSource[],
  },

  /** How long a CTO lasts: the first period, the first renewal, then every renewal after. */
  cto: {
    first: { months: 6, says: '6 months' },
    firstRenewal: { months: 6, says: '6 months' },
    laterRenewals: { months: 12, says: 'a year' },
    /**
     * A renewal may be made only in the two months ending with the day the order would expire
     * (the responsible clinician's examination, s20A(4)); not after it has expired.
     */
    renewalWindow: { months: 2, says: 'the 2 months before it expires' },
    /**
     * Which renewal is being made is read from the dates, not counted, because imported records
     * rarely list the renewals before them: an expiry earlier than this many months after the
     * CTO began is the end of the first period (6 months), so its renewal is for 6 months; a later
     * one has been renewed at least once, so its renewal is for a year.
     */
    firstPeriodEndsBeforeMonths: 9,
    sources: [
      { source: 'Mental Health Act 1983 s20A(1); Code of Practice (2015) chapter 29', says: 'a CTO lasts six months beginning with the day it is made' },
      { source: 'Mental Health Act 1983 s20A(3)', says: 'it may be renewed for a further six months, then for a year at a time' },
      { source: 'Mental Health Act 1983 s17E, s17F, s23', says: 'a patient on a CTO may be recalled to hospital (for up to 72 hours), the CTO revoked (the patient is detained again), or the patient discharged from it' },
      { source: 'shared/seeds/000_* line ~114', says: 'CTOs are used for Black people 8 times as often as for White people: deadlines and use are watched' },
    ] satisfies RuleSource[],
  },

  /** Detentions: how long each section lasts, for the record view. */
  detentions: {
    '02': {
      name: 'Section 2',
      lasts: { days: 28, says: '28 days' },
      renewable: false,
      sources: [{ source: 'Mental Health Act 1983 s2(4); Code of Practice (2015) chapter 14', says: 'detention for assessment for up to 28 days beginning with the day of admission; it cannot be renewed' }] satisfies RuleSource[],
    },
    '03': {
      name: 'Section 3',
      lasts: { months: 6, says: '6 months' },
      renewable: true,
      renewals: 'renewable for 6 months, then for a year at a time',
      sources: [{ source: 'Mental Health Act 1983 s20(1)-(2); Code of Practice (2015) chapter 32', says: 'detention for treatment for up to six months, renewable for six months and then a year at a time' }] satisfies RuleSource[],
    },
  },

  /** Section 117 aftercare: shown on the record, never a deadline (docs/fhir.md). */
  aftercare: {
    sources: [{ source: 'Mental Health Act 1983 s117; Code of Practice (2015) chapter 33', says: 'after-care for people who leave detention under section 3 (and some other sections), until the ICB and the local authority are satisfied it is no longer needed' }] satisfies RuleSource[],
  },

  /** Use of the Act by ethnicity (the equity report, SPEC C11 and C15). */
  use: {
    per: 100_000,
    /** Counts from 1 to this number less one are withheld, with every rate and ratio made from them. */
    suppressBelow: 5,
    /** The group rates are compared with: NHS Data Dictionary ETHNIC CATEGORY A, White British. */
    reference: 'A',
    sources: [
      { source: 'Issue 6 part 5; SPEC C11, C15', says: 'use of detentions and CTOs per 100,000 by ethnicity feeds the equity report, with rate ratios' },
      { source: 'shared/seeds/000_* line ~114', says: 'CTOs: 48.8 per 100,000 Black people against 6.0 per 100,000 White people (NHS Digital)' },
      { source: 'NHS England Mental Health Act statistics, disclosure control', says: 'small counts are withheld so that no one can be recognised from a published figure' },
    ] satisfies RuleSource[],
  },

  /** Legal status Flags in these states are current; `inactive` has ended, `entered-in-error` never was. */
  currentStatuses: ['active'] as readonly string[],
} as const;

/** The order reasons are listed in within one person: the one already past first. */
export const mhaReasonOrder: readonly MhaReasonCode[] = ['cto-expired-unrenewed', 'cto-expiry-due'];
