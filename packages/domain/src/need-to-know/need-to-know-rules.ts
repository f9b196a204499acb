/**
 * What the crisis "need to know" page shows from a person's plans (issue 5 part 5, SPEC C18: "a
 * 'need to know' page and crisis plan for people on intensive care, visible to the crisis line").
 * Source: seed 003, the SUI themes table: "it is important that staff are able to quickly identify
 * a person's individual signs of relapse and can support a rapid 'stepping up' of care", and
 * SPEC's "inaccessible crisis care (17)": a crisis plan with the person's own words.
 *
 * The plans are CarePlans with category CS/care-plan-category crisis-plan or risk-formulation; each
 * section is an SD/plan-section extension (docs/fhir.md). Sections are shown in this order, with
 * these headings; sections in other codes are shown after them under their code.
 */
export const planSections = {
  'risk-formulation': {
    'early-warning-signs': 'Early warning signs (relapse signature)',
    triggers: 'Triggers',
    'what-helps': 'What helps',
    'protective-factors': 'Protective factors',
  },
  'crisis-plan': {
    'in-a-crisis': 'In a crisis',
    'who-to-contact': 'Who to contact',
    'what-helps': 'What helps',
    'what-does-not-help': 'What does not help',
    practical: 'Practical things',
  },
} as const;

export type NeedToKnowPlanKind = keyof typeof planSections;

/** The risk formulation section that is the person's relapse signature. */
export const relapseSignatureSection = 'early-warning-signs';

/** Flag categories shown elsewhere on the page (legal status) and so not among the alerts. */
export const legalStatusFlagCategories: readonly string[] = ['mha-legal-status', 's117-aftercare'];
