import { extension, questionnaires, system } from '@continuity/domain';

/**
 * A hand-made trust for the MHSDS export, every expected row worked by hand (mhsds-export.test.ts):
 * - ana: every table. A GP practice with an ODS code; a referral from her GP; an active episode with
 *   North CMHT and a key worker; a home visit attended (appointment and encounter), a clinic
 *   appointment missed, two cancelled (by her, by the service), a phone contact recorded without an
 *   appointment, and an admission (not a care contact); a section 3 that became a CTO, and a red flag
 *   (not a legal status); a PHQ-9 and a HoNOS.
 * - ben: died at 00:30 BST on 1 June (31 May in UTC); a self-referral declined at triage, and an
 *   older referral from A&E whose episode has ended.
 * - cy: nothing but a birth date and gender "other".
 */
type Resource = Record<string, unknown>;
const pt = (id: string) => ({ reference: `Patient/${id}` });
const org = (id: string) => ({ reference: `Organization/${id}` });
const mode = (code: string) => [{ coding: [{ system: system.contactMode, code }] }];
const legal = [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }];

export function mhsdsScenario(): Record<string, Resource[]> {
  const appointment = (id: string, status: string, start: string, contactMode: string, more: Resource = {}) => ({
    resourceType: 'Appointment', id, status, start, appointmentType: mode(contactMode)[0],
    participant: [{ actor: pt('ana'), status: 'accepted' }, { actor: { reference: 'Practitioner/kw-north' }, status: 'accepted' }], ...more,
  });
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: org('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'gp-1', name: 'Harbour Surgery', identifier: [{ system: system.odsOrganisation, value: 'L81001' }], type: [{ coding: [{ system: system.organisationType, code: 'gp-practice' }] }] },
    ],
    Practitioner: [
      { resourceType: 'Practitioner', id: 'kw-north', name: [{ family: 'Okafor', given: ['Grace'] }] },
      { resourceType: 'Practitioner', id: 'kw-south', name: [{ family: 'Shah', given: ['Ravi'] }] },
    ],
    Patient: [
      {
        resourceType: 'Patient', id: 'ana', identifier: [{ system: system.nhsNumber, value: '999 000 7101' }], name: [{ family: 'Nowak', given: ['Ana'] }],
        gender: 'female', birthDate: '1985-02-03', address: [{ use: 'home', postalCode: 'BS1 4DJ' }], generalPractitioner: [org('gp-1')],
        communication: [{ preferred: true, language: { coding: [{ system: system.bcp47, code: 'pl-PL' }] } }],
        extension: [
          { url: extension.ethnicCategory, valueCodeableConcept: { coding: [{ system: system.ethnicCategory, code: 'N' }] } },
          { url: extension.genderIdentity, valueCodeableConcept: { coding: [{ system: system.genderIdentity, code: '2' }] } },
        ],
      },
      { resourceType: 'Patient', id: 'ben', identifier: [{ system: system.nhsNumber, value: '9990007128' }], name: [{ family: 'Bright', given: ['Ben'] }], gender: 'male', birthDate: '1970-07-07', deceasedDateTime: '2026-05-31T23:30:00Z' },
      { resourceType: 'Patient', id: 'cy', name: [{ family: 'Cole', given: ['Cy'] }], gender: 'other', birthDate: '1990-01-01' },
    ],
    ServiceRequest: [
      {
        resourceType: 'ServiceRequest', id: 'ref-ana', status: 'completed', intent: 'order', priority: 'routine', subject: pt('ana'), authoredOn: '2026-03-01T09:30:00Z',
        performer: [org('team-north')], requester: org('gp-1'),
        extension: [{ url: extension.referralSource, valueCodeableConcept: { coding: [{ system: system.referralSource, code: 'gp' }] } }],
      },
      {
        resourceType: 'ServiceRequest', id: 'ref-ben', status: 'revoked', intent: 'order', priority: 'urgent', subject: pt('ben'), authoredOn: '2026-04-02',
        extension: [
          { url: extension.referralSource, valueCodeableConcept: { coding: [{ system: system.referralSource, code: 'self' }] } },
          { url: extension.triageOutcome, extension: [{ url: 'outcome', valueCoding: { system: system.triageOutcome, code: 'declined' } }, { url: 'date', valueDate: '2026-04-05' }, { url: 'onwardService', valueString: 'Talking therapies' }] },
        ],
      },
      {
        resourceType: 'ServiceRequest', id: 'ref-ben-old', status: 'completed', intent: 'order', priority: 'routine', subject: pt('ben'), authoredOn: '2024-12-01',
        performer: [org('team-north')],
        extension: [{ url: extension.referralSource, valueCodeableConcept: { coding: [{ system: system.referralSource, code: 'a-and-e' }] } }],
      },
    ],
    EpisodeOfCare: [
      { resourceType: 'EpisodeOfCare', id: 'ana-eoc', status: 'active', patient: pt('ana'), managingOrganization: org('team-north'), careManager: { reference: 'Practitioner/kw-north' }, period: { start: '2026-03-10' }, referralRequest: [{ reference: 'ServiceRequest/ref-ana' }] },
      { resourceType: 'EpisodeOfCare', id: 'ben-eoc', status: 'finished', patient: pt('ben'), managingOrganization: org('team-north'), careManager: { reference: 'Practitioner/kw-south' }, period: { start: '2025-01-01', end: '2026-05-01' }, referralRequest: [{ reference: 'ServiceRequest/ref-ben-old' }] },
    ],
    Appointment: [
      appointment('ana-a1', 'fulfilled', '2026-06-10T14:00:00+01:00', 'home-visit', { basedOn: [{ reference: 'ServiceRequest/ref-ana' }] }),
      appointment('ana-a2', 'noshow', '2026-06-17T10:00:00+01:00', 'clinic', { supportingInformation: [{ reference: 'EpisodeOfCare/ana-eoc' }] }),
      appointment('ana-a3', 'cancelled', '2026-06-18T09:00:00+01:00', 'phone', { cancelationReason: { coding: [{ system: system.appointmentCancellationReason, code: 'pat' }] } }),
      appointment('ana-a4', 'cancelled', '2026-06-19T11:00:00+01:00', 'video', { cancelationReason: { coding: [{ system: system.appointmentCancellationReason, code: 'prov' }] } }),
    ],
    Encounter: [
      {
        resourceType: 'Encounter', id: 'ana-e1', status: 'finished', subject: pt('ana'), class: { system: system.v3ActCode, code: 'HH' }, type: mode('home-visit'),
        period: { start: '2026-06-10T14:00:00+01:00' }, appointment: [{ reference: 'Appointment/ana-a1' }], episodeOfCare: [{ reference: 'EpisodeOfCare/ana-eoc' }], serviceProvider: org('team-north'),
      },
      { resourceType: 'Encounter', id: 'ana-e2', status: 'finished', subject: pt('ana'), class: { system: system.v3ActCode, code: 'VR' }, type: mode('phone'), period: { start: '2026-06-20' }, episodeOfCare: [{ reference: 'EpisodeOfCare/ana-eoc' }] },
      { resourceType: 'Encounter', id: 'ana-adm', status: 'finished', subject: pt('ana'), class: { system: system.v3ActCode, code: 'IMP' }, period: { start: '2026-01-05T23:30:00Z', end: '2026-02-20' }, serviceProvider: org('trust') },
    ],
    Flag: [
      { resourceType: 'Flag', id: 'ana-s3', status: 'inactive', category: legal, subject: pt('ana'), code: { coding: [{ system: system.mhaLegalStatus, code: '03' }] }, period: { start: '2026-01-05T23:30:00Z', end: '2026-02-20' } },
      { resourceType: 'Flag', id: 'ana-cto', status: 'active', category: legal, subject: pt('ana'), code: { coding: [{ system: system.mhaLegalStatus, code: 'cto' }] }, period: { start: '2026-02-20' }, extension: [{ url: extension.reviewDue, valueDate: '2026-08-19' }] },
      { resourceType: 'Flag', id: 'ana-police', status: 'active', category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }], subject: pt('ana'), code: { coding: [{ system: system.redFlag, code: 'police-contact' }], text: 'Police called by neighbour' }, period: { start: '2025-11-01' } },
    ],
    QuestionnaireResponse: [
      { resourceType: 'QuestionnaireResponse', id: 'ana-phq', status: 'completed', questionnaire: questionnaires['phq-9'].url, subject: pt('ana'), author: pt('ana'), authored: '2026-06-10', item: [3, 3, 2, 2, 1, 1, 0, 0, 0].map((a, i) => ({ linkId: String(i + 1), answer: [{ valueInteger: a }] })) },
      { resourceType: 'QuestionnaireResponse', id: 'ana-honos', status: 'completed', questionnaire: questionnaires.honos.url, subject: pt('ana'), author: { reference: 'Practitioner/kw-north' }, authored: '2026-06-10T15:00:00+01:00', item: [2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0].map((a, i) => ({ linkId: String(i + 1), answer: [{ valueInteger: a }] })) },
    ],
  };
}
