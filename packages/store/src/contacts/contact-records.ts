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

export interface HeldContact {
  personId: string;
  type: 'Appointment' | 'Encounter';
  contentHash: string;
}

/**
 * Appointments and Encounters already held with this id, whoever's they are: a contact id is made
 * once by the form that records it, so finding one means the contact was sent before (or the id
 * was reused, which must be refused rather than overwrite another record).
 */
export async function findContactRecords(db: Kysely<Database>, id: string): Promise<HeldContact[]> {
  const rows = await db
    .selectFrom('record')
    .select(['person_id', 'resource_type', 'content_hash'])
    .where('resource_type', 'in', ['Appointment', 'Encounter'])
    .where('id', '=', id)
    .execute();
  return rows.map((r) => ({ personId: r.person_id, type: r.resource_type as HeldContact['type'], contentHash: r.content_hash }));
}
