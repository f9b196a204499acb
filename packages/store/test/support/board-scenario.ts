import { extension, system } from '@continuity/domain';
import { response } from './outcomes-scenario.ts';

/**
 * A hand-made trust for the board dashboard as of 30 June 2026, every figure worked by hand:
 * - 20 White British people (w1-w20; w1-w10 female, the rest male), 10 Black African men (b1-b10),
 *   6 people with no ethnicity or sex recorded (u1-u6): 36 alive. d1 (White British) died on 1 May.
 * - Caseloads: w1-w10 and u1-u5 held by North (Grace Okafor key worker of w1-w6), b1-b8 by South
 *   (Sam Patel key worker of all eight): 23 held of 36 alive; North 15, South 8.
 * - Disengaged: everyone held had an attended contact on 20 June except w8, w9 (North) and b8 (South),
 *   held since 1 January with none: 3 of 23. On 2 June (28 days before) all 23 were listed; contact
 *   was re-established with 20 of them by the day.
 * - Mental Health Act: w1 and w2 detained under section 3 from 1 June, b1 on a CTO from 1 May, d1
 *   detained before she died: 3 of 36 alive on the day; on 31 May only b1 (1 of 36); on 30 April only d1,
 *   then alive (1 of 37).
 * - Waiting times (quarter 1 April to 30 June): w11-w14 referred to North on 1 May and seen twice by
 *   20 May (19 days); w15 referred on 1 April and seen for the second time on 15 May (44 days); w16
 *   referred on 1 June and still waiting: 4 of 5 seen within 4 weeks.
 * - Discharges in the 12 months to the day: w17 (psychosis) discharged on 1 March 2026 for
 *   non-attendance; w18 and w19 discharged on 1 February 2026 on moving away; w20 (psychosis) discharged
 *   for non-attendance on 1 March 2025, outside the year: 1 of 3. As of 28 February 2026 the year
 *   holds w18, w19 and w20: 1 of 3.
 * - Physical health: w1 and w2 have schizophrenia; w1 had all six parts on 1 March 2026, w2 none: 1
 *   of 2 complete. Monitoring: the same two are evaluated and w2 is overdue: 1 of 2.
 * - Outcome measures: w3, b2 and u1 completed a PHQ-9 on 1 March 2026; w4's is from May 2025: 3 of 23.
 *   w3 and b2 completed another on 1 June: w3 from 8 to 1 (a reliable improvement, 6 or more), b2
 *   from 8 to 8: 1 of 2 score pairs.
 * - Intensive and assertive cohort: w1's episode is coded intensive (so she is in intensive care, and
 *   seen weekly: a contact on 27 June keeps her off the disengaged list); w2 (schizophrenia, detained
 *   under section 3, a carer's concern on 3 June) meets the intensive-review rule. w17's old episode
 *   was assertive but ended on her discharge: not in intensive care on the day. 1 of 2.
 * - Carers' concerns (responses due 72 hours after receipt; the window is responses due on 31 March
 *   to 30 June), all received at 10:00 UTC, hours to the first response in brackets:
 *   w5: 4 May (2), 11 May (24), 18 May (72 exactly: in time), 25 May (72 and a minute: late), 1 June
 *   (10); w6: 5 May (5), 12 May (30), 19 May (48), 2 June (none); w2: 3 June (1). White: 8 of 10.
 *   b3: 4 May (3), 6 May (96), 8 May (12), 10 May (its only response entered in error: none), 12 May
 *   (100); b4: 14 May (6), 16 May (20), 18 May (120), 20 May (70), 22 May (none). Black: 5 of 10.
 *   Not counted on 30 June: w5's of 29 June (due 2 July, not yet answered) and w6's of 27 March (due
 *   30 March, before the window; answered 5 April). 13 of 20. The 17 answered, in hours: 1, 2, 3, 5,
 *   6, 10, 12, 20, 24, 30, 48, 70, 72, 72.02, 96, 100, 120: median 24.
 *   On 31 May (window from 1 March, the day after 28 February): the 17 due by then, all but
 *   w5's of 1 June, w6's of 2 June and w2's, plus w6's of 27 March (late): 11 of 18. On 30 April,
 *   only w6's of 27 March: 0 of 1.
 */
export const BOARD_AS_OF = '2026-06-30';

type Resource = Record<string, unknown>;
const pt = (id: string) => ({ reference: `Patient/${id}` });
const org = (id: string) => ({ reference: `Organization/${id}` });
const loinc = (code: string) => ({ coding: [{ system: system.loinc, code }] });
const quantity = (value: number, unit: string) => ({ valueQuantity: { value, unit, system: system.ucum, code: unit } });
const intensity = (code: string) => ({ coding: [{ system: system.careIntensity, code }] });
const communication = (code: string) => [{ coding: [{ system: system.communicationCategory, code }] }];
const HOUR_MS = 3_600_000;
/** A carer's concern received at 10:00 UTC on a day, to the person's team, and its first response so many hours later (none when null). */
function concern(person: string, n: number, day: string, hours: number | null, more: { responseStatus?: string } = {}): Resource[] {
  const received = `${day}T10:00:00Z`;
  const team = org(person.startsWith('b') ? 'team-south' : 'team-north');
  const raised: Resource = { resourceType: 'Communication', id: `${person}-concern-${n}`, status: 'completed', category: communication('carer-concern'), subject: pt(person), recipient: [team], sent: received, received, payload: [{ contentString: 'Worried about how things are going' }] };
  if (hours === null) return [raised];
  const at = new Date(Date.parse(received) + Math.round(hours * HOUR_MS)).toISOString();
  return [raised, { resourceType: 'Communication', id: `${person}-concern-${n}-response`, status: more.responseStatus ?? 'completed', category: communication('carer-concern-response'), subject: pt(person), inResponseTo: [{ reference: `Communication/${person}-concern-${n}` }], sent: at, payload: [{ contentString: 'Called back' }] }];
}
const range = (prefix: string, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

export function boardScenario(): Record<string, Resource[]> {
  const patient = (id: string, ethnicity: string | null, gender: string, more: Resource = {}): Resource => ({
    resourceType: 'Patient', id, name: [{ family: 'Person', given: [id.toUpperCase()] }], birthDate: '1980-01-01', gender,
    ...(ethnicity ? { extension: [{ url: extension.ethnicCategory, valueCodeableConcept: { coding: [{ system: system.ethnicCategory, code: ethnicity }] } }] } : {}),
    ...more,
  });
  const held = (id: string, team: string, keyWorker?: string): Resource => ({
    resourceType: 'EpisodeOfCare', id: `${id}-eoc`, status: 'active', patient: pt(id), managingOrganization: org(team), period: { start: '2026-01-01' },
    ...(keyWorker ? { careManager: { reference: `Practitioner/${keyWorker}` } } : {}),
    ...(id === 'w1' ? { type: [intensity('intensive')] } : {}),
  });
  const discharged = (id: string, end: string, reason: string): Resource => ({
    resourceType: 'EpisodeOfCare', id: `${id}-eoc`, status: 'finished', patient: pt(id), managingOrganization: org('team-north'), period: { start: '2024-01-01', end },
    extension: [{ url: extension.dischargeReason, valueCodeableConcept: { coding: [{ system: system.dischargeReason, code: reason }] } }],
    ...(id === 'w17' ? { type: [intensity('assertive')] } : {}),
  });
  const contact = (id: string, person: string, team: string, start: string, more: Resource = {}): Resource => ({
    resourceType: 'Encounter', id, status: 'finished', class: { system: system.v3ActCode, code: 'AMB' }, subject: pt(person), period: { start }, serviceProvider: org(team), ...more,
  });
  const flag = (person: string, code: string, start: string): Resource => ({
    resourceType: 'Flag', id: `${person}-mha`, status: 'active', subject: pt(person), period: { start }, code: { coding: [{ system: system.mhaLegalStatus, code }] },
    category: [{ coding: [{ system: system.flagCategory, code: 'mha-legal-status' }] }],
  });
  const psychosis = (person: string): Resource => ({ resourceType: 'Condition', id: `${person}-dx`, subject: pt(person), code: { coding: [{ system: system.icd10, code: 'F20.0' }] } });
  const result = (person: string, part: string, code: Resource, more: Resource): Resource => ({ resourceType: 'Observation', id: `${person}-${part}`, status: 'final', subject: pt(person), code, effectiveDateTime: '2026-03-01', ...more });
  const referral = (person: string, authoredOn: string): Resource => ({ resourceType: 'ServiceRequest', id: `${person}-ref`, status: 'active', intent: 'order', subject: pt(person), authoredOn, performer: [org('team-north')] });
  const seenFor = (person: string, days: string[]) => days.map((d, i) => contact(`${person}-seen-${i}`, person, 'team-north', `${d}T10:00:00Z`, { basedOn: [{ reference: `ServiceRequest/${person}-ref` }] }));

  const north = [...range('w', 1, 10), ...range('u', 1, 5)];
  const south = range('b', 1, 8);
  const noContact = new Set(['w8', 'w9', 'b8']);
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: org('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: org('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Practitioner: [
      { resourceType: 'Practitioner', id: 'kw-1', name: [{ family: 'Okafor', given: ['Grace'] }] },
      { resourceType: 'Practitioner', id: 'kw-2', name: [{ family: 'Patel', given: ['Sam'] }] },
    ],
    Patient: [
      ...range('w', 1, 20).map((id, i) => patient(id, 'A', i < 10 ? 'female' : 'male')),
      ...range('b', 1, 10).map((id) => patient(id, 'N', 'male')),
      ...range('u', 1, 6).map((id) => patient(id, null, 'unknown')),
      patient('d1', 'A', 'female', { deceasedDateTime: '2026-05-01T10:00:00Z' }),
    ],
    EpisodeOfCare: [
      ...north.map((id) => held(id, 'team-north', ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'].includes(id) ? 'kw-1' : undefined)),
      ...south.map((id) => held(id, 'team-south', 'kw-2')),
      discharged('w17', '2026-03-01', 'non-attendance'),
      discharged('w18', '2026-02-01', 'moved-away'),
      discharged('w19', '2026-02-01', 'moved-away'),
      discharged('w20', '2025-03-01', 'non-attendance'),
    ],
    Encounter: [
      ...[...north, ...south].filter((id) => !noContact.has(id)).map((id) => contact(`${id}-contact`, id, north.includes(id) ? 'team-north' : 'team-south', '2026-06-20T10:00:00Z', { episodeOfCare: [{ reference: `EpisodeOfCare/${id}-eoc` }] })),
      ...['w11', 'w12', 'w13', 'w14'].flatMap((id) => seenFor(id, ['2026-05-05', '2026-05-20'])),
      ...seenFor('w15', ['2026-04-10', '2026-05-15']),
      contact('w1-contact-weekly', 'w1', 'team-north', '2026-06-27T10:00:00Z', { episodeOfCare: [{ reference: 'EpisodeOfCare/w1-eoc' }] }),
    ],
    Communication: [
      ...concern('w5', 1, '2026-05-04', 2), ...concern('w5', 2, '2026-05-11', 24), ...concern('w5', 3, '2026-05-18', 72), ...concern('w5', 4, '2026-05-25', 72 + 1 / 60),
      ...concern('w5', 5, '2026-06-01', 10), ...concern('w5', 6, '2026-06-29', null),
      ...concern('w6', 0, '2026-03-27', 9 * 24), ...concern('w6', 1, '2026-05-05', 5), ...concern('w6', 2, '2026-05-12', 30), ...concern('w6', 3, '2026-05-19', 48), ...concern('w6', 4, '2026-06-02', null),
      ...concern('w2', 1, '2026-06-03', 1),
      ...concern('b3', 1, '2026-05-04', 3), ...concern('b3', 2, '2026-05-06', 96), ...concern('b3', 3, '2026-05-08', 12), ...concern('b3', 4, '2026-05-10', 5, { responseStatus: 'entered-in-error' }), ...concern('b3', 5, '2026-05-12', 100),
      ...concern('b4', 1, '2026-05-14', 6), ...concern('b4', 2, '2026-05-16', 20), ...concern('b4', 3, '2026-05-18', 120), ...concern('b4', 4, '2026-05-20', 70), ...concern('b4', 5, '2026-05-22', null),
    ],
    ServiceRequest: [...['w11', 'w12', 'w13', 'w14'].map((id) => referral(id, '2026-05-01')), referral('w15', '2026-04-01'), referral('w16', '2026-06-01')],
    Flag: [flag('w1', '03', '2026-06-01'), flag('w2', '03', '2026-06-01'), flag('b1', 'cto', '2026-05-01'), flag('d1', '03', '2026-04-01')],
    Condition: ['w1', 'w2', 'w17', 'w20'].map(psychosis),
    Observation: [
      result('w1', 'bmi', loinc('39156-5'), quantity(27.4, 'kg/m2')),
      result('w1', 'bp', loinc('85354-9'), { component: [{ code: loinc('8480-6'), ...quantity(128, 'mm[Hg]') }, { code: loinc('8462-4'), ...quantity(82, 'mm[Hg]') }] }),
      result('w1', 'hba1c', loinc('59261-8'), quantity(41, 'mmol/mol')),
      result('w1', 'chol', loinc('2093-3'), quantity(5.2, 'mmol/L')),
      result('w1', 'smoking', loinc('72166-2'), { valueCodeableConcept: { coding: [{ system: system.snomed, code: '8517006', display: 'Ex-smoker' }] } }),
      result('w1', 'audit', loinc('75626-2'), { valueInteger: 3 }),
    ],
    QuestionnaireResponse: [
      ...['w3', 'b2', 'u1'].map((id) => response(`${id}-phq`, id, 'phq-9', '2026-03-01', [1, 1, 1, 1, 1, 1, 1, 1, 0])),
      response('w4-phq', 'w4', 'phq-9', '2025-05-01', [1, 1, 1, 1, 1, 1, 1, 1, 0]),
      response('w3-phq-2', 'w3', 'phq-9', '2026-06-01', [1, 0, 0, 0, 0, 0, 0, 0, 0]),
      response('b2-phq-2', 'b2', 'phq-9', '2026-06-01', [1, 1, 1, 1, 1, 1, 1, 1, 0]),
    ],
  };
}
