import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface StaffMember {
  id: string;
  name: string;
  role: string;
}

/** Active staff in any of some teams: who may own a person's escalation steps. */
export async function activeStaffOfTeams(db: Kysely<Database>, teamIds: readonly string[]): Promise<StaffMember[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('app_user')
    .innerJoin('app_user_team', 'app_user_team.user_id', 'app_user.id')
    .select(['app_user.id', 'app_user.display_name', 'app_user.role'])
    .distinct()
    .where('app_user.active', '=', true)
    .where(sql<boolean>`app_user_team.team_id = ANY(${[...teamIds]}::text[])`)
    .orderBy('app_user.display_name')
    .orderBy('app_user.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, role: r.role }));
}

/** Display names of app users by id (owners, and who recorded what), for screens. */
export async function staffNames(db: Kysely<Database>, userIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('app_user').select(['id', 'display_name']).where(sql<boolean>`id = ANY(${ids}::text[])`).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
