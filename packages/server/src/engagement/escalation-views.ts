import type { EscalationState, EscalationTask, MdtDecision, StepState } from '@continuity/domain';
import { staffNames, type DisengagedWorklist, type Store } from '@continuity/store';

const named = (names: Map<string, string>, id: string | null) => (id === null ? null : { id, name: names.get(id) ?? id });

export function taskView(task: EscalationTask, names: Map<string, string>) {
  return { ...task, owner: named(names, task.ownerId)!, createdByName: names.get(task.createdBy) ?? task.createdBy, completedByName: task.completedBy ? (names.get(task.completedBy) ?? task.completedBy) : null };
}

export function decisionView(decision: MdtDecision, names: Map<string, string>) {
  return { ...decision, recordedByName: names.get(decision.recordedBy) ?? decision.recordedBy };
}

export function stepView(s: StepState, names: Map<string, string>) {
  const { code, label, description, dueAfterDays } = s.step;
  const base = { code, label, description, dueAfterDays };
  if (s.state === 'done') return { ...base, state: s.state, doneOn: s.doneOn, due: s.task.due, overdue: false, task: taskView(s.task, names) };
  if (s.state === 'open') return { ...base, state: s.state, due: s.due, overdue: s.overdue, task: taskView(s.task, names) };
  return { ...base, state: s.state, due: s.due, overdue: s.overdue, task: null };
}

/** Everyone whose name a ladder shows: owners, and who recorded, completed or decided what. */
export function peopleInLadder(state: EscalationState | undefined): string[] {
  if (!state) return [];
  const tasks = state.steps.flatMap((s) => (s.state === 'not-started' ? [] : [s.task]));
  return [...tasks.flatMap((t) => [t.ownerId, t.createdBy, ...(t.completedBy ? [t.completedBy] : [])]), ...(state.decision ? [state.decision.recordedBy] : [])];
}

/** The worklist screen's line for one person: the next step and who owns it, and how many are overdue. */
export function escalationSummary(state: EscalationState, names: Map<string, string>) {
  const next = state.next;
  return {
    disengagedSince: state.disengagedSince,
    next: next ? { step: next.step.code, label: next.step.label, due: next.due, overdue: next.overdue, owner: next.state === 'open' ? named(names, next.task.ownerId) : null } : null,
    overdue: state.overdue,
    decision: state.decision ? { decidedOn: state.decision.decidedOn, reviewOn: state.decision.reviewOn, stands: state.decisionStands } : null,
  };
}

/**
 * What the disengaged worklist API adds for the escalation ladder, outside the worklist contract:
 * each person's summary (for `people`), and the people a standing MDT decision keeps off the list
 * (`decided`), with the decision and its review date.
 */
export async function worklistEscalation(db: Store['db'], result: DisengagedWorklist) {
  const states = [...result.people].flatMap(([id, p]) => (p.escalation ? [[id, p.escalation] as const] : []));
  const names = await staffNames(db, states.flatMap(([, s]) => peopleInLadder(s)));
  return {
    summaries: new Map(states.map(([id, s]) => [id, escalationSummary(s, names)])),
    decided: result.decided.map((d) => ({ ...d, decision: decisionView(d.decision, names) })),
  };
}
