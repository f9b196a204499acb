import { instrumentOf, londonDay, outcomeRules, questionnaires, scoreQuestionnaireResponse, type AnswersByItem, type ItemProblem, type MeasureScore, type NotScored, type QuestionnaireKey } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** One completed measure as the person's record shows it: its scores, or why it has none. */
export interface PersonMeasure {
  id: string;
  instrument: QuestionnaireKey;
  title: string;
  /** QuestionnaireResponse.authored: a day or an instant. */
  authored: string;
  /** Who rated it: the person themselves, or a clinician (HoNOS). */
  ratedBy: 'person' | 'clinician';
  scores: MeasureScore[];
  notScored: NotScored[];
  /** Each item's answer by linkId (null unanswered); empty when the answers cannot be read. */
  answers: AnswersByItem;
  /** Answers the published rules cannot read (an imported response out of range), by item. */
  problems: ItemProblem[];
}

/** A person's measures and the day each counts on, for the team report. */
export interface DatedMeasure extends PersonMeasure {
  personId: string;
  /** The day it was completed, in England, as a day number (londonDay). */
  day: number;
}

const outcomeUrls = Object.values(questionnaires).map((q) => q.url);

/**
 * Completed outcome measures (QuestionnaireResponses answering an instrument the platform scores)
 * of the given people, dated on or before `asOf`, each scored by the domain's published rules,
 * oldest first. One query by the people's keys.
 */
export async function measuresOf(db: Kysely<Database>, personIds: readonly string[], asOf: string): Promise<DatedMeasure[]> {
  if (personIds.length === 0) return [];
  const last = londonDay(asOf)!;
  const result = await sql<{ person_id: string; id: string; resource: Record<string, unknown> }>`
    SELECT person_id, id, resource FROM record
    WHERE person_id = ANY(${[...personIds]}::text[]) AND resource_type = 'QuestionnaireResponse'
      AND split_part(resource->>'questionnaire', '|', 1) = ANY(${outcomeUrls}::text[])`.execute(db);
  const measures: DatedMeasure[] = [];
  for (const row of result.rows) {
    const scored = scoreQuestionnaireResponse(row.resource);
    const day = londonDay(row.resource.authored as string | undefined);
    if (!scored || day === undefined || day > last) continue;
    const instrument = instrumentOf(row.resource.questionnaire)!;
    measures.push({
      personId: row.person_id,
      day,
      id: row.id,
      instrument,
      title: questionnaires[instrument].title,
      authored: row.resource.authored as string,
      ratedBy: outcomeRules[instrument].ratedBy,
      scores: scored.ok ? scored.scores : [],
      notScored: scored.ok ? scored.notScored : [],
      answers: scored.ok ? scored.answers : {},
      problems: scored.ok ? [] : scored.problems,
    });
  }
  return measures.sort((a, b) => a.day - b.day || a.authored.localeCompare(b.authored) || a.id.localeCompare(b.id));
}

/** One person's outcome measures over time, oldest first, as of a day. */
export async function personOutcomes(db: Kysely<Database>, personId: string, asOf: string): Promise<PersonMeasure[]> {
  return (await measuresOf(db, [personId], asOf)).map(({ personId: _, day: __, ...measure }) => measure);
}
