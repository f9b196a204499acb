import { mapSsoRole, rbacRoleProfiles } from '@continuity/domain';
import { beginSsoAttempt, createSession, findLinkedUser, recordAudit, setUserRole, takeSsoAttempt, type AuditEntry, type Store } from '@continuity/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { z } from 'zod';
import { ApiError, parseInput } from '../../http/errors.ts';
import { SESSION_HOURS, hashToken, newToken, setSessionCookie } from '../session.ts';
import { providerConfiguration } from './provider.ts';
import { refusalPage } from './refusal-page.ts';
import { issuerKey, type SsoSettings } from './sso-settings.ts';

/** Holds the browser's half of a sign-in begun at the provider; only the callback needs it. */
const ATTEMPT_COOKIE = 'continuity_sso';
const ATTEMPT_PATH = '/api/sso';
/** Long enough to find a smartcard and type a PIN; short enough that a forgotten tab is no use. */
const ATTEMPT_MINUTES = 10;

/** A path in this app to come back to: never another site ("//evil.example", "/\\evil.example"). */
const startQuery = z.object({
  returnTo: z
    .string()
    .max(2000)
    .regex(/^\/(?![/\\])[^\\\s]*$/, 'must be a path in Continuity, starting with one /')
    .optional(),
});

const callbackQuery = z.object({
  state: z.string().max(1000).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
});

export interface SsoRouteOptions {
  sso: SsoSettings | null;
  passwordSignIn: boolean;
  secureCookies: boolean;
}

const refuse = {
  notConfigured: () => new ApiError(404, 'sso-not-configured', 'Single sign-on is not set up for this Continuity: sign in with your username and password.'),
  noAttempt: () => new ApiError(400, 'sso-not-started', 'This sign-in was not started from this browser, was used already, or took longer than 10 minutes. Start again from the sign-in page.'),
  cancelled: () => new ApiError(401, 'sso-cancelled', 'The sign-in was cancelled or refused by the sign-in service. Start again from the sign-in page.'),
  stateMismatch: () => new ApiError(400, 'sso-state-mismatch', 'The answer from the sign-in service does not belong to the sign-in this browser started. Start again from the sign-in page.'),
  failed: () => new ApiError(401, 'sso-failed', 'The sign-in service’s answer could not be checked, so you have not been signed in. Start again from the sign-in page.'),
  notLinked: () => new ApiError(403, 'sso-not-linked', 'Your Care Identity is not linked to a Continuity account yet. Ask your Continuity administrator to link it; this attempt has been recorded so they can find it.'),
  disabled: () => new ApiError(403, 'account-disabled', 'Your Continuity account is disabled. Ask your Continuity administrator if you need it back.'),
  noRoles: () => new ApiError(403, 'sso-no-roles', 'Your Care Identity holds no role Continuity can use. Ask your Registration Authority or Continuity administrator.'),
  roleNotMapped: () => new ApiError(403, 'sso-role-not-mapped', 'None of your Care Identity roles gives access to Continuity. Ask your Continuity administrator if you need access.'),
};

/**
 * Single sign-on with OpenID Connect (docs/single-sign-on.md): the authorization code flow with
 * PKCE, state and nonce, then the identity's linked account and its mapped role, then the same
 * session cookie a password sign-in makes. Every finished sign-in, let in or refused, is audited.
 */
export function ssoRoutes(app: FastifyInstance, store: Store, options: SsoRouteOptions) {
  const { sso } = options;
  const configuration = sso ? providerConfiguration(sso) : null;
  // Passwords are guessed here never (the provider checks them), so the limit only stops floods of
  // half-begun sign-ins; it is looser than the password sign-in's, as a ward can share one address.
  const limits = { config: { rateLimit: { max: 60, timeWindow: '1 minute' } } };

  app.get('/api/sign-in-methods', async () => ({ passwords: options.passwordSignIn, sso: sso ? { label: sso.label, start: '/api/sso/start' } : null }));

  app.get('/api/sso/start', limits, async (request, reply) => {
    if (!sso || !configuration) throw refuse.notConfigured();
    const { returnTo } = parseInput(startQuery, request.query, 'query');
    const config = await configuration();
    const token = newToken();
    const attempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier(), returnTo: returnTo ?? '/' };
    const now = new Date();
    await beginSsoAttempt(store.db, hashToken(token), attempt, new Date(now.getTime() + ATTEMPT_MINUTES * 60_000), now);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: sso.redirectUri,
      scope: sso.scope,
      response_type: 'code',
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
    });
    // Lax, not Strict: the browser must send it on the top-level navigation back from the provider's site.
    reply.setCookie(ATTEMPT_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, path: ATTEMPT_PATH, maxAge: ATTEMPT_MINUTES * 60 });
    return reply.redirect(url.href, 303);
  });

  app.get('/api/sso/callback', limits, async (request, reply) => {
    if (!sso || !configuration) throw refuse.notConfigured();
    reply.clearCookie(ATTEMPT_COOKIE, { path: ATTEMPT_PATH });
    const audit = (entry: Omit<AuditEntry, 'action' | 'basis'>) => recordAudit(store.db, [{ ...entry, action: 'sign-in-sso', basis: 'none' }]);
    try {
      const returnTo = await finishSignIn(sso, configuration, request, reply, audit);
      return reply.redirect(returnTo, 303);
    } catch (problem) {
      if (!(problem instanceof ApiError)) throw problem;
      return reply.status(problem.statusCode).type('text/html; charset=utf-8').send(refusalPage(problem));
    }
  });

  /** The callback's checks in order; each refusal is audited with its code and nothing a token or claim could leak. */
  async function finishSignIn(
    settings: SsoSettings,
    configuration: () => Promise<oidc.Configuration>,
    request: FastifyRequest,
    reply: FastifyReply,
    audit: (entry: Omit<AuditEntry, 'action' | 'basis'>) => Promise<void>,
  ): Promise<string> {
    const issuer = issuerKey(settings.issuer);
    const nobody = { actorId: 'sso', actorRole: 'none' };
    const refused = async (problem: ApiError, who = nobody, detail: Record<string, unknown> = {}) => {
      await audit({ ...who, outcome: 'refused', reason: problem.code, detail: { issuer, ...detail } });
      return problem;
    };

    const token = request.cookies[ATTEMPT_COOKIE];
    const attempt = token ? await takeSsoAttempt(store.db, hashToken(token), new Date()) : undefined;
    if (!attempt) throw await refused(refuse.noAttempt());
    const query = callbackQuery.safeParse(request.query);
    if (!query.success) throw await refused(refuse.failed());
    if (query.data.state !== attempt.state) throw await refused(refuse.stateMismatch());
    if (query.data.error) throw await refused(refuse.cancelled(), nobody, { providerError: query.data.error.replace(/[^a-z_]/g, '').slice(0, 40) });

    const config = await configuration();
    // The URL the provider sent the browser to, as registered: not the Host header, which the browser controls.
    const callbackUrl = new URL(settings.redirectUri);
    callbackUrl.search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    let claims: Record<string, unknown>;
    let subject: string;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: attempt.codeVerifier, expectedState: attempt.state, expectedNonce: attempt.nonce, idTokenExpected: true });
      const idToken = tokens.claims()!;
      subject = idToken.sub;
      // CIS2 gives the national RBAC roles at the user-info endpoint, not in the ID token.
      const userInfo = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, subject) : {};
      claims = { ...idToken, ...userInfo };
    } catch (error) {
      const providerError = error instanceof oidc.ResponseBodyError || error instanceof oidc.AuthorizationResponseError ? error.error : error instanceof oidc.ClientError ? error.code : 'unknown';
      throw await refused(refuse.failed(), nobody, { providerError: String(providerError).slice(0, 60) });
    }

    const user = await findLinkedUser(store.db, issuer, subject);
    // The subject is the staff member's identifier at the provider: kept so an administrator can link it, never a token.
    if (!user) throw await refused(refuse.notLinked(), nobody, { subject });
    const who = { actorId: user.id, actorRole: user.role };
    if (!user.active) throw await refused(refuse.disabled(), who);
    const mapped = mapSsoRole(claims, settings.roleMapping);
    if (mapped.outcome === 'refused') {
      const roleCodes = rbacRoleProfiles(claims).map((p) => p.roleCode);
      throw await refused(mapped.reason === 'no-roles' ? refuse.noRoles() : refuse.roleNotMapped(), who, { roleCodes });
    }
    if (mapped.role !== user.role) await setUserRole(store.db, user.id, mapped.role);

    const sessionToken = newToken();
    await createSession(store.db, hashToken(sessionToken), user.id, new Date(Date.now() + SESSION_HOURS * 3600_000));
    setSessionCookie(reply, sessionToken, options.secureCookies);
    await audit({
      actorId: user.id,
      actorRole: mapped.role,
      outcome: 'allowed',
      detail: { issuer, rule: mapped.rule + 1, roleCode: mapped.roleCode, orgCode: mapped.orgCode, ...(mapped.role !== user.role ? { previousRole: user.role } : {}) },
    });
    return attempt.returnTo;
  }
}
