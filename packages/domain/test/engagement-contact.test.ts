import { describe, expect, it } from 'vitest';
import { evaluateEngagement } from '../src/index.ts';
import { appointment, contact, person } from './engagement-support.ts';

const codes = (asOf: string, facts = person()) => evaluateEngagement(facts, asOf).reasons.map((r) => r.code);
const noContact = (asOf: string, facts = person()) => evaluateEngagement(facts, asOf).reasons.find((r) => r.code === 'no-contact-within-interval');

describe('no-contact-within-interval', () => {
  const intensive = person({ episodes: [{ id: 'e1', status: 'active', start: '2026-01-01', intensity: 'intensive' }], encounters: [contact('c1', '2026-03-02T10:00:00Z')] });

  it('in intensive care, day 7 after a contact is on time and day 8 is not', () => {
    expect(codes('2026-03-09', intensive)).toEqual([]);
    expect(noContact('2026-03-10', intensive)).toEqual({
      code: 'no-contact-within-interval',
      text: 'No attended contact for 8 days (last on 2 Mar); people in intensive community care should be seen at least every 7 days.',
      evidence: ['Encounter/c1'],
    });
  });

  it('in assertive care the same 7 days apply, and the text says assertive', () => {
    const assertive = person({ episodes: [{ id: 'e1', status: 'active', start: '2026-01-01', intensity: 'assertive' }], encounters: [contact('c1', '2026-03-02T10:00:00Z')] });
    expect(codes('2026-03-09', assertive)).toEqual([]);
    expect(noContact('2026-03-10', assertive)?.text).toContain('assertive community care should be seen at least every 7 days');
  });

  it('in core care without a plan frequency, day 28 is on time and day 29 is not', () => {
    const core = person({ encounters: [contact('c1', '2026-03-02T10:00:00Z')] });
    expect(codes('2026-03-30', core)).toEqual([]);
    expect(noContact('2026-03-31', core)).toMatchObject({ text: 'No attended contact for 29 days (last on 2 Mar); with no contact frequency in a care plan, contact is due at least every 28 days.', evidence: ['Encounter/c1'] });
  });

  it('uses the frequency the care plan in force sets, and cites the plan', () => {
    const planned = person({
      encounters: [contact('c1', '2026-03-02T10:00:00Z')],
      carePlans: [
        { id: 'old-plan', status: 'completed', start: '2025-06-01', end: '2026-02-01', contactFrequency: { value: 4, unit: 'wk' } },
        { id: 'plan', status: 'active', start: '2026-02-01', contactFrequency: { value: 14, unit: 'd' } },
      ],
    });
    expect(codes('2026-03-16', planned)).toEqual([]);
    expect(noContact('2026-04-12', planned)).toEqual({
      code: 'no-contact-within-interval',
      text: 'No attended contact for 41 days (last on 2 Mar); the care plan asks for one every 14 days.',
      evidence: ['Encounter/c1', 'CarePlan/plan'],
    });
  });

  it('counts days in England: a contact at 23:30 UTC in summer is on the next day', () => {
    const late = person({ episodes: [{ id: 'e1', status: 'active', start: '2026-01-01', intensity: 'intensive' }], encounters: [contact('c1', '2026-06-01T23:30:00Z')] });
    expect(codes('2026-06-09', late)).toEqual([]); // seen 2 June in England: day 7
    expect(codes('2026-06-10', late)).toEqual(['no-contact-within-interval']);
  });

  it('counts from the start of the episode when the person has never been seen, citing the episode', () => {
    const never = person({ episodes: [{ id: 'e1', status: 'active', start: '2026-03-01', intensity: 'intensive' }] });
    expect(codes('2026-03-08', never)).toEqual([]);
    expect(noContact('2026-03-09', never)).toEqual({
      code: 'no-contact-within-interval',
      text: 'No attended contact in the 8 days since this episode of care began on 1 Mar; people in intensive community care should be seen at least every 7 days.',
      evidence: ['EpisodeOfCare/e1'],
    });
  });

  it('does not hold contacts before the episode against a newly taken-on person', () => {
    const returning = person({ episodes: [{ id: 'e2', status: 'active', start: '2026-03-01' }], encounters: [contact('c-old', '2025-10-01T10:00:00Z')] });
    expect(codes('2026-03-29', returning)).toEqual([]);
    expect(noContact('2026-03-30', returning)?.evidence).toEqual(['EpisodeOfCare/e2', 'Encounter/c-old']);
  });

  it('applies only to people a team holds on the as-of day', () => {
    const discharged = person({ episodes: [{ id: 'e1', status: 'finished', start: '2025-01-01', end: '2026-02-01' }] });
    const waiting = person({ episodes: [{ id: 'e1', status: 'waitlist', start: '2025-01-01' }] });
    expect(codes('2026-06-01', discharged)).toEqual([]);
    expect(codes('2026-06-01', waiting)).toEqual([]);
    // Discharged later than as-of: held then.
    expect(codes('2026-01-20', discharged)).toEqual(['no-contact-within-interval']);
  });

  it('ignores contacts after the as-of day', () => {
    const facts = person({ encounters: [contact('c1', '2026-03-02T10:00:00Z'), contact('c2', '2026-04-20T10:00:00Z')] });
    expect(noContact('2026-04-10', facts)?.evidence).toEqual(['Encounter/c1']);
    expect(codes('2026-04-21', facts)).toEqual([]);
  });

  it('counts a fulfilled appointment without an Encounter, and an inpatient stay up to discharge or as-of', () => {
    const byAppointment = person({ appointments: [appointment('a1', 'fulfilled', '2026-03-02T10:00:00Z')] });
    expect(noContact('2026-04-01', byAppointment)?.evidence).toEqual(['Appointment/a1']);
    const inHospital = person({ encounters: [contact('adm', '2026-01-10T10:00:00Z', { status: 'in-progress', inpatient: true })] });
    expect(codes('2026-06-01', inHospital)).toEqual([]);
    const discharged = person({ encounters: [contact('adm', '2026-01-10T10:00:00Z', { inpatient: true, end: '2026-03-01T12:00:00Z' })] });
    expect(noContact('2026-03-30', discharged)?.text).toContain('No attended contact for 29 days (last on 1 Mar)');
  });

  it('never lists a person who had died by the as-of day', () => {
    const died = person({ deceasedAt: '2026-02-01T08:00:00Z' });
    expect(codes('2026-06-01', died)).toEqual([]);
    expect(codes('2026-01-31', died)).toEqual(['no-contact-within-interval']);
  });
});
