import { describe, expect, it } from 'vitest';
import {
  extension,
  intramuscularRoute,
  medicineHistory,
  prescribeMedicine,
  recordInjection,
  recordMedicineStatement,
  stopPrescription,
  system,
  validateResource,
  type PrescriptionEntry,
} from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

// 1 July 2026, 00:30 in England (30 June 23:30 UTC, British Summer Time).
const NOW = new Date('2026-06-30T23:30:00Z');
const ID = '5d2e8b3f-0c4a-4f7b-9e2d-3c4b5d6e7f80';
const entry = (more: Partial<PrescriptionEntry> = {}): PrescriptionEntry => ({ id: ID, personId: 'lena', medicine: 'lithium', dose: ' 800 mg at night ', date: '2026-06-01', practitionerId: 'presc-1', ...more });
const prescribed = (more: Partial<PrescriptionEntry> = {}) => {
  const outcome = prescribeMedicine(entry(more), NOW);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.resource as Record<string, any>;
};
const problemsOf = (more: Partial<PrescriptionEntry>) => {
  const outcome = prescribeMedicine(entry(more), NOW);
  return outcome.ok ? [] : outcome.problems.map((p) => p.field);
};
const ok = <T extends { ok: boolean }>(outcome: T) => {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome));
  return (outcome as unknown as { resource: Record<string, any> }).resource;
};

describe('prescribing a medicine in the app', () => {
  it('writes an oral medicine as an active MedicationRequest with ATC and SNOMED CT codes, the dose as text and the oral route', () => {
    const resource = prescribed({ medicine: 'olanzapine', dose: '10 mg at night' });
    expect(resource).toEqual({
      resourceType: 'MedicationRequest',
      id: ID,
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [{ system: system.atc, code: 'N05AH03', display: 'Olanzapine' }, { system: system.snomed, code: '386849001', display: 'Olanzapine' }],
        text: 'Olanzapine',
      },
      subject: { reference: 'Patient/lena' },
      authoredOn: '2026-06-01',
      requester: { reference: 'Practitioner/presc-1' },
      dosageInstruction: [{ text: '10 mg at night', route: { coding: [{ system: system.snomed, code: '26643006', display: 'Oral route' }] } }],
    });
    expect(fhirR4SchemaErrors(resource)).toEqual([]);
    expect(validateResource(resource, 'MedicationRequest').ok).toBe(true);
  });

  it('gives a long-acting injection the intramuscular route and its interval, the licensed one when none is typed', () => {
    expect(prescribed({ medicine: 'paliperidone-palmitate' }).dosageInstruction[0]).toEqual({
      text: '800 mg at night', route: { coding: [intramuscularRoute] }, timing: { repeat: { frequency: 1, period: 28, periodUnit: 'd' } },
    });
    expect(prescribed({ medicine: 'zuclopenthixol-decanoate', intervalDays: '21' }).dosageInstruction[0].timing.repeat.period).toBe(21);
  });

  it('refuses an injection interval shorter than the licence or longer than 91 days, and an interval for a tablet', () => {
    expect(problemsOf({ medicine: 'paliperidone-palmitate', intervalDays: 27 })).toEqual(['intervalDays']);
    expect(problemsOf({ medicine: 'paliperidone-palmitate', intervalDays: 28 })).toEqual([]);
    expect(problemsOf({ medicine: 'paliperidone-palmitate', intervalDays: 91 })).toEqual([]);
    expect(problemsOf({ medicine: 'paliperidone-palmitate', intervalDays: 92 })).toEqual(['intervalDays']);
    expect(problemsOf({ medicine: 'paliperidone-palmitate', intervalDays: '4 weeks' })).toEqual(['intervalDays']);
    expect(problemsOf({ medicine: 'lithium', intervalDays: 28 })).toEqual(['intervalDays']);
  });

  it('names every problem by its field: unknown medicine, no dose, a future or impossible day', () => {
    expect(problemsOf({ medicine: 'aspirin', dose: '  ', date: '2026-07-02' })).toEqual(['medicine', 'dose', 'date']);
    expect(problemsOf({ date: '2026-02-30' })).toEqual(['date']);
    // Today in England is 1 July although it is still 30 June in UTC.
    expect(problemsOf({ date: '2026-07-01' })).toEqual([]);
    expect(problemsOf({ dose: 'x'.repeat(201) })).toEqual(['dose']);
  });
});

describe('stopping a prescription, and what the person says', () => {
  const lithium = () => prescribed();

  it('stops a current prescription with the prescriber’s reason and the day, and refuses to stop it twice', () => {
    const stopped = ok(stopPrescription(lithium(), { date: '2026-06-20', reason: 'Renal function falling' }, NOW));
    expect(stopped.status).toBe('stopped');
    expect(stopped.statusReason).toEqual({ coding: [{ system: system.medicationStatusReason, code: 'clinician-stopped', display: 'Stopped by the prescriber' }], text: 'Renal function falling' });
    expect(stopped.extension).toEqual([{ url: extension.stoppedOn, valueDate: '2026-06-20' }]);
    expect(fhirR4SchemaErrors(stopped)).toEqual([]);
    const again = stopPrescription(stopped, { date: '2026-06-21', reason: 'Again' }, NOW);
    expect(again.ok ? [] : again.problems.map((p) => p.field)).toEqual(['status']);
  });

  it('refuses a stop before the prescription was written, or with no reason', () => {
    const outcome = stopPrescription(lithium(), { date: '2026-05-31', reason: ' ' }, NOW);
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.field)).toEqual(['date', 'reason']);
  });

  it('records the person stopping against advice in their own words, based on the prescription', () => {
    const statement = ok(recordMedicineStatement(lithium(), { id: 'st-1', personId: 'lena', kind: 'stopped-against-advice', date: '2026-06-25', note: 'It makes me shake' }, NOW));
    expect(statement).toMatchObject({
      resourceType: 'MedicationStatement',
      status: 'stopped',
      basedOn: [{ reference: `MedicationRequest/${ID}` }],
      statusReason: [{ coding: [{ system: system.medicationStatusReason, code: 'stopped-against-advice' }], text: 'It makes me shake' }],
      effectivePeriod: { end: '2026-06-25' },
      dateAsserted: NOW.toISOString(),
    });
    expect(fhirR4SchemaErrors(statement)).toEqual([]);
    const taking = ok(recordMedicineStatement(lithium(), { id: 'st-2', personId: 'lena', kind: 'taking-again', date: '2026-06-30' }, NOW));
    expect(taking).toMatchObject({ status: 'active', effectivePeriod: { start: '2026-06-30' } });
  });
});

describe('injections given and not given', () => {
  const paliperidone = () => prescribed({ medicine: 'paliperidone-palmitate', dose: '100 mg every 28 days', date: '2026-03-01' });

  it('records a dose given as a completed MedicationAdministration against the prescription', () => {
    const dose = ok(recordInjection(paliperidone(), { id: 'ad-1', personId: 'lena', outcome: 'given', date: '2026-06-10', time: '10:30', practitionerId: 'kw-1' }, NOW));
    expect(dose).toEqual({
      resourceType: 'MedicationAdministration',
      id: 'ad-1',
      status: 'completed',
      medicationCodeableConcept: paliperidone().medicationCodeableConcept,
      subject: { reference: 'Patient/lena' },
      effectiveDateTime: '2026-06-10T10:30:00+01:00',
      performer: [{ actor: { reference: 'Practitioner/kw-1' } }],
      request: { reference: `MedicationRequest/${ID}` },
      dosage: { text: '100 mg every 28 days', route: { coding: [intramuscularRoute] } },
    });
    expect(fhirR4SchemaErrors(dose)).toEqual([]);
  });

  it('needs a reason when a dose was not given, and refuses tablets, stopped prescriptions and days before the prescription', () => {
    const fields = (outcome: ReturnType<typeof recordInjection>) => (outcome.ok ? [] : outcome.problems.map((p) => p.field));
    expect(fields(recordInjection(paliperidone(), { id: 'ad-2', personId: 'lena', outcome: 'not-given', date: '2026-06-10' }, NOW))).toEqual(['reason']);
    expect(ok(recordInjection(paliperidone(), { id: 'ad-2', personId: 'lena', outcome: 'not-given', date: '2026-06-10', notGivenReason: 'declined' }, NOW))).toMatchObject({ status: 'not-done', statusReason: [{ text: 'Declined by the person' }] });
    expect(fields(recordInjection(prescribed(), { id: 'ad-3', personId: 'lena', outcome: 'given', date: '2026-06-10' }, NOW))).toEqual(['request']);
    const stopped = ok(stopPrescription(paliperidone(), { date: '2026-06-01', reason: 'Changed to tablets' }, NOW));
    expect(fields(recordInjection(stopped, { id: 'ad-4', personId: 'lena', outcome: 'given', date: '2026-06-10' }, NOW))).toEqual(['status']);
    expect(fields(recordInjection(paliperidone(), { id: 'ad-5', personId: 'lena', outcome: 'given', date: '2026-02-28' }, NOW))).toEqual(['date']);
  });
});

describe('a person’s medicines as the record shows them', () => {
  it('lists current before past, with the next injection due by the lai-missed rule, overdue days, and doses given too soon', () => {
    const injection = prescribed({ id: 'inj', medicine: 'paliperidone-palmitate', dose: '100 mg every 28 days', date: '2026-03-01' });
    const old = ok(stopPrescription(prescribed({ id: 'old', medicine: 'olanzapine', dose: '10 mg', date: '2026-01-05' }), { date: '2026-02-01', reason: 'Weight gain' }, NOW));
    const lithium = prescribed({ id: 'li', date: '2026-04-01' });
    const dose = (id: string, date: string, outcome: 'given' | 'not-given' = 'given') =>
      ok(recordInjection(injection, { id, personId: 'lena', outcome, date, notGivenReason: outcome === 'given' ? null : 'not-seen' }, NOW));
    const said = ok(recordMedicineStatement(lithium, { id: 'st', personId: 'lena', kind: 'stopped-against-advice', date: '2026-06-01', note: 'I feel fine now' }, NOW));
    const history = medicineHistory([old, injection, lithium], [said], [dose('a1', '2026-05-01'), dose('a2', '2026-05-20'), dose('a3', '2026-06-17', 'not-given')], '2026-07-01');

    expect(history.map((m) => [m.id, m.current])).toEqual([['li', true], ['inj', true], ['old', false]]);
    expect(history[2]!.stopped).toEqual({ on: '2026-02-01', reason: 'Weight gain' });
    expect(history[0]!.personSays).toEqual({ statementId: 'st', stoppedAgainstAdvice: true, on: '2026-06-01', words: 'I feel fine now' });
    expect(history[1]!.injectionSchedule).toEqual({
      intervalDays: 28,
      lastGiven: '2026-05-20',
      nextDue: '2026-06-17',
      overdueDays: 14,
      doses: [
        { id: 'a3', date: '2026-06-17', given: false, reason: 'Not seen: did not attend or could not be found', soonerThanIntervalBy: null },
        { id: 'a2', date: '2026-05-20', given: true, reason: null, soonerThanIntervalBy: 19 },
        { id: 'a1', date: '2026-05-01', given: true, reason: null, soonerThanIntervalBy: null },
      ],
    });
  });
});
