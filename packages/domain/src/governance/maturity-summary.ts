import { metRatings, selfAssessmentDomains, selfAssessmentRatings, type SelfAssessmentCategory, type SelfAssessmentRating } from './self-assessment-tool.ts';

export interface SelfAssessmentAnswer {
  questionId: string;
  rating: SelfAssessmentRating | null;
  category: SelfAssessmentCategory | null;
}

export interface DomainMaturity {
  domain: number;
  title: string;
  questions: number;
  /** How many questions have each rating, and how many are not rated yet. */
  ratings: Record<SelfAssessmentRating, number> & { unrated: number };
  essential: {
    questions: number;
    /** Essential questions rated "Yes" (working well, or needing improvement). */
    met: number;
    /** met / questions, to two places; null when no question is categorised essential. */
    share: number | null;
  };
}

/**
 * Where each domain stands: counts by rating, and the share of its essential questions met. Counts,
 * not a score: the tool asks for a conversation about each domain (003_* line 790), and a single
 * number would hide which questions need action.
 */
export function maturitySummary(answers: readonly SelfAssessmentAnswer[]): DomainMaturity[] {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  return selfAssessmentDomains.map((domain) => {
    const questions = domain.items.flatMap((i) => (i.kind === 'question' ? [i.id] : []));
    const ratings = { ...(Object.fromEntries(Object.keys(selfAssessmentRatings).map((r) => [r, 0])) as Record<SelfAssessmentRating, number>), unrated: 0 };
    let essential = 0;
    let met = 0;
    for (const id of questions) {
      const answer = byQuestion.get(id);
      if (answer?.rating) ratings[answer.rating]++;
      else ratings.unrated++;
      if (answer?.category === 'essential') {
        essential++;
        if (answer.rating && metRatings.includes(answer.rating)) met++;
      }
    }
    return {
      domain: domain.number,
      title: domain.title,
      questions: questions.length,
      ratings,
      essential: { questions: essential, met, share: essential === 0 ? null : Math.round((met / essential) * 100) / 100 },
    };
  });
}
