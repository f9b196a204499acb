import { extension, system } from '@continuity/domain';

/**
 * Caseloads as of 30 June 2026, and a week of cover in July:
 * - North CMHT: Grace Okafor (kw-1) holds amy (core care, seen 25 Jun, booked 3 Jul) and bob
 *   (intensive, last seen 20 Jun: day 10 of 7, on the disengaged list); Sam Patel (kw-2) holds cat
 *   (care plan last reviewed 1 May 2025); dan is held with no key worker; fin was discharged; gil is
 *   referred and waiting.
 * - South CMHT: Ravi Shah (kw-3) holds eve.
 * - Grace is away 6-10 July; Sam covers her.
 */
export const CASELOAD_AS_OF = '2026-06-30';

const north = { reference: 'Organization/team-north' };
const south = { reference: 'Organization/team-south' };
const pr = (id: string) => ({ reference: `Practitioner/${id}` });
const pt = (id: string) => ({ reference: `Patient/${id}` });
const intensity = (code: string) => [{ coding: [{ system: system.careIntensity, code }] }];

const episode = (person: string, team: typeof north, keyWorker: string | null, care: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'active', patient: pt(person), managingOrganization: team, type: intensity(care), period: { start: '2025-09-01' },
  ...(keyWorker ? { careManager: pr(keyWorker) } : {}), ...more,
});
const contact = (person: string, start: string) => ({ resourceType: 'Encounter', id: `${person}-c1`, status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: pt(person), period: { start } });
const patient = (id: string, given: string, family: string) => ({ resourceType: 'Patient', id, name: [{ family, given: [given] }] });
const role = (practitioner: string, team: typeof north, code: string) => ({ resourceType: 'PractitionerRole', id: `${practitioner}-role`, practitioner: pr(practitioner), organization: team, code: [{ coding: [{ system: system.staffRole, code }] }] });

export function caseloadScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Practitioner: [
      { resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }] },
      { resourceType: 'Practitioner', id: 'kw-2', name: [{ family: 'Patel', given: ['Sam'] }] },
      { resourceType: 'Practitioner', id: 'kw-3', name: [{ family: 'Shah', given: ['Ravi'] }] },
    ],
    PractitionerRole: [role('kw-1', north, 'care-coordinator'), role('kw-2', north, 'care-coordinator'), role('kw-3', south, 'care-coordinator')],
    Patient: [patient('amy', 'Amy', 'Archer'), patient('bob', 'Bob', 'Baker'), patient('cat', 'Cat', 'Cole'), patient('dan', 'Dan', 'Dale'), patient('eve', 'Eve', 'Evans'), patient('fin', 'Fin', 'Ford'), patient('gil', 'Gil', 'Grey')],
    ServiceRequest: [
      { resourceType: 'ServiceRequest', id: 'gil-referral', status: 'active', intent: 'order', subject: pt('gil'), authoredOn: '2026-06-20', performer: [north] },
      { resourceType: 'ServiceRequest', id: 'amy-referral', status: 'completed', intent: 'order', subject: pt('amy'), authoredOn: '2025-08-01', performer: [north] },
    ],
    EpisodeOfCare: [
      episode('amy', north, 'kw-1', 'standard'),
      episode('bob', north, 'kw-1', 'intensive'),
      episode('cat', north, 'kw-2', 'standard'),
      episode('dan', north, null, 'standard'),
      episode('eve', south, 'kw-3', 'standard'),
      episode('fin', north, 'kw-1', 'standard', { status: 'finished', period: { start: '2025-01-01', end: '2026-03-01' } }),
    ],
    Appointment: [
      { resourceType: 'Appointment', id: 'amy-a1', status: 'booked', start: '2026-07-03T09:00:00Z', participant: [{ actor: pt('amy'), status: 'accepted' }, { actor: pr('kw-1'), status: 'accepted' }] },
    ],
    Encounter: [contact('amy', '2026-06-25T10:00:00Z'), contact('bob', '2026-06-20T10:00:00Z'), contact('cat', '2026-06-28T10:00:00Z'), contact('dan', '2026-06-29T10:00:00Z'), contact('eve', '2026-06-29T10:00:00Z')],
    CarePlan: [
      {
        resourceType: 'CarePlan', id: 'cat-plan', status: 'active', intent: 'plan', subject: pt('cat'), created: '2025-09-10', period: { start: '2025-09-10' },
        category: [{ coding: [{ system: system.carePlanCategory, code: 'care-plan' }] }], extension: [{ url: extension.lastReviewed, valueDate: '2025-05-01' }],
      },
      {
        resourceType: 'CarePlan', id: 'amy-plan', status: 'active', intent: 'plan', subject: pt('amy'), created: '2025-09-10',
        category: [{ coding: [{ system: system.carePlanCategory, code: 'care-plan' }] }], extension: [{ url: extension.lastReviewed, valueDate: '2026-03-01' }],
      },
    ],
  };
}

/** Grace Okafor's week away, covered by Sam Patel. */
export const graceAway = { teamId: 'team-north', absentPractitionerId: 'kw-1', coveringPractitionerId: 'kw-2', from: '2026-07-06', to: '2026-07-10', reason: 'Annual leave' };

export const bobReason = { code: 'no-contact-within-interval', text: 'No attended contact for 10 days (last on 20 Jun); people in intensive community care should be seen at least every 7 days.', evidence: ['Encounter/bob-c1'] };
