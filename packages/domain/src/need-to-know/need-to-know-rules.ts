/**
 * What the crisis "need to know" page shows from a person's plans (issue 5 part 5, SPEC C18: "a
 * 'need to know' page and crisis plan for people on intensive care, visible to the crisis line").
 * Source: seed 003, the SUI themes table: "it is important that staff are able to quickly identify
 * a person's individual signs of relapse and can support a rapid 'stepping up' of care", and
 * SPEC's "inaccessible crisis care (17)": a crisis plan with the person's own words.
 *
 * The plans are CarePlans with category CS/care-plan-category crisis-plan or risk-formulation; each
 * section is an SD/plan-section extension (docs/fhir.md). Sections are shown in the plan kind's
 * order with its headings (plans/plan-kinds.ts); sections in other codes follow under their code.
 */
export const needToKnowPlanKinds = ['risk-formulation', 'crisis-plan'] as const;

export type NeedToKnowPlanKind = (typeof needToKnowPlanKinds)[number];

/** The risk formulation section that is the person's relapse signature. */
export const relapseSignatureSection = 'early-warning-signs';

/** Flag categories shown elsewhere on the page (legal status) and so not among the alerts. */
export const legalStatusFlagCategories: readonly string[] = ['mha-legal-status', 's117-aftercare'];
