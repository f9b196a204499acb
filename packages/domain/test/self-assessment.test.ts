import { describe, expect, it } from 'vitest';
import { incidentThemes, isOverdue, maturitySummary, selfAssessmentDomains, selfAssessmentQuestions } from '@continuity/domain';

describe('the ICB self-assessment tool as data', () => {
  it('has the seed’s 14 domains and 161 questions, each id unique, in order, and cited by line', () => {
    expect(selfAssessmentDomains.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(selfAssessmentQuestions.size).toBe(161);
    const lines = selfAssessmentDomains.flatMap((d) => d.items.map((i) => i.line));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines[0]).toBeGreaterThan(744);
    expect(lines.at(-1)).toBeLessThan(1161);
    for (const d of selfAssessmentDomains) {
      const ids = d.items.flatMap((i) => (i.kind === 'question' ? [i.id] : []));
      expect(ids, d.title).toEqual(ids.map((_, n) => `${d.number}.${n + 1}`));
    }
  });

  it('has the 26 CMOC themes of the CQC review, in its order', () => {
    expect(Object.keys(incidentThemes)).toEqual(Array.from({ length: 26 }, (_, i) => `cmoc-${i + 1}`));
  });
});

describe('the maturity summary', () => {
  it('counts ratings per domain and the share of essential questions answered "Yes"', () => {
    const summary = maturitySummary([
      { questionId: '13.1', rating: 'working-well', category: 'essential' },
      { questionId: '13.2', rating: 'needs-improvement', category: 'essential' },
      { questionId: '13.3', rating: 'action-in-hand', category: 'essential' },
      { questionId: '13.4', rating: null, category: 'essential' },
      { questionId: '13.5', rating: 'action-needed', category: 'desirable' },
    ]);
    expect(summary[12]).toEqual({
      domain: 13, title: 'Policy variation control', questions: 8,
      ratings: { 'action-needed': 1, 'action-in-hand': 1, 'needs-improvement': 1, 'working-well': 1, unrated: 4 },
      essential: { questions: 4, met: 2, share: 0.5 },
    });
    expect(summary[0]!.essential).toEqual({ questions: 0, met: 0, share: null });
  });
});

describe('an overdue action', () => {
  it('is not done and due before today', () => {
    expect(isOverdue({ status: 'open', due: '2026-06-29' }, '2026-06-30')).toBe(true);
    expect(isOverdue({ status: 'in-progress', due: '2026-06-29' }, '2026-06-30')).toBe(true);
    expect(isOverdue({ status: 'open', due: '2026-06-30' }, '2026-06-30')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-01-01' }, '2026-06-30')).toBe(false);
  });
});
