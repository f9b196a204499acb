import { FHIR_ID } from '../fhir/datatypes.ts';
import type { AnyResource } from '../fhir/resource-types.ts';
import { system } from '../fhir/systems.ts';
import { londonToday } from '../engagement/london-calendar.ts';
import { enteredDayProblem } from '../engagement/entered-day.ts';
import { offeredResultTests, type OfferedResultTest } from './offered-result-tests.ts';

/** A result as a staff member enters it, before it is checked. */
export interface ResultEntry {
  /** The resource id: made by the form when it opens, so sending it twice records one result. */
  id: string;
  personId: string;
  /** The LOINC code of the test. */
  test: string;
  /** The day the sample was taken or the check made, in England, YYYY-MM-DD. */
  date: string;
  /** The number(s) as typed, by field: `value`, or `systolic` and `diastolic`. */
  values: Partial<Record<'value' | 'systolic' | 'diastolic', string | number | null>>;
  /** The staff member who entered it, when they have a practitioner record. */
  practitionerId?: string | null;
  /** Their team, when known. */
  teamId?: string | null;
}

export interface ResultProblem {
  field: 'test' | 'date' | 'value' | 'systolic' | 'diastolic';
  message: string;
}

export type RecordResultOutcome = { ok: true; resource: AnyResource; test: OfferedResultTest } | { ok: false; problems: ResultProblem[] };

const NUMBER = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;


/**
 * Checks an entered result and, when it is sound, turns it into the FHIR R4 Observation that
 * records it as docs/fhir.md describes and the monitoring-overdue worklist reads it: status
 * `final`, the test's LOINC code, the day taken as `effectiveDateTime`, the number in
 * `valueQuantity` with its UCUM unit (a blood pressure as its two components; a score as
 * `valueInteger`; a chosen answer such as a smoking status as `valueCodeableConcept`), the staff
 * member and team as performers. A result is entered once the sample was taken, so a day after today in
 * England is refused. Every problem names its field.
 */
export function recordResult(entry: ResultEntry, now: Date = new Date()): RecordResultOutcome {
  const problems: ResultProblem[] = [];
  const today = londonToday(now);
  const test = offeredResultTests().find((t) => t.code === entry.test);
  if (!test) problems.push({ field: 'test', message: 'must be one of the monitoring tests offered (a LOINC code the monitoring rules recognise)' });
  const dateProblem = enteredDayProblem(entry.date, today, 'record a result once the sample was taken');
  if (dateProblem) problems.push({ field: 'date', message: dateProblem });

  const numbers = new Map<string, number>();
  for (const quantity of test?.quantities ?? []) {
    const typed = entry.values[quantity.field];
    const text = typeof typed === 'number' ? String(typed) : (typed ?? '').trim();
    if (text === '') problems.push({ field: quantity.field, message: `is needed: the ${quantity.label.toLowerCase()} in ${quantity.shown}` });
    else if (quantity.whole && !WHOLE.test(text)) problems.push({ field: quantity.field, message: `must be a whole number of ${quantity.shown}` });
    else if (!NUMBER.test(text)) problems.push({ field: quantity.field, message: `must be a number in ${quantity.shown}: digits, with a point for any decimals` });
    else if (Number(text) < quantity.min || Number(text) > quantity.max) {
      problems.push({ field: quantity.field, message: `must be between ${quantity.min} and ${quantity.max} ${quantity.shown}: check the number and the unit` });
    } else numbers.set(quantity.field, Number(text));
  }
  const typedAnswer = typeof entry.values.value === 'string' ? entry.values.value.trim() : '';
  const answer = test?.answers?.find((a) => a.code === typedAnswer);
  if (test?.answers && !answer) problems.push({ field: 'value', message: typedAnswer === '' ? `is needed: choose the ${test.label.toLowerCase()}` : `must be one of: ${test.answers.map((a) => a.display).join(', ')}` });
  if (numbers.has('systolic') && numbers.has('diastolic') && numbers.get('systolic')! <= numbers.get('diastolic')!) {
    problems.push({ field: 'diastolic', message: 'must be lower than the systolic pressure' });
  }
  if (problems.length > 0 || !test) return { ok: false, problems };
  if (!FHIR_ID.test(entry.id)) throw new Error('a result id must be a FHIR id');

  const quantity = (q: (typeof test.quantities)[number]) => ({ value: numbers.get(q.field)!, unit: q.unit, system: system.ucum, code: q.unit });
  const own = test.quantities.find((q) => !q.component && !q.whole);
  const score = test.quantities.find((q) => q.whole);
  const components = test.quantities.filter((q) => q.component);
  const performer = [
    ...(entry.practitionerId ? [{ reference: `Practitioner/${entry.practitionerId}` }] : []),
    ...(entry.teamId ? [{ reference: `Organization/${entry.teamId}` }] : []),
  ];
  const resource: AnyResource = {
    resourceType: 'Observation',
    id: entry.id,
    status: 'final',
    category: [{ coding: [{ system: system.observationCategory, code: test.category }] }],
    code: { coding: [{ system: system.loinc, code: test.code, display: test.display }], text: test.label },
    subject: { reference: `Patient/${entry.personId}` },
    // The day alone: the form asks for the day the sample was taken, and londonDay reads it as that day.
    effectiveDateTime: entry.date,
    ...(performer.length ? { performer } : {}),
    ...(own ? { valueQuantity: quantity(own) } : {}),
    ...(score ? { valueInteger: numbers.get(score.field)! } : {}),
    ...(answer ? { valueCodeableConcept: { coding: [{ system: system.snomed, code: answer.code, display: answer.display }], text: answer.display } } : {}),
    ...(components.length
      ? { component: components.map((q) => ({ code: { coding: [{ system: system.loinc, code: q.component!.code, display: q.component!.display }] }, valueQuantity: quantity(q) })) }
      : {}),
  };
  return { ok: true, resource, test };
}
