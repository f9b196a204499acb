import type { EpisodeFact } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A person's episodes of care, as the domain reads them to choose a contact's episode and team. */
export async function personEpisodes(db: Kysely<Database>, personId: string): Promise<EpisodeFact[]> {
  const result = await sql<{ id: string; status: string; start: string | null; end: string | null; team: string | null }>`
    SELECT id, status, resource->'period'->>'start' AS start, resource->'period'->>'end' AS "end",
           resource->'managingOrganization'->>'reference' AS team
    FROM record WHERE person_id = ${personId} AND resource_type = 'EpisodeOfCare' ORDER BY id`.execute(db);
  return result.rows.map((r) => ({ id: r.id, status: r.status, start: r.start, end: r.end, teamId: r.team?.startsWith('Organization/') ? r.team.slice('Organization/'.length) : null }));
}
