import { ctoConditionSystem, extension, system, type WorklistItem } from '@continuity/domain';

/**
 * People whose Mental Health Act deadlines the mha-deadlines worklist must judge exactly, as of
 * 30 June 2026:
 * - cal (North, on a CTO since 1 Dec 2025, after section 3, with section 117 aftercare since): expired
 *   1 Jun with the Flag still active: expired, 29 days.
 * - hal (South, since 30 Dec 2025): expired 29 Jun, the day before: expired, 1 day.
 * - dan (South, since 1 Jan 2026): expires 30 Jun, the day itself: due today.
 * - amir (North, since 1 Jul 2025, renewed once): expires 28 Jul, 28 days on: due.
 * - bea (South): expires 29 Jul, 29 days on: not yet listed.
 * - eve (North): discharged from her CTO on 1 May (Flag inactive): not listed.
 * - fin (North): detained under section 3 since May, after a section 2: detentions are not listed.
 * - gus (North): died on 10 Jun with a CTO that expired on 5 Jun: not listed.
 */
export const AS_OF = '2026-06-30';
export const MHA_NHS = {
  cal: '9990003009', hal: '9990003017', dan: '9990003025', amir: '9990003033', bea: '9990003041', eve: '9990003068', fin: '9990003076', gus: '9990003084',
} as const;

const north = { reference: 'Organization/team-north' };
const south = { reference: 'Organization/team-south' };
const pt = (id: string) => ({ reference: `Patient/${id}` });

const patient = (id: keyof typeof MHA_NHS, family: string, given: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: MHA_NHS[id] }], name: [{ family, given: [given] }], gender: 'male', birthDate: '1985-01-01', ...more,
});
const episode = (person: string, team: typeof north) => ({
  resourceType: 'EpisodeOfCare', id: `${person}-eoc`, status: 'active', patient: pt(person), managingOrganization: team, period: { start: '2024-01-01' },
});
const category = [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }];
const conditions = (...codes: string[]) => codes.map((code) => ({ url: extension.ctoConditions, valueCodeableConcept: { coding: [{ system: ctoConditionSystem, code }] } }));

/** A CTO Flag as docs/fhir.md describes it: code 17, its conditions, and review-due its expiry. */
export const ctoFlag = (person: string, start: string, expires: string, more: Record<string, unknown> = {}) => ({
  resourceType: 'Flag', id: `${person}-cto`, status: 'active', category, subject: pt(person), period: { start },
  code: { coding: [{ system: system.mhaLegalStatus, code: 'cto', display: 'Section 17A (Community Treatment Order)' }], text: 'Community Treatment Order' },
  extension: [...conditions('medication', 'appointments'), { url: extension.reviewDue, valueDate: expires }],
  ...more,
});
const detention = (id: string, person: string, section: '02' | '03', start: string, end?: string) => ({
  resourceType: 'Flag', id, status: end ? 'inactive' : 'active', category, subject: pt(person), period: end ? { start, end } : { start },
  code: { coding: [{ system: system.mhaLegalStatus, code: section }] },
});

export function mhaScenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Patient: [
      patient('cal', 'Carter', 'Cal'),
      patient('hal', 'Hale', 'Hal'),
      patient('dan', 'Dunn', 'Dan'),
      patient('amir', 'Aziz', 'Amir'),
      patient('bea', 'Bell', 'Bea', { gender: 'female' }),
      patient('eve', 'Evans', 'Eve', { gender: 'female' }),
      patient('fin', 'Fox', 'Fin'),
      patient('gus', 'Gray', 'Gus', { deceasedDateTime: '2026-06-10T09:00:00Z' }),
    ],
    EpisodeOfCare: [
      episode('cal', north), episode('hal', south), episode('dan', south), episode('amir', north), episode('bea', south), episode('eve', north), episode('fin', north), episode('gus', north),
    ],
    Flag: [
      detention('cal-s3', 'cal', '03', '2025-10-01', '2025-12-01'),
      ctoFlag('cal', '2025-12-01', '2026-06-01'),
      {
        resourceType: 'Flag', id: 'cal-s117', status: 'active', subject: pt('cal'), period: { start: '2025-12-01' },
        category: [{ coding: [{ system: system.flagCategory, code: 's117-aftercare' }] }],
        code: { coding: [{ system: system.mhaAftercare, code: 's117-aftercare', display: 'Section 117 aftercare' }] },
      },
      ctoFlag('hal', '2025-12-30', '2026-06-29'),
      ctoFlag('dan', '2026-01-01', '2026-06-30'),
      ctoFlag('amir', '2025-07-01', '2026-07-28'),
      ctoFlag('bea', '2026-01-30', '2026-07-29'),
      ctoFlag('eve', '2025-11-01', '2026-06-01', { status: 'inactive', period: { start: '2025-11-01', end: '2026-05-01' } }),
      detention('fin-s2', 'fin', '02', '2026-04-03', '2026-05-01'),
      detention('fin-s3', 'fin', '03', '2026-05-01'),
      ctoFlag('gus', '2025-12-06', '2026-06-05'),
      // A red flag in another category is not a legal status, whatever its code says.
      { resourceType: 'Flag', id: 'bea-police', status: 'active', subject: pt('bea'), period: { start: '2026-01-01' }, category: [{ coding: [{ system: system.flagCategory, code: 'red-flag' }] }], code: { text: 'Police contact' } },
    ],
  };
}

const since = { cal: '1 Dec 2025', hal: '30 Dec 2025', dan: '1 Jan', amir: '1 Jul 2025' };

/** The worklist's items as of 30 June 2026: longest expired first, then soonest due. */
export const expectedItems: WorklistItem[] = [
  {
    patient: { id: 'cal', nhsNumber: MHA_NHS.cal },
    reasons: [{ code: 'cto-expired-unrenewed', text: `Community Treatment Order expired on 1 Jun, 29 days ago, with no renewal recorded and the order still recorded as current (on a CTO since ${since.cal}).`, evidence: ['Flag/cal-cto'] }],
  },
  {
    patient: { id: 'hal', nhsNumber: MHA_NHS.hal },
    reasons: [{ code: 'cto-expired-unrenewed', text: `Community Treatment Order expired on 29 Jun, 1 day ago, with no renewal recorded and the order still recorded as current (on a CTO since ${since.hal}).`, evidence: ['Flag/hal-cto'] }],
  },
  {
    patient: { id: 'dan', nhsNumber: MHA_NHS.dan },
    reasons: [{ code: 'cto-expiry-due', text: `Community Treatment Order expires today, on 30 Jun, unless renewed (on a CTO since ${since.dan}).`, evidence: ['Flag/dan-cto'] }],
  },
  {
    patient: { id: 'amir', nhsNumber: MHA_NHS.amir },
    reasons: [{ code: 'cto-expiry-due', text: `Community Treatment Order expires in 28 days, on 28 Jul, unless renewed (on a CTO since ${since.amir}).`, evidence: ['Flag/amir-cto'] }],
  },
];
