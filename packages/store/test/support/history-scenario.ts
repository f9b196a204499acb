import { ctoConditionSystem, extension, system } from '@continuity/domain';

/**
 * Two people for the history and the crisis "need to know" page (docs/history.md,
 * docs/crisis-need-to-know.md), read as of 30 June 2026 where a day matters:
 * - cara (North CMHT, intensive care, key worker Grace Okafor since Sep 2025 after Sam Patel):
 *   a crisis team visit and episode in March 2026, then an admission under section 3 for 24 days,
 *   now on a CTO with section 117 aftercare; an active police red flag; an unanswered concern from
 *   her sister and one from the police; clozapine started, olanzapine stopped against advice then
 *   stopped by the prescriber; a risk formulation and a crisis plan in sections, her own words in some.
 * - dan (South CMHT, standard care, no key worker): a crisis plan written as one description, nothing else.
 */
export const HISTORY_AS_OF = '2026-06-30';
export const HISTORY_NHS = { cara: '9990004005', dan: '9990004013' } as const;

const cara = { reference: 'Patient/cara' };
const dan = { reference: 'Patient/dan' };
const north = { reference: 'Organization/team-north' };
const grace = { reference: 'Practitioner/kw-1' };
const orgType = (code: string) => [{ coding: [{ system: system.organisationType, code }] }];
const flagCategory = (code: string) => [{ coding: [{ system: system.flagCategory, code }] }];
const planCategory = (code: string) => [{ coding: [{ system: system.carePlanCategory, code }] }];
const intensity = (code: string) => [{ coding: [{ system: system.careIntensity, code }] }];
const section = (code: string, text: string, personsOwnWords = false) => ({
  url: extension.planSection,
  extension: [{ url: 'section', valueCode: code }, { url: 'text', valueString: text }, { url: 'personsOwnWords', valueBoolean: personsOwnWords }],
});

export const CARA_WARNING_SIGNS = 'I stop sleeping, and the radio starts talking about me.';
export const CARA_IN_A_CRISIS = 'Visit at home the same night; she will talk to someone she knows.';
export const CARA_WHO_TO_CONTACT = 'Ring my sister Mia first, then Grace.';

export function historyScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: orgType('trust') },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: orgType('cmht'), telecom: [{ system: 'phone', value: '0113 496 0000' }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: orgType('cmht') },
      { resourceType: 'Organization', id: 'crisis', name: 'Northshire Crisis Team', partOf: { reference: 'Organization/trust' }, type: orgType('crisis') },
      { resourceType: 'Organization', id: 'police', name: 'Northshire Police', type: orgType('police') },
    ],
    Practitioner: [
      { resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }], telecom: [{ system: 'phone', value: '07700 900123' }] },
      { resourceType: 'Practitioner', id: 'kw-2', name: [{ family: 'Patel', given: ['Sam'] }] },
    ],
    PractitionerRole: [
      { resourceType: 'PractitionerRole', id: 'kw-1-role', practitioner: grace, organization: north, code: [{ coding: [{ system: system.staffRole, code: 'care-coordinator' }] }] },
    ],
    Patient: [
      { resourceType: 'Patient', id: 'cara', identifier: [{ system: system.nhsNumber, value: HISTORY_NHS.cara }], name: [{ family: 'Okoro', given: ['Cara'] }], birthDate: '1988-04-02', gender: 'female', telecom: [{ system: 'phone', value: '07700 900001' }], address: [{ use: 'home', postalCode: 'LS6 2AB' }] },
      { resourceType: 'Patient', id: 'dan', identifier: [{ system: system.nhsNumber, value: HISTORY_NHS.dan }], name: [{ family: 'Dunn', given: ['Dan'] }], birthDate: '1979-09-15', gender: 'male' },
    ],
    RelatedPerson: [
      {
        resourceType: 'RelatedPerson', id: 'cara-sister', patient: cara, name: [{ family: 'Okoro', given: ['Mia'] }], relationship: [{ coding: [{ system: system.v3RoleCode, code: 'SIS' }] }],
        telecom: [{ system: 'phone', value: '07700 900456' }],
        extension: [{ url: extension.informationSharing, valueCodeableConcept: { coding: [{ system: system.informationSharing, code: 'limited' }] } }, { url: extension.isMainCarer, valueBoolean: true }],
      },
    ],
    CareTeam: [
      { resourceType: 'CareTeam', id: 'cara-care-team', status: 'active', subject: cara, managingOrganization: [north], participant: [{ member: grace, role: [{ coding: [{ system: system.staffRole, code: 'care-coordinator' }] }], period: { start: '2025-09-01' } }] },
    ],
    EpisodeOfCare: [
      {
        resourceType: 'EpisodeOfCare', id: 'cara-old', status: 'finished', patient: cara, managingOrganization: north, careManager: { reference: 'Practitioner/kw-2' }, period: { start: '2021-01-04', end: '2025-08-31' }, type: intensity('standard'),
        extension: [{ url: extension.relapseIndicators, valueString: 'Stops eating and stops answering the door.' }],
      },
      { resourceType: 'EpisodeOfCare', id: 'cara-crisis', status: 'finished', patient: cara, managingOrganization: { reference: 'Organization/crisis' }, period: { start: '2026-03-10', end: '2026-03-12' } },
      { resourceType: 'EpisodeOfCare', id: 'cara-now', status: 'active', patient: cara, managingOrganization: north, careManager: grace, period: { start: '2025-09-01' }, type: intensity('intensive') },
      { resourceType: 'EpisodeOfCare', id: 'dan-now', status: 'active', patient: dan, managingOrganization: { reference: 'Organization/team-south' }, period: { start: '2024-03-01' }, type: intensity('standard') },
    ],
    Encounter: [
      { resourceType: 'Encounter', id: 'cara-admission', status: 'finished', class: { system: system.v3ActCode, code: 'IMP' }, subject: cara, serviceProvider: { reference: 'Organization/trust' }, period: { start: '2026-03-12', end: '2026-04-05' } },
      { resourceType: 'Encounter', id: 'cara-crisis-visit', status: 'finished', class: { system: system.v3ActCode, code: 'HH' }, subject: cara, serviceProvider: { reference: 'Organization/crisis' }, period: { start: '2026-03-10T22:00:00Z' } },
      { resourceType: 'Encounter', id: 'cara-clinic', status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: cara, serviceProvider: north, period: { start: '2026-05-01' } },
    ],
    MedicationRequest: [
      { resourceType: 'MedicationRequest', id: 'cara-clozapine', status: 'active', intent: 'order', subject: cara, authoredOn: '2026-04-01', medicationCodeableConcept: { text: 'Clozapine 100mg tablets', coding: [{ system: system.atc, code: 'N05AH02' }] }, dosageInstruction: [{ text: '200mg at night' }] },
      {
        resourceType: 'MedicationRequest', id: 'cara-olanzapine', status: 'stopped', intent: 'order', subject: cara, authoredOn: '2024-01-10', medicationCodeableConcept: { text: 'Olanzapine 10mg tablets', coding: [{ system: system.atc, code: 'N05AH03' }] },
        statusReason: { coding: [{ system: system.medicationStatusReason, code: 'clinician-stopped' }], text: 'Replaced by clozapine' }, extension: [{ url: extension.stoppedOn, valueDate: '2026-04-01' }],
      },
    ],
    MedicationStatement: [
      {
        resourceType: 'MedicationStatement', id: 'cara-olanzapine-said', status: 'stopped', subject: cara, dateAsserted: '2025-12-01', effectivePeriod: { end: '2025-12-01' }, basedOn: [{ reference: 'MedicationRequest/cara-olanzapine' }],
        medicationCodeableConcept: { text: 'Olanzapine 10mg tablets' }, statusReason: [{ coding: [{ system: system.medicationStatusReason, code: 'stopped-against-advice' }], text: 'Made me put on weight' }],
      },
    ],
    CarePlan: [
      {
        resourceType: 'CarePlan', id: 'cara-risk', status: 'active', intent: 'plan', subject: cara, created: '2026-05-01', category: planCategory('risk-formulation'), description: 'Risk formulation',
        extension: [section('early-warning-signs', CARA_WARNING_SIGNS, true), section('triggers', 'Court dates; running out of money.')],
      },
      {
        resourceType: 'CarePlan', id: 'cara-crisis-plan', status: 'active', intent: 'plan', subject: cara, created: '2026-05-01', category: planCategory('crisis-plan'), description: 'Crisis plan',
        extension: [section('in-a-crisis', CARA_IN_A_CRISIS), section('who-to-contact', CARA_WHO_TO_CONTACT, true)],
      },
      { resourceType: 'CarePlan', id: 'dan-crisis-plan', status: 'active', intent: 'plan', subject: dan, created: '2025-01-01', category: planCategory('crisis-plan'), description: 'Call his brother.' },
    ],
    Flag: [
      { resourceType: 'Flag', id: 'cara-s3', status: 'inactive', category: flagCategory('mha-legal-status'), subject: cara, period: { start: '2026-03-12', end: '2026-04-05' }, code: { coding: [{ system: system.mhaLegalStatus, code: '03' }] } },
      {
        resourceType: 'Flag', id: 'cara-cto', status: 'active', category: flagCategory('mha-legal-status'), subject: cara, period: { start: '2026-04-05' }, code: { coding: [{ system: system.mhaLegalStatus, code: 'cto' }] },
        extension: [{ url: extension.ctoConditions, valueCodeableConcept: { coding: [{ system: ctoConditionSystem, code: 'medication' }] } }, { url: extension.reviewDue, valueDate: '2027-04-04' }],
      },
      { resourceType: 'Flag', id: 'cara-s117', status: 'active', category: flagCategory('s117-aftercare'), subject: cara, period: { start: '2026-04-05' }, code: { coding: [{ system: system.mhaAftercare, code: 's117-aftercare' }] } },
      { resourceType: 'Flag', id: 'cara-police', status: 'active', category: flagCategory('red-flag'), subject: cara, period: { start: '2026-03-09' }, code: { coding: [{ system: system.redFlag, code: 'police-contact' }], text: 'Section 136 on the river bridge' } },
    ],
    Communication: [
      {
        resourceType: 'Communication', id: 'cara-sister-concern', status: 'completed', subject: cara, sent: '2026-03-01T18:00:00Z', sender: { reference: 'RelatedPerson/cara-sister' }, recipient: [north],
        category: [{ coding: [{ system: system.communicationCategory, code: 'carer-concern' }] }], payload: [{ contentString: 'She has not slept for days.' }],
      },
      {
        resourceType: 'Communication', id: 'cara-police-concern', status: 'completed', subject: cara, sent: '2026-03-09', sender: { reference: 'Organization/police' }, recipient: [north],
        category: [{ coding: [{ system: system.communicationCategory, code: 'partner-concern' }] }], payload: [{ contentString: 'Found on the bridge at night.' }],
      },
    ],
  };
}
