import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export async function grantBreakGlass(db: Kysely<Database>, grant: { personId: string; userId: string; reason: string; expiresAt: Date }) {
  await db.insertInto('break_glass').values({ person_id: grant.personId, user_id: grant.userId, reason: grant.reason, expires_at: grant.expiresAt }).execute();
}

export async function activeBreakGlass(db: Kysely<Database>, userId: string, personId: string, now: Date) {
  return db
    .selectFrom('break_glass')
    .select(['reason', 'expires_at'])
    .where('user_id', '=', userId)
    .where('person_id', '=', personId)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}
