import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, standing in for NHS Care
 * Identity Service 2: the authorization code flow, PKCE, ID tokens and the user-info endpoint are
 * the library's own; only the people are made up. Its development login form takes any password
 * and signs in as the login typed, whose claims come from `people`. Consent is given for the test
 * client without asking, as CIS2 does for a registered application.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export const TEST_CLIENT = { clientId: 'continuity-test', clientSecret: 'a-test-secret-that-is-long-enough-for-hs256' };

/** A CIS2 role profile as nhsid_nrbac_roles carries it (docs/single-sign-on.md). */
export const rbacRole = (roleCode: string, orgCode = 'RXX', personRoleId = `${roleCode}-${orgCode}`) => ({
  person_orgid: '555254239107',
  person_roleid: personRoleId,
  org_code: orgCode,
  role_name: '"Clinical":"Clinical Provision":"Clinical Practitioner Access Role"',
  role_code: roleCode,
});

/** A port nothing is listening on now, for a server whose URL must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startTestProvider(options: { redirectUri: string; people: Record<string, Record<string, unknown>> }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no provider address');
  const issuer = `http://127.0.0.1:${address.port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: TEST_CLIENT.clientId, client_secret: TEST_CLIENT.clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'], nationalrbacaccess: ['nhsid_nrbac_roles'], groups: ['groups'] },
    cookies: { keys: ['test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx: unknown, sub: string) => {
      const claims = options.people[sub];
      return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
    },
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile nationalrbacaccess groups');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    ...TEST_CLIENT,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
