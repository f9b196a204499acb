import type { Kysely } from 'kysely';
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
  const user = await db.selectFrom('app_user').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return undefined;
  const teamIds = (await db.selectFrom('app_user_team').select('team_id').where('user_id', '=', userId).execute()).map((t) => t.team_id);
  const teamRows = teamIds.length
    ? await db.selectFrom('shared_record').select(['id', 'resource']).where('resource_type', '=', 'Organization').where('id', 'in', teamIds).execute()
    : [];
  const teamNames = new Map(teamRows.map((t) => [t.id, String((t.resource as { name?: string }).name ?? t.id)]));
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    practitionerId: user.practitioner_id,
    organisationId: user.organisation_id,
    active: user.active,
    teams: teamIds.map((id) => ({ id, name: teamNames.get(id) ?? id })),
  };
}
