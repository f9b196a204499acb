import { createHash, randomBytes } from 'node:crypto';
import { findSessionStaff, type StaffUser, type Store } from '@continuity/store';
import { isRole, type Role } from '@continuity/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../http/errors.ts';

export const SESSION_COOKIE = 'continuity_session';
/** A working day and a bit: a session never outlives one shift. */
export const SESSION_HOURS = 12;

export interface SignedInUser extends StaffUser {
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff?: SignedInUser;
    sessionTokenHash?: string;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
export const newToken = () => randomBytes(32).toString('base64url');

/** Reads the session cookie on every request and attaches the signed-in user, if any. */
export function installSessions(app: FastifyInstance, store: Store) {
  app.decorateRequest('staff', undefined);
  app.decorateRequest('sessionTokenHash', undefined);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const tokenHash = hashToken(token);
    const user = await findSessionStaff(store.db, tokenHash, new Date());
    if (!user || !isRole(user.role)) return;
    request.staff = { ...user, role: user.role };
    request.sessionTokenHash = tokenHash;
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 });
}

export function requireStaff(request: FastifyRequest): SignedInUser {
  if (!request.staff) throw new ApiError(401, 'not-signed-in', 'Sign in to continue.');
  return request.staff;
}

export function requireRole(request: FastifyRequest, allowed: readonly Role[], what: string): SignedInUser {
  const staff = requireStaff(request);
  if (!allowed.includes(staff.role)) throw new ApiError(403, 'forbidden', `Your role cannot ${what}.`);
  return staff;
}
