import { describe, expect, it } from 'vitest';
import { describeRecord, system } from '../src/index.ts';

describe('timeline descriptions', () => {
  it('says who cancelled an appointment', () => {
    const byService = { status: 'cancelled', cancelationReason: { coding: [{ system: system.appointmentCancellationReason, code: 'prov' }] } };
    expect(describeRecord('Appointment', byService).title).toBe('Appointment cancelled by the service');
    expect(describeRecord('Appointment', { status: 'noshow' }).title).toBe('Did not attend appointment');
  });
  it('distinguishes an admission from a contact and names the team', () => {
    const admission = { status: 'finished', class: { code: 'IMP' }, period: { start: '2024-01-01', end: '2024-02-03' }, serviceProvider: { reference: 'Organization/w' } };
    expect(describeRecord('Encounter', admission, (ref) => (ref === 'Organization/w' ? 'Ward 7' : undefined))).toEqual({
      category: 'admission',
      title: 'Admitted to hospital',
      detail: 'Ward 7 · discharged 2024-02-03',
    });
  });
  it('names the contact mode, and a medication review as such', () => {
    const outreach = { status: 'finished', class: { code: 'FLD' }, type: [{ coding: [{ system: system.contactMode, code: 'outreach' }] }] };
    expect(describeRecord('Encounter', outreach)).toMatchObject({ title: 'Contact', detail: 'Community outreach' });
    expect(describeRecord('Encounter', { status: 'finished', class: { code: 'FLD' } }).detail).toBe('community outreach');
    const review = { status: 'finished', class: { code: 'AMB' }, type: [{ coding: [{ system: system.snomed, code: '182836005' }] }] };
    expect(describeRecord('Encounter', review).title).toBe('Medication review');
  });
  it('marks a carer concern as such', () => {
    const concern = { category: [{ coding: [{ system: system.communicationCategory, code: 'carer-concern' }] }], payload: [{ contentString: 'Not eating' }] };
    expect(describeRecord('Communication', concern)).toEqual({ category: 'communication', title: 'Concern raised by carer or family', detail: 'Not eating' });
  });
  it('says where a shared care agreement stands and with which practice', () => {
    const agreement = {
      status: 'revoked', created: '2026-05-01', subject: { reference: 'Patient/p1' }, author: { reference: 'Organization/t1' }, contributor: [{ reference: 'Organization/gp' }],
      category: [{ coding: [{ system: system.carePlanCategory, code: 'shared-care-agreement' }] }], supportingInfo: [{ reference: 'MedicationRequest/m1', display: 'Lithium carbonate' }],
    };
    expect(describeRecord('CarePlan', { resourceType: 'CarePlan', ...agreement }, (ref) => (ref === 'Organization/gp' ? 'Riverside Surgery' : undefined))).toEqual({
      category: 'plan', title: 'Shared care agreement declined', detail: 'Lithium carbonate · with Riverside Surgery',
    });
  });
});
