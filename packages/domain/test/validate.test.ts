import { describe, expect, it } from 'vitest';
import { validateResource } from '../src/index.ts';

const patient = { resourceType: 'Patient', id: 'p1', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }] };
const appointment = {
  resourceType: 'Appointment',
  id: 'a1',
  status: 'noshow',
  start: '2025-06-10T10:00:00Z',
  participant: [{ actor: { reference: 'Practitioner/kw1' } }, { actor: { reference: 'Patient/p1' } }],
};

describe('validateResource', () => {
  it('accepts a valid record and finds its person and the references to check', () => {
    const result = validateResource(appointment);
    expect(result).toMatchObject({ ok: true, type: 'Appointment', personId: 'p1' });
    expect(result.ok && result.references).toEqual([
      { path: 'participant[0].actor.reference', type: 'Practitioner', id: 'kw1' },
      { path: 'participant[1].actor.reference', type: 'Patient', id: 'p1' },
    ]);
  });

  it('names the missing required field', () => {
    const { status: _status, ...noStatus } = appointment;
    expect(validateResource(noStatus)).toMatchObject({ ok: false, field: 'status', id: 'a1', resourceType: 'Appointment' });
    expect(validateResource(noStatus)).toHaveProperty('message', expect.stringContaining('status is required'));
  });

  it('rejects an unsupported type, and a type the file did not promise', () => {
    expect(validateResource({ resourceType: 'Basic', id: 'b1' })).toMatchObject({ ok: false, field: 'resourceType', message: expect.stringContaining('not supported') });
    expect(validateResource(appointment, 'Patient')).toMatchObject({ ok: false, field: 'resourceType', message: 'expected a Patient here but found a Appointment' });
  });

  it('rejects an invalid NHS number, saying which', () => {
    const bad = { ...patient, identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765918' }] };
    expect(validateResource(bad)).toMatchObject({ ok: false, field: 'identifier[0].value', message: expect.stringContaining('9434765918') });
  });

  it('rejects impossible dates and bad ids', () => {
    expect(validateResource({ ...appointment, start: '2025-02-30T10:00:00Z' })).toMatchObject({ ok: false, field: 'start' });
    expect(validateResource({ ...appointment, id: 'has spaces' })).toMatchObject({ ok: false, field: 'id' });
    expect(validateResource({ ...appointment, id: undefined })).toMatchObject({ ok: false, field: 'id' });
  });

  it('requires person-scoped records to point at a Patient', () => {
    const encounter = { resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Group/g1' } };
    expect(validateResource(encounter)).toMatchObject({ ok: false, field: 'subject', message: expect.stringContaining('Patient') });
  });

  it('rejects an unresolved bundle-internal reference and a malformed one', () => {
    const encounter = { resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/p1' } };
    expect(validateResource({ ...encounter, appointment: [{ reference: 'urn:uuid:1234' }] })).toMatchObject({ ok: false, field: 'appointment[0].reference' });
    expect(validateResource({ ...encounter, appointment: [{ reference: 'Appointment/' }] })).toMatchObject({ ok: false, field: 'appointment[0].reference' });
  });

  it('keeps references it cannot check: contained, absolute, and types the platform does not hold', () => {
    const encounter = {
      resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/p1' },
      location: [{ location: { reference: 'Location/l1' } }], serviceProvider: { reference: 'https://example.org/fhir/Organization/x' },
      reasonReference: [{ reference: '#c1' }],
    };
    expect(validateResource(encounter)).toMatchObject({ ok: true, references: [{ type: 'Patient', id: 'p1' }] });
  });

  it('refuses things that are not resources', () => {
    expect(validateResource([])).toMatchObject({ ok: false });
    expect(validateResource('text')).toMatchObject({ ok: false });
    expect(validateResource({ id: 'x' })).toMatchObject({ ok: false, field: 'resourceType' });
  });
});
