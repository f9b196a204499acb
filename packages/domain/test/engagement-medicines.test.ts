import { describe, expect, it } from 'vitest';
import { evaluateEngagement, type AdministrationFact, type MedicationRequestFact, type MedicationStatementFact } from '../src/index.ts';
import { contact, person } from './engagement-support.ts';

const paliperidone: MedicationRequestFact = {
  id: 'lai', status: 'active', authoredOn: '2026-01-05', medicine: 'Paliperidone palmitate injection', atc: 'N05AX13', injection: true, interval: { value: 28, unit: 'd' },
};
const given = (id: string, at: string, status = 'completed'): AdministrationFact => ({ id, status, at, requestId: 'lai' });
// Seen recently, so only the medicine rules speak.
const seen = [contact('c1', '2026-06-28T10:00:00Z')];
const lai = (asOf: string, administrations: AdministrationFact[], request: MedicationRequestFact = paliperidone) =>
  evaluateEngagement(person({ encounters: seen, medicationRequests: [request], administrations }), asOf).reasons.find((r) => r.code === 'lai-missed');

describe('lai-missed', () => {
  const doses = [given('d1', '2026-04-06T10:00:00Z'), given('d2', '2026-05-04T10:00:00Z')];

  it('is due at the last dose plus the interval; 7 days overdue is not yet missed, 8 days is', () => {
    // Due 1 June: 8 June is 7 days overdue, 9 June is 8.
    expect(lai('2026-06-08', doses)).toBeUndefined();
    expect(lai('2026-06-09', doses)).toEqual({
      code: 'lai-missed',
      text: 'Paliperidone palmitate injection is 8 days overdue (due 1 Jun, every 28 days; last given 4 May).',
      evidence: ['MedicationRequest/lai', 'MedicationAdministration/d2'],
    });
  });

  it('an injection declined on the day is not a dose, and is cited', () => {
    const result = lai('2026-06-09', [...doses, given('d3', '2026-06-01T10:00:00Z', 'not-done')]);
    expect(result?.evidence).toEqual(['MedicationRequest/lai', 'MedicationAdministration/d2', 'MedicationAdministration/d3']);
    expect(result?.text).toContain('not given on 1 Jun');
  });

  it('falls back to the licensed interval when the prescription gives none', () => {
    expect(lai('2026-06-09', doses, { ...paliperidone, interval: null })?.code).toBe('lai-missed');
    expect(lai('2026-06-09', doses, { ...paliperidone, interval: null, atc: 'unknown' })).toBeUndefined();
  });

  it('counts from the prescription when no dose was ever given', () => {
    expect(lai('2026-01-12', [])).toBeUndefined();
    expect(lai('2026-01-13', [])?.evidence).toEqual(['MedicationRequest/lai']);
  });

  it('ignores stopped prescriptions, doses after as-of, and oral medicines', () => {
    expect(lai('2026-06-20', doses, { ...paliperidone, status: 'stopped' })).toBeUndefined();
    expect(lai('2026-06-09', [...doses, given('d3', '2026-06-20T10:00:00Z')])?.evidence).toContain('MedicationAdministration/d2');
    expect(lai('2026-06-20', doses, { ...paliperidone, injection: false })).toBeUndefined();
  });
});

describe('medication-stopped-against-advice', () => {
  const lithium: MedicationRequestFact = { id: 'li', status: 'active', authoredOn: '2025-10-01', medicine: 'Lithium carbonate', atc: 'N05AN01', injection: false };
  const stopped: MedicationStatementFact = {
    id: 's1', status: 'stopped', reasonCodes: ['stopped-against-advice'], reasonText: 'Feels it dulls feelings', requestId: 'li', medicine: 'Lithium carbonate', stopped: '2026-03-30', asserted: '2026-04-09',
  };
  const check = (asOf: string, statements: MedicationStatementFact[], request = lithium) =>
    evaluateEngagement(person({ encounters: seen, medicationRequests: [request], medicationStatements: statements }), asOf).reasons.find((r) => r.code === 'medication-stopped-against-advice');

  it('lists a medicine the person stopped against advice from the day it was recorded', () => {
    expect(check('2026-04-08', [stopped])).toBeUndefined();
    expect(check('2026-06-30', [stopped])).toEqual({
      code: 'medication-stopped-against-advice',
      text: 'Stopped Lithium carbonate against advice on 30 Mar (recorded 9 Apr): "Feels it dulls feelings".',
      evidence: ['MedicationStatement/s1', 'MedicationRequest/li'],
    });
  });

  it('leaves the list when the person says they are taking it again, or the prescriber stops it', () => {
    const restarted: MedicationStatementFact = { ...stopped, id: 's2', status: 'active', reasonCodes: [], asserted: '2026-05-01', stopped: null };
    expect(check('2026-06-30', [stopped, restarted])).toBeUndefined();
    expect(check('2026-04-30', [stopped, restarted])?.evidence).toEqual(['MedicationStatement/s1', 'MedicationRequest/li']);
    expect(check('2026-06-30', [stopped], { ...lithium, status: 'stopped' })).toBeUndefined();
  });

  it('a medicine stopped for another reason is not against advice', () => {
    expect(check('2026-06-30', [{ ...stopped, reasonCodes: ['side-effects'] }])).toBeUndefined();
  });
});
