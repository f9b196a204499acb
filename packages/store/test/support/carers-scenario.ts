import { extension, system, type WorklistItem } from '@continuity/domain';

/**
 * Carers and their concerns, which the carer-concerns worklist must judge exactly as of 30 June
 * 2026 (the end of that day in England; a response is due 72 hours after a concern is received):
 * - ann (North): her mother phoned on 26 Jun at 10:00, unanswered: overdue since 29 Jun.
 * - ben (North): his partner wrote through the portal on 29 Jun at 15:00, unanswered: due 2 Jul;
 *   an earlier concern of 1 Jun was answered in time.
 * - cat (North): a concern of 20 Jun answered late, on 25 Jun: answered, not listed.
 * - dev (North): two concerns from his sister; the one response answers the first only, so the
 *   second (15 Jun) is still unanswered.
 * - eve (South): a concern received on 1 Jul, after the as-of day: not yet listed.
 * - fay (North): a concern of 28 Jun at 16:00 answered on 1 Jul: unanswered as of 30 Jun.
 * - gus (North): a concern entered in error: not listed.
 * - hal (North, discharged on 1 May): a concern of 20 Apr passed on by a partner agency and never
 *   answered: still listed, whoever holds him now (nobody).
 */
export const AS_OF = '2026-06-30';
export const CARER_NHS = {
  ann: '9990004005', ben: '9990004013', cat: '9990004021', dev: '9990004048', eve: '9990004056', fay: '9990004064', gus: '9990004072', hal: '9990004080',
} as const;
type Person = keyof typeof CARER_NHS;

const pt = (id: string) => ({ reference: `Patient/${id}` });
const north = { reference: 'Organization/team-north' };
const south = { reference: 'Organization/team-south' };

const patient = (id: Person, family: string, given: string) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: CARER_NHS[id] }], name: [{ family, given: [given] }], gender: 'female', birthDate: '1980-01-01',
});
const episode = (person: Person, team: typeof north, end?: string) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: end ? 'finished' : 'active', patient: pt(person), managingOrganization: team,
  careManager: { reference: team === north ? 'Practitioner/kw-north' : 'Practitioner/kw-south' }, period: end ? { start: '2024-01-01', end } : { start: '2024-01-01' },
});
const coded = (sys: string, code: string) => ({ coding: [{ system: sys, code }] });
const carer = (id: string, person: Person, relationship: string, given: string, family: string, sharing: 'full' | 'limited' | 'none', main = true) => ({
  resourceType: 'RelatedPerson', id, active: true, patient: pt(person), relationship: [coded(system.v3RoleCode, relationship)], name: [{ given: [given], family }],
  telecom: [{ system: 'phone', value: '07700 900001' }],
  extension: [
    { url: extension.carerInvolvement, valueCodeableConcept: coded(system.carerInvolvement, 'involved') },
    { url: extension.informationSharing, valueCodeableConcept: coded(system.informationSharing, sharing) },
    { url: extension.isMainCarer, valueBoolean: main },
  ],
});
const concern = (id: string, person: Person, from: string, sent: string, medium?: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  resourceType: 'Communication', id, status: 'completed', category: [coded(system.communicationCategory, 'carer-concern')], subject: pt(person),
  sender: { reference: `RelatedPerson/${from}` }, recipient: [north], sent, payload: [{ contentString: `Worried about ${person}.` }], ...(medium ? { medium: [medium] } : {}), ...more,
});
const response = (id: string, person: Person, to: string, carerId: string, sent: string) => ({
  resourceType: 'Communication', id, status: 'completed', category: [coded(system.communicationCategory, 'carer-concern-response')], subject: pt(person),
  inResponseTo: [{ reference: `Communication/${to}` }], sender: { reference: 'Practitioner/kw-north' }, recipient: [{ reference: `RelatedPerson/${carerId}` }], sent,
  payload: [{ contentString: 'We have spoken to them.' }],
});
const phone = coded('http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', 'PHONE');
const portal = coded('https://continuity.health/fhir/CodeSystem/carer-concern-channel', 'portal');
const partner = coded('https://continuity.health/fhir/CodeSystem/carer-concern-channel', 'partner');

export function carersScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [coded(system.organisationType, 'trust')] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [coded(system.organisationType, 'cmht')] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [coded(system.organisationType, 'cmht')] },
    ],
    Practitioner: [
      { resourceType: 'Practitioner', id: 'kw-north', name: [{ given: ['Kim'], family: 'Walker' }] },
      { resourceType: 'Practitioner', id: 'kw-south', name: [{ given: ['Sol'], family: 'Stone' }] },
    ],
    Patient: [
      patient('ann', 'Adams', 'Ann'), patient('ben', 'Baker', 'Ben'), patient('cat', 'Cole', 'Cat'), patient('dev', 'Dean', 'Dev'),
      patient('eve', 'Evans', 'Eve'), patient('fay', 'Ford', 'Fay'), patient('gus', 'Gray', 'Gus'), patient('hal', 'Hale', 'Hal'),
    ],
    RelatedPerson: [
      carer('ann-mum', 'ann', 'MTH', 'Mary', 'Adams', 'limited'),
      carer('ben-partner', 'ben', 'SIGOTHR', 'Sam', 'Shah', 'full'),
      carer('cat-dad', 'cat', 'FTH', 'Colin', 'Cole', 'none'),
      carer('dev-sister', 'dev', 'SIS', 'Dina', 'Dean', 'full'),
      carer('eve-son', 'eve', 'SON', 'Ed', 'Evans', 'full'),
      carer('fay-friend', 'fay', 'FRND', 'Flo', 'Finch', 'limited'),
      carer('gus-wife', 'gus', 'SPS', 'Gina', 'Gray', 'full'),
      carer('hal-mum', 'hal', 'MTH', 'Helen', 'Hale', 'limited'),
    ],
    EpisodeOfCare: [
      episode('ann', north), episode('ben', north), episode('cat', north), episode('dev', north), episode('eve', south), episode('fay', north), episode('gus', north), episode('hal', north, '2026-05-01'),
    ],
    Communication: [
      concern('c-ann', 'ann', 'ann-mum', '2026-06-26T10:00:00+01:00', phone),
      concern('c-ben-old', 'ben', 'ben-partner', '2026-06-01T09:00:00+01:00', portal),
      response('r-ben-old', 'ben', 'c-ben-old', 'ben-partner', '2026-06-02T09:00:00+01:00'),
      concern('c-ben', 'ben', 'ben-partner', '2026-06-29T15:00:00+01:00', portal),
      concern('c-cat', 'cat', 'cat-dad', '2026-06-20T12:00:00+01:00', phone),
      response('r-cat', 'cat', 'c-cat', 'cat-dad', '2026-06-25T12:00:00+01:00'),
      concern('c-dev-1', 'dev', 'dev-sister', '2026-06-10T09:00:00+01:00'),
      concern('c-dev-2', 'dev', 'dev-sister', '2026-06-15T09:00:00+01:00'),
      response('r-dev-1', 'dev', 'c-dev-1', 'dev-sister', '2026-06-11T09:00:00+01:00'),
      concern('c-eve', 'eve', 'eve-son', '2026-07-01T08:00:00+01:00', phone, { recipient: [south] }),
      concern('c-fay', 'fay', 'fay-friend', '2026-06-28T16:00:00+01:00', phone),
      response('r-fay', 'fay', 'c-fay', 'fay-friend', '2026-07-01T09:00:00+01:00'),
      concern('c-gus', 'gus', 'gus-wife', '2026-06-25T10:00:00+01:00', phone, { status: 'entered-in-error' }),
      concern('c-hal', 'hal', 'hal-mum', '2026-04-20T11:00:00+01:00', partner),
    ],
  };
}

const item = (id: Person, text: string, evidence: string[]): WorklistItem => ({ patient: { id, nhsNumber: CARER_NHS[id] }, reasons: [{ code: 'carer-concern-unanswered', text, evidence }] });

/** The carer-concerns worklist as of AS_OF: the earliest due (most overdue) first. */
export const expectedItems: WorklistItem[] = [
  item('hal', 'Concern from Helen Hale (mother) received 20 Apr at 11:00 passed on by a partner agency, 71 days 12 hours ago: OVERDUE, the response was due by 23 Apr at 11:00 (within 72 hours) and none is recorded.', ['Communication/c-hal', 'RelatedPerson/hal-mum']),
  item('dev', 'Concern from Dina Dean (sister) received 15 Jun at 09:00, 15 days 14 hours ago: OVERDUE, the response was due by 18 Jun at 09:00 (within 72 hours) and none is recorded.', ['Communication/c-dev-2', 'RelatedPerson/dev-sister']),
  item('ann', 'Concern from Mary Adams (mother) received 26 Jun at 10:00 by phone, 4 days 13 hours ago: OVERDUE, the response was due by 29 Jun at 10:00 (within 72 hours) and none is recorded.', ['Communication/c-ann', 'RelatedPerson/ann-mum']),
  item('fay', 'Concern from Flo Finch (friend) received 28 Jun at 16:00 by phone, 2 days 7 hours ago: a response is due by 1 Jul at 16:00, in 16 hours.', ['Communication/c-fay', 'RelatedPerson/fay-friend']),
  item('ben', 'Concern from Sam Shah (partner) received 29 Jun at 15:00 through the carers’ portal, 1 day 8 hours ago: a response is due by 2 Jul at 15:00, in 1 day 15 hours.', ['Communication/c-ben', 'RelatedPerson/ben-partner']),
];
