/** What the escalation endpoints return (packages/server/src/engagement/escalation-views.ts builds them). */
import type { EscalationStepCode, EscalationTask, MdtDecision, WorklistReason } from '@continuity/domain';

export interface EscalationTaskView extends EscalationTask {
  owner: { id: string; name: string };
  createdByName: string;
  completedByName: string | null;
}

export interface MdtDecisionView extends MdtDecision {
  recordedByName: string;
}

export interface EscalationStepView {
  code: EscalationStepCode;
  label: string;
  description: string;
  dueAfterDays: number;
  state: 'done' | 'open' | 'not-started';
  due: string;
  overdue: boolean;
  doneOn?: string;
  task: EscalationTaskView | null;
}

export interface EscalationResponse {
  asOf: string;
  person: { id: string; name: string | null };
  disengaged: boolean;
  reasons: WorklistReason[];
  disengagedSince: string | null;
  steps: EscalationStepView[];
  next: EscalationStepCode | null;
  overdue: number;
  decision: MdtDecisionView | null;
  decisionStands: boolean;
  tasks: EscalationTaskView[];
  decisions: MdtDecisionView[];
  staff: Array<{ id: string; name: string }>;
}

/** The worklist's line for one person (the `escalation` of each entry in `people`). */
export interface EscalationSummaryView {
  disengagedSince: string;
  next: { step: EscalationStepCode; label: string; due: string; overdue: boolean; owner: { id: string; name: string } | null } | null;
  overdue: number;
  decision: { decidedOn: string; reviewOn: string; stands: boolean } | null;
}
