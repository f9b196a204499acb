import { extension, system } from '@continuity/domain';

/**
 * Transfers of care between two teams of one trust, and out of area (docs/transfers-of-care.md).
 * North CMHT (key worker kw-1) holds three people with psychosis; South CMHT (kw-2, kw-3) and
 * East CMHT hold nobody.
 * - val: intensive care; care plan, safety plan, an admission under section 3, a police red flag,
 *   her mother, clozapine. No crisis plan and no risk formulation: the packet says so.
 * - kim: standard care, nothing but the episode.
 * - ola: standard care; moving to Leeds, out of area.
 */
export const TRANSFER_NHS = { val: '9990002096', kim: '9990002118', ola: '9990003009' } as const;

type Person = keyof typeof TRANSFER_NHS;
const pt = (id: string) => ({ reference: `Patient/${id}` });
const org = (id: string) => ({ reference: `Organization/${id}` });
const team = (id: string, name: string) => ({ resourceType: 'Organization', id, name, partOf: org('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] });
const role = (practitioner: string, teamId: string) => ({
  resourceType: 'PractitionerRole', id: `${practitioner}-role`, practitioner: { reference: `Practitioner/${practitioner}` }, organization: org(teamId), code: [{ coding: [{ system: system.staffRole, code: 'care-coordinator' }] }],
});
const episode = (person: Person, intensity: string) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'active', patient: pt(person), managingOrganization: org('team-north'), careManager: { reference: 'Practitioner/kw-1' },
  type: [{ coding: [{ system: system.careIntensity, code: intensity }] }], period: { start: '2024-05-01' },
});
const plan = (id: string, category: string, description: string) => ({
  resourceType: 'CarePlan', id, status: 'active', intent: 'plan', subject: pt('val'), category: [{ coding: [{ system: system.carePlanCategory, code: category }] }],
  title: category === 'care-plan' ? 'My care plan' : 'My safety plan', description, created: '2026-01-10', author: { reference: 'Practitioner/kw-1' },
});

export function transferScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      team('team-north', 'North CMHT'),
      team('team-south', 'South CMHT'),
      team('team-east', 'East CMHT'),
    ],
    Practitioner: [
      { resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }] },
      { resourceType: 'Practitioner', id: 'kw-2', name: [{ family: 'Patel', given: ['Ravi'] }] },
      { resourceType: 'Practitioner', id: 'kw-3', name: [{ family: 'Byrne', given: ['Niamh'] }] },
    ],
    PractitionerRole: [role('kw-1', 'team-north'), role('kw-2', 'team-south'), role('kw-3', 'team-south')],
    Patient: (Object.keys(TRANSFER_NHS) as Person[]).map((id) => ({
      resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: TRANSFER_NHS[id] }], name: [{ family: `${id[0]!.toUpperCase()}${id.slice(1)}son`, given: [id[0]!.toUpperCase() + id.slice(1)] }],
    })),
    RelatedPerson: [
      { resourceType: 'RelatedPerson', id: 'val-mother', patient: pt('val'), name: [{ family: 'Valson', given: ['Anne'] }], relationship: [{ coding: [{ system: system.v3RoleCode, code: 'MTH' }] }], extension: [{ url: extension.isMainCarer, valueBoolean: true }] },
    ],
    EpisodeOfCare: [episode('val', 'intensive'), episode('kim', 'standard'), episode('ola', 'standard')],
    Encounter: [
      { resourceType: 'Encounter', id: 'val-admission', status: 'finished', class: { system: system.v3ActCode, code: 'IMP' }, subject: pt('val'), period: { start: '2025-03-01', end: '2025-04-02' }, serviceProvider: org('trust') },
    ],
    Condition: (Object.keys(TRANSFER_NHS) as Person[]).map((id) => ({ resourceType: 'Condition', id: `${id}-psychosis`, subject: pt(id), code: { coding: [{ system: system.icd10, code: 'F20.0' }] } })),
    MedicationRequest: [
      { resourceType: 'MedicationRequest', id: 'val-clozapine', status: 'active', intent: 'order', subject: pt('val'), medicationCodeableConcept: { coding: [{ system: system.atc, code: 'N05AH02' }], text: 'Clozapine 100mg tablets' }, authoredOn: '2025-04-01', dosageInstruction: [{ text: '300mg at night' }] },
    ],
    CarePlan: [
      plan('val-care-plan', 'care-plan', 'Weekly contact; help to keep my flat.'),
      plan('val-safety-plan', 'safety-plan', 'Warning signs: not sleeping, hearing voices more. Call my mum.'),
    ],
    Flag: [
      {
        resourceType: 'Flag', id: 'val-detention', status: 'inactive', subject: pt('val'), category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }],
        code: { coding: [{ system: system.mhaLegalStatus, code: '03' }] }, period: { start: '2025-03-01', end: '2025-04-02' }, encounter: { reference: 'Encounter/val-admission' },
      },
      {
        resourceType: 'Flag', id: 'val-police', status: 'active', subject: pt('val'), category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }],
        code: { coding: [{ system: system.redFlag, code: 'police-contact' }], text: 'Police called by neighbours, 2024' }, period: { start: '2024-08-01' },
      },
    ],
  };
}

/** Sign-in accounts for the transfer tests: username → role, team and practitioner. */
export const transferUsers = [
  { username: 'north-kw', role: 'key-worker', teams: ['team-north'], practitionerId: 'kw-1', displayName: 'Grace Okafor' },
  { username: 'north-mgr', role: 'team-manager', teams: ['team-north'], practitionerId: null, displayName: 'North manager' },
  { username: 'south-mgr', role: 'team-manager', teams: ['team-south'], practitionerId: null, displayName: 'South manager' },
  { username: 'south-kw', role: 'key-worker', teams: ['team-south'], practitionerId: 'kw-2', displayName: 'Ravi Patel' },
  { username: 'east-mgr', role: 'team-manager', teams: ['team-east'], practitionerId: null, displayName: 'East manager' },
] as const;
