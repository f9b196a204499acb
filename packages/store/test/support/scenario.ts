import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extension, system } from '@continuity/domain';

/**
 * A small hand-written population: one trust with one team, one key worker, and two people with a
 * record of every type the platform holds. Tests import it and assert exactly what they should see.
 */
export const NHS = { ada: '9434765919', ben: '9990001138', invalid: '9434765918' } as const;

const team = { reference: 'Organization/team-north' };
const keyWorker = { reference: 'Practitioner/kw-1' };
const ada = { reference: 'Patient/ada' };

export function scenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'gp-1', name: 'Riverside Surgery', identifier: [{ system: system.odsOrganisation, value: 'Y01234' }], type: [{ coding: [{ system: system.organisationType, code: 'gp-practice' }] }] },
    ],
    Practitioner: [{ resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }] }],
    PractitionerRole: [
      { resourceType: 'PractitionerRole', id: 'kw-1-role', practitioner: keyWorker, organization: team, code: [{ coding: [{ system: system.staffRole, code: 'care-coordinator' }] }] },
    ],
    Patient: [
      {
        resourceType: 'Patient',
        id: 'ada',
        identifier: [{ system: system.nhsNumber, value: NHS.ada }],
        name: [{ use: 'official', family: 'Lovelace', given: ['Ada', 'Augusta'] }],
        birthDate: '1985-12-10',
        gender: 'female',
        address: [{ use: 'home', postalCode: 'LS1 4AP' }],
        generalPractitioner: [{ reference: 'Organization/gp-1' }],
        communication: [{ language: { coding: [{ system: system.bcp47, code: 'en' }] }, preferred: true }],
        extension: [
          { url: extension.ethnicCategory, valueCodeableConcept: { coding: [{ system: system.ethnicCategory, code: 'M' }] } },
          { url: extension.accommodationStatus, valueCodeableConcept: { coding: [{ system: system.accommodationStatus, code: 'temporary-accommodation' }] } },
          { url: extension.interpreterRequired, valueBoolean: false },
        ],
      },
      {
        resourceType: 'Patient',
        id: 'ben',
        identifier: [{ system: system.nhsNumber, value: NHS.ben }],
        name: [{ family: 'Adeyemi', given: ['Ben'] }],
        birthDate: '1990-03-02',
        gender: 'male',
      },
    ],
    RelatedPerson: [
      { resourceType: 'RelatedPerson', id: 'ada-mother', patient: ada, name: [{ family: 'Lovelace', given: ['Anne'] }], relationship: [{ coding: [{ system: system.v3RoleCode, code: 'MTH' }] }] },
    ],
    CareTeam: [{ resourceType: 'CareTeam', id: 'ada-care-team', status: 'active', subject: ada, participant: [{ member: keyWorker }] }],
    ServiceRequest: [
      { resourceType: 'ServiceRequest', id: 'ada-referral', status: 'completed', intent: 'order', subject: ada, authoredOn: '2024-01-05', performer: [team] },
    ],
    EpisodeOfCare: [
      { resourceType: 'EpisodeOfCare', id: 'ada-episode', status: 'active', patient: ada, managingOrganization: team, careManager: keyWorker, period: { start: '2024-02-01' }, referralRequest: [{ reference: 'ServiceRequest/ada-referral' }] },
      { resourceType: 'EpisodeOfCare', id: 'ben-episode', status: 'active', patient: { reference: 'Patient/ben' }, managingOrganization: { reference: 'Organization/team-south' }, period: { start: '2024-03-01' } },
    ],
    Appointment: [
      { resourceType: 'Appointment', id: 'ada-appt-1', status: 'fulfilled', start: '2024-05-01T10:00:00Z', end: '2024-05-01T11:00:00Z', participant: [{ actor: ada, status: 'accepted' }, { actor: keyWorker, status: 'accepted' }] },
      { resourceType: 'Appointment', id: 'ada-appt-2', status: 'noshow', start: '2024-05-20T10:00:00Z', participant: [{ actor: ada, status: 'accepted' }] },
    ],
    Encounter: [
      { resourceType: 'Encounter', id: 'ada-contact-1', status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: ada, period: { start: '2024-05-01T10:00:00Z' }, appointment: [{ reference: 'Appointment/ada-appt-1' }], episodeOfCare: [{ reference: 'EpisodeOfCare/ada-episode' }] },
    ],
    Condition: [
      { resourceType: 'Condition', id: 'ada-psychosis', subject: ada, code: { coding: [{ system: system.icd10, code: 'F20.0', display: 'Paranoid schizophrenia' }] }, onsetDateTime: '2019-06' },
    ],
    MedicationRequest: [
      { resourceType: 'MedicationRequest', id: 'ada-clozapine', status: 'active', intent: 'order', subject: ada, authoredOn: '2024-02-10', medicationCodeableConcept: { text: 'Clozapine 100mg tablets', coding: [{ system: system.atc, code: 'N05AH02' }] } },
    ],
    MedicationStatement: [
      { resourceType: 'MedicationStatement', id: 'ada-olanzapine-stopped', status: 'stopped', subject: ada, effectiveDateTime: '2023-11-01', medicationCodeableConcept: { text: 'Olanzapine 10mg' } },
    ],
    MedicationAdministration: [
      { resourceType: 'MedicationAdministration', id: 'ada-lai-1', status: 'completed', subject: ada, effectiveDateTime: '2024-04-01T09:00:00Z', medicationCodeableConcept: { text: 'Paliperidone palmitate 100mg injection' }, request: { reference: 'MedicationRequest/ada-clozapine' } },
    ],
    Observation: [
      { resourceType: 'Observation', id: 'ada-wbc', status: 'final', subject: ada, code: { coding: [{ system: system.loinc, code: '6690-2', display: 'White blood cell count' }] }, effectiveDateTime: '2024-05-02', valueQuantity: { value: 6.1, unit: '10*9/L' } },
    ],
    QuestionnaireResponse: [
      { resourceType: 'QuestionnaireResponse', id: 'ada-dialog-1', status: 'completed', subject: ada, authored: '2024-05-01', questionnaire: 'https://continuity.health/fhir/Questionnaire/dialog', item: [{ linkId: '1', answer: [{ valueInteger: 4 }] }] },
    ],
    Goal: [{ resourceType: 'Goal', id: 'ada-goal', lifecycleStatus: 'active', subject: ada, description: { text: 'Back to part-time work' }, startDate: '2024-02-15' }],
    CarePlan: [
      { resourceType: 'CarePlan', id: 'ada-plan', status: 'active', intent: 'plan', subject: ada, period: { start: '2024-02-15' }, goal: [{ reference: 'Goal/ada-goal' }], category: [{ coding: [{ system: system.carePlanCategory, code: 'care-plan' }] }] },
    ],
    Flag: [
      { resourceType: 'Flag', id: 'ada-police', status: 'active', subject: ada, code: { text: 'Police contact: welfare check' }, period: { start: '2024-03-12' }, category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }] },
    ],
    Communication: [
      { resourceType: 'Communication', id: 'ada-carer-concern', status: 'completed', subject: ada, sent: '2024-05-22T17:30:00Z', sender: { reference: 'RelatedPerson/ada-mother' }, category: [{ coding: [{ system: system.communicationCategory, code: 'carer-concern' }] }], payload: [{ contentString: 'She has stopped answering the phone.' }] },
    ],
    Consent: [
      { resourceType: 'Consent', id: 'ada-sharing', status: 'active', patient: ada, dateTime: '2024-02-15', scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] }, category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }] },
    ],
    // A summary South CMHT sent Ben's GP, as the platform writes it when sent (docs/fhir.md, "DocumentReference"); its Bundle cut short here.
    DocumentReference: [
      {
        resourceType: 'DocumentReference', id: 'ben-gp-summary', status: 'current', subject: { reference: 'Patient/ben' }, date: '2024-06-01T12:00:00Z',
        type: { coding: [{ system: system.loinc, code: '18761-7', display: 'Transfer summary note' }] }, custodian: { reference: 'Organization/team-south' },
        extension: [{ url: extension.gpDocumentRecipient, valueReference: { reference: 'Organization/gp-1' } }],
        content: [{ attachment: { contentType: 'application/fhir+json', data: Buffer.from(JSON.stringify({ resourceType: 'Bundle', type: 'document' })).toString('base64') } }],
      },
    ],
  };
}

/** Writes resources as one NDJSON file per type into a new temporary folder and returns its path. */
export function writeNdjson(resources: Record<string, Array<Record<string, unknown>>>, extraFiles: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'continuity-import-'));
  mkdirSync(dir, { recursive: true });
  for (const [type, list] of Object.entries(resources)) {
    writeFileSync(join(dir, `${type}.ndjson`), list.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  for (const [name, content] of Object.entries(extraFiles)) writeFileSync(join(dir, name), content);
  return dir;
}
