import { sql, type RawBuilder } from 'kysely';

/**
 * `AND <column> = ANY(people)`, bounded as well by the least and greatest of them. A slice of a
 * population is a run of person ids, so the bounds tell the planner how few rows it holds: given
 * the array alone, PostgreSQL guesses a few thousand ids could be anywhere and scans the whole
 * table (every encounter of 100k people, once per slice) rather than the primary key's range. The
 * bounds are worked out in SQL, so they follow the database's collation and never leave anyone out.
 */
export function peopleByKeySql(personIds: readonly string[], column = 'person_id'): RawBuilder<unknown> {
  const people = sql`${[...personIds]}::text[]`;
  const ref = sql.ref(column);
  return sql`AND ${ref} = ANY(${people})
    AND ${ref} >= (SELECT min(p) FROM unnest(${people}) AS p) AND ${ref} <= (SELECT max(p) FROM unnest(${people}) AS p)`;
}
