import { system, teamTypes } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** The trust's community teams (Organizations with a team type), by name: where triage can accept a person to. */
export async function trustTeams(db: Kysely<Database>): Promise<Array<{ id: string; name: string }>> {
  const rows = (await sql<{ id: string; name: string | null }>`
    SELECT id, resource->>'name' AS name FROM shared_record WHERE resource_type = 'Organization'
      AND jsonb_path_exists(resource, ${`$.type[*].coding[*] ? (@.system == "${system.organisationType}")`}::jsonpath)
      AND (jsonb_path_query_first(resource, ${`$.type[*].coding[*] ? (@.system == "${system.organisationType}").code`}::jsonpath) #>> '{}') = ANY(${[...teamTypes]}::text[])`.execute(db)).rows;
  return rows.map((r) => ({ id: r.id, name: r.name ?? r.id })).sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
