import { extension, intramuscularRoute, system } from '@continuity/domain';

/**
 * People whose engagement the disengaged worklist must judge exactly, as of 30 June 2026 (BST):
 * - dora (North CMHT, plan every 14 days): last seen 20 May, then missed 3 and 17 June around a
 *   service cancellation; a booked appointment ahead. Two reasons.
 * - fay (South CMHT): seen 28 June, but her depot was due 7 June and she stopped olanzapine
 *   against advice. Two reasons.
 * - eli (North, intensive care, no plan frequency): last seen 22 June, day 8 of 7. One reason.
 * - jon (North, intensive): last seen 23 June, day 7 of 7: on time.
 * - gus (North): missed two appointments, then attended on 25 June: engaged again.
 * - hal: discharged in January; not held, not listed however long since contact.
 * - ivy: died on 1 June; never listed.
 */
export const AS_OF = '2026-06-30';
export const DISENGAGED_NHS = { dora: '9990001006', fay: '9990001014', eli: '9990001022', jon: '9990001030', gus: '9990001049', hal: '9990001057', ivy: '9990001065' } as const;

const north = { reference: 'Organization/team-north' };
const south = { reference: 'Organization/team-south' };
const kw = { reference: 'Practitioner/kw-1' };
const pt = (id: string) => ({ reference: `Patient/${id}` });
const intensity = (code: string) => [{ coding: [{ system: system.careIntensity, code }] }];

const episode = (id: string, person: string, team: typeof north, care: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'EpisodeOfCare', id, status: 'active', patient: pt(person), managingOrganization: team, careManager: kw, type: intensity(care), period: { start: '2025-09-01' }, ...more,
});
const appointment = (id: string, person: string, status: string, start: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Appointment', id, status, start, participant: [{ actor: pt(person), status: 'accepted' }, { actor: kw, status: 'accepted' }], ...more,
});
const contact = (id: string, person: string, start: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Encounter', id, status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: pt(person), period: { start }, ...more,
});
const patient = (id: string, family: string, given: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: DISENGAGED_NHS[id as keyof typeof DISENGAGED_NHS] }], name: [{ family, given: [given] }], ...more,
});

export function disengagementScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Practitioner: [{ resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }] }],
    PractitionerRole: [
      { resourceType: 'PractitionerRole', id: 'kw-1-role', practitioner: kw, organization: north, code: [{ coding: [{ system: system.staffRole, code: 'care-coordinator' }] }] },
    ],
    Patient: [
      patient('dora', 'Dunn', 'Dora'),
      patient('fay', 'Fields', 'Fay'),
      patient('eli', 'Evans', 'Eli'),
      patient('jon', 'Jones', 'Jon'),
      patient('gus', 'Green', 'Gus'),
      patient('hal', 'Hart', 'Hal'),
      patient('ivy', 'Ives', 'Ivy', { deceasedDateTime: '2026-06-01T09:00:00Z' }),
    ],
    EpisodeOfCare: [
      episode('dora-eoc', 'dora', north, 'standard'),
      episode('fay-eoc', 'fay', south, 'standard'),
      episode('eli-eoc', 'eli', north, 'intensive'),
      episode('jon-eoc', 'jon', north, 'intensive'),
      episode('gus-eoc', 'gus', north, 'standard'),
      episode('hal-eoc', 'hal', north, 'standard', { status: 'finished', period: { start: '2025-01-10', end: '2026-01-15' } }),
      episode('ivy-eoc', 'ivy', north, 'standard', { status: 'finished', period: { start: '2025-09-01', end: '2026-06-01' } }),
    ],
    Appointment: [
      appointment('dora-a1', 'dora', 'fulfilled', '2026-05-20T09:00:00Z'),
      appointment('dora-a2', 'dora', 'noshow', '2026-06-03T09:00:00Z'),
      appointment('dora-a3', 'dora', 'cancelled', '2026-06-10T09:00:00Z', { cancelationReason: { coding: [{ system: system.appointmentCancellationReason, code: 'prov' }] } }),
      appointment('dora-a4', 'dora', 'noshow', '2026-06-17T09:00:00Z'),
      appointment('dora-a5', 'dora', 'booked', '2026-07-01T09:00:00Z'),
      appointment('gus-a1', 'gus', 'noshow', '2026-06-01T10:00:00Z'),
      appointment('gus-a2', 'gus', 'noshow', '2026-06-15T10:00:00Z'),
      appointment('gus-a3', 'gus', 'fulfilled', '2026-06-25T10:00:00Z'),
      appointment('eli-a1', 'eli', 'noshow', '2026-06-26T10:00:00Z'),
    ],
    Encounter: [
      contact('dora-c1', 'dora', '2026-05-20T09:00:00Z', { appointment: [{ reference: 'Appointment/dora-a1' }] }),
      contact('fay-c1', 'fay', '2026-06-28T14:00:00Z'),
      contact('eli-c1', 'eli', '2026-06-22T15:00:00Z'),
      contact('jon-c1', 'jon', '2026-06-23T15:00:00Z'),
      contact('gus-c1', 'gus', '2026-06-25T10:00:00Z', { appointment: [{ reference: 'Appointment/gus-a3' }] }),
      contact('hal-c1', 'hal', '2025-12-01T10:00:00Z'),
      // After the as-of date: must not count.
      contact('dora-c2', 'dora', '2026-07-02T10:00:00Z'),
    ],
    MedicationRequest: [
      {
        resourceType: 'MedicationRequest', id: 'fay-depot', status: 'active', intent: 'order', subject: pt('fay'), authoredOn: '2026-01-10',
        medicationCodeableConcept: { text: 'Paliperidone palmitate injection', coding: [{ system: system.atc, code: 'N05AX13' }] },
        dosageInstruction: [{ route: { coding: [intramuscularRoute] }, timing: { repeat: { frequency: 1, period: 28, periodUnit: 'd' } } }],
      },
      {
        resourceType: 'MedicationRequest', id: 'fay-olanzapine', status: 'active', intent: 'order', subject: pt('fay'), authoredOn: '2026-01-10',
        medicationCodeableConcept: { text: 'Olanzapine', coding: [{ system: system.atc, code: 'N05AH03' }] },
      },
    ],
    MedicationStatement: [
      {
        resourceType: 'MedicationStatement', id: 'fay-olanzapine-stopped', status: 'stopped', subject: pt('fay'), basedOn: [{ reference: 'MedicationRequest/fay-olanzapine' }],
        statusReason: [{ coding: [{ system: system.medicationStatusReason, code: 'stopped-against-advice' }], text: 'Stopped because of weight gain' }],
        medicationCodeableConcept: { text: 'Olanzapine' }, effectivePeriod: { start: '2026-01-10', end: '2026-05-02' }, dateAsserted: '2026-05-12',
      },
    ],
    MedicationAdministration: [
      { resourceType: 'MedicationAdministration', id: 'fay-dose-1', status: 'completed', subject: pt('fay'), effectiveDateTime: '2026-04-12T10:00:00Z', request: { reference: 'MedicationRequest/fay-depot' }, medicationCodeableConcept: { text: 'Paliperidone palmitate injection' } },
      { resourceType: 'MedicationAdministration', id: 'fay-dose-2', status: 'completed', subject: pt('fay'), effectiveDateTime: '2026-05-10T10:00:00Z', request: { reference: 'MedicationRequest/fay-depot' }, medicationCodeableConcept: { text: 'Paliperidone palmitate injection' } },
    ],
    CarePlan: [
      {
        resourceType: 'CarePlan', id: 'dora-plan', status: 'active', intent: 'plan', subject: pt('dora'), period: { start: '2025-09-15' },
        category: [{ coding: [{ system: system.carePlanCategory, code: 'care-plan' }] }],
        extension: [{ url: extension.contactFrequency, valueDuration: { value: 14, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } }],
      },
      // A safety plan is not the care plan: its (odd) frequency must be ignored.
      {
        resourceType: 'CarePlan', id: 'dora-safety', status: 'active', intent: 'plan', subject: pt('dora'), period: { start: '2026-01-01' },
        category: [{ coding: [{ system: system.carePlanCategory, code: 'safety-plan' }] }],
        extension: [{ url: extension.contactFrequency, valueDuration: { value: 90, code: 'd' } }],
      },
    ],
  };
}

/** The list as of 30 June 2026, exactly. */
export const expectedItems = [
  {
    patient: { id: 'dora', nhsNumber: DISENGAGED_NHS.dora },
    reasons: [
      { code: 'no-contact-within-interval', text: 'No attended contact for 41 days (last on 20 May); the care plan asks for one every 14 days.', evidence: ['Encounter/dora-c1', 'CarePlan/dora-plan'] },
      { code: 'consecutive-dna', text: 'Missed the last 2 appointments (3 Jun, 17 Jun) with no attended contact since.', evidence: ['Appointment/dora-a2', 'Appointment/dora-a4'] },
    ],
  },
  {
    patient: { id: 'fay', nhsNumber: DISENGAGED_NHS.fay },
    reasons: [
      { code: 'lai-missed', text: 'Paliperidone palmitate injection is 23 days overdue (due 7 Jun, every 28 days; last given 10 May).', evidence: ['MedicationRequest/fay-depot', 'MedicationAdministration/fay-dose-2'] },
      {
        code: 'medication-stopped-against-advice',
        text: 'Stopped Olanzapine against advice on 2 May (recorded 12 May): "Stopped because of weight gain".',
        evidence: ['MedicationStatement/fay-olanzapine-stopped', 'MedicationRequest/fay-olanzapine'],
      },
    ],
  },
  {
    patient: { id: 'eli', nhsNumber: DISENGAGED_NHS.eli },
    reasons: [{ code: 'no-contact-within-interval', text: 'No attended contact for 8 days (last on 22 Jun); people in intensive community care should be seen at least every 7 days.', evidence: ['Encounter/eli-c1'] }],
  },
];
