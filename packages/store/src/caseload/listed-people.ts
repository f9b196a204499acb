import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface PersonLabel {
  name: string | null;
  nhsNumber: string | null;
}

/** Name and NHS number of some people, in one query (one array parameter however many). */
export async function personLabels(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, PersonLabel>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['person_id', 'nhs_number', 'given_names', 'family_name'])
    .where(sql<boolean>`person_id = ANY(${[...personIds]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.person_id, { name: [r.given_names, r.family_name].filter(Boolean).join(' ') || null, nhsNumber: r.nhs_number }]));
}
