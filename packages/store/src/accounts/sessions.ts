import { sql, type Kysely } from 'kysely';
import { staffWhere, type StaffUser } from './users.ts';
import type { Database } from '../schema.ts';

/** Sessions are stored by the hash of their token, so a copy of the table cannot be used to sign in. */
export async function createSession(db: Kysely<Database>, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insertInto('app_session').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

/** The active user a live session belongs to, with their teams: one query per request. */
export async function findSessionStaff(db: Kysely<Database>, tokenHash: string, now: Date): Promise<StaffUser | undefined> {
  return staffWhere(db, sql`u.active AND u.id = (SELECT user_id FROM app_session WHERE token_hash = ${tokenHash} AND expires_at > ${now})`);
}

export async function endSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom('app_session').where('token_hash', '=', tokenHash).execute();
}
