import { ctoLegalStatus, detentionLegalStatuses, endOfLondonDay, isoDay, londonDay, londonToday, mhaUseReport, system, type MhaUseReport } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';
import { legalStatusCategory } from './legal-status-facts.ts';

/**
 * The mha-use report: people on record by ethnic category, and how many were subject on the
 * as-of day to a detention (section 2 or 3) and to a CTO, as rates per 100,000 (mhaUseReport in
 * the domain). One aggregate query; nobody is named. A legal status is counted as in force on the
 * day when its period began on or before it (by the calendar date written) and ended after it, or
 * has not ended and the Flag is active.
 */
export async function mhaUse(db: Kysely<Database>, options: { asOf?: string } = {}): Promise<MhaUseReport> {
  const asOf = options.asOf ?? londonToday();
  const day = londonDay(asOf);
  if (day === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || isoDay(day) !== asOf) throw new Error(`as-of must be a date (YYYY-MM-DD), not "${asOf}"`);
  const before = endOfLondonDay(day).toISOString();
  const rows = (
    await sql<{ ethnic_category: string | null; people: number; detained: number; on_cto: number }>`
      WITH ${subjectToTheAct(asOf)}
      SELECT p.ethnic_category, count(*)::int AS people,
        count(*) FILTER (WHERE s.detained)::int AS detained, count(*) FILTER (WHERE s.on_cto)::int AS on_cto
      FROM person p LEFT JOIN subject s ON s.person_id = p.person_id
      WHERE p.deceased_at IS NULL OR p.deceased_at >= ${before}::timestamptz
      GROUP BY p.ethnic_category`.execute(db)
  ).rows;
  return mhaUseReport(rows.map((r) => ({ ethnicCategory: r.ethnic_category, people: r.people, detained: r.detained, onCto: r.on_cto })), asOf);
}

/**
 * The CTEs `in_force` and `subject` (person_id, detained, on_cto): who was subject on the day to a
 * detention and to a CTO. The mha-use report and the board's tile count from the same SQL.
 */
export function subjectToTheAct(asOf: string): RawBuilder<unknown> {
  return sql`
      in_force AS (
        SELECT person_id, jsonb_path_query_first(resource, ${`$.code.coding[*] ? (@.system == "${system.mhaLegalStatus}").code`}::jsonpath) #>> '{}' AS code
        FROM record
        WHERE resource_type = 'Flag' AND resource @> ${legalStatusCategory}::jsonb AND status <> 'entered-in-error'
          AND left(resource->'period'->>'start', 10) <= ${asOf}
          AND (left(resource->'period'->>'end', 10) > ${asOf} OR (resource->'period'->>'end' IS NULL AND status = 'active'))
      ),
      subject AS (
        SELECT person_id,
          bool_or(code = ANY(${[...detentionLegalStatuses]}::text[])) AS detained,
          bool_or(code = ${ctoLegalStatus}) AS on_cto
        FROM in_force GROUP BY person_id
      )`;
}

/** People alive at the end of the day (the report's denominator), each with whether they were subject to the Act. */
export async function peopleSubjectToTheAct(db: Kysely<Database>, asOf: string): Promise<Array<{ personId: string; subject: boolean }>> {
  const day = londonDay(asOf);
  if (day === undefined || isoDay(day) !== asOf) throw new Error(`as-of must be a date (YYYY-MM-DD), not "${asOf}"`);
  const before = endOfLondonDay(day).toISOString();
  const rows = (await sql<{ person_id: string; subject: boolean }>`
      WITH ${subjectToTheAct(asOf)}
      SELECT p.person_id, coalesce(s.detained OR s.on_cto, false) AS subject
      FROM person p LEFT JOIN subject s ON s.person_id = p.person_id
      WHERE p.deceased_at IS NULL OR p.deceased_at >= ${before}::timestamptz`.execute(db)).rows;
  return rows.map((r) => ({ personId: r.person_id, subject: r.subject }));
}
