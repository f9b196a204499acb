import { describe, expect, it } from 'vitest';
import { recordMeasure, scoreQuestionnaireResponse, validateResource, type MeasureEntry } from '../src/index.ts';
import { fhirR4SchemaErrors } from '../../../test/support/fhir-r4-schema.ts';

// 1 July 2026, 00:30 in England (30 June 23:30 UTC, British Summer Time).
const NOW = new Date('2026-06-30T23:30:00Z');
const ID = '7d2f1c3a-5b4e-4a6d-9c8b-1a2b3c4d5e6f';
const dialogAnswers = { 1: '4', 2: '5', 3: '3', 4: '6', 5: '2', 6: '7', 7: '4', 8: '5', 9: '6', 10: '5', 11: 4 };
const entry = (more: Partial<MeasureEntry> = {}): MeasureEntry => ({ id: ID, personId: 'lena', instrument: 'dialog', date: '2026-06-29', answers: dialogAnswers, practitionerId: 'cc-1', ...more });
const problemsOf = (more: Partial<MeasureEntry>) => {
  const result = recordMeasure(entry(more), NOW);
  return result.ok ? [] : result.problems;
};

describe('recording an outcome measure as a FHIR QuestionnaireResponse', () => {
  it('writes a DIALOG the person rated as docs/fhir.md describes, with its scores', () => {
    const result = recordMeasure(entry(), NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.resource).toEqual({
      resourceType: 'QuestionnaireResponse',
      id: ID,
      questionnaire: 'https://continuity.health/fhir/Questionnaire/dialog',
      status: 'completed',
      subject: { reference: 'Patient/lena' },
      authored: '2026-06-29',
      author: { reference: 'Patient/lena' },
      source: { reference: 'Patient/lena' },
      item: [4, 5, 3, 6, 2, 7, 4, 5, 6, 5, 4].map((v, i) => ({ linkId: String(i + 1), answer: [{ valueInteger: v }] })),
    });
    expect(fhirR4SchemaErrors(result.resource)).toEqual([]);
    expect(validateResource(result.resource, 'QuestionnaireResponse').ok).toBe(true);
    expect(result.scores.map((s) => [s.key, s.value])).toEqual([['quality-of-life', 4.5], ['treatment-satisfaction', 5]]);
    expect(scoreQuestionnaireResponse(result.resource)).toMatchObject({ ok: true, scores: result.scores });
  });

  it('makes the practitioner the author of a HoNOS, and takes 9 as not known', () => {
    const answers = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [String(i + 1), i === 3 ? '9' : '1']));
    const result = recordMeasure(entry({ instrument: 'honos', answers }), NOW);
    expect(result).toMatchObject({ ok: true, resource: { author: { reference: 'Practitioner/cc-1' } }, scores: [{ key: 'total', value: 11, notKnownItems: ['4'] }] });
    expect(result.ok && 'source' in result.resource).toBe(false);
  });

  it('is completed now when it comes through the person\'s link, with no day typed', () => {
    const result = recordMeasure(entry({ date: undefined }), NOW);
    expect(result.ok && result.resource.authored).toBe('2026-06-30T23:30:00.000Z');
  });

  it('needs every item answered, with whole numbers in range, naming each field', () => {
    expect(problemsOf({ answers: { ...dialogAnswers, 3: '', 7: '4.5', 9: '8', 12: '3' } })).toEqual([
      { field: 'answers.3', message: 'needs an answer: Job situation' },
      { field: 'answers.7', message: 'must be one of the DIALOG answers, a whole number' },
      { field: 'answers.12', message: 'is not an item of DIALOG: items are numbered 1 to 11' },
      { field: 'answers.9', message: 'must be a whole number from 1 to 7: 8 is outside the DIALOG answers' },
    ]);
  });

  it('refuses an instrument it does not know and a day in the future', () => {
    expect(problemsOf({ instrument: 'k10', date: '2026-07-02' })).toEqual([
      { field: 'instrument', message: 'must be one of the outcome measures: dialog, reqol-10, honos, swemwbs, phq-9, gad-7' },
      { field: 'date', message: 'must not be in the future: record a measure once it was completed (today is 2026-07-01)' },
    ]);
  });
});
