import { describe, expect, it } from 'vitest';
import { carePlanReviewReason, noKeyWorkerReason, referralWaitingReason } from '../src/index.ts';

describe('MDT board reasons', () => {
  it('lists a waiting referral with how long it has waited, and not a completed one or one from the future', () => {
    expect(referralWaitingReason([{ id: 'r1', status: 'active', authoredOn: '2026-06-20' }], '2026-06-30')).toEqual({
      code: 'referral-waiting', text: 'Referred on 20 Jun and waiting 10 days; not yet seen.', evidence: ['ServiceRequest/r1'],
    });
    expect(referralWaitingReason([{ id: 'r1', status: 'completed', authoredOn: '2026-06-20' }], '2026-06-30')).toBeNull();
    expect(referralWaitingReason([{ id: 'r1', status: 'active', authoredOn: '2026-07-01' }], '2026-06-30')).toBeNull();
  });

  it('names episodes held with no key worker', () => {
    expect(noKeyWorkerReason([])).toBeNull();
    expect(noKeyWorkerReason(['e1'])).toEqual({ code: 'no-key-worker', text: 'Held by the team with no key worker allocated.', evidence: ['EpisodeOfCare/e1'] });
  });

  it('finds a care plan review overdue after 365 days, not on day 365', () => {
    const plan = { id: 'p1', status: 'active', lastReviewed: '2025-06-30' };
    expect(carePlanReviewReason([plan], '2026-06-30')).toBeNull();
    expect(carePlanReviewReason([plan], '2026-07-01')).toEqual({
      code: 'care-plan-review-overdue', text: 'Care plan review overdue: last reviewed on 30 Jun 2025 (366 days ago); reviews are due every 365 days.', evidence: ['CarePlan/p1'],
    });
    expect(carePlanReviewReason([{ ...plan, status: 'completed' }], '2026-07-01')).toBeNull();
    expect(carePlanReviewReason([{ id: 'p2', status: 'active', created: '2025-01-01' }], '2026-06-30')?.text).toContain('written on 1 Jan 2025');
  });
});
