import { escalationLadder, type EscalationStep, type EscalationStepCode } from './escalation-ladder.ts';
import { isoDay, londonDay } from './london-calendar.ts';

/** One assertive-engagement step recorded as a task for a person. */
export interface EscalationTask {
  id: string;
  step: EscalationStepCode;
  /** app_user id of the member of staff who owns it. */
  ownerId: string;
  /** "YYYY-MM-DD". */
  due: string;
  status: 'open' | 'done' | 'cancelled';
  outcome: string | null;
  createdBy: string;
  /** ISO instants. */
  createdAt: string;
  completedBy: string | null;
  completedAt: string | null;
  version: number;
}

/** A decision the MDT recorded about a person out of contact, with when it must be looked at again. */
export interface MdtDecision {
  id: string;
  /** "YYYY-MM-DD": the day the MDT decided. */
  decidedOn: string;
  decision: string;
  /** "YYYY-MM-DD": the decision stands through this day. */
  reviewOn: string;
  recordedBy: string;
  recordedAt: string;
}

export type StepState =
  | { step: EscalationStep; state: 'done'; task: EscalationTask; doneOn: string }
  | { step: EscalationStep; state: 'open'; task: EscalationTask; due: string; overdue: boolean }
  | { step: EscalationStep; state: 'not-started'; due: string; overdue: boolean };

/** A step still to do: open with an owner, or not yet taken on. */
export type WaitingStep = Exclude<StepState, { state: 'done' }>;

export interface EscalationState {
  /** "YYYY-MM-DD": the day the ladder counts from. */
  disengagedSince: string;
  steps: StepState[];
  /** The step to act on next: of those not done, the one due soonest (ladder order on a tie); none when every step is done. */
  next: WaitingStep | null;
  /** Steps not done whose due day has passed. */
  overdue: number;
  /** The MDT's latest decision in this spell out of contact, standing or past its review date. */
  decision: MdtDecision | null;
  /** The decision keeps the person off the disengaged list as of the day (its review date has not passed). */
  decisionStands: boolean;
}

/**
 * Where a person is on the assertive-engagement ladder as of the end of a day: each step done (by
 * whom, when, with what outcome), open (owner, due, overdue or not), or not started and due by the
 * ladder's default. A step due on day N is overdue from day N+1.
 *
 * Only this spell out of contact counts: a task still open counts whenever it was made, but a
 * task done or cancelled before the disengagement began belongs to an earlier spell. A cancelled
 * task never makes a step done; with nothing else recorded, the step is due by its default again.
 * Tasks made, and completions recorded, after the as-of day are not yet known on that day.
 */
export function escalationState(input: { disengagedSince: string; tasks: readonly EscalationTask[]; decisions: readonly MdtDecision[]; asOf: string }): EscalationState {
  const since = londonDay(input.disengagedSince)!;
  const asOf = londonDay(input.asOf)!;
  const known = input.tasks
    .filter((t) => londonDay(t.createdAt)! <= asOf)
    .map((t) => {
      const closed = t.completedAt ? londonDay(t.completedAt)! : undefined;
      // As of a day before it was closed, the task was still open.
      return closed !== undefined && closed > asOf ? { task: { ...t, status: 'open' as const, completedAt: null, completedBy: null, outcome: null }, closed: undefined } : { task: t, closed };
    })
    .filter(({ task, closed }) => task.status === 'open' || (closed !== undefined && closed >= since));
  const steps = escalationLadder.map((step): StepState => {
    const mine = known.filter((k) => k.task.step === step.code);
    const done = mine.filter((k) => k.task.status === 'done').sort((a, b) => b.closed! - a.closed! || (a.task.id < b.task.id ? -1 : 1))[0];
    if (done) return { step, state: 'done', task: done.task, doneOn: isoDay(done.closed!) };
    const open = mine.filter((k) => k.task.status === 'open').sort((a, b) => a.task.due.localeCompare(b.task.due) || (a.task.id < b.task.id ? -1 : 1))[0];
    if (open) return { step, state: 'open', task: open.task, due: open.task.due, overdue: londonDay(open.task.due)! < asOf };
    const due = since + step.dueAfterDays;
    return { step, state: 'not-started', due: isoDay(due), overdue: due < asOf };
  });
  const waiting = steps.filter((s): s is WaitingStep => s.state !== 'done');
  const next = [...waiting].sort((a, b) => a.due.localeCompare(b.due))[0] ?? null;
  return {
    disengagedSince: input.disengagedSince,
    steps,
    next,
    overdue: waiting.filter((s) => s.overdue).length,
    decision: latestDecision(input.decisions, input.disengagedSince, input.asOf) ?? null,
    decisionStands: standingDecision(input.decisions, input.disengagedSince, input.asOf) !== undefined,
  };
}

/**
 * The MDT decision that takes a person off the disengaged list as of a day (leavingTheList in
 * escalation-ladder.ts): the latest made on or after the day this disengagement began and not after
 * the as-of day, as long as its review date has not passed. A later decision replaces an earlier
 * one, so an old decision with a distant review date cannot outlive the MDT's newer view.
 */
export function standingDecision(decisions: readonly MdtDecision[], disengagedSince: string, asOf: string): MdtDecision | undefined {
  const latest = latestDecision(decisions, disengagedSince, asOf);
  return latest && latest.reviewOn >= asOf ? latest : undefined;
}

/** The latest MDT decision in this spell out of contact, standing or not (the board lists one past its review). */
export function latestDecision(decisions: readonly MdtDecision[], disengagedSince: string, asOf: string): MdtDecision | undefined {
  return decisions
    .filter((d) => d.decidedOn >= disengagedSince && d.decidedOn <= asOf)
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.recordedAt.localeCompare(a.recordedAt) || (a.id < b.id ? 1 : -1))[0];
}
