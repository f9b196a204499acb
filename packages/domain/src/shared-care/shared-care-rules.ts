import type { RuleSource } from '../engagement/engagement-rules.ts';
import { monitoredResults, type MonitoredMedicine } from '../medicines/monitoring-rules.ts';

/**
 * The shared care rules: the states an agreement between a specialist team and a GP practice
 * passes through, the responsibilities it divides, and when a proposal counts as unanswered. The
 * `shared-care` worklist, its texts, the forms and their tests follow these figures;
 * docs/shared-care.md has the same rules for readers.
 */

export type SharedCareReasonCode = 'shared-care-declined' | 'shared-care-unanswered';

/** An agreement's status, and the CarePlan.status and intent that carry it in FHIR R4 (docs/fhir.md). */
export const sharedCareStatuses = {
  proposed: { label: 'Proposed', carePlanStatus: 'draft', intent: 'proposal', activityStatus: 'not-started' },
  accepted: { label: 'Accepted', carePlanStatus: 'active', intent: 'plan', activityStatus: 'in-progress' },
  declined: { label: 'Declined', carePlanStatus: 'revoked', intent: 'proposal', activityStatus: 'cancelled' },
  ended: { label: 'Ended', carePlanStatus: 'completed', intent: 'plan', activityStatus: 'stopped' },
} as const;

export type SharedCareStatus = keyof typeof sharedCareStatuses;
export const sharedCareStatusCodes = Object.keys(sharedCareStatuses) as SharedCareStatus[];

export function isSharedCareStatus(value: unknown): value is SharedCareStatus {
  return typeof value === 'string' && Object.hasOwn(sharedCareStatuses, value);
}

/**
 * Which status may follow which. A proposal is answered (accepted or declined) or withdrawn
 * (ended); an accepted agreement can only end. Declined and ended are final: sharing care again is
 * a new proposal, so each agreement's history reads straight.
 */
export const sharedCareTransitions: Record<SharedCareStatus, readonly SharedCareStatus[]> = {
  proposed: ['accepted', 'declined', 'ended'],
  accepted: ['ended'],
  declined: [],
  ended: [],
};

/** The answers a GP practice gives to a proposal; recording an end is the specialist team's. */
export const practiceAnswers: readonly SharedCareStatus[] = ['accepted', 'declined'];

/**
 * The responsibilities an agreement can divide: prescribing, and each monitoring task the
 * monitoring rules name (medicines/monitoring-rules.ts), by the code in CS/shared-care-task.
 * `monitors` is the result the task produces, so the GP view and the forms use the rules' names.
 */
export const sharedCareTasks = {
  prescribing: { name: 'Prescribing' },
  'lithium-level': { name: monitoredResults.lithiumLevel.name },
  'renal-function': { name: monitoredResults.renalFunction.name },
  'thyroid-function': { name: monitoredResults.thyroidFunction.name },
  'full-blood-count': { name: monitoredResults.fullBloodCount.name },
  weight: { name: monitoredResults.weight.name },
  'blood-pressure': { name: monitoredResults.bloodPressure.name },
  glucose: { name: monitoredResults.glucose.name },
  lipids: { name: monitoredResults.lipids.name },
  prolactin: { name: monitoredResults.prolactin.name },
  'valproate-review': { name: 'Valproate Pregnancy Prevention Programme review' },
  'medication-review': { name: 'Medication review' },
} as const;

export type SharedCareTask = keyof typeof sharedCareTasks;
export const sharedCareTaskCodes = Object.keys(sharedCareTasks) as SharedCareTask[];

export function isSharedCareTask(value: unknown): value is SharedCareTask {
  return typeof value === 'string' && Object.hasOwn(sharedCareTasks, value);
}

/**
 * The monitoring tasks a proposal offers for each medicine group: the schedules of
 * medicines/monitoring-rules.ts, task by task. Every proposal also offers prescribing and the
 * yearly medication review; the clinician decides who holds each, or leaves a task out.
 */
export const monitoringTasksByMedicine: Record<MonitoredMedicine, readonly SharedCareTask[]> = {
  lithium: ['lithium-level', 'renal-function', 'thyroid-function'],
  clozapine: ['full-blood-count'],
  antipsychotic: ['weight', 'blood-pressure', 'glucose', 'lipids', 'prolactin'],
  valproate: ['valproate-review'],
};

export const sharedCareRules = {
  declined: {
    code: 'shared-care-declined',
    sources: [
      {
        source: 'NHS England, Responsibility for prescribing between primary and secondary/tertiary care (2018), sections 4-5',
        says: 'a GP may decline shared care; clinical and prescribing responsibility then stays with the specialist, who must be told and must arrange supply and monitoring',
      },
      { source: 'shared/seeds/002_* lines ~290, ~343', says: 'GPs increasingly decline shared care agreements, leaving disruptions in medicine access and monitoring' },
      { source: 'Issue 6 part 3', says: 'a declined or unanswered proposal is a worklist item' },
    ] satisfies RuleSource[],
  },
  unanswered: {
    code: 'shared-care-unanswered',
    /**
     * A proposal with no answer more than this many days after it was made is unanswered: on the
     * 14th day it is still awaited, on the 15th it is on the list.
     */
    answerWithinDays: 14,
    sources: [
      {
        source: 'RMOC, Shared Care for Medicines Guidance: A Standard Approach (2021), built on NHS England (2018); its template request letter',
        says: 'the primary care prescriber is asked to reply to a request for shared care within 14 days (the reply period of the template request letter, which local protocols adopt; a trust whose protocol differs changes answerWithinDays); until then the specialist keeps prescribing and monitoring',
      },
      { source: 'SPEC, failure modes ("diffuse accountability")', says: 'shared care responsibilities explicit per task: an unanswered proposal leaves them with nobody' },
    ] satisfies RuleSource[],
  },
  /** Prescription states in which the medicine is still prescribed (as medicines/monitoring-rules.ts). */
  prescribedStatuses: ['active', 'on-hold'] as readonly string[],
  /** Every agreement divides prescribing: without it there is nothing shared. */
  requiredTask: 'prescribing' as SharedCareTask,
} as const;

/** The order reasons are listed in within one person: a refusal first, then a silence. */
export const sharedCareReasonOrder: readonly SharedCareReasonCode[] = ['shared-care-declined', 'shared-care-unanswered'];
