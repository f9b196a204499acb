import { sql, type Kysely } from 'kysely';
import type { SelfAssessmentCategory, SelfAssessmentRating } from '@continuity/domain';
import type { Database } from '../schema.ts';

export interface StoredAnswer {
  questionId: string;
  rating: SelfAssessmentRating | null;
  category: SelfAssessmentCategory | null;
  comments: string | null;
  /** 0 for a question never answered. */
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface AnswerEdit {
  questionId: string;
  rating: SelfAssessmentRating | null;
  category: SelfAssessmentCategory | null;
  comments: string | null;
  /** The version the editor read: 0 when the question had no answer. */
  version: number;
  by: string;
}

const columns = ['question_id', 'answer', 'category', 'comments', 'version', 'updated_by', 'updated_at'] as const;
type Row = { question_id: string; answer: string | null; category: string | null; comments: string | null; version: number; updated_by: string; updated_at: Date | string };

function toAnswer(r: Row): StoredAnswer {
  return {
    questionId: r.question_id, rating: r.answer as SelfAssessmentRating | null, category: r.category as SelfAssessmentCategory | null,
    comments: r.comments, version: r.version, updatedBy: r.updated_by, updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function listSelfAssessmentAnswers(db: Kysely<Database>): Promise<StoredAnswer[]> {
  return (await db.selectFrom('self_assessment_answer').select(columns).orderBy('question_id').execute()).map(toAnswer);
}

/**
 * Saves an answer only if it is still the version the editor read: the first answer to a question
 * (version 0) inserts, later ones update. Anything else is a stale edit, returned with what is
 * stored now so the editor can see who changed it. Call inside the transaction that audits it.
 */
export async function saveSelfAssessmentAnswer(db: Kysely<Database>, edit: AnswerEdit): Promise<{ saved: StoredAnswer } | { stale: StoredAnswer }> {
  const values = { answer: edit.rating, category: edit.category, comments: edit.comments, updated_by: edit.by };
  const row =
    edit.version === 0
      ? await db.insertInto('self_assessment_answer').values({ question_id: edit.questionId, ...values }).onConflict((oc) => oc.column('question_id').doNothing()).returning(columns).executeTakeFirst()
      : await db
          .updateTable('self_assessment_answer')
          .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
          .where('question_id', '=', edit.questionId)
          .where('version', '=', edit.version)
          .returning(columns)
          .executeTakeFirst();
  if (row) return { saved: toAnswer(row) };
  const current = await db.selectFrom('self_assessment_answer').select(columns).where('question_id', '=', edit.questionId).executeTakeFirst();
  return { stale: current ? toAnswer(current) : { questionId: edit.questionId, rating: null, category: null, comments: null, version: 0, updatedBy: null, updatedAt: null } };
}
