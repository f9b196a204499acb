import { ctoLegalStatus, detentionLegalStatuses, endOfLondonDay, isoDay, londonDay, londonToday, mhaUseReport, system, type MhaUseReport } from '@continuity/domain';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { peopleByKeySql } from '../records/people-by-key.ts';
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
 * detention and to a CTO. The mha-use report and the board's tile count from the same SQL; a board
 * build of some people (sorted ids) reads only their legal statuses.
 */
export function subjectToTheAct(asOf: string, people?: readonly string[]): RawBuilder<unknown> {
  return sql`
      in_force AS (
        SELECT person_id, jsonb_path_query_first(resource, ${`$.code.coding[*] ? (@.system == "${system.mhaLegalStatus}").code`}::jsonpath) #>> '{}' AS code
        FROM record
        WHERE resource_type = 'Flag' AND resource @> ${legalStatusCategory}::jsonb AND status <> 'entered-in-error' ${people ? peopleByKeySql(people) : sql``}
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

/**
 * People alive at the end of each day (the report's denominator), each with whether they were
 * subject to the Act that day, in the person table's key order. The person table is read once for
 * all the days, and each day only who was subject: a row per person per day was most of what a
 * board trend read (a million rows at 100,000 people). Given `people` (sorted ids), of them alone.
 */
export async function peopleSubjectToTheActOnDays(db: Kysely<Database>, days: readonly string[], scope: { people?: readonly string[] } = {}): Promise<Array<Array<{ personId: string; subject: boolean }>>> {
  const ends = days.map((asOf) => {
    const day = londonDay(asOf);
    if (day === undefined || isoDay(day) !== asOf) throw new Error(`as-of must be a date (YYYY-MM-DD), not "${asOf}"`);
    return endOfLondonDay(day).getTime();
  });
  // When each died, to the millisecond (truncated, as a Date made from it would be): alive at the end
  // of a day is not dead before it, as the report's `deceased_at >= end of day`.
  const people = (await sql<{ person_id: string; deceased_ms: number | null }>`
      SELECT person_id, floor(extract(epoch FROM deceased_at) * 1000)::float8 AS deceased_ms FROM person
      ${scope.people ? sql`WHERE TRUE ${peopleByKeySql(scope.people)}` : sql``} ORDER BY person_id`.execute(db)).rows;
  const onDays: Array<Array<{ personId: string; subject: boolean }>> = [];
  for (const [i, asOf] of days.entries()) {
    const subject = new Set((await sql<{ person_id: string }>`WITH ${subjectToTheAct(asOf, scope.people)} SELECT person_id FROM subject WHERE detained OR on_cto`.execute(db)).rows.map((r) => r.person_id));
    const end = ends[i]!;
    onDays.push(people.filter((p) => p.deceased_ms === null || p.deceased_ms >= end).map((p) => ({ personId: p.person_id, subject: subject.has(p.person_id) })));
  }
  return onDays;
}
