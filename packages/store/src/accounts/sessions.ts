import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Sessions are stored by the hash of their token, so a copy of the table cannot be used to sign in. */
export async function createSession(db: Kysely<Database>, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insertInto('app_session').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function findSessionUser(db: Kysely<Database>, tokenHash: string, now: Date): Promise<string | undefined> {
  const row = await db
    .selectFrom('app_session')
    .innerJoin('app_user', 'app_user.id', 'app_session.user_id')
    .select('app_session.user_id')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .where('app_user.active', '=', true)
    .executeTakeFirst();
  return row?.user_id;
}

export async function endSession(db: Kysely<Database>, tokenHash: string) {
  await db.deleteFrom('app_session').where('token_hash', '=', tokenHash).execute();
}
