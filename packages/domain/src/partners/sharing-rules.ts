/**
 * What the trust may share with partner organisations, on what legal basis, and when an
 * information-sharing agreement stops granting access (SPEC C12, principle 7 "Least data, full
 * audit"; issue 9 part 3). docs/partners-and-sharing.md explains each choice.
 */

/**
 * The legal bases an agreement may rest on. `restsOnConsent`: the person's agreement is the basis,
 * so what they decline or object to is never shared; on the other bases their wishes are recorded
 * and weighed when the agreement is made and reviewed, but do not switch sharing off person by person.
 */
export const legalBases = {
  'public-task-health-care': {
    label: 'Public task and health or social care (UK GDPR Articles 6(1)(e) and 9(2)(h))',
    restsOnConsent: false,
    source: 'UK GDPR Art 6(1)(e), Art 9(2)(h); Data Protection Act 2018 Schedule 1 Part 1 paragraph 2',
  },
  'crime-and-disorder': {
    label: 'Crime and Disorder Act 1998 section 115 (with UK GDPR Articles 6(1)(e) and 9(2)(g))',
    restsOnConsent: false,
    source: 'Crime and Disorder Act 1998 s115; UK GDPR Art 9(2)(g); DPA 2018 Schedule 1 Part 2 paragraph 6',
  },
  'safeguarding-adults': {
    label: 'Care Act 2014 section 45: supply of information to a Safeguarding Adults Board',
    restsOnConsent: false,
    source: 'Care Act 2014 s45; DPA 2018 Schedule 1 Part 2 paragraph 18 (safeguarding of individuals at risk)',
  },
  'vital-interests': {
    label: 'Vital interests (UK GDPR Articles 6(1)(d) and 9(2)(c))',
    restsOnConsent: false,
    source: 'UK GDPR Art 6(1)(d), Art 9(2)(c)',
  },
  consent: {
    label: "The person's explicit consent (UK GDPR Articles 6(1)(a) and 9(2)(a))",
    restsOnConsent: true,
    source: 'UK GDPR Art 6(1)(a), Art 9(2)(a); ICO Data sharing code of practice (2021), "Lawfulness"',
  },
} as const;

export type LegalBasis = keyof typeof legalBases;

/**
 * The categories of a person's record a partner can be shown, each with what it shows. Nothing
 * outside an agreement's categories is ever served to a partner, not even blanked.
 * `identity` is part of every agreement: a partner cannot act on what it cannot tell apart.
 * Red flags leave out MARAC and MAPPA, whose visibility by role is decided elsewhere (issue 9 part 3).
 */
export const sharingCategories = {
  identity: { label: 'Identity', shows: 'name, NHS number and date of birth' },
  contact: { label: 'Contact details', shows: 'phone number and postcode' },
  'key-worker-and-team': { label: 'Key worker and team', shows: 'the teams holding the person and their key worker' },
  'care-plan-summary': { label: 'Care plan summary', shows: 'the current care plan: since when, and its goals' },
  'crisis-plan': { label: 'Crisis plan', shows: 'the current crisis plan, in its sections' },
  'current-medicines': { label: 'Current medicines', shows: 'medicines currently prescribed by the trust, with dose' },
  appointments: { label: 'Appointments', shows: 'booked appointments from today' },
  'red-flags': { label: 'Red flags', shows: 'active red flags from history (police contact, exploitation...), not MARAC or MAPPA' },
} as const;

export type SharingCategory = keyof typeof sharingCategories;
export const sharingCategoryCodes = Object.keys(sharingCategories) as SharingCategory[];

/** What a person said about sharing with one partner organisation. */
export const sharingDecisions = {
  agreed: 'Agreed to sharing',
  declined: 'Declined sharing',
  'not-asked': 'Not asked yet',
} as const;

export type SharingDecision = keyof typeof sharingDecisions;

/** An agreement's status as recorded; whether it grants access on a day also depends on its dates. */
export const agreementStatuses = {
  draft: 'Draft: not yet signed by every party',
  active: 'Active: signed by every party',
  ended: 'Ended',
} as const;

export type AgreementStatus = keyof typeof agreementStatuses;

export const sharingRules = {
  /**
   * An active agreement is live from its start date to its review date inclusive. The ICO Data
   * sharing code of practice (2021, "Data sharing agreements" and "Accountability") asks that
   * agreements be reviewed regularly and that sharing stop when it is no longer justified; an
   * agreement whose review date has passed has lost that assurance, so it needs review and shares
   * nothing until the parties review it (set a new review date).
   */
  reviewIsExpiry: true,
  /** Within this many days of the review date an agreement is shown as due for review (trust choice, so renewal is not missed). */
  reviewDueWithinDays: 30,
  /** An agreement is made for at most this long before a review (trust choice, in line with annual review of DSAs). */
  maxYearsToReview: 3,
  /** A partner's concern, in its own words (as carers' concerns, carer-concern-rules.ts). */
  concernMaxLength: 4000,
} as const;
