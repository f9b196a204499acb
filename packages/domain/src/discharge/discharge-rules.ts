/**
 * The discharge guard: who it protects, what a discharge of them must record, and which reason it
 * refuses, each with where it comes from. Change a rule here and the check, the audit report, their
 * texts and their tests follow.
 *
 * It is a guard on what is recorded, never a prediction: nobody is scored. A discharge is refused or
 * reported because something that must be written down was not, or because the reason given is one
 * national policy rules out for this group.
 */
import type { DiagnosisGroup } from '../fhir/clinical-codes.ts';
import type { RuleSource } from '../engagement/engagement-rules.ts';

/** What a discharge of a person with severe and relapsing illness must record. */
export type DischargeRequirement = 'mdtDecisionDate' | 'relapseIndicators' | 'harmsIfMissed' | 'routeBack';

export type DischargeAuditCode = 'discharged-for-non-attendance' | 'no-mdt-decision' | 'no-relapse-indicators' | 'no-harms-if-missed' | 'no-route-back';

export const dischargeRules = {
  /**
   * Diagnoses that make an illness severe and relapsing for the guard. Substance use alone is not in
   * the seeds' group; with one of these it changes nothing, as the guard already applies.
   */
  severeRelapsingGroups: ['psychosis', 'bipolar', 'severe-depression', 'personality-disorder'] as readonly DiagnosisGroup[],
  groupSources: [
    { source: 'shared/seeds/003_* line ~394', says: 'failure to engage with services should not be a reason for discharge in those with known severe and enduring relapsing remitting mental illness' },
    { source: 'shared/seeds/003_* chapter 2 (cohort criteria)', says: 'people with psychosis and other severe mental illness, including bipolar disorder, severe depression and personality disorder, whose illness relapses and remits' },
  ] satisfies RuleSource[],

  /** Condition verification statuses that mean the diagnosis was never true: they do not count. */
  discountedVerification: ['refuted', 'entered-in-error'] as readonly string[],

  /** CS/discharge-reason codes refused for this group, and why. */
  refusedReason: {
    code: 'non-attendance',
    auditCode: 'discharged-for-non-attendance' as DischargeAuditCode,
    message:
      'Non-attendance is never a reason to discharge someone with severe and relapsing illness. Keep the episode open and step up assertive engagement: contact by another method, involve family or carers, visit at home, and bring the person to the MDT. If the MDT then decides discharge is right for another reason, record that decision.',
    sources: [
      { source: 'shared/seeds/003_* line ~455', says: 'for this group of people DNA (did not attend) should never be used as a reason for discharge; staff continue to proactively engage during periods where engagement is challenging' },
      { source: 'shared/seeds/003_* lines ~79, 494', says: 'ICBs to ensure DNAs are never used as a reason for discharge for this vulnerable group, in practice as well as policy' },
      { source: 'shared/seeds/003_* line ~1009 (ICB self-assessment, 11. Discharge from services)', says: 'DNAs should never be used as a reason for discharge' },
    ] satisfies RuleSource[],
  },

  /** What must be on the record, the words a clinician sees when it is not, and the audit code. */
  requirements: {
    mdtDecisionDate: {
      auditCode: 'no-mdt-decision',
      missing: 'Record the date the multidisciplinary team (MDT) decided on this discharge: discharges of people with severe and relapsing illness are MDT decisions.',
      audit: 'no MDT decision recorded',
      sources: [
        { source: 'shared/seeds/003_* lines ~240, 720', says: 'are discharges overseen by a multi-disciplinary team?' },
        { source: 'shared/seeds/003_* line ~1022', says: 'how do we know if our staff use the MDT to make decisions to discharge people and record the reasons for discharge' },
        { source: 'shared/seeds/003_* line ~455', says: 'if discharge is decided to be appropriate, a clear record of the decision making process needs to be on the patient\'s record' },
      ] satisfies RuleSource[],
    },
    relapseIndicators: {
      auditCode: 'no-relapse-indicators',
      missing: "Describe the person's own signs of relapse (their relapse signature), so whoever sees them next can recognise it.",
      audit: 'no relapse indicators recorded',
      sources: [{ source: 'shared/seeds/003_* lines ~380, 394', says: 'decisions to discharge should be documented noting any relapse indicators' }] satisfies RuleSource[],
    },
    harmsIfMissed: {
      auditCode: 'no-harms-if-missed',
      missing: 'Describe the known harms if a relapse is not responded to promptly (what happened in past relapses).',
      audit: 'no known harms if relapse is missed recorded',
      sources: [{ source: 'shared/seeds/003_* lines ~380, 394', says: 'noting known harms/risks if relapse is not responded to promptly' }] satisfies RuleSource[],
    },
    routeBack: {
      auditCode: 'no-route-back',
      missing: 'Say how the person, their family or their GP can get back into the service quickly (the route back in), and who has been told.',
      audit: 'no route back into the service recorded',
      sources: [
        { source: 'shared/seeds/003_* lines ~380, 394', says: 'routes back into community mental health services should be identified and communicated at discharge, with a low threshold for readmittance' },
        { source: 'shared/seeds/003_* line ~1026', says: 'how do we know if staff identify routes back into community mental health services at the point of discharge' },
      ] satisfies RuleSource[],
    },
  } satisfies Record<DischargeRequirement, { auditCode: DischargeAuditCode; missing: string; audit: string; sources: RuleSource[] }>,

  /**
   * Reasons the requirements do not apply to: a person who has died is not discharged to anyone.
   * A transfer recorded as a discharge still needs them: the receiving team needs the relapse
   * signature most of all. A transfer of care accepted by the receiving team is not a discharge at
   * all (transfer/transfer-rules.ts): its handover packet goes with the person.
   */
  reasonsWithoutRequirements: ['died'] as readonly string[],
} as const;

/** The order requirements are checked and reported in: the decision first, then what it must say. */
export const requirementOrder: readonly DischargeRequirement[] = ['mdtDecisionDate', 'relapseIndicators', 'harmsIfMissed', 'routeBack'];
