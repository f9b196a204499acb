import type { WorklistReason } from '../engagement/engagement-facts.ts';
import type { RuleSource } from '../engagement/engagement-rules.ts';
import { days, londonDay, shortDate } from '../engagement/london-calendar.ts';
import type { EscalationState, WaitingStep } from '../engagement/escalation-state.ts';

/**
 * Why a person needs discussion at the team's MDT, beyond the disengaged worklist (whose reasons
 * the board shows as they are). Each reason is something observable in the record, never a
 * prediction, and names the records that show it.
 */
export const mdtRules = {
  referralWaiting: {
    code: 'referral-waiting',
    sources: [
      { source: 'docs/fhir.md (ServiceRequest)', says: 'a referral is active while waiting; the wait runs from authoredOn to the first attended contact' },
      { source: 'SPEC C5', says: 'MDT/huddle board with daily handover and weekly review lists' },
    ] satisfies RuleSource[],
  },
  noKeyWorker: {
    code: 'no-key-worker',
    sources: [{ source: 'Issue 4 (caseloads)', says: 'key worker allocation per episode of care; nothing falls through' }] satisfies RuleSource[],
  },
  carePlanReviewOverdue: {
    code: 'care-plan-review-overdue',
    /** Days after the last review (else creation) before a care plan review is overdue. */
    reviewDays: 365,
    sources: [
      { source: 'docs/fhir.md (CarePlan)', says: 'SD/last-reviewed valueDate is when the care plan was last reviewed' },
      { source: 'Local choice', says: 'a review at least every 12 months; the seeds give no interval. Change reviewDays here' },
    ] satisfies RuleSource[],
  },
  escalationOverdue: {
    code: 'escalation-overdue',
    sources: [
      { source: 'Issue 4 (escalation ladder)', says: 'the assertive-engagement steps taken and due, recorded as tasks with owners and due dates' },
      { source: 'packages/domain/src/engagement/escalation-ladder.ts', says: 'each step and its default due day, with sources' },
    ] satisfies RuleSource[],
  },
  mdtReviewDue: {
    code: 'mdt-review-due',
    sources: [
      { source: 'shared/seeds/003_* lines ~452, 467', says: 'at least weekly MDT reviews' },
      { source: 'packages/domain/src/engagement/escalation-ladder.ts (leavingTheList)', says: 'an MDT decision stands until its review date; then, with no contact, the person is back on the list' },
    ] satisfies RuleSource[],
  },
} as const;

export interface ReferralFact {
  id: string;
  status: string;
  authoredOn?: string | null;
}

/** An active referral to the team is waiting to be seen: the MDT allocates and plans the first contact. */
export function referralWaitingReason(referrals: readonly ReferralFact[], asOf: string): WorklistReason | null {
  const today = londonDay(asOf)!;
  const waiting = referrals.filter((r) => r.status === 'active' && (londonDay(r.authoredOn) ?? -Infinity) <= today);
  if (waiting.length === 0) return null;
  const oldest = [...waiting].sort((a, b) => (londonDay(a.authoredOn) ?? 0) - (londonDay(b.authoredOn) ?? 0))[0]!;
  const since = londonDay(oldest.authoredOn);
  const text = since === undefined ? 'Referred to the team and not yet seen.' : `Referred on ${shortDate(since, today)} and waiting ${days(today - since)}; not yet seen.`;
  return { code: mdtRules.referralWaiting.code, text, evidence: waiting.map((r) => `ServiceRequest/${r.id}`) };
}

/** The team holds the person but no key worker is named: nobody's caseload has them. */
export function noKeyWorkerReason(episodeIds: readonly string[]): WorklistReason | null {
  if (episodeIds.length === 0) return null;
  return { code: mdtRules.noKeyWorker.code, text: 'Held by the team with no key worker allocated.', evidence: episodeIds.map((id) => `EpisodeOfCare/${id}`) };
}

export interface ReviewedPlanFact {
  id: string;
  status: string;
  /** SD/last-reviewed, else when the plan was created or started. */
  lastReviewed?: string | null;
  created?: string | null;
}

/** An active care plan not reviewed within the interval. Plans with no date at all are not judged. */
export function carePlanReviewReason(plans: readonly ReviewedPlanFact[], asOf: string): WorklistReason | null {
  const today = londonDay(asOf)!;
  const overdue = plans
    .filter((p) => p.status === 'active')
    .map((p) => ({ plan: p, since: londonDay(p.lastReviewed ?? p.created) }))
    .filter((p): p is { plan: ReviewedPlanFact; since: number } => p.since !== undefined && p.since <= today && today - p.since > mdtRules.carePlanReviewOverdue.reviewDays);
  if (overdue.length === 0) return null;
  const latest = overdue.sort((a, b) => b.since - a.since)[0]!;
  const what = latest.plan.lastReviewed ? 'last reviewed' : 'written';
  return {
    code: mdtRules.carePlanReviewOverdue.code,
    text: `Care plan review overdue: ${what} on ${shortDate(latest.since, today)} (${days(today - latest.since)} ago); reviews are due every ${mdtRules.carePlanReviewOverdue.reviewDays} days.`,
    evidence: overdue.map((p) => `CarePlan/${p.plan.id}`),
  };
}

/**
 * Assertive-engagement steps past their due day (other than the MDT review, its own reason). The
 * evidence is each overdue step's task; a step nobody has taken on yet points to the records that
 * put the person on the disengaged list.
 */
export function escalationOverdueReason(state: EscalationState, listedFor: readonly string[], asOf: string): WorklistReason | null {
  const today = londonDay(asOf)!;
  const overdue = state.steps.filter((s): s is WaitingStep => s.state !== 'done' && s.overdue && s.step.code !== 'mdt-review');
  if (overdue.length === 0) return null;
  const described = overdue.map((s) => `${s.step.label.toLowerCase()} (due ${shortDate(londonDay(s.due)!, today)}${s.state === 'not-started' ? ', nobody assigned' : ''})`);
  const evidence = overdue.flatMap((s) => (s.state === 'open' ? [`EngagementTask/${s.task.id}`] : []));
  return {
    code: mdtRules.escalationOverdue.code,
    text: `Assertive engagement overdue: ${described.join(', ')}.`,
    evidence: evidence.length === overdue.length ? evidence : [...evidence, ...listedFor],
  };
}

/**
 * The MDT should review this person: an MDT decision has reached its review date with still no
 * contact, or (with no decision in this spell) the ladder's MDT review step is due.
 */
export function mdtReviewDueReason(state: EscalationState, listedFor: readonly string[], asOf: string): WorklistReason | null {
  const today = londonDay(asOf)!;
  const decision = state.decision;
  if (decision) {
    const review = londonDay(decision.reviewOn)!;
    if (review > today) return null;
    const when = review === today ? 'today' : `on ${shortDate(review, today)}`;
    return {
      code: mdtRules.mdtReviewDue.code,
      text: `The MDT decision of ${shortDate(londonDay(decision.decidedOn)!, today)} was due for review ${when}, and there is still no contact.`,
      evidence: [`EngagementDecision/${decision.id}`],
    };
  }
  const step = state.steps.find((s) => s.step.code === 'mdt-review');
  if (!step || step.state === 'done' || londonDay(step.due)! > today) return null;
  const due = londonDay(step.due)!;
  return {
    code: mdtRules.mdtReviewDue.code,
    text: `MDT review of assertive engagement due ${due === today ? 'today' : `since ${shortDate(due, today)}`}.`,
    evidence: step.state === 'open' ? [`EngagementTask/${step.task.id}`] : [...listedFor],
  };
}
