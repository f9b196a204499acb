import { extension, system, type WorklistItem } from '@continuity/domain';

/**
 * Discharges the discharge-audit report must judge exactly, as another trust's system would send
 * them (docs/fhir.md, "Discharge"). North CMHT; the key worker is kw-1.
 * - pat (schizophrenia): discharged 9 Mar 2026 for non-attendance, nothing else recorded. Five reasons.
 * - rue (bipolar): discharged 20 Mar 2026, recovered, everything recorded. Not listed.
 * - sam (personality disorder): moved away, discharged 23:30 UTC on 31 Mar 2026 (1 Apr in England),
 *   with the MDT decision and relapse indicators but no harms or route back. Two reasons.
 * - yan (severe depression): discharged 15 Feb 2026 by a system that records no reason. Four reasons.
 * - tom (moderate depression): discharged for non-attendance; outside the group, not listed.
 * - uma (psychosis): discharged for non-attendance in December 2025, before the audited quarter.
 * - wes (psychosis refuted): discharged for non-attendance; the diagnosis was wrong, not listed.
 * - xan (psychosis): died; no discharge plan is asked for.
 * - val and kim (psychosis): still held (active episodes): not discharges; the API tests discharge them.
 */
export const DISCHARGE_NHS = { pat: '9990002002', rue: '9990002010', sam: '9990002029', yan: '9990002037', tom: '9990002045', uma: '9990002053', wes: '9990002061', xan: '9990002088', val: '9990002096', kim: '9990002118' } as const;
export const FROM = '2026-01-01';
export const TO = '2026-03-31';

type Person = keyof typeof DISCHARGE_NHS;
const north = { reference: 'Organization/team-north' };
const kw = { reference: 'Practitioner/kw-1' };
const pt = (id: string) => ({ reference: `Patient/${id}` });

const discharged = (person: Person, end: string, extensions: Array<Record<string, unknown>>, more: Record<string, unknown> = {}) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'finished', patient: pt(person), managingOrganization: north, careManager: kw,
  type: [{ coding: [{ system: system.careIntensity, code: 'standard' }] }], period: { start: '2024-05-01', end }, ...(extensions.length ? { extension: extensions } : {}), ...more,
});
const reason = (code: string) => ({ url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code }] } });
const mdt = (date: string) => ({ url: extension.mdtDecisionDate, valueDate: date });
const relapse = { url: extension.relapseIndicators, valueString: 'Stops sleeping and withdraws from family; stops taking lithium.' };
const harms = { url: extension.harmsIfRelapseMissed, valueString: 'In 2023 an unnoticed relapse led to debts and a section 3 admission.' };
const routeBack = { url: extension.routeBack, valueString: 'She, her partner or her GP can call the duty line for a review within a week; no new referral needed.' };
const condition = (person: Person, id: string, codeSystem: string, code: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Condition', id, subject: pt(person), code: { coding: [{ system: codeSystem, code }] }, ...more,
});

export function dischargeScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Practitioner: [{ resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }] }],
    PractitionerRole: [
      { resourceType: 'PractitionerRole', id: 'kw-1-role', practitioner: kw, organization: north, code: [{ coding: [{ system: system.staffRole, code: 'care-coordinator' }] }] },
    ],
    Patient: (Object.keys(DISCHARGE_NHS) as Person[]).map((id) => ({
      resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: DISCHARGE_NHS[id] }], name: [{ family: `${id[0]!.toUpperCase()}${id.slice(1)}son`, given: [id] }],
      ...(id === 'xan' ? { deceasedDateTime: '2026-02-10T08:00:00Z' } : {}),
    })),
    EpisodeOfCare: [
      discharged('pat', '2026-03-09', [reason('non-attendance')]),
      discharged('rue', '2026-03-20', [reason('recovered'), mdt('2026-03-12'), relapse, harms, routeBack]),
      discharged('sam', '2026-03-31T23:30:00Z', [reason('moved-away'), mdt('2026-03-25'), relapse]),
      discharged('yan', '2026-02-15', []),
      discharged('tom', '2026-02-01', [reason('non-attendance')]),
      discharged('uma', '2025-12-01', [reason('non-attendance')]),
      discharged('wes', '2026-02-02', [reason('non-attendance')]),
      discharged('xan', '2026-02-10', [reason('died')]),
      { ...discharged('val', '2026-03-01', []), status: 'active', period: { start: '2024-05-01' } },
      { ...discharged('kim', '2026-03-01', []), status: 'active', period: { start: '2025-01-01' } },
    ],
    Condition: [
      condition('pat', 'pat-scz', system.snomed, '58214004', { clinicalStatus: { coding: [{ system: system.conditionClinical, code: 'remission' }] } }),
      condition('pat', 'pat-alcohol', system.icd10, 'F10.2'),
      condition('rue', 'rue-bipolar', system.icd10, 'F31.3'),
      condition('sam', 'sam-eupd', system.snomed, '20010003'),
      condition('yan', 'yan-depression', system.icd10, 'F33.2'),
      condition('tom', 'tom-depression', system.icd10, 'F32.1'),
      condition('uma', 'uma-psychosis', system.icd10, 'F29'),
      condition('wes', 'wes-psychosis', system.icd10, 'F20.9', { verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' }] } }),
      condition('xan', 'xan-psychosis', system.icd10, 'F20.0'),
      condition('val', 'val-psychosis', system.icd10, 'F20.0'),
      condition('kim', 'kim-psychosis', system.snomed, '68890003'),
    ],
  };
}

const item = (person: Person, reasons: Array<[string, string]>, evidence: string[]): WorklistItem => ({
  patient: { id: person, nhsNumber: DISCHARGE_NHS[person] },
  reasons: reasons.map(([code, text]) => ({ code, text, evidence })),
});

/** The report from FROM to TO: oldest discharge first. */
export const expectedItems: WorklistItem[] = [
  item(
    'yan',
    [
      ['no-mdt-decision', 'Discharged on 15 Feb 2026 with no MDT decision recorded, for a person with severe depression.'],
      ['no-relapse-indicators', 'Discharged on 15 Feb 2026 with no relapse indicators recorded, for a person with severe depression.'],
      ['no-harms-if-missed', 'Discharged on 15 Feb 2026 with no known harms if relapse is missed recorded, for a person with severe depression.'],
      ['no-route-back', 'Discharged on 15 Feb 2026 with no route back into the service recorded, for a person with severe depression.'],
    ],
    ['EpisodeOfCare/yan-eoc', 'Condition/yan-depression'],
  ),
  item(
    'pat',
    [
      ['discharged-for-non-attendance', 'Discharged on 9 Mar 2026 for non-attendance: a person with psychosis should never be discharged for not attending.'],
      ['no-mdt-decision', 'Discharged on 9 Mar 2026 with no MDT decision recorded, for a person with psychosis.'],
      ['no-relapse-indicators', 'Discharged on 9 Mar 2026 with no relapse indicators recorded, for a person with psychosis.'],
      ['no-harms-if-missed', 'Discharged on 9 Mar 2026 with no known harms if relapse is missed recorded, for a person with psychosis.'],
      ['no-route-back', 'Discharged on 9 Mar 2026 with no route back into the service recorded, for a person with psychosis.'],
    ],
    ['EpisodeOfCare/pat-eoc', 'Condition/pat-scz'],
  ),
];

/** Sam, discharged on 1 April in England: in the next quarter, not this one. */
export const samItem: WorklistItem = item(
  'sam',
  [
    ['no-harms-if-missed', 'Discharged on 1 Apr 2026 with no known harms if relapse is missed recorded, for a person with personality disorder.'],
    ['no-route-back', 'Discharged on 1 Apr 2026 with no route back into the service recorded, for a person with personality disorder.'],
  ],
  ['EpisodeOfCare/sam-eoc', 'Condition/sam-eupd'],
);
