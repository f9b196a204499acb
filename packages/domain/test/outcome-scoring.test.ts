import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dialogReview,
  outcomeRules,
  questionnaires,
  reliableChange,
  scoreAnswers,
  scoreQuestionnaireResponse,
  swemwbsMetric,
  type QuestionnaireKey,
} from '../src/index.ts';

/** Items "1".."n" answered in order; null leaves an item unanswered. */
const items = (...answers: Array<number | null>) => answers.map((a, i) => (a === null ? { linkId: String(i + 1) } : { linkId: String(i + 1), answer: [{ valueInteger: a }] }));
const scored = (instrument: QuestionnaireKey, answers: Array<number | null>) => {
  const result = scoreAnswers(instrument, items(...answers));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
};
const values = (instrument: QuestionnaireKey, answers: Array<number | null>) => Object.fromEntries(scored(instrument, answers).scores.map((s) => [s.key, s.value]));
const problems = (instrument: QuestionnaireKey, given: unknown[]) => {
  const result = scoreAnswers(instrument, given as never);
  return result.ok ? [] : result.problems;
};

describe('DIALOG (Priebe et al.): quality of life and treatment satisfaction means', () => {
  it('gives the mean of the eight life items and of the three treatment items', () => {
    // Life items 4+5+3+6+2+7+4+5 = 36, / 8 = 4.5; treatment 6+5+4 = 15, / 3 = 5.
    expect(values('dialog', [4, 5, 3, 6, 2, 7, 4, 5, 6, 5, 4])).toEqual({ 'quality-of-life': 4.5, 'treatment-satisfaction': 5 });
    // Treatment 5+5+4 = 14, / 3 = 4.666..., given to two places.
    expect(values('dialog', [1, 1, 1, 1, 1, 1, 1, 2, 5, 5, 4])).toEqual({ 'quality-of-life': 1.13, 'treatment-satisfaction': 4.67 });
  });

  it('gives neither mean with one of its items missing, and says which item; the other mean still stands', () => {
    const noPracticalHelp = scored('dialog', [4, 5, 3, 6, 2, 7, 4, 5, 6, null, 4]);
    expect(noPracticalHelp.scores.map((s) => [s.key, s.value])).toEqual([['quality-of-life', 4.5]]);
    expect(noPracticalHelp.notScored).toEqual([
      { key: 'treatment-satisfaction', label: 'Treatment satisfaction', why: 'item 10 not answered: the DIALOG treatment satisfaction needs every one of its items' },
    ]);
    const noJob = scored('dialog', [4, 5, null, 6, 2, 7, 4, 5, 6, 5, 4]);
    expect(noJob.scores.map((s) => s.key)).toEqual(['treatment-satisfaction']);
    expect(noJob.notScored[0]!.why).toContain('item 3 not answered');
  });

  it('refuses answers outside 1-7, decimals and words, naming the item', () => {
    expect(problems('dialog', items(0, 5, 3, 6, 2, 7, 4, 8, 6, 5, 4))).toEqual([
      { linkId: '1', message: 'must be a whole number from 1 to 7: 0 is outside the DIALOG answers' },
      { linkId: '8', message: 'must be a whole number from 1 to 7: 8 is outside the DIALOG answers' },
    ]);
    expect(problems('dialog', [{ linkId: '2', answer: [{ valueInteger: 4.5 }] }, { linkId: '3', answer: [{ valueString: 'five' }] }])).toEqual([
      { linkId: '2', message: 'must be answered with a whole number from 1 to 7 (valueInteger)' },
      { linkId: '3', message: 'must be answered with a whole number from 1 to 7 (valueInteger)' },
    ]);
  });
});

describe('ReQoL-10 (Keetharuth et al. 2018): negatively worded items reversed, total 0-40', () => {
  it('reverses items 1, 3, 6 and 9 and adds all ten', () => {
    // Reversed: 4-1, 4-0, 4-0, 4-1 = 3+4+4+3 = 14; as answered: items 2, 4, 5, 7, 8, 10 = 3+3+2+3+2+2 = 15. Total 29.
    expect(values('reqol-10', [1, 3, 0, 3, 2, 0, 3, 2, 1, 2])).toEqual({ total: 29 });
    // "Most or all of the time" to every item: the six positive items score 4, the four negative 0.
    expect(values('reqol-10', [4, 4, 4, 4, 4, 4, 4, 4, 4, 4])).toEqual({ total: 24 });
    expect(outcomeRules['reqol-10'].items.filter((i) => i.reversed).map((i) => i.linkId)).toEqual(['1', '3', '6', '9']);
  });

  it('gives no total with an item missing', () => {
    expect(scored('reqol-10', [1, 3, 0, 3, 2, null, 3, 2, 1, 2])).toMatchObject({
      scores: [],
      notScored: [{ key: 'total', why: 'item 6 not answered: the ReQoL-10 total needs every one of its items' }],
    });
  });

  it('refuses 5 and -1', () => {
    expect(problems('reqol-10', [{ linkId: '4', answer: [{ valueInteger: 5 }] }, { linkId: '5', answer: [{ valueInteger: -1 }] }]).map((p) => p.linkId)).toEqual(['4', '5']);
  });

  it('mirrors: answering every item the other way round gives 40 minus the total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 10, maxLength: 10 }), (answers) => {
        const total = values('reqol-10', answers).total!;
        expect(values('reqol-10', answers.map((a) => 4 - a)).total).toBe(40 - total);
      }),
    );
  });
});

describe('HoNOS (Wing et al. 1998): twelve scales 0-4, 9 not known', () => {
  it('adds the twelve ratings', () => {
    expect(values('honos', [2, 0, 1, 0, 1, 3, 2, 1, 2, 2, 1, 2])).toEqual({ total: 17 });
  });

  it('leaves scales rated 9 out of the total and names them, up to two', () => {
    const total = scored('honos', [2, 0, 1, 9, 1, 3, 2, 1, 2, 2, 9, 2]).scores[0]!;
    expect(total).toMatchObject({ value: 16, notKnownItems: ['4', '11'], higherIsBetter: false });
  });

  it('gives no total with three scales not known or missing', () => {
    expect(scored('honos', [2, 0, 1, 9, 1, 3, null, 1, 2, 2, 9, 2]).notScored[0]!.why).toBe(
      'item 7 not answered and items 4, 11 rated not known: the HoNOS total allows at most 2 items missing or not known',
    );
  });

  it('refuses ratings of 5 to 8, explaining 9', () => {
    expect(problems('honos', [{ linkId: '12', answer: [{ valueInteger: 5 }] }])).toEqual([
      { linkId: '12', message: 'must be a whole number from 0 to 4, or 9 for not known or not applicable: 5 is outside the HoNOS answers' },
    ]);
  });
});

describe('SWEMWBS (Stewart-Brown et al. 2009): raw total converted to the metric score', () => {
  it('converts the raw total by the published table', () => {
    expect(scored('swemwbs', [3, 3, 3, 3, 3, 3, 3]).scores[0]).toMatchObject({ key: 'metric', raw: 21, value: 19.25 });
    expect(scored('swemwbs', [4, 3, 4, 3, 4, 3, 4]).scores[0]).toMatchObject({ raw: 25, value: 22.35 });
    expect(values('swemwbs', [1, 1, 1, 1, 1, 1, 1])).toEqual({ metric: 7 });
    expect(values('swemwbs', [5, 5, 5, 5, 5, 5, 5])).toEqual({ metric: 35 });
  });

  it('has a metric score for every raw total from 7 to 35, rising with it', () => {
    const raw = Object.keys(swemwbsMetric).map(Number);
    expect(raw).toEqual(Array.from({ length: 29 }, (_, i) => i + 7));
    for (let r = 8; r <= 35; r++) expect(swemwbsMetric[r]!).toBeGreaterThan(swemwbsMetric[r - 1]!);
  });

  it('gives no score with an item missing, and refuses 0 and 6', () => {
    expect(scored('swemwbs', [3, 3, 3, null, 3, 3, 3]).scores).toEqual([]);
    expect(problems('swemwbs', items(0, 3, 3, 3, 3, 3, 6)).map((p) => p.linkId)).toEqual(['1', '7']);
  });
});

describe('PHQ-9 (Kroenke et al. 2001) and GAD-7 (Spitzer et al. 2006): totals and published bands', () => {
  it('adds the PHQ-9 items and names the band at each published boundary', () => {
    expect(scored('phq-9', [1, 2, 1, 2, 1, 1, 1, 1, 0]).scores[0]).toMatchObject({ value: 10, band: 'Moderate', min: 0, max: 27 });
    const band = (total: number) => scored('phq-9', Array.from({ length: 9 }, (_, i) => Math.min(3, Math.max(0, total - 3 * i)))).scores[0]!;
    expect([0, 4, 5, 9, 10, 14, 15, 19, 20, 27].map((t) => [band(t).value, band(t).band])).toEqual([
      [0, 'Minimal'], [4, 'Minimal'], [5, 'Mild'], [9, 'Mild'], [10, 'Moderate'], [14, 'Moderate'], [15, 'Moderately severe'], [19, 'Moderately severe'], [20, 'Severe'], [27, 'Severe'],
    ]);
  });

  it('adds the GAD-7 items and names the band', () => {
    expect(scored('gad-7', [2, 2, 1, 1, 1, 0, 0]).scores[0]).toMatchObject({ value: 7, band: 'Mild' });
    expect(scored('gad-7', [3, 3, 3, 2, 2, 1, 1]).scores[0]).toMatchObject({ value: 15, band: 'Severe' });
  });

  it('gives no total with an item missing, and refuses 4', () => {
    expect(scored('phq-9', [1, 2, 1, 2, 1, 1, 1, 1, null]).notScored[0]!.why).toBe('item 9 not answered: the PHQ-9 total needs every one of its items');
    expect(scored('gad-7', [null, 2, 1, 1, 1, 0, 0]).scores).toEqual([]);
    expect(problems('gad-7', [{ linkId: '3', answer: [{ valueInteger: 4 }] }])).toEqual([{ linkId: '3', message: 'must be a whole number from 0 to 3: 4 is outside the GAD-7 answers' }]);
  });
});

describe('reading a QuestionnaireResponse', () => {
  it('scores by the canonical questionnaire URL, and only completed responses', () => {
    const response = { questionnaire: questionnaires['gad-7'].url, status: 'completed', item: items(1, 1, 1, 1, 1, 1, 1) };
    expect(scoreQuestionnaireResponse(response)).toMatchObject({ ok: true, instrument: 'gad-7', scores: [{ value: 7 }] });
    expect(scoreQuestionnaireResponse({ ...response, questionnaire: `${questionnaires['gad-7'].url}|1.0` })).toMatchObject({ instrument: 'gad-7' });
    expect(scoreQuestionnaireResponse({ ...response, status: 'in-progress' })).toBeUndefined();
    expect(scoreQuestionnaireResponse({ ...response, questionnaire: 'https://example.org/Questionnaire/other' })).toBeUndefined();
  });

  it('refuses an item the instrument does not have and an item answered twice', () => {
    expect(problems('gad-7', [...items(1, 1, 1, 1, 1, 1, 1), { linkId: '8', answer: [{ valueInteger: 1 }] }, { linkId: '2', answer: [{ valueInteger: 1 }] }])).toEqual([
      { linkId: '8', message: 'is not an item of GAD-7: items are numbered 1 to 7' },
      { linkId: '2', message: 'is answered twice: each item has one answer' },
    ]);
  });

  it('keeps every score within its published range, for any complete answers', () => {
    for (const key of Object.keys(outcomeRules) as QuestionnaireKey[]) {
      const rules = outcomeRules[key];
      const answer = fc.constantFrom(...rules.answers.map((a) => a.value), ...(rules.notKnown ? [rules.notKnown.value] : []));
      fc.assert(
        fc.property(fc.array(answer, { minLength: rules.items.length, maxLength: rules.items.length }), (answers) => {
          for (const s of scored(key, answers).scores) {
            expect(s.value).toBeGreaterThanOrEqual(s.min);
            expect(s.value).toBeLessThanOrEqual(s.max);
          }
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('reliable change (Jacobson & Truax 1991)', () => {
  const phq = outcomeRules['phq-9'].scores[0]!;
  const life = outcomeRules.dialog.scores[0]!;

  it('counts a PHQ-9 change of 6 or more as reliable, down being better', () => {
    expect(reliableChange(phq, 16, 10)).toBe('reliably-improved');
    expect(reliableChange(phq, 16, 11)).toBe('no-reliable-change');
    expect(reliableChange(phq, 10, 16)).toBe('reliably-deteriorated');
  });

  it('works DIALOG quality of life from its reliability and SD: 1.96 × 1.1 × √2 × √0.29 = 1.64', () => {
    expect(reliableChange(life, 3, 4.75)).toBe('reliably-improved');
    expect(reliableChange(life, 3, 4.5)).toBe('no-reliable-change');
    expect(reliableChange(life, 5, 3.25)).toBe('reliably-deteriorated');
  });

  it('counts none where no published figure is held', () => {
    expect(reliableChange(outcomeRules['reqol-10'].scores[0]!, 10, 30)).toBeUndefined();
  });
});

describe('the DIALOG+ review (Priebe et al. 2015)', () => {
  it('puts each rating beside the one before, in the instrument order, with the change', () => {
    const before = scored('dialog', [4, 5, 3, 6, 2, 7, 4, 5, 6, 5, 4]).answers;
    const now = scored('dialog', [5, 5, 1, 6, 4, 7, 4, 5, 6, null, 4]).answers;
    const review = dialogReview(now, before);
    expect(review.map((r) => r.linkId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(review.slice(0, 3)).toEqual([
      { linkId: '1', label: 'Mental health', now: 5, before: 4, change: 1 },
      { linkId: '2', label: 'Physical health', now: 5, before: 5, change: 0 },
      { linkId: '3', label: 'Job situation', now: 1, before: 3, change: -2 },
    ]);
    expect(review[9]).toEqual({ linkId: '10', label: 'Practical help', now: null, before: 5, change: null });
  });

  it('has no change at the first DIALOG', () => {
    expect(dialogReview(scored('dialog', [4, 5, 3, 6, 2, 7, 4, 5, 6, 5, 4]).answers).every((r) => r.before === null && r.change === null && r.now !== null)).toBe(true);
  });
});
