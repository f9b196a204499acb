import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface SsoAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Keeps a sign-in begun at the provider, by the hash of the browser's token; clears ones that expired unfinished. */
export async function beginSsoAttempt(db: Kysely<Database>, tokenHash: string, attempt: SsoAttempt, expiresAt: Date, now: Date): Promise<void> {
  await db.deleteFrom('sso_attempt').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sso_attempt')
    .values({ token_hash: tokenHash, state: attempt.state, nonce: attempt.nonce, code_verifier: attempt.codeVerifier, return_to: attempt.returnTo, expires_at: expiresAt })
    .execute();
}

/** Removes and returns the sign-in the token began, if it has not expired: each can be finished once only. */
export async function takeSsoAttempt(db: Kysely<Database>, tokenHash: string, now: Date): Promise<SsoAttempt | undefined> {
  const row = await db.deleteFrom('sso_attempt').where('token_hash', '=', tokenHash).returningAll().executeTakeFirst();
  if (!row || new Date(row.expires_at) <= now) return undefined;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, returnTo: row.return_to };
}
