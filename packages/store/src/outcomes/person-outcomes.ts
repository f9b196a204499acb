import { instrumentOf, londonDay, outcomeRules, questionnaires, scoredInstrumentOf, scoreQuestionnaireResponse, type AnswersByItem, type ItemProblem, type MeasureScore, type NotScored, type QuestionnaireKey } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
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

/** A measure's scores (each its key and value) and the day it counts on, without its answers: what the board reads of everyone. */
export type ScoredMeasure = Pick<DatedMeasure, 'personId' | 'day' | 'id' | 'instrument' | 'authored'> & { scores: Array<Pick<MeasureScore, 'key' | 'value'>> };

const outcomeUrls = Object.values(questionnaires).map((q) => q.url);

/** People read a slice at a time for the board (scoresOf, measureDaysOf), so that only a slice's responses are held as read. */
const SLICE_SIZE = 2_000;

/** Oldest first: by day, then the time it was authored, then id. */
const oldestFirst = (a: ScoredMeasure, b: ScoredMeasure) => a.day - b.day || a.authored.localeCompare(b.authored) || a.id.localeCompare(b.id);

/** The outcome measures' QuestionnaireResponses of the given people: the columns asked for, by the people's keys. */
function outcomeResponses<Row>(db: Kysely<Database>, personIds: readonly string[], columns: RawBuilder<unknown>) {
  return sql<Row>`
    SELECT person_id, id, ${columns} FROM record
    WHERE person_id = ANY(${[...personIds]}::text[]) AND resource_type = 'QuestionnaireResponse'
      AND split_part(resource->>'questionnaire', '|', 1) = ANY(${outcomeUrls}::text[])`.execute(db);
}

/**
 * The same responses a person's at a time: each person's as one JSON array of [id, ...columns],
 * parsed once by the driver. The board reads everyone's, and a row per response, with its items as
 * a JSON column of its own, cost Node more to take in than the scoring of it.
 */
function outcomeResponsesByPerson<Response extends unknown[]>(db: Kysely<Database>, personIds: readonly string[], columns: RawBuilder<unknown>) {
  return sql<{ person_id: string; responses: Response[] }>`
    SELECT person_id, json_agg(json_build_array(id, ${columns})) AS responses FROM record
    WHERE person_id = ANY(${[...personIds]}::text[]) AND resource_type = 'QuestionnaireResponse'
      AND split_part(resource->>'questionnaire', '|', 1) = ANY(${outcomeUrls}::text[])
    GROUP BY person_id`.execute(db);
}

/**
 * Completed outcome measures (QuestionnaireResponses answering an instrument the platform scores)
 * of the given people, dated on or before `asOf`, each scored by the domain's published rules,
 * oldest first. One query by the people's keys.
 */
export async function measuresOf(db: Kysely<Database>, personIds: readonly string[], asOf: string): Promise<DatedMeasure[]> {
  if (personIds.length === 0) return [];
  const last = londonDay(asOf)!;
  const result = await outcomeResponses<{ person_id: string; id: string; resource: Record<string, unknown> }>(db, personIds, sql`resource`);
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
  return measures.sort(oldestFirst);
}

/**
 * The measures measuresOf gives, with their scores only: for the board's outcome tiles, which read
 * everyone held. Only what scoring reads of each response is read (its questionnaire, status, items
 * and when it was authored), a slice of people at a time. The questionnaire and status are read as
 * text: a questionnaire that is not a string is not selected, and only the strings "completed" and
 * "amended" read as either.
 */
export async function scoresOf(db: Kysely<Database>, personIds: readonly string[], asOf: string): Promise<ScoredMeasure[]> {
  const last = londonDay(asOf)!;
  const measures: ScoredMeasure[] = [];
  for (let i = 0; i < personIds.length; i += SLICE_SIZE) {
    const result = await outcomeResponsesByPerson<[id: string, questionnaire: string | null, status: string | null, item: unknown, authored: unknown]>(
      db,
      personIds.slice(i, i + SLICE_SIZE),
      sql`resource->>'questionnaire', resource->>'status', resource->'item', resource->'authored'`,
    );
    for (const person of result.rows) {
      for (const [id, questionnaire, status, item, authored] of person.responses) {
        const scored = scoreQuestionnaireResponse({ questionnaire, status, item });
        const day = londonDay(authored as string | undefined);
        if (!scored || day === undefined || day > last) continue;
        measures.push({ personId: person.person_id, day, id, instrument: scored.instrument, authored: authored as string, scores: scored.ok ? scored.scores.map(({ key, value }) => ({ key, value })) : [] });
      }
    }
  }
  return measures.sort(oldestFirst);
}

/**
 * The days each person had a measure measuresOf would give, oldest first: whether a response is a
 * measure does not depend on its answers (scoredInstrumentOf), so none is read or scored. For the
 * board's completion tile when it is built alone.
 */
export async function measureDaysOf(db: Kysely<Database>, personIds: readonly string[], asOf: string): Promise<Map<string, number[]>> {
  const last = londonDay(asOf)!;
  const days = new Map<string, number[]>();
  for (let i = 0; i < personIds.length; i += SLICE_SIZE) {
    const result = await outcomeResponsesByPerson<[id: string, questionnaire: string | null, status: string | null, authored: unknown]>(
      db,
      personIds.slice(i, i + SLICE_SIZE),
      sql`resource->>'questionnaire', resource->>'status', resource->'authored'`,
    );
    for (const person of result.rows) {
      for (const [, questionnaire, status, authored] of person.responses) {
        const day = londonDay(authored as string | undefined);
        if (!scoredInstrumentOf({ questionnaire, status }) || day === undefined || day > last) continue;
        (days.get(person.person_id) ?? days.set(person.person_id, []).get(person.person_id)!).push(day);
      }
    }
  }
  for (const own of days.values()) own.sort((a, b) => a - b);
  return days;
}

/** One person's outcome measures over time, oldest first, as of a day. */
export async function personOutcomes(db: Kysely<Database>, personId: string, asOf: string): Promise<PersonMeasure[]> {
  return (await measuresOf(db, [personId], asOf)).map(({ personId: _, day: __, ...measure }) => measure);
}
