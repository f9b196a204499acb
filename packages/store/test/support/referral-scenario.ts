import { extension, system } from '@continuity/domain';

/**
 * Referral histories whose waits the waiting worklist and report must give exactly, as of
 * 30 June 2026 (period 1 April to 30 June):
 * - amir (White British, North): referred 2 Mar, first seen 12 Mar, second contact 20 Apr: waited 49 days.
 * - bea (Black African, North): referred 1 Apr, first seen 10 Apr, care plan agreed 20 Apr: 19 days.
 * - cal (Indian, North): referred 1 May, never seen, checked in on 20 May: waiting 60 days.
 * - dia (ethnicity not recorded, South): referred 10 Jun: waiting 20 days, within the standard.
 * - eli (White British): referred 15 May to the single point of access, not yet triaged: 46 days.
 * - fay: referral declined with an onward route; gus (White British, South): seen in January (15 days).
 * - hal: waiting since February, but died in May: not listed or counted.
 */
export const REFERRAL_AS_OF = '2026-06-30';
export const REFERRAL_NHS = { amir: '9990003009', bea: '9990003017', cal: '9990003025', dia: '9990003033', eli: '9990003041', fay: '9990003068', gus: '9990003076', hal: '9990003084' } as const;

const pt = (id: string) => ({ reference: `Patient/${id}` });
const team = (id: string) => ({ reference: `Organization/${id}` });
const patient = (id: keyof typeof REFERRAL_NHS, family: string, ethnic: string | null, more: Record<string, unknown> = {}) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: REFERRAL_NHS[id] }], name: [{ family, given: [id[0]!.toUpperCase() + id.slice(1)] }], birthDate: '1980-01-01',
  ...(ethnic ? { extension: [{ url: extension.ethnicCategory, valueCodeableConcept: { coding: [{ system: system.ethnicCategory, code: ethnic }] } }] } : {}),
  ...more,
});
const referral = (id: string, person: string, authoredOn: string, status: string, teamId?: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'ServiceRequest', id, status, intent: 'order', subject: pt(person), authoredOn, ...(teamId ? { performer: [team(teamId)] } : {}), ...more,
});
const contact = (id: string, person: string, start: string, teamId: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Encounter', id, status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: pt(person), period: { start }, serviceProvider: team(teamId), ...more,
});

export function referralScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Patient: [
      patient('amir', 'Aziz', 'A'), patient('bea', 'Bello', 'N'), patient('cal', 'Chandra', 'H'), patient('dia', 'Dunn', null), patient('eli', 'Ellis', 'A'),
      patient('fay', 'Fox', 'A'), patient('gus', 'Gray', 'A'), patient('hal', 'Hart', 'A', { deceasedDateTime: '2026-05-03T10:00:00Z' }),
    ],
    ServiceRequest: [
      referral('ref-amir', 'amir', '2026-03-02T10:00:00Z', 'completed', 'team-north'),
      referral('ref-bea', 'bea', '2026-04-01T09:00:00+01:00', 'completed', 'team-north'),
      referral('ref-cal', 'cal', '2026-05-01T09:00:00+01:00', 'active', 'team-north'),
      referral('ref-dia', 'dia', '2026-06-10T09:00:00+01:00', 'active', 'team-south'),
      referral('ref-eli', 'eli', '2026-05-15T09:00:00+01:00', 'active'),
      referral('ref-fay', 'fay', '2026-04-02T09:00:00+01:00', 'revoked', 'team-north', { note: [{ text: 'Declined: needs met in primary care. Onward route: NHS Talking Therapies' }] }),
      referral('ref-gus', 'gus', '2026-01-05T10:00:00Z', 'completed', 'team-south'),
      referral('ref-hal', 'hal', '2026-02-02T10:00:00Z', 'active', 'team-north'),
    ],
    Encounter: [
      contact('amir-1', 'amir', '2026-03-12T10:00:00Z', 'team-north', { basedOn: [{ reference: 'ServiceRequest/ref-amir' }] }),
      contact('amir-2', 'amir', '2026-04-20T10:00:00+01:00', 'team-north'),
      contact('bea-1', 'bea', '2026-04-10T10:00:00+01:00', 'team-north'),
      contact('gus-1', 'gus', '2026-01-10T10:00:00Z', 'team-south'),
      contact('gus-2', 'gus', '2026-01-20T10:00:00Z', 'team-south'),
      // An admission is not a contact with the community team.
      { ...contact('cal-adm', 'cal', '2026-05-05T10:00:00+01:00', 'trust'), class: { system: system.v3ActCode, code: 'IMP' } },
    ],
    // Amir and Bea are held by North CMHT, Gus by South: the demo clinicians work in North, the busiest.
    EpisodeOfCare: [['amir', 'team-north'], ['bea', 'team-north'], ['gus', 'team-south']].map(([person, teamId]) => ({
      resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'active', patient: pt(person!), managingOrganization: team(teamId!), period: { start: '2026-03-12' },
    })),
    CarePlan: [{ resourceType: 'CarePlan', id: 'bea-plan', status: 'active', intent: 'plan', subject: pt('bea'), created: '2026-04-20' }],
    Communication: [
      {
        resourceType: 'Communication', id: 'cal-checkin', status: 'completed', subject: pt('cal'), sent: '2026-05-20T11:00:00+01:00', sender: team('team-north'), recipient: [pt('cal')],
        about: [{ reference: 'ServiceRequest/ref-cal' }], category: [{ coding: [{ system: system.communicationCategory, code: 'waiting-check-in' }] }], payload: [{ contentString: 'Phoned: still waiting, coping; knows the crisis line number.' }],
      },
    ],
  };
}

export const expectedWaiting = [
  {
    patient: { id: 'cal', nhsNumber: REFERRAL_NHS.cal },
    reasons: [{ code: 'waiting-over-4-weeks', text: 'Waiting 60 days since referral on 1 May to North CMHT (not yet seen; last check-in 20 May).', evidence: ['ServiceRequest/ref-cal', 'Communication/cal-checkin'] }],
  },
  {
    patient: { id: 'eli', nhsNumber: REFERRAL_NHS.eli },
    reasons: [{ code: 'waiting-over-4-weeks', text: 'Waiting 46 days since referral on 15 May to the single point of access (not yet seen; no check-in recorded).', evidence: ['ServiceRequest/ref-eli'] }],
  },
];
