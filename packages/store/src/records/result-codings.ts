import { sql, type RawBuilder } from 'kysely';

/**
 * Every coding of an Observation: its code's and its components' (a blood pressure panel's systolic
 * code). The path is asked only of results that have components: it costs a third of the query,
 * and of a result without them it finds none.
 */
export function resultCodingsSql(alias: string): RawBuilder<unknown> {
  const resource = sql.ref(`${alias}.resource`);
  return sql`coalesce(${resource}->'code'->'coding', '[]'::jsonb) || CASE WHEN ${resource} ? 'component' THEN jsonb_path_query_array(${resource}, '$.component[*].code.coding[*]') ELSE '[]'::jsonb END`;
}
