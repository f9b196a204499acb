import { system } from '@continuity/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Episode states in which a team holds the person (as in access/relationships.ts). */
const OPEN_EPISODE = ['planned', 'waitlist', 'active', 'onhold'];

/** The care intensities (CS/care-intensity) of a person's open episodes of care: what the need-to-know gate asks. */
export async function openCareIntensities(db: Kysely<Database>, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('record')
    .select(sql<string | null>`jsonb_path_query_first(resource, ${`$.type[*].coding[*] ? (@.system == "${system.careIntensity}").code`}::jsonpath) #>> '{}'`.as('intensity'))
    .where('person_id', '=', personId)
    .where('resource_type', '=', 'EpisodeOfCare')
    .where('status', 'in', OPEN_EPISODE)
    .execute();
  return [...new Set(rows.map((r) => r.intensity).filter((i): i is string => Boolean(i)))];
}
