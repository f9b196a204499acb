import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../schema.ts';

/** Episode states in which a team holds the person. */
const OPEN_EPISODE = ['planned', 'waitlist', 'active', 'onhold'];

export interface PersonRelationships {
  exists: boolean;
  teams: string[];
  keyWorkers: string[];
}

/** Which teams and key workers currently hold a person: open episodes, and referrals awaiting a team. */
export async function personRelationships(db: Kysely<Database>, personId: string): Promise<PersonRelationships> {
  const [person, episodes, referrals] = await Promise.all([
    db.selectFrom('person').select('person_id').where('person_id', '=', personId).executeTakeFirst(),
    db
      .selectFrom('record')
      .select([sql<string | null>`resource->'managingOrganization'->>'reference'`.as('team'), sql<string | null>`resource->'careManager'->>'reference'`.as('keyWorker')])
      .where('person_id', '=', personId)
      .where('resource_type', '=', 'EpisodeOfCare')
      .where('status', 'in', OPEN_EPISODE)
      .execute(),
    db
      .selectFrom('record')
      .select(sql<string | null>`jsonb_path_query_first(resource, '$.performer[*].reference') #>> '{}'`.as('team'))
      .where('person_id', '=', personId)
      .where('resource_type', '=', 'ServiceRequest')
      .where('status', '=', 'active')
      .execute(),
  ]);
  const strip = (prefix: string) => (ref: string | null) => (ref?.startsWith(prefix) ? ref.slice(prefix.length) : undefined);
  const teams = [...episodes.map((e) => e.team), ...referrals.map((r) => r.team)].map(strip('Organization/')).filter((t): t is string => Boolean(t));
  const keyWorkers = episodes.map((e) => e.keyWorker).map(strip('Practitioner/')).filter((k): k is string => Boolean(k));
  return { exists: Boolean(person), teams: [...new Set(teams)], keyWorkers: [...new Set(keyWorkers)] };
}
