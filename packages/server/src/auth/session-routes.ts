import { createSession, endSession, findCredentials, getUser, recordSignInAttempt, type Store } from '@continuity/store';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ApiError, parseInput } from '../http/errors.ts';
import { withOrganisationKind } from './organisation-kind.ts';
import { passwordMatches } from './passwords.ts';
import { SESSION_COOKIE, SESSION_HOURS, hashToken, newToken, requireStaff, setSessionCookie } from './session.ts';

/** Five wrong passwords lock the account for a quarter of an hour. */
const LOCKOUT_AFTER = 5;
const LOCKOUT_MINUTES = 15;

const signIn = z.object({
  username: z.string().trim().min(1, 'is required').max(200),
  password: z.string().min(1, 'is required').max(1000),
});

export function sessionRoutes(app: FastifyInstance, store: Store, options: { secureCookies: boolean; passwordSignIn: boolean }) {
  app.post('/api/session', { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } }, async (request, reply) => {
    if (!options.passwordSignIn) throw new ApiError(403, 'password-sign-in-off', 'Passwords are not used to sign in here: sign in with single sign-on.');
    const { username, password } = parseInput(signIn, request.body, 'body');
    const credentials = await findCredentials(store.db, username);
    const refuse = () => new ApiError(401, 'sign-in-failed', 'The username or password is not right.');
    if (!credentials || !credentials.active) throw refuse();
    if (credentials.locked_until && new Date(credentials.locked_until) > new Date()) {
      throw new ApiError(423, 'account-locked', `Too many wrong passwords: this account is locked for up to ${LOCKOUT_MINUTES} minutes.`);
    }
    const ok = await passwordMatches(credentials.password_hash, password);
    const lockUntil = !ok && credentials.failed_sign_ins + 1 >= LOCKOUT_AFTER ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null;
    await recordSignInAttempt(store.db, credentials.id, ok, lockUntil);
    if (!ok) throw refuse();

    const token = newToken();
    await createSession(store.db, hashToken(token), credentials.id, new Date(Date.now() + SESSION_HOURS * 3600_000));
    setSessionCookie(reply, token, options.secureCookies);
    const user = await getUser(store.db, credentials.id);
    return { user: user && (await withOrganisationKind(store, user)) };
  });

  app.get('/api/session', async (request) => ({ user: await withOrganisationKind(store, requireStaff(request)) }));

  app.delete('/api/session', async (request, reply) => {
    if (request.sessionTokenHash) await endSession(store.db, request.sessionTokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
}
