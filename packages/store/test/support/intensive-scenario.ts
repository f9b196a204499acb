import { extension, system, type WorklistItem } from '@continuity/domain';

/**
 * People the intensive-review worklist must judge exactly, as of 30 June 2026 (docs/intensive-care.md):
 * - ada (North): paranoid schizophrenia; admitted Jan 2025 and Mar 2026, detained under section 3
 *   in March; her mother raised a concern in May: listed, four indicators.
 * - ben (South): no psychosis diagnosis but prescribed olanzapine; alcohol dependence; homeless and
 *   in financial hardship: listed, three.
 * - hal (South): psychosis (ICD-10 F29 only); taken on in January and never seen (on the disengaged
 *   worklist); the police raised a concern in June: listed, three.
 * - ivy (waiting for North): schizophrenia, a section 2 in 2024, an arrest: listed, three.
 * - cal (North): schizophrenia and AUDIT-C 9: psychosis and one other, not listed.
 * - dee (North): detained, carer concern, police contact, but no psychosis: not listed.
 * - eve (North, in assertive care) and fay (held by the assertive outreach team): already in
 *   intensive or assertive care, not listed.
 * - gus (North): died on 1 June: not listed.
 */
export const INTENSIVE_AS_OF = '2026-06-30';
export const INTENSIVE_NHS = {
  ada: '9990004013', ben: '9990004021', hal: '9990004048', ivy: '9990004056', cal: '9990004064', dee: '9990004072', eve: '9990004080', fay: '9990004099', gus: '9990004102',
} as const;
type Person = keyof typeof INTENSIVE_NHS;

const pt = (id: string) => ({ reference: `Patient/${id}` });
const org = (id: string) => ({ reference: `Organization/${id}` });
const snomed = (code: string, display: string) => ({ coding: [{ system: system.snomed, code, display }] });
const patient = (id: Person, given: string, family: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: INTENSIVE_NHS[id] }], name: [{ family, given: [given] }], gender: 'male', birthDate: '1988-04-01', ...more,
});
const episode = (person: Person, team: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'active', patient: pt(person), managingOrganization: org(team), period: { start: '2024-01-01' }, ...more,
});
const seen = (person: Person, team: string) => ({
  resourceType: 'Encounter', id: `${person}-seen`, status: 'finished', subject: pt(person), class: { system: system.v3ActCode, code: 'HH' },
  period: { start: '2026-06-20T10:00:00+01:00', end: '2026-06-20T11:00:00+01:00' }, serviceProvider: org(team),
});
const admission = (id: string, person: Person, start: string, end: string) => ({
  resourceType: 'Encounter', id, status: 'finished', subject: pt(person), class: { system: system.v3ActCode, code: 'IMP' }, period: { start, end }, serviceProvider: org('trust'),
});
const schizophrenia = (person: Person) => ({
  resourceType: 'Condition', id: `${person}-scz`, subject: pt(person), code: snomed('58214004', 'Schizophrenia'), recordedDate: '2023-05-01',
});
const legal = (id: string, person: Person, code: '02' | '03', start: string, end: string) => ({
  resourceType: 'Flag', id, status: 'inactive', subject: pt(person), period: { start, end },
  category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }], code: { coding: [{ system: system.mhaLegalStatus, code }] },
});
const flag = (id: string, person: Person, category: 'red-flag' | 'social-need', code: string, start: string, text: string) => ({
  resourceType: 'Flag', id, status: 'active', subject: pt(person), period: { start },
  category: [{ coding: [{ system: system.flagCategory, code: category }] }], code: { coding: [{ system: system.redFlag, code }], text },
});
const concern = (id: string, person: Person, code: 'carer-concern' | 'partner-concern', sender: string, sent: string, recipient: string) => ({
  resourceType: 'Communication', id, status: 'completed', subject: pt(person), sent, sender: { reference: sender }, recipient: [org(recipient)],
  category: [{ coding: [{ system: system.communicationCategory, code }] }], payload: [{ contentString: 'Worried about how things are going.' }],
});
const orgType = (code: string) => [{ coding: [{ system: system.organisationType, code }] }];

export function intensiveScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: orgType('trust') },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: org('trust'), type: orgType('cmht') },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: org('trust'), type: orgType('cmht') },
      { resourceType: 'Organization', id: 'team-aot', name: 'Assertive Outreach Team', partOf: org('trust'), type: orgType('aot') },
      { resourceType: 'Organization', id: 'police', name: 'Northshire Police', type: orgType('police') },
    ],
    Patient: [
      patient('ada', 'Ada', 'Ash', { gender: 'female' }),
      patient('ben', 'Ben', 'Birch', { extension: [{ url: extension.accommodationStatus, valueCodeableConcept: { coding: [{ system: system.accommodationStatus, code: 'homeless' }] } }] }),
      patient('hal', 'Hal', 'Hazel'),
      patient('ivy', 'Ivy', 'Iles', { gender: 'female' }),
      patient('cal', 'Cal', 'Cedar'),
      patient('dee', 'Dee', 'Dogwood', { gender: 'female' }),
      patient('eve', 'Eve', 'Elm', { gender: 'female' }),
      patient('fay', 'Fay', 'Fir', { gender: 'female' }),
      patient('gus', 'Gus', 'Gorse', { deceasedDateTime: '2026-06-01T09:00:00Z' }),
    ],
    RelatedPerson: [
      { resourceType: 'RelatedPerson', id: 'ada-mother', patient: pt('ada'), name: [{ family: 'Ash', given: ['Alma'] }], relationship: [{ coding: [{ system: system.v3RoleCode, code: 'MTH' }] }] },
      { resourceType: 'RelatedPerson', id: 'dee-sister', patient: pt('dee'), name: [{ family: 'Dogwood', given: ['Di'] }], relationship: [{ coding: [{ system: system.v3RoleCode, code: 'SIS' }] }] },
    ],
    ServiceRequest: [
      { resourceType: 'ServiceRequest', id: 'ivy-ref', status: 'active', intent: 'order', subject: pt('ivy'), authoredOn: '2026-06-10', performer: [org('team-north')] },
    ],
    EpisodeOfCare: [
      episode('ada', 'team-north', { type: [{ coding: [{ system: system.careIntensity, code: 'standard' }] }] }),
      episode('ben', 'team-south'),
      episode('hal', 'team-south', { period: { start: '2026-01-01' } }),
      episode('cal', 'team-north'),
      episode('dee', 'team-north'),
      episode('eve', 'team-north', { type: [{ coding: [{ system: system.careIntensity, code: 'assertive' }] }] }),
      episode('fay', 'team-aot'),
      episode('gus', 'team-north'),
    ],
    Encounter: [
      ...(['ada', 'ben', 'cal', 'dee', 'eve', 'gus'] as const).map((p) => seen(p, p === 'ben' ? 'team-south' : 'team-north')),
      seen('fay', 'team-aot'),
      admission('ada-adm-1', 'ada', '2025-01-10', '2025-02-01'),
      admission('ada-adm-2', 'ada', '2026-03-05', '2026-04-01'),
      // Admitted 24 months and a day before: outside the look-back.
      admission('cal-adm-1', 'cal', '2024-06-29', '2024-07-10'),
      admission('cal-adm-2', 'cal', '2026-02-01', '2026-02-20'),
    ],
    Condition: [
      { ...schizophrenia('ada'), id: 'ada-scz', code: snomed('35252006', 'Paranoid schizophrenia') },
      { resourceType: 'Condition', id: 'ben-alcohol', subject: pt('ben'), code: { coding: [{ system: system.icd10, code: 'F10.2', display: 'Alcohol dependence' }] }, recordedDate: '2025-09-01' },
      { resourceType: 'Condition', id: 'hal-psychosis', subject: pt('hal'), code: { coding: [{ system: system.icd10, code: 'F29', display: 'Unspecified nonorganic psychosis' }] }, recordedDate: '2026-01-05' },
      schizophrenia('ivy'), schizophrenia('cal'), schizophrenia('eve'), schizophrenia('fay'), schizophrenia('gus'),
    ],
    MedicationRequest: [
      {
        resourceType: 'MedicationRequest', id: 'ben-olanzapine', status: 'active', intent: 'order', subject: pt('ben'), authoredOn: '2026-01-15',
        medicationCodeableConcept: { coding: [{ system: system.atc, code: 'N05AH03' }], text: 'Olanzapine 10mg tablets' },
      },
    ],
    Observation: [
      {
        resourceType: 'Observation', id: 'cal-auditc', status: 'final', subject: pt('cal'), effectiveDateTime: '2026-04-01',
        code: { coding: [{ system: system.loinc, code: '75626-2', display: 'Total score [AUDIT-C]' }] }, valueInteger: 9,
      },
    ],
    Flag: [
      legal('ada-s3', 'ada', '03', '2026-03-05', '2026-04-01'),
      flag('ben-money', 'ben', 'social-need', 'financial-hardship', '2026-02-01', 'Benefits stopped; rent arrears'),
      legal('ivy-s2', 'ivy', '02', '2024-08-01', '2024-08-29'),
      flag('ivy-arrest', 'ivy', 'red-flag', 'arrest', '2025-11-03', 'Arrested after a fight'),
      legal('dee-s3', 'dee', '03', '2025-02-01', '2025-05-01'),
      flag('dee-police', 'dee', 'red-flag', 'police-contact', '2025-06-01', 'Police welfare check'),
      legal('eve-s2', 'eve', '02', '2025-03-01', '2025-03-29'),
      flag('eve-police', 'eve', 'red-flag', 'police-contact', '2025-06-01', 'Police welfare check'),
      legal('fay-s3', 'fay', '03', '2025-03-01', '2025-06-01'),
      flag('fay-mappa', 'fay', 'red-flag', 'mappa', '2025-06-01', 'MAPPA category 2'),
      legal('gus-s3', 'gus', '03', '2025-03-01', '2025-06-01'),
      flag('gus-offending', 'gus', 'red-flag', 'offending', '2020-01-01', 'Conviction for assault'),
    ],
    Communication: [
      concern('ada-concern', 'ada', 'carer-concern', 'RelatedPerson/ada-mother', '2026-05-12T18:00:00+01:00', 'team-north'),
      concern('dee-concern', 'dee', 'carer-concern', 'RelatedPerson/dee-sister', '2026-05-12T18:00:00+01:00', 'team-north'),
      concern('hal-police', 'hal', 'partner-concern', 'Organization/police', '2026-06-02T09:00:00+01:00', 'team-south'),
    ],
  };
}

const reason = (code: string, text: string, ...evidence: string[]) => ({ code, text, evidence });

/** The worklist's items as of 30 June 2026: most indicators first, then by id. */
export const expectedIntensiveItems: WorklistItem[] = [
  {
    patient: { id: 'ada', nhsNumber: INTENSIVE_NHS.ada },
    reasons: [
      reason('psychosis', 'Psychosis diagnosed: Paranoid schizophrenia (F20.0), recorded 1 May 2023.', 'Condition/ada-scz'),
      reason('repeated-admissions', '2 admissions to hospital in the 24 months to 30 Jun: admitted 10 Jan 2025 and 5 Mar.', 'Encounter/ada-adm-1', 'Encounter/ada-adm-2'),
      reason('mha-history', 'Mental Health Act history: detained under section 3 from 5 Mar.', 'Flag/ada-s3'),
      reason('carer-concern', 'A concern raised by a carer or family member in the last 12 months: on 12 May.', 'Communication/ada-concern'),
    ],
  },
  {
    patient: { id: 'ben', nhsNumber: INTENSIVE_NHS.ben },
    reasons: [
      reason('psychosis', 'Presenting with psychosis, no psychosis diagnosis recorded: prescribed Olanzapine 10mg tablets (an antipsychotic, prescribed 15 Jan).', 'MedicationRequest/ben-olanzapine'),
      reason('substance-use', 'Substance use diagnosed: Alcohol dependence (F10.2), recorded 1 Sep 2025.', 'Condition/ben-alcohol'),
      reason('multiple-social-needs', '2 social needs: housing (accommodation recorded as homeless), finances (financial hardship since 1 Feb).', 'Patient/ben', 'Flag/ben-money'),
    ],
  },
  {
    patient: { id: 'hal', nhsNumber: INTENSIVE_NHS.hal },
    reasons: [
      reason('psychosis', 'Psychosis diagnosed: Unspecified nonorganic psychosis (F29), recorded 5 Jan.', 'Condition/hal-psychosis'),
      reason(
        'disengagement',
        'On the disengaged worklist: No attended contact in the 180 days since this episode of care began on 1 Jan; with no contact frequency in a care plan, contact is due at least every 28 days.',
        'EpisodeOfCare/hal-eoc',
      ),
      reason('justice-contact', 'Contact with the criminal justice system. The police raised a concern on 2 Jun.', 'Communication/hal-police'),
    ],
  },
  {
    patient: { id: 'ivy', nhsNumber: INTENSIVE_NHS.ivy },
    reasons: [
      reason('psychosis', 'Psychosis diagnosed: Schizophrenia (F20.9), recorded 1 May 2023.', 'Condition/ivy-scz'),
      reason('mha-history', 'Mental Health Act history: detained under section 2 from 1 Aug 2024.', 'Flag/ivy-s2'),
      reason('justice-contact', 'Contact with the criminal justice system. Red flags from history: arrested (3 Nov 2025).', 'Flag/ivy-arrest'),
    ],
  },
];
