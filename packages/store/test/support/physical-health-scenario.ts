import { system } from '@continuity/domain';

/**
 * People whose SMI annual physical health check the monitoring-overdue worklist and the team report
 * must judge exactly, as of 30 June 2026:
 * - sam (North, schizophrenia): all six parts on 1 Sep 2025: complete, not listed.
 * - bea (North, bipolar by ICD-10 F31.1): all six on 12 Mar 2025; BMI and blood pressure again on
 *   1 Feb 2026: partial, glucose, lipids, smoking and alcohol due 12 Mar 2026 (110 days overdue).
 *   Invited on 1 May 2026 (60 days before): not responded. A cholesterol on 2 Jul (after the day)
 *   does not count.
 * - tom (South, psychosis F20.0, held since 1 May 2026): nothing recorded (60 days since he was
 *   taken on); invited on 20 Jun, 10 days before: awaiting a response.
 * - gus (North, schizophrenia, olanzapine since 5 Jan 2026 with no baseline): antipsychotic
 *   monitoring overdue and the check partial: weight with a height from 2020 stands for BMI,
 *   blood pressure by its systolic component and fasting glucose on 20 Jan 2026; no lipids, smoking
 *   or alcohol ever.
 * - ivy (South, schizophrenia refuted), max (North, schizophrenia, discharged 1 Mar 2026), dan
 *   (North, severe depression only): none is asked for the check.
 */
export const PH_AS_OF = '2026-06-30';
export const PH_NHS = { sam: '9990003009', bea: '9990003017', tom: '9990003025', gus: '9990003033', ivy: '9990003041', max: '9990003068', dan: '9990003076' } as const;

type Person = keyof typeof PH_NHS;
const north = { reference: 'Organization/team-north' };
const south = { reference: 'Organization/team-south' };
const pt = (id: string) => ({ reference: `Patient/${id}` });
const loinc = (code: string) => ({ coding: [{ system: system.loinc, code }] });

const patient = (id: Person, family: string, given: string) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: PH_NHS[id] }], name: [{ family, given: [given] }], gender: 'male', birthDate: '1980-01-01',
});
const episode = (person: Person, team: typeof north, start = '2024-01-01', end?: string) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: end ? 'finished' : 'active', patient: pt(person), managingOrganization: team, period: { start, ...(end ? { end } : {}) },
});
const condition = (person: Person, coding: { system: string; code: string }, verification?: string) => ({
  resourceType: 'Condition', id: `${person}-dx`, subject: pt(person), code: { coding: [coding] },
  ...(verification ? { verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: verification }] } } : {}),
});
const schizophrenia = { system: system.snomed, code: '58214004' };
const result = (id: string, person: Person, code: Record<string, unknown>, effectiveDateTime: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Observation', id, status: 'final', subject: pt(person), code, effectiveDateTime, ...more,
});
const quantity = (value: number, unit: string) => ({ valueQuantity: { value, unit, system: system.ucum, code: unit } });
/** All six parts on one day, ids `<person>-<part>-<day>`. */
const fullCheck = (person: Person, day: string) => [
  result(`${person}-bmi-${day}`, person, loinc('39156-5'), day, quantity(27.4, 'kg/m2')),
  result(`${person}-bp-${day}`, person, loinc('85354-9'), day, {
    component: [{ code: loinc('8480-6'), ...quantity(128, 'mm[Hg]') }, { code: loinc('8462-4'), ...quantity(82, 'mm[Hg]') }],
  }),
  result(`${person}-hba1c-${day}`, person, loinc('59261-8'), day, quantity(41, 'mmol/mol')),
  result(`${person}-chol-${day}`, person, loinc('2093-3'), day, quantity(5.2, 'mmol/L')),
  result(`${person}-smoking-${day}`, person, loinc('72166-2'), day, { valueCodeableConcept: { coding: [{ system: system.snomed, code: '8517006', display: 'Ex-smoker' }] } }),
  result(`${person}-audit-${day}`, person, loinc('75626-2'), day, { valueInteger: 3 }),
];
const invitation = (id: string, person: Person, sent: string) => ({
  resourceType: 'Communication', id, status: 'completed', subject: pt(person), recipient: [pt(person)], sender: north, sent,
  category: [{ coding: [{ system: system.communicationCategory, code: 'physical-health-check-invitation' }] }],
  payload: [{ contentString: 'Invitation to your annual physical health check' }],
});

export function physicalHealthScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Patient: [patient('sam', 'Shaw', 'Sam'), patient('bea', 'Bell', 'Bea'), patient('tom', 'Tate', 'Tom'), patient('gus', 'Gray', 'Gus'), patient('ivy', 'Ives', 'Ivy'), patient('max', 'Mills', 'Max'), patient('dan', 'Dunn', 'Dan')],
    EpisodeOfCare: [
      episode('sam', north), episode('bea', north), episode('tom', south, '2026-05-01'), episode('gus', north), episode('ivy', south), episode('max', north, '2024-01-01', '2026-03-01'), episode('dan', north),
    ],
    Condition: [
      condition('sam', schizophrenia),
      condition('bea', { system: system.icd10, code: 'F31.1' }),
      condition('tom', { system: system.icd10, code: 'F20.0' }),
      condition('gus', schizophrenia),
      condition('ivy', schizophrenia, 'refuted'),
      condition('max', schizophrenia),
      condition('dan', { system: system.snomed, code: '76441001' }),
    ],
    MedicationRequest: [
      {
        resourceType: 'MedicationRequest', id: 'gus-olanzapine', status: 'active', intent: 'order', subject: pt('gus'), authoredOn: '2026-01-05',
        medicationCodeableConcept: { text: 'Olanzapine', coding: [{ system: system.atc, code: 'N05AH03', display: 'Olanzapine' }] },
      },
    ],
    Observation: [
      ...fullCheck('sam', '2025-09-01'),
      ...fullCheck('bea', '2025-03-12'),
      result('bea-bmi-2026', 'bea', loinc('39156-5'), '2026-02-01', quantity(28.1, 'kg/m2')),
      result('bea-bp-2026', 'bea', loinc('85354-9'), '2026-02-01', { component: [{ code: loinc('8480-6'), ...quantity(131, 'mm[Hg]') }, { code: loinc('8462-4'), ...quantity(84, 'mm[Hg]') }] }),
      result('bea-chol-later', 'bea', loinc('2093-3'), '2026-07-02', quantity(4.9, 'mmol/L')),
      result('gus-height', 'gus', loinc('8302-2'), '2020-05-05', quantity(178, 'cm')),
      result('gus-weight', 'gus', loinc('29463-7'), '2026-01-20', quantity(91, 'kg')),
      result('gus-bp', 'gus', { text: 'Blood pressure' }, '2026-01-20', { component: [{ code: loinc('8480-6'), ...quantity(135, 'mm[Hg]') }, { code: loinc('8462-4'), ...quantity(85, 'mm[Hg]') }] }),
      result('gus-glucose', 'gus', loinc('1558-6'), '2026-01-20', quantity(5.4, 'mmol/L')),
      ...fullCheck('max', '2024-06-01'),
    ],
    Communication: [invitation('bea-invite', 'bea', '2026-05-01T09:00:00+01:00'), invitation('tom-invite', 'tom', '2026-06-20T09:00:00+01:00')],
  };
}
