import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.ts';

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  practitionerId: string | null;
  organisationId: string | null;
  active: boolean;
  teams: Array<{ id: string; name: string }>;
}

export interface NewStaffUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string | null;
  practitionerId?: string | null;
  organisationId?: string | null;
  teamIds?: string[];
}

export async function createUser(db: Kysely<Database>, user: NewStaffUser): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('app_user')
      .values({
        id: user.id,
        username: user.username.toLowerCase(),
        display_name: user.displayName,
        role: user.role,
        password_hash: user.passwordHash,
        practitioner_id: user.practitionerId ?? null,
        organisation_id: user.organisationId ?? null,
        locked_until: null,
      })
      .execute();
    if (user.teamIds?.length) {
      await trx.insertInto('app_user_team').values(user.teamIds.map((team_id) => ({ user_id: user.id, team_id }))).execute();
    }
  });
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('app_user').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stored credentials for signing in, or undefined when there is no such user. */
export async function findCredentials(db: Kysely<Database>, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'password_hash', 'active', 'failed_sign_ins', 'locked_until'])
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
}

export async function recordSignInAttempt(db: Kysely<Database>, userId: string, succeeded: boolean, lockUntil: Date | null) {
  await db
    .updateTable('app_user')
    .set((eb) => (succeeded ? { failed_sign_ins: 0, locked_until: null } : { failed_sign_ins: eb('failed_sign_ins', '+', 1), locked_until: lockUntil }))
    .where('id', '=', userId)
    .execute();
}

export async function getUser(db: Kysely<Database>, userId: string): Promise<StaffUser | undefined> {
  return staffWhere(db, sql`u.id = ${userId}`);
}

/** One user with their teams and the teams' names, in one query: it runs on every signed-in request. */
export async function staffWhere(db: Kysely<Database>, condition: RawBuilder<unknown>): Promise<StaffUser | undefined> {
  const found = await sql<{ id: string; username: string; display_name: string; role: string; practitioner_id: string | null; organisation_id: string | null; active: boolean; teams: Array<{ id: string; name: string }> | string }>`
    SELECT u.id, u.username, u.display_name, u.role, u.practitioner_id, u.organisation_id, u.active,
           coalesce(json_agg(json_build_object('id', t.team_id, 'name', coalesce(o.resource->>'name', t.team_id)) ORDER BY t.team_id) FILTER (WHERE t.team_id IS NOT NULL), '[]') AS teams
    FROM app_user u
    LEFT JOIN app_user_team t ON t.user_id = u.id
    LEFT JOIN shared_record o ON o.resource_type = 'Organization' AND o.id = t.team_id
    WHERE ${condition}
    GROUP BY u.id`.execute(db);
  const user = found.rows[0];
  if (!user) return undefined;
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    practitionerId: user.practitioner_id,
    organisationId: user.organisation_id,
    active: user.active,
    teams: typeof user.teams === 'string' ? JSON.parse(user.teams) : user.teams,
  };
}

/**
 * A new password for a user: unlocks the account and ends every session it had, so whoever knew the
 * old password is signed out too. False when there is no such user.
 */
export async function setUserPassword(db: Kysely<Database>, username: string, passwordHash: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.updateTable('app_user').set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null }).where('username', '=', username.toLowerCase()).returning('id').executeTakeFirst();
    if (!user) return false;
    await trx.deleteFrom('app_session').where('user_id', '=', user.id).execute();
    return true;
  });
}
