import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Links an identity at a single sign-on provider to a staff account; replaces the account's earlier identity there. */
export async function linkIdentity(db: Kysely<Database>, link: { userId: string; issuer: string; subject: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('app_user_identity').where('user_id', '=', link.userId).where('issuer', '=', link.issuer).execute();
    await trx.insertInto('app_user_identity').values({ user_id: link.userId, issuer: link.issuer, subject: link.subject }).execute();
  });
}

/** The account an identity is linked to, or undefined when nobody has linked it. */
export async function findLinkedUser(db: Kysely<Database>, issuer: string, subject: string) {
  return db
    .selectFrom('app_user_identity as i')
    .innerJoin('app_user as u', 'u.id', 'i.user_id')
    .select(['u.id', 'u.role', 'u.active'])
    .where('i.issuer', '=', issuer)
    .where('i.subject', '=', subject)
    .executeTakeFirst();
}

/** The provider's roles decide: a sign-in through it sets the account's role to the mapped one. */
export async function setUserRole(db: Kysely<Database>, userId: string, role: string): Promise<void> {
  await db.updateTable('app_user').set({ role }).where('id', '=', userId).execute();
}
