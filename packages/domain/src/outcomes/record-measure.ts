import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { questionnaires, type QuestionnaireKey } from '../fhir/clinical-codes.ts';
import { londonToday } from '../engagement/london-calendar.ts';
import { enteredDayProblem } from '../engagement/entered-day.ts';
import { outcomeRules } from './outcome-rules.ts';
import { scoreAnswers } from './score-response.ts';
import type { MeasureScoring } from './score-items.ts';

/** A completed measure as it is entered, by staff or by the person through their link, before it is checked. */
export interface MeasureEntry {
  /** The QuestionnaireResponse id: made by the form when it opens, so sending it twice records one measure. */
  id: string;
  personId: string;
  instrument: string;
  /**
   * The day it was completed, in England, YYYY-MM-DD, when staff enter it. Absent when the person
   * completes it through their link: it is then completed now.
   */
  date?: string;
  /** Each item's answer by linkId, as typed or chosen. */
  answers: Readonly<Record<string, string | number | null | undefined>>;
  /** The staff member who rated it, for a clinician-rated measure (HoNOS), when they have a practitioner record. */
  practitionerId?: string | null;
}

export interface MeasureProblem {
  /** `instrument`, `date`, or `answers.<linkId>`. */
  field: string;
  message: string;
}

export type RecordMeasureOutcome = ({ ok: true; resource: AnyResource; instrument: QuestionnaireKey } & MeasureScoring) | { ok: false; problems: MeasureProblem[] };

const WHOLE = /^-?\d+$/;

/**
 * Checks an entered measure and, when it is sound, turns it into the FHIR R4 QuestionnaireResponse
 * docs/fhir.md describes: the instrument's canonical `questionnaire`, `status: completed`, the
 * person as `subject`, `authored` (the day entered, or now), the author (the person for a measure
 * they rate, the practitioner for HoNOS) and items "1".."n" with `answer[0].valueInteger`.
 *
 * A measure entered here is complete: every item needs an answer (HoNOS's "not known" is an
 * answer). The missing-item rules are for responses imported from elsewhere. Every problem names
 * its field.
 */
export function recordMeasure(entry: MeasureEntry, now: Date = new Date()): RecordMeasureOutcome {
  const problems: MeasureProblem[] = [];
  const instrument = entry.instrument in outcomeRules ? (entry.instrument as QuestionnaireKey) : undefined;
  if (!instrument) problems.push({ field: 'instrument', message: `must be one of the outcome measures: ${Object.keys(outcomeRules).join(', ')}` });
  if (entry.date !== undefined) {
    const dateProblem = enteredDayProblem(entry.date, londonToday(now), 'record a measure once it was completed');
    if (dateProblem) problems.push({ field: 'date', message: dateProblem });
  }
  if (!instrument) return { ok: false, problems };

  const rules = outcomeRules[instrument];
  const items = [];
  for (const item of rules.items) {
    const given = entry.answers[item.linkId];
    const text = typeof given === 'number' ? String(given) : (given ?? '').trim();
    const field = `answers.${item.linkId}`;
    if (text === '') problems.push({ field, message: `needs an answer: ${item.label}` });
    else if (!WHOLE.test(text)) problems.push({ field, message: `must be one of the ${rules.title} answers, a whole number` });
    else items.push({ linkId: item.linkId, answer: [{ valueInteger: Number(text) }] });
  }
  const known = new Set(rules.items.map((i) => i.linkId));
  for (const linkId of Object.keys(entry.answers)) {
    if (!known.has(linkId)) problems.push({ field: `answers.${linkId}`, message: `is not an item of ${rules.title}: items are numbered 1 to ${rules.items.length}` });
  }
  const scored = scoreAnswers(instrument, items);
  if (!scored.ok) problems.push(...scored.problems.map((p) => ({ field: `answers.${p.linkId}`, message: p.message })));
  if (problems.length > 0 || !scored.ok) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a measure id must be a FHIR id');

  const patient = { reference: `Patient/${entry.personId}` };
  const author = rules.ratedBy === 'person' ? patient : entry.practitionerId ? { reference: `Practitioner/${entry.practitionerId}` } : undefined;
  const resource: AnyResource = {
    resourceType: 'QuestionnaireResponse',
    id: entry.id,
    questionnaire: questionnaires[instrument].url,
    status: 'completed',
    subject: patient,
    authored: entry.date ?? now.toISOString(),
    ...(author ? { author } : {}),
    ...(rules.ratedBy === 'person' ? { source: patient } : {}),
    item: items,
  };
  return { ok: true, resource, instrument, scores: scored.scores, notScored: scored.notScored };
}
