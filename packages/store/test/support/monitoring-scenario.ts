import { system } from '@continuity/domain';

/**
 * People whose medicines monitoring the monitoring-overdue worklist must judge exactly, as of
 * 30 June 2026:
 * - lena (North, lithium since 5 Jan 2026): last level 2 Mar, due 1 Jun (3-monthly in year one).
 *   A level entered in error on 20 Jun and one on 2 Jul (after the day) do not count. Renal and
 *   thyroid done 2 Jan, due 3 Jul: on time.
 * - carl (South, clozapine since Jan 2025, so 4-weekly): last count 20 May, due 17 Jun. His
 *   physical checks (weight coded in SNOMED CT, blood pressure coded only by its components) were
 *   done in February.
 * - ola (North, olanzapine since 1 Oct 2025): baseline on 28 Sep; weight and blood pressure at
 *   12 weeks, but not glucose or lipids, due 24 Dec, nor prolactin, due at 6 months on 1 Apr.
 * - vera (South, 34, sodium valproate since 2024): last review 15 Jun 2025: the Pregnancy
 *   Prevention Programme review and the medication review are both due 15 Jun 2026.
 * - walt (North, a man on valproate, reviewed Sep 2025): nothing overdue.
 * - nina (North, sertraline since 1 Jan 2025): never reviewed; due 1 Jan 2026.
 * - pat: lithium stopped; dee: died in May. Neither is listed.
 */
export const AS_OF = '2026-06-30';
export const MONITORING_NHS = {
  lena: '9990002002', carl: '9990002010', ola: '9990002029', vera: '9990002037', walt: '9990002045', nina: '9990002053', pat: '9990002061', dee: '9990002088',
} as const;

const north = { reference: 'Organization/team-north' };
const south = { reference: 'Organization/team-south' };
const pt = (id: string) => ({ reference: `Patient/${id}` });
const loinc = (code: string) => ({ coding: [{ system: system.loinc, code }] });

const patient = (id: keyof typeof MONITORING_NHS, family: string, given: string, gender: string, birthDate: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: MONITORING_NHS[id] }], name: [{ family, given: [given] }], gender, birthDate, ...more,
});
const episode = (person: string, team: typeof north) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'active', patient: pt(person), managingOrganization: team, period: { start: '2024-01-01' },
});
const prescription = (id: string, person: string, atc: string, text: string, authoredOn: string, status = 'active') => ({
  resourceType: 'MedicationRequest', id, status, intent: 'order', subject: pt(person), authoredOn, medicationCodeableConcept: { text, coding: [{ system: system.atc, code: atc, display: text }] },
});
const result = (id: string, person: string, code: Record<string, unknown>, effectiveDateTime: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Observation', id, status: 'final', subject: pt(person), code, effectiveDateTime, ...more,
});
const review = (id: string, person: string, start: string) => ({
  resourceType: 'Encounter', id, status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: pt(person), period: { start },
  type: [{ coding: [{ system: system.snomed, code: '182836005', display: 'Review of medication' }] }],
});
const physical = (person: string, day: string, tests: string[]) =>
  tests.map((t) => {
    const codes: Record<string, Record<string, unknown>> = { weight: loinc('29463-7'), bp: loinc('85354-9'), hba1c: loinc('59261-8'), chol: loinc('2093-3'), prolactin: loinc('2842-3') };
    return result(`${person}-${t}${day === '2025-09-28' ? '' : `-${day}`}`, person, codes[t]!, day);
  });

export function monitoringScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Patient: [
      patient('lena', 'Lowe', 'Lena', 'female', '1970-02-02'),
      patient('carl', 'Cole', 'Carl', 'male', '1988-07-07'),
      patient('ola', 'Obi', 'Ola', 'female', '1960-01-01'),
      patient('vera', 'Vance', 'Vera', 'female', '1992-04-10'),
      patient('walt', 'Webb', 'Walt', 'male', '1980-03-03'),
      patient('nina', 'North', 'Nina', 'female', '1999-09-09'),
      patient('pat', 'Price', 'Pat', 'male', '1975-05-05'),
      patient('dee', 'Dale', 'Dee', 'female', '1970-08-08', { deceasedDateTime: '2026-05-01T09:00:00Z' }),
    ],
    EpisodeOfCare: [
      episode('lena', north), episode('carl', south), episode('ola', north), episode('vera', south), episode('walt', north), episode('nina', north), episode('pat', north), episode('dee', north),
    ],
    MedicationRequest: [
      prescription('lena-lithium', 'lena', 'N05AN01', 'Lithium carbonate', '2026-01-05'),
      prescription('carl-clozapine', 'carl', 'N05AH02', 'Clozapine', '2025-01-10'),
      prescription('ola-olanzapine', 'ola', 'N05AH03', 'Olanzapine', '2025-10-01'),
      prescription('vera-valproate', 'vera', 'N03AG01', 'Sodium valproate', '2024-05-01'),
      prescription('walt-valproate', 'walt', 'N03AG01', 'Sodium valproate', '2024-05-01'),
      prescription('nina-sertraline', 'nina', 'N06AB06', 'Sertraline', '2025-01-01'),
      prescription('pat-lithium', 'pat', 'N05AN01', 'Lithium carbonate', '2025-01-01', 'stopped'),
      prescription('dee-clozapine', 'dee', 'N05AH02', 'Clozapine', '2025-01-01'),
    ],
    Observation: [
      result('lena-level-1', 'lena', loinc('14334-7'), '2026-01-12T09:00:00Z'),
      result('lena-level-2', 'lena', loinc('14334-7'), '2026-03-02T09:00:00Z'),
      result('lena-level-error', 'lena', loinc('14334-7'), '2026-06-20T09:00:00+01:00', { status: 'entered-in-error' }),
      result('lena-level-later', 'lena', loinc('14334-7'), '2026-07-02T09:00:00+01:00'),
      result('lena-egfr', 'lena', loinc('62238-1'), '2026-01-02'),
      result('lena-tsh', 'lena', loinc('3016-3'), '2026-01-02'),
      result('carl-neut', 'carl', loinc('751-8'), '2026-05-20T09:00:00+01:00'),
      result('carl-wbc', 'carl', loinc('6690-2'), '2026-05-20T09:00:00+01:00'),
      result('carl-weight', 'carl', { coding: [{ system: system.snomed, code: '27113001', display: 'Body weight' }] }, '2026-02-01'),
      // Coded only by its components: the systolic reading makes it a blood pressure.
      result('carl-bp', 'carl', { text: 'Blood pressure' }, '2026-02-01', {
        component: [{ code: loinc('8480-6'), valueQuantity: { value: 124, unit: 'mm[Hg]' } }, { code: loinc('8462-4'), valueQuantity: { value: 78, unit: 'mm[Hg]' } }],
      }),
      result('carl-hba1c', 'carl', loinc('59261-8'), '2026-02-01'),
      result('carl-chol', 'carl', loinc('2093-3'), '2026-02-01'),
      result('carl-prolactin', 'carl', loinc('2842-3'), '2026-02-01'),
      ...physical('ola', '2025-09-28', ['weight', 'bp', 'hba1c', 'chol', 'prolactin']),
      ...physical('ola', '2025-12-20', ['weight', 'bp']),
      result('ola-hba1c-later', 'ola', loinc('59261-8'), '2026-07-05'),
    ],
    Encounter: [
      review('carl-review', 'carl', '2026-02-01T10:00:00Z'),
      review('vera-review', 'vera', '2025-06-15T10:00:00+01:00'),
      review('walt-review', 'walt', '2025-09-01T10:00:00+01:00'),
      review('lena-review', 'lena', '2026-01-05T10:00:00Z'),
      review('ola-review', 'ola', '2025-10-01T10:00:00+01:00'),
    ],
  };
}

const ola = (what: string) => `${what} 188 days overdue (due 24 Dec 2025, 12 weeks after starting; last on 28 Sep 2025).`;

/** The list as of 30 June 2026, exactly: most reasons first, then longest overdue. */
export const expectedItems = [
  {
    patient: { id: 'vera', nhsNumber: MONITORING_NHS.vera },
    reasons: [
      {
        code: 'valproate-review-overdue',
        text: 'On Sodium valproate since 1 May 2024; female, aged 34. Valproate Pregnancy Prevention Programme review 15 days overdue (due 15 Jun, every year; last on 15 Jun 2025).',
        evidence: ['MedicationRequest/vera-valproate', 'Encounter/vera-review'],
      },
      {
        code: 'medication-review-overdue',
        text: 'On Sodium valproate since 1 May 2024. Medication review 15 days overdue (due 15 Jun, every year; last on 15 Jun 2025).',
        evidence: ['MedicationRequest/vera-valproate', 'Encounter/vera-review'],
      },
    ],
  },
  {
    patient: { id: 'ola', nhsNumber: MONITORING_NHS.ola },
    reasons: [
      {
        code: 'antipsychotic-monitoring-overdue',
        text: `On Olanzapine since 1 Oct 2025. ${ola('Glucose or HbA1c')} ${ola('Lipids')} Prolactin 90 days overdue (due 1 Apr, 6 months after starting; last on 28 Sep 2025).`,
        evidence: ['MedicationRequest/ola-olanzapine', 'Observation/ola-hba1c', 'Observation/ola-chol', 'Observation/ola-prolactin'],
      },
    ],
  },
  {
    patient: { id: 'nina', nhsNumber: MONITORING_NHS.nina },
    reasons: [
      {
        code: 'medication-review-overdue',
        text: 'On Sertraline since 1 Jan 2025. Medication review 180 days overdue (due 1 Jan, a year after starting; none on record).',
        evidence: ['MedicationRequest/nina-sertraline'],
      },
    ],
  },
  {
    patient: { id: 'lena', nhsNumber: MONITORING_NHS.lena },
    reasons: [
      {
        code: 'lithium-level-overdue',
        text: 'On Lithium carbonate since 5 Jan. Lithium level 29 days overdue (due 1 Jun, every 3 months in the first year; last on 2 Mar).',
        evidence: ['MedicationRequest/lena-lithium', 'Observation/lena-level-2'],
      },
    ],
  },
  {
    patient: { id: 'carl', nhsNumber: MONITORING_NHS.carl },
    reasons: [
      {
        code: 'clozapine-fbc-overdue',
        text: 'On Clozapine since 10 Jan 2025. Full blood count (white cells and neutrophils) 13 days overdue (due 17 Jun, every 4 weeks after the first year; last on 20 May).',
        evidence: ['MedicationRequest/carl-clozapine', 'Observation/carl-neut'],
      },
    ],
  },
];
