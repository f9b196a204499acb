import { describe, expect, it } from 'vitest';
import {
  escalationLadder,
  escalationOverdueReason,
  escalationState,
  evaluateEngagement,
  mdtReviewDueReason,
  standingDecision,
  type EscalationTask,
  type MdtDecision,
} from '../src/index.ts';
import { appointment, contact, person } from './engagement-support.ts';

const since = (asOf: string, facts = person()) => evaluateEngagement(facts, asOf).disengagedSince;

describe('the day a disengagement began', () => {
  it('is the day after the contact interval ran out: the first day the person is listed', () => {
    const seen = person({ episodes: [{ id: 'e1', status: 'active', start: '2026-01-01', intensity: 'intensive' }], encounters: [contact('c1', '2026-03-02T10:00:00Z')] });
    expect(since('2026-03-09', seen)).toBeNull();
    expect(since('2026-03-10', seen)).toBe('2026-03-10');
    expect(since('2026-04-20', seen)).toBe('2026-03-10');
  });

  it('is the day of the second missed appointment in a run, when that is earlier', () => {
    const missed = person({
      encounters: [contact('c1', '2026-03-02T10:00:00Z')],
      appointments: [appointment('a1', 'noshow', '2026-03-09T10:00:00Z'), appointment('a2', 'noshow', '2026-03-16T10:00:00Z'), appointment('a3', 'noshow', '2026-03-23T10:00:00Z')],
    });
    expect(since('2026-03-15', missed)).toBeNull();
    expect(since('2026-03-16', missed)).toBe('2026-03-16');
    // Day 29 adds the contact reason; the spell still began with the second missed appointment.
    expect(since('2026-04-10', missed)).toBe('2026-03-16');
  });

  it('is the day after the injection grace period, or the day a stop against advice was recorded', () => {
    const seen = [contact('c1', '2026-06-01T10:00:00Z')];
    const lai = person({
      encounters: seen,
      medicationRequests: [{ id: 'lai', status: 'active', authoredOn: '2026-01-05', medicine: 'Depot', atc: null, injection: true, interval: { value: 28, unit: 'd' } }],
      administrations: [{ id: 'd1', status: 'completed', at: '2026-05-04T10:00:00Z', requestId: 'lai' }],
    });
    expect(since('2026-06-08', lai)).toBeNull();
    expect(since('2026-06-09', lai)).toBe('2026-06-09');
    const stopped = person({
      encounters: seen,
      medicationStatements: [{ id: 's1', status: 'stopped', reasonCodes: ['stopped-against-advice'], medicine: 'Olanzapine', asserted: '2026-06-12', stopped: '2026-06-01' }],
    });
    expect(since('2026-06-25', stopped)).toBe('2026-06-12');
  });

  it('starts again after contact: a new spell has its own start', () => {
    const again = person({ episodes: [{ id: 'e1', status: 'active', start: '2026-01-01', intensity: 'intensive' }], encounters: [contact('c1', '2026-03-02T10:00:00Z'), contact('c2', '2026-03-20T10:00:00Z')] });
    expect(since('2026-03-15', again)).toBe('2026-03-10');
    expect(since('2026-03-27', again)).toBeNull();
    expect(since('2026-03-28', again)).toBe('2026-03-28');
  });
});

const task = (over: Partial<EscalationTask> & Pick<EscalationTask, 'id' | 'step'>): EscalationTask => ({
  ownerId: 'u-owner', due: '2026-03-15', status: 'open', outcome: null, createdBy: 'u-maker', createdAt: '2026-03-11T09:00:00Z', completedBy: null, completedAt: null, version: 1, ...over,
});
const decision = (over: Partial<MdtDecision> = {}): MdtDecision => ({
  id: 'd1', decidedOn: '2026-03-17', decision: 'Continue outreach weekly; family to call if seen.', reviewOn: '2026-03-31', recordedBy: 'u-manager', recordedAt: '2026-03-17T15:00:00Z', ...over,
});
const state = (asOf: string, tasks: EscalationTask[] = [], decisions: MdtDecision[] = []) => escalationState({ disengagedSince: '2026-03-10', tasks, decisions, asOf });
const stepOf = (s: ReturnType<typeof state>, code: string) => s.steps.find((x) => x.step.code === code)!;

describe('the escalation ladder', () => {
  it('lists every step in order, each with a description, a default due day and a source', () => {
    expect(escalationLadder.map((s) => s.code)).toEqual(['contact-another-way', 'contact-family-carer', 'home-visit', 'mdt-review', 'welfare-check', 'multi-agency-meeting']);
    for (const step of escalationLadder) {
      expect(step.description.length).toBeGreaterThan(20);
      expect(step.sources.some((s) => s.source.includes('seeds'))).toBe(true);
    }
  });

  it('with nothing recorded, a step is due N days after the spell began: not overdue on day N, overdue on N+1', () => {
    // Contact by another method is due 1 day after 10 March.
    expect(stepOf(state('2026-03-11'), 'contact-another-way')).toMatchObject({ state: 'not-started', due: '2026-03-11', overdue: false });
    expect(stepOf(state('2026-03-12'), 'contact-another-way')).toMatchObject({ state: 'not-started', due: '2026-03-11', overdue: true });
    expect(state('2026-03-11').overdue).toBe(0);
    expect(state('2026-03-12').overdue).toBe(1);
    expect(state('2026-03-12').next).toMatchObject({ step: { code: 'contact-another-way' } });
  });

  it('an open task sets the owner and due day; a done one says who, when and what happened', () => {
    const open = task({ id: 't1', step: 'home-visit', due: '2026-03-13' });
    expect(stepOf(state('2026-03-13', [open]), 'home-visit')).toMatchObject({ state: 'open', task: { ownerId: 'u-owner' }, due: '2026-03-13', overdue: false });
    expect(stepOf(state('2026-03-14', [open]), 'home-visit')).toMatchObject({ state: 'open', overdue: true });
    const done = { ...open, status: 'done' as const, outcome: 'Not in; note left with neighbour.', completedBy: 'u-owner', completedAt: '2026-03-13T16:00:00Z', version: 2 };
    expect(stepOf(state('2026-03-14', [done]), 'home-visit')).toMatchObject({ state: 'done', doneOn: '2026-03-13', task: { completedBy: 'u-owner', outcome: 'Not in; note left with neighbour.' } });
    // As of a day before it was completed, it was still open; before it was made, it did not exist.
    expect(stepOf(state('2026-03-12', [done]), 'home-visit')).toMatchObject({ state: 'open', task: { outcome: null } });
    expect(stepOf(state('2026-03-10', [done]), 'home-visit')).toMatchObject({ state: 'not-started', due: '2026-03-15' });
  });

  it('a cancelled task does not make a step done: it is due by its default again', () => {
    const cancelled = task({ id: 't1', step: 'contact-family-carer', status: 'cancelled', completedBy: 'u-owner', completedAt: '2026-03-12T09:00:00Z', version: 2 });
    expect(stepOf(state('2026-03-14', [cancelled]), 'contact-family-carer')).toMatchObject({ state: 'not-started', due: '2026-03-13', overdue: true });
  });

  it('a task closed before this spell began belongs to an earlier one; one still open counts', () => {
    const earlier = task({ id: 't1', step: 'contact-another-way', status: 'done', createdAt: '2026-02-01T09:00:00Z', completedAt: '2026-02-02T09:00:00Z', completedBy: 'u-owner' });
    expect(stepOf(state('2026-03-11', [earlier]), 'contact-another-way').state).toBe('not-started');
    const stillOpen = task({ id: 't2', step: 'contact-another-way', createdAt: '2026-02-01T09:00:00Z', due: '2026-03-20' });
    expect(stepOf(state('2026-03-11', [stillOpen]), 'contact-another-way')).toMatchObject({ state: 'open', due: '2026-03-20' });
  });

  it('the next step is the one due soonest of those not done; none when all are done', () => {
    const tasks = [task({ id: 't1', step: 'contact-another-way', due: '2026-03-25' })];
    expect(state('2026-03-11', tasks).next).toMatchObject({ step: { code: 'contact-family-carer' }, due: '2026-03-13' });
    const allDone = escalationLadder.map((s, i) => task({ id: `t${i}`, step: s.code, status: 'done', completedAt: '2026-03-12T10:00:00Z', completedBy: 'u-owner' }));
    expect(state('2026-04-30', allDone)).toMatchObject({ next: null, overdue: 0 });
  });
});

describe('leaving the list by MDT decision', () => {
  it('counts a decision made on or after the day the spell began, not one before', () => {
    expect(standingDecision([decision({ decidedOn: '2026-03-10' })], '2026-03-10', '2026-03-20')?.id).toBe('d1');
    expect(standingDecision([decision({ decidedOn: '2026-03-09' })], '2026-03-10', '2026-03-20')).toBeUndefined();
    // Not yet made as of an earlier day.
    expect(standingDecision([decision()], '2026-03-10', '2026-03-16')).toBeUndefined();
  });

  it('stands through its review date and not the day after: the person is back on the list', () => {
    expect(standingDecision([decision()], '2026-03-10', '2026-03-31')?.id).toBe('d1');
    expect(standingDecision([decision()], '2026-03-10', '2026-04-01')).toBeUndefined();
    expect(state('2026-04-01', [], [decision()])).toMatchObject({ decision: { id: 'd1' }, decisionStands: false });
  });

  it('the latest decision replaces earlier ones', () => {
    const later = decision({ id: 'd2', decidedOn: '2026-03-24', reviewOn: '2026-03-26' });
    expect(standingDecision([decision(), later], '2026-03-10', '2026-03-27')).toBeUndefined();
  });
});

describe('MDT board reasons from the ladder', () => {
  const listedFor = ['Encounter/c1'];

  it('names overdue steps, citing their tasks, and the records behind the listing for steps nobody took on', () => {
    const open = task({ id: 't1', step: 'contact-another-way', due: '2026-03-11' });
    expect(escalationOverdueReason(state('2026-03-11', [open]), listedFor, '2026-03-11')).toBeNull();
    expect(escalationOverdueReason(state('2026-03-12', [open]), listedFor, '2026-03-12')).toEqual({
      code: 'escalation-overdue', text: 'Assertive engagement overdue: contact by another method (due 11 Mar).', evidence: ['EngagementTask/t1'],
    });
    expect(escalationOverdueReason(state('2026-03-14', [open]), listedFor, '2026-03-14')).toEqual({
      code: 'escalation-overdue',
      text: 'Assertive engagement overdue: contact by another method (due 11 Mar), contact family or carer (due 13 Mar, nobody assigned).',
      evidence: ['EngagementTask/t1', 'Encounter/c1'],
    });
  });

  it('asks for the MDT review when its step falls due, and when a decision reaches its review date', () => {
    expect(mdtReviewDueReason(state('2026-03-16'), listedFor, '2026-03-16')).toBeNull();
    expect(mdtReviewDueReason(state('2026-03-17'), listedFor, '2026-03-17')).toEqual({ code: 'mdt-review-due', text: 'MDT review of assertive engagement due today.', evidence: listedFor });
    expect(mdtReviewDueReason(state('2026-03-30', [], [decision()]), listedFor, '2026-03-30')).toBeNull();
    expect(mdtReviewDueReason(state('2026-03-31', [], [decision()]), listedFor, '2026-03-31')).toEqual({
      code: 'mdt-review-due', text: 'The MDT decision of 17 Mar was due for review today, and there is still no contact.', evidence: ['EngagementDecision/d1'],
    });
    expect(mdtReviewDueReason(state('2026-04-02', [], [decision()]), listedFor, '2026-04-02')?.text).toContain('was due for review on 31 Mar');
  });
});
