import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** An episode of care as the rules judge who held a person on a day: its team and its dates. */
export interface HeldEpisodeFact {
  id: string;
  status: string;
  start?: string | null;
  end?: string | null;
  teamId: string | null;
}

/** Every episode of care of some people, by person, read by key in one query. */
export async function loadPersonEpisodes(db: Kysely<Database>, personIds: readonly string[]): Promise<Map<string, HeldEpisodeFact[]>> {
  const rows = (await sql<{ person_id: string; id: string; status: string; start: string | null; end: string | null; team: string | null }>`
    SELECT person_id, id, status, resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end",
      resource->'managingOrganization'->>'reference' AS team
    FROM record WHERE resource_type = 'EpisodeOfCare' AND person_id = ANY(${[...personIds]}::text[])`.execute(db)).rows;
  const byPerson = new Map<string, HeldEpisodeFact[]>();
  for (const r of rows) {
    const teamId = r.team?.startsWith('Organization/') ? r.team.slice('Organization/'.length) : null;
    const list = byPerson.get(r.person_id) ?? [];
    list.push({ id: r.id, status: r.status, start: r.start, end: r.end, teamId });
    byPerson.set(r.person_id, list);
  }
  return byPerson;
}
