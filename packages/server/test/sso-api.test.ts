import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createDemoAccounts, issuerKey, type SsoSettings } from '@continuity/server';
import { importPath, linkIdentity, listAudit, type Store } from '@continuity/store';
import { scenario, writeNdjson } from '../../store/test/support/scenario.ts';
import { CookieJarClient, type Hop } from '../../../test/support/cookie-jar-client.ts';
import { freePort, rbacRole, startTestProvider, type TestProvider } from '../../../test/support/oidc-test-provider.ts';
import { storeKinds } from '../../../test/support/stores.ts';

/**
 * Issue 9 part 2: signing in through an OpenID Connect provider, over real HTTP against a real
 * provider (oidc-provider) on loopback, with a cookie-keeping client walking the redirects and the
 * provider's login form. No part of the protocol is mocked.
 */

/** People at the provider, by their subject (CIS2's is the 12-digit user id); each login form signs in as the subject typed. */
const people = {
  '100000000001': { name: 'Grace Okafor', nhsid_nrbac_roles: [rbacRole('S8000:G8000:R8000')] },
  '100000000002': { name: 'Ola Admin', nhsid_nrbac_roles: [rbacRole('S0080:G0450:R8008')] },
  '100000000003': { name: 'Pat Prescriber', nhsid_nrbac_roles: [rbacRole('S8000:G8000:R8000', 'RXX', 'ward'), rbacRole('S8000:G8000:R8006', 'RXX', 'clinic')] },
  '100000000004': { name: 'Dee Disabled', nhsid_nrbac_roles: [rbacRole('S8000:G8000:R8000')] },
  '100000000005': { name: 'Una Unlinked', nhsid_nrbac_roles: [rbacRole('S8000:G8000:R8000')] },
  '100000000006': { name: 'Nora Noroles', nhsid_nrbac_roles: [] },
};

/** Which demo account each identity has been linked to by an administrator (Una's has not). */
const links: Record<string, string> = {
  '100000000001': 'demo-keyworker',
  '100000000002': 'demo-partner',
  '100000000003': 'demo-crisis',
  '100000000004': 'demo-board',
  '100000000006': 'demo-manager',
};

describe.each(storeKinds)('single sign-on with OpenID Connect ($name)', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  let provider: TestProvider;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({ redirectUri: `${base}/api/sso/callback`, people });
    store = await kind.open();
    const report = await importPath(store, writeNdjson(scenario()));
    if (report.rejected > 0) throw new Error('scenario did not import');
    await createDemoAccounts(store);
    const sso: SsoSettings = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUri: `${base}/api/sso/callback`,
      scope: 'openid profile nationalrbacaccess',
      label: 'Log in with my Care Identity',
      roleMapping: { rules: [{ role: 'prescriber', rbacRoleCodes: ['R8006'], orgCodes: ['RXX'] }, { role: 'key-worker', rbacRoleCodes: ['R8000'] }] },
    };
    for (const [subject, userId] of Object.entries(links)) await linkIdentity(store.db, { userId, issuer: issuerKey(provider.issuer), subject });
    await store.db.updateTable('app_user').set({ active: false }).where('id', '=', 'demo-board').execute();
    app = await buildApp({ store, webRoot: '/nonexistent', sso, passwordSignIn: true });
    await app.listen({ host: '127.0.0.1', port });
  });

  afterAll(async () => {
    await app?.close();
    await provider?.close();
    await store?.close();
  });

  const isCallback = (url: string | null) => url?.startsWith(`${base}/api/sso/callback`) ?? false;

  /** Starts at the app, signs in at the provider's form, and stops just before the browser would go back to the app. */
  async function throughProvider(client: CookieJarClient, login: string, start = '/api/sso/start'): Promise<string> {
    const toForm = await client.follow(`${base}${start}`);
    const form = toForm.at(-1)!;
    expect(form.status, form.body).toBe(200);
    expect(toForm[0]!.status).toBe(303);
    const authorize = new URL(toForm[0]!.location!);
    // The authorization code flow with PKCE (S256), state and nonce, as CIS2 requires.
    expect(authorize.origin).toBe(provider.issuer);
    expect(Object.fromEntries(['response_type', 'code_challenge_method', 'scope', 'client_id'].map((k) => [k, authorize.searchParams.get(k)]))).toEqual({ response_type: 'code', code_challenge_method: 'S256', scope: 'openid profile nationalrbacaccess', client_id: provider.clientId });
    for (const k of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(k)).toMatch(/^[\w-]{32,}$/);
    const action = /<form[^>]*action="([^"]+)"/.exec(form.body)?.[1];
    if (!action) throw new Error(`no login form: ${form.body.slice(0, 300)}`);
    const hops = await client.follow(new URL(action.replaceAll('&amp;', '&'), form.url).href, (hop) => isCallback(hop.location), { form: { prompt: 'login', login, password: 'anything' } });
    const last = hops.at(-1)!;
    if (!isCallback(last.location)) throw new Error(`the provider did not send the browser back: ${hops.map((h) => `${h.status} ${h.url}`).join(' → ')} ${last.body.slice(0, 300)}`);
    return last.location!;
  }

  async function signInAs(login: string, start?: string): Promise<{ client: CookieJarClient; callback: Hop; callbackUrl: string }> {
    const client = new CookieJarClient();
    const callbackUrl = await throughProvider(client, login, start);
    const callback = await client.request(callbackUrl);
    return { client, callback, callbackUrl };
  }

  async function sessionOf(client: CookieJarClient) {
    return client.request(`${base}/api/session`);
  }

  async function ssoAudit() {
    return (await listAudit(store.db, { limit: 1000 })).filter((e) => e.action === 'sign-in-sso');
  }

  function expectRefusal(hop: Hop, status: number, code: string, words: RegExp) {
    expect(hop.status, hop.body).toBe(status);
    expect(hop.body).toContain(`data-problem="${code}"`);
    expect(hop.body).toMatch(words);
    expect(hop.body).toContain('href="/sign-in"');
  }

  it('offers single sign-on alongside passwords, with the configured words', async () => {
    const methods = await new CookieJarClient().request(`${base}/api/sign-in-methods`);
    expect(JSON.parse(methods.body)).toEqual({ passwords: true, sso: { label: 'Log in with my Care Identity', start: '/api/sso/start' } });
  });

  it('signs a linked key worker in with the same session a password gives, back where they started, and audits it', async () => {
    const { client, callback } = await signInAs('100000000001', '/api/sso/start?returnTo=%2Fpeople%2Fada%3Ftab%3Dplan');
    expect(callback.status).toBe(303);
    expect(callback.location).toBe(`${base}/people/ada?tab=plan`);
    expect(client.cookie(base, 'continuity_session')).toMatch(/^[\w-]{40,}$/);
    expect(client.cookie(base, 'continuity_sso')).toBeUndefined();
    const session = await sessionOf(client);
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body).user).toMatchObject({ id: 'demo-keyworker', role: 'key-worker', teams: [{ id: 'team-north', name: 'North CMHT' }] });
    // The session opens the record like any other: Ada is held by the key worker's team.
    expect((await client.request(`${base}/api/people/ada`)).status).toBe(200);
    expect((await ssoAudit()).find((e) => e.actorId === 'demo-keyworker')).toMatchObject({ outcome: 'allowed', actorRole: 'key-worker', basis: 'none', detail: { issuer: issuerKey(provider.issuer), rule: 2, roleCode: 'S8000:G8000:R8000', orgCode: 'RXX' } });
  });

  it('gives the role the provider’s roles map to, whatever the account had, and records the change', async () => {
    const { client, callback } = await signInAs('100000000003');
    expect(callback.status).toBe(303);
    expect(callback.location).toBe(`${base}/`);
    expect(JSON.parse((await sessionOf(client)).body).user).toMatchObject({ id: 'demo-crisis', role: 'prescriber' });
    expect((await ssoAudit()).find((e) => e.actorId === 'demo-crisis')).toMatchObject({ outcome: 'allowed', actorRole: 'prescriber', detail: { rule: 1, roleCode: 'S8000:G8000:R8006', previousRole: 'crisis-line' } });
  });

  it('refuses an answer whose state is not the one this browser’s sign-in sent', async () => {
    const client = new CookieJarClient();
    const callbackUrl = new URL(await throughProvider(client, '100000000001'));
    callbackUrl.searchParams.set('state', 'made-up-by-someone-else');
    const callback = await client.request(callbackUrl.href);
    expectRefusal(callback, 400, 'sso-state-mismatch', /does not belong to the sign-in this browser started/);
    expect(client.cookie(base, 'continuity_session')).toBeUndefined();
    expect((await sessionOf(client)).status).toBe(401);
    // The sign-in it spoiled cannot be finished now either, even with the right state.
    callbackUrl.searchParams.delete('state');
    expectRefusal(await client.request(callbackUrl.href), 400, 'sso-not-started', /was not started from this browser/);
  });

  it('refuses a code used once already: by the same browser, by another browser, and by the provider itself', async () => {
    const first = await signInAs('100000000001');
    expect(first.callback.status).toBe(303);
    expectRefusal(await first.client.request(first.callbackUrl), 400, 'sso-not-started', /was used already/);

    // Someone who copied the address, in a browser that started a sign-in of its own.
    const other = new CookieJarClient();
    await other.follow(`${base}/api/sso/start`, (hop) => hop.url.startsWith(provider.issuer));
    expectRefusal(await other.request(first.callbackUrl), 400, 'sso-state-mismatch', /does not belong/);
    expect((await sessionOf(other)).status).toBe(401);

    // Even with the sign-in's state and verifier (a copy of its attempt, made here in the database), the provider will not take the code twice.
    const client = new CookieJarClient();
    const callbackUrl = await throughProvider(client, '100000000001');
    const attempt = await store.db.selectFrom('sso_attempt').selectAll().where('state', '=', new URL(callbackUrl).searchParams.get('state')!).executeTakeFirstOrThrow();
    expect((await client.request(callbackUrl)).status).toBe(303);
    const thief = new CookieJarClient();
    const { createHash } = await import('node:crypto');
    const stolen = 'stolen-attempt-token';
    await store.db.insertInto('sso_attempt').values({ ...attempt, token_hash: createHash('sha256').update(stolen).digest('base64url') }).execute();
    thief.setCookie(base, 'continuity_sso', stolen);
    const replay = await thief.request(callbackUrl);
    expectRefusal(replay, 401, 'sso-failed', /could not be checked/);
    expect(thief.cookie(base, 'continuity_session')).toBeUndefined();
    expect((await ssoAudit()).some((e) => e.reason === 'sso-failed' && e.detail?.providerError === 'invalid_grant')).toBe(true);
  });

  it('refuses a linked person none of whose provider roles the mapping gives a Continuity role, and audits the codes', async () => {
    const { client, callback } = await signInAs('100000000002');
    expectRefusal(callback, 403, 'sso-role-not-mapped', /None of your Care Identity roles gives access to Continuity/);
    expect((await sessionOf(client)).status).toBe(401);
    expect((await ssoAudit()).find((e) => e.actorId === 'demo-partner')).toMatchObject({ outcome: 'refused', reason: 'sso-role-not-mapped', detail: { roleCodes: ['S0080:G0450:R8008'] } });
    expectRefusal((await signInAs('100000000006')).callback, 403, 'sso-no-roles', /holds no role Continuity can use/);
  });

  it('refuses a disabled Continuity account, and an identity nobody has linked, saying who to ask', async () => {
    const disabled = await signInAs('100000000004');
    expectRefusal(disabled.callback, 403, 'account-disabled', /account is disabled/);
    expect((await sessionOf(disabled.client)).status).toBe(401);
    const unlinked = await signInAs('100000000005');
    expectRefusal(unlinked.callback, 403, 'sso-not-linked', /not linked to a Continuity account yet/);
    expect((await sessionOf(unlinked.client)).status).toBe(401);
    const audit = await ssoAudit();
    expect(audit.find((e) => e.actorId === 'demo-board')).toMatchObject({ outcome: 'refused', reason: 'account-disabled' });
    // The subject is recorded so an administrator can link it; no token or other claim is.
    const refusedUnlinked = audit.find((e) => e.reason === 'sso-not-linked');
    expect(refusedUnlinked).toMatchObject({ actorId: 'sso', outcome: 'refused', detail: { issuer: issuerKey(provider.issuer), subject: '100000000005' } });
    expect(Object.keys(refusedUnlinked!.detail!).sort()).toEqual(['issuer', 'subject']);
  });

  it('says so when the person cancels at the provider', async () => {
    const client = new CookieJarClient();
    const form = (await client.follow(`${base}/api/sso/start`)).at(-1)!;
    const cancel = /<a href="([^"]+)">\[ Cancel \]<\/a>/.exec(form.body)?.[1];
    if (!cancel) throw new Error('no cancel link on the provider’s form');
    const hops = await client.follow(new URL(cancel.replaceAll('&amp;', '&'), form.url).href, (hop) => isCallback(hop.location));
    const callback = await client.request(hops.at(-1)!.location!);
    expectRefusal(callback, 401, 'sso-cancelled', /cancelled or refused by the sign-in service/);
    expect((await sessionOf(client)).status).toBe(401);
    expect((await ssoAudit()).some((e) => e.reason === 'sso-cancelled' && e.detail?.providerError === 'access_denied')).toBe(true);
  });

  it('refuses a callback no sign-in here started, and a start asked to return to another site', async () => {
    const client = new CookieJarClient();
    expectRefusal(await client.request(`${base}/api/sso/callback?code=abc&state=def`), 400, 'sso-not-started', /not started from this browser/);
    for (const returnTo of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const start = await client.request(`${base}/api/sso/start?returnTo=${encodeURIComponent(returnTo)}`);
      expect(start.status, returnTo).toBe(400);
      expect(JSON.parse(start.body).error).toMatchObject({ code: 'invalid-input', fields: [{ field: 'returnTo', message: 'must be a path in Continuity, starting with one /' }] });
    }
  });

  it('ends the session on signing out', async () => {
    const { client } = await signInAs('100000000001');
    expect((await sessionOf(client)).status).toBe(200);
    const out = await client.request(`${base}/api/session`, { method: 'DELETE' });
    expect(out.status).toBe(204);
    expect(client.cookie(base, 'continuity_session')).toBeUndefined();
    expect((await sessionOf(client)).status).toBe(401);
  });
});

describe('single sign-on settings', () => {
  it('is off unless configured, and passwords can be turned off only with it', async () => {
    const store = await storeKinds[0]!.open();
    try {
      const plain = await buildApp({ store, webRoot: '/nonexistent', sso: null });
      expect((await plain.inject({ url: '/api/sign-in-methods' })).json()).toEqual({ passwords: true, sso: null });
      const start = await plain.inject({ url: '/api/sso/start' });
      expect(start.statusCode).toBe(404);
      expect(start.json().error.code).toBe('sso-not-configured');
      await plain.close();
      const ssoOnly = await buildApp({ store, webRoot: '/nonexistent', sso: null, passwordSignIn: false });
      const refused = await ssoOnly.inject({ method: 'POST', url: '/api/session', payload: { username: 'keyworker', password: 'whatever' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('password-sign-in-off');
      await ssoOnly.close();
    } finally {
      await store.close();
    }
  });
});
