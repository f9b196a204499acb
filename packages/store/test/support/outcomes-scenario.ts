import { questionnaires, system, type QuestionnaireKey } from '@continuity/domain';

/**
 * People whose outcome measures the team report must count exactly, as of 30 June 2026. North
 * CMHT holds amy, bob, cat, dan and eve (key worker kw-north); South CMHT holds sam.
 * - amy: PHQ-9 18 (Sep 2025), 12 (Mar 2026), 10 (Jun 2026): first to latest -8, reliably improved.
 *   DIALOG quality of life 3 then 5 (+2, reliably improved), treatment satisfaction 4 then 5 (+1, not reliable).
 * - bob: PHQ-9 9 (Jan 2025) then 16 (May 2026): +7, reliably deteriorated. HoNOS 12 (1 Jul 2025)
 *   then 10 (Jun 2026): -2, no reliable change.
 * - cat: PHQ-9 5 (Feb 2026), and one in April with item 9 unanswered, which gives no score: no pair.
 * - dan: one DIALOG on 30 Jun 2025, exactly twelve months before: not in the completion window.
 *   A PHQ-9 dated 5 Jul 2026, after the day, does not count.
 * - eve: no measures.
 * - sam (South): a PHQ-9 pair, never counted for North.
 * Completion: amy, bob and cat of five: 0.6.
 */
export const OUTCOMES_AS_OF = '2026-06-30';
export const OUTCOMES_NHS = { amy: '9990003009', bob: '9990003017', cat: '9990003025', dan: '9990003033', eve: '9990003041', sam: '9990003068' } as const;

const pt = (id: string) => ({ reference: `Patient/${id}` });
const team = (id: string) => ({ reference: `Organization/${id}` });

/** A completed response; null leaves an item unanswered. */
export function response(id: string, person: string, instrument: QuestionnaireKey, authored: string, answers: Array<number | null>) {
  return {
    resourceType: 'QuestionnaireResponse', id, status: 'completed', questionnaire: questionnaires[instrument].url, subject: pt(person), authored,
    author: instrument === 'honos' ? { reference: 'Practitioner/kw-north' } : pt(person),
    item: answers.map((a, i) => (a === null ? { linkId: String(i + 1) } : { linkId: String(i + 1), answer: [{ valueInteger: a }] })),
  };
}
const repeat = (n: number, value: number) => Array.from({ length: n }, () => value);
/** PHQ-9 answers adding to `total` (up to 27). */
const phq = (total: number) => Array.from({ length: 9 }, (_, i) => Math.min(3, Math.max(0, total - 3 * i)));
/** HoNOS ratings adding to `total`. */
const honos = (total: number) => Array.from({ length: 12 }, (_, i) => Math.min(4, Math.max(0, total - 4 * i)));

export function outcomesScenario(): Record<string, Array<Record<string, unknown>>> {
  const person = (id: keyof typeof OUTCOMES_NHS, family: string, given: string) => ({ resourceType: 'Patient', id, identifier: [{ system: system.nhsNumber, value: OUTCOMES_NHS[id] }], name: [{ family, given: [given] }], gender: 'unknown', birthDate: '1980-01-01' });
  const episode = (id: string, teamId: string) => ({ resourceType: 'EpisodeOfCare', id: `${id}-eoc`, status: 'active', patient: pt(id), managingOrganization: team(teamId), careManager: { reference: `Practitioner/${teamId === 'team-north' ? 'kw-north' : 'kw-south'}` }, period: { start: '2024-01-01' } });
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: team('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
      { resourceType: 'Organization', id: 'team-south', name: 'South CMHT', partOf: team('trust'), type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Practitioner: [
      { resourceType: 'Practitioner', id: 'kw-north', name: [{ family: 'Okafor', given: ['Grace'] }] },
      { resourceType: 'Practitioner', id: 'kw-south', name: [{ family: 'Shah', given: ['Ravi'] }] },
    ],
    Patient: [person('amy', 'Ames', 'Amy'), person('bob', 'Brook', 'Bob'), person('cat', 'Carr', 'Cat'), person('dan', 'Dale', 'Dan'), person('eve', 'Ewing', 'Eve'), person('sam', 'Sutton', 'Sam')],
    EpisodeOfCare: [episode('amy', 'team-north'), episode('bob', 'team-north'), episode('cat', 'team-north'), episode('dan', 'team-north'), episode('eve', 'team-north'), episode('sam', 'team-south')],
    QuestionnaireResponse: [
      response('amy-phq-1', 'amy', 'phq-9', '2025-09-01', phq(18)),
      response('amy-phq-2', 'amy', 'phq-9', '2026-03-01T10:00:00Z', phq(12)),
      response('amy-phq-3', 'amy', 'phq-9', '2026-06-01', phq(10)),
      response('amy-dialog-1', 'amy', 'dialog', '2025-09-01', [...repeat(8, 3), ...repeat(3, 4)]),
      response('amy-dialog-2', 'amy', 'dialog', '2026-06-01', [...repeat(8, 5), ...repeat(3, 5)]),
      response('bob-phq-1', 'bob', 'phq-9', '2025-01-10', phq(9)),
      response('bob-phq-2', 'bob', 'phq-9', '2026-05-01', phq(16)),
      response('bob-honos-1', 'bob', 'honos', '2025-07-01', honos(12)),
      response('bob-honos-2', 'bob', 'honos', '2026-06-15', honos(10)),
      response('cat-phq-1', 'cat', 'phq-9', '2026-02-01', phq(5)),
      response('cat-phq-2', 'cat', 'phq-9', '2026-04-01', [...phq(7).slice(0, 8), null]),
      response('dan-dialog-1', 'dan', 'dialog', '2025-06-30', repeat(11, 4)),
      response('dan-phq-later', 'dan', 'phq-9', '2026-07-05', phq(3)),
      response('sam-phq-1', 'sam', 'phq-9', '2025-10-01', phq(20)),
      response('sam-phq-2', 'sam', 'phq-9', '2026-06-01', phq(4)),
    ],
  };
}
