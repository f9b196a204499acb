import { describe, expect, it } from 'vitest';
import { evaluateEngagement, type AppointmentFact } from '../src/index.ts';
import { appointment, contact, person } from './engagement-support.ts';

const dna = (appointments: AppointmentFact[], asOf = '2026-06-30', more = {}) =>
  evaluateEngagement(person({ appointments, ...more }), asOf).reasons.find((r) => r.code === 'consecutive-dna');

describe('consecutive-dna', () => {
  it('lists two missed appointments in a row, oldest first, with their dates', () => {
    expect(dna([appointment('a0', 'fulfilled', '2026-05-01T10:00:00Z'), appointment('a1', 'noshow', '2026-05-20T10:00:00Z'), appointment('a2', 'noshow', '2026-06-10T10:00:00Z')])).toEqual({
      code: 'consecutive-dna',
      text: 'Missed the last 2 appointments (20 May, 10 Jun) with no attended contact since.',
      evidence: ['Appointment/a1', 'Appointment/a2'],
    });
  });

  it('needs two: one missed appointment is not a run', () => {
    expect(dna([appointment('a0', 'fulfilled', '2026-05-01T10:00:00Z'), appointment('a1', 'noshow', '2026-06-10T10:00:00Z')])).toBeUndefined();
  });

  it('DNA, then attended: the run is broken by the attended appointment', () => {
    expect(dna([appointment('a1', 'noshow', '2026-05-01T10:00:00Z'), appointment('a2', 'noshow', '2026-05-20T10:00:00Z'), appointment('a3', 'fulfilled', '2026-06-10T10:00:00Z')])).toBeUndefined();
  });

  it('an attended contact without an appointment (a home visit) also ends the run', () => {
    const appointments = [appointment('a1', 'noshow', '2026-05-01T10:00:00Z'), appointment('a2', 'noshow', '2026-05-20T10:00:00Z')];
    expect(dna(appointments, '2026-06-30', { encounters: [contact('visit', '2026-05-25T15:00:00Z')] })).toBeUndefined();
    // ...but only if it came after: a contact between the two DNAs leaves a run of one.
    expect(dna(appointments, '2026-06-30', { encounters: [contact('visit', '2026-05-10T15:00:00Z')] })).toBeUndefined();
    expect(dna(appointments, '2026-06-30', { encounters: [contact('visit', '2026-04-10T15:00:00Z')] })?.evidence).toEqual(['Appointment/a1', 'Appointment/a2']);
  });

  it('a contact later on the same day as a DNA ends the run', () => {
    const appointments = [appointment('a1', 'noshow', '2026-05-01T10:00:00Z'), appointment('a2', 'noshow', '2026-05-20T10:00:00Z')];
    expect(dna(appointments, '2026-06-30', { encounters: [contact('call', '2026-05-20T16:00:00Z')] })).toBeUndefined();
  });

  it('cancellations by the service are not DNAs and do not break the run', () => {
    const service = { ...appointment('c1', 'cancelled', '2026-06-01T10:00:00Z') };
    expect(dna([appointment('a1', 'noshow', '2026-05-20T10:00:00Z'), service])).toBeUndefined();
    expect(dna([appointment('a1', 'noshow', '2026-05-01T10:00:00Z'), service, appointment('a2', 'noshow', '2026-06-10T10:00:00Z')])?.evidence).toEqual(['Appointment/a1', 'Appointment/a2']);
  });

  it('future booked appointments are ignored', () => {
    const result = dna([appointment('a1', 'noshow', '2026-06-01T10:00:00Z'), appointment('a2', 'noshow', '2026-06-15T10:00:00Z'), appointment('a3', 'booked', '2026-07-05T10:00:00Z')]);
    expect(result?.evidence).toEqual(['Appointment/a1', 'Appointment/a2']);
  });

  it('as-of in the past ignores later records, and sees the run as it stood then', () => {
    const appointments = [appointment('a1', 'noshow', '2026-05-01T10:00:00Z'), appointment('a2', 'noshow', '2026-05-20T10:00:00Z'), appointment('a3', 'noshow', '2026-06-10T10:00:00Z')];
    expect(dna(appointments, '2026-05-19')).toBeUndefined();
    expect(dna(appointments, '2026-05-20')?.evidence).toEqual(['Appointment/a1', 'Appointment/a2']);
    expect(dna(appointments, '2026-06-30')?.text).toBe('Missed the last 3 appointments (1 May, 20 May, 10 Jun) with no attended contact since.');
    expect(dna(appointments, '2026-06-30', { encounters: [contact('later', '2026-07-01T09:00:00Z')] })?.evidence).toHaveLength(3);
  });

  it('says a long run by its first and last dates, and names every missed appointment', () => {
    const appointments = ['2026-01-05', '2026-02-02', '2026-03-02', '2026-03-30', '2026-04-27'].map((d, i) => appointment(`a${i}`, 'noshow', `${d}T10:00:00Z`));
    const result = dna(appointments);
    expect(result?.text).toBe('Missed the last 5 appointments (from 5 Jan to 27 Apr) with no attended contact since.');
    expect(result?.evidence).toHaveLength(5);
  });
});
