import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuerKey } from '@continuity/server';
import { linkIdentity } from '@continuity/store';
import { scenario } from '../../packages/store/test/support/scenario.ts';
import { freePort, rbacRole, startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';
import { axeViolations, haveChromium, newAppPage, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * Issue 9 part 2 in Chromium: from Continuity's sign-in page, by keyboard, through a real OpenID
 * Connect provider's login form (oidc-provider standing in for NHS CIS2), and back signed in; and a
 * refusal page for a Care Identity whose roles give no access. Axe checks Continuity's own pages,
 * not the stand-in provider's.
 */

const LABEL = 'Log in with my Care Identity';

describe.skipIf(!haveChromium)('single sign-on in Chromium', () => {
  let web: RunningWebApp;
  let provider: TestProvider;

  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/sso/callback`;
    provider = await startTestProvider({
      redirectUri,
      people: {
        '100000000001': { name: 'Grace Okafor', nhsid_nrbac_roles: [rbacRole('S8000:G8000:R8000')] },
        '100000000002': { name: 'Ola Admin', nhsid_nrbac_roles: [rbacRole('S0080:G0450:R8008')] },
      },
    });
    web = await startWebApp(scenario(), {
      port,
      sso: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri, scope: 'openid profile nationalrbacaccess', label: LABEL, roleMapping: { rules: [{ role: 'key-worker', rbacRoleCodes: ['R8000'] }] } },
    });
    await linkIdentity(web.store.db, { userId: 'demo-keyworker', issuer: issuerKey(provider.issuer), subject: '100000000001' });
    await linkIdentity(web.store.db, { userId: 'demo-partner', issuer: issuerKey(provider.issuer), subject: '100000000002' });
  });

  afterAll(async () => {
    await web?.close();
    await provider?.close();
  });

  /** The stand-in provider's development login form: any password, signing in as the login typed. */
  async function signInAtProvider(page: Page, subject: string) {
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill(subject);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  }

  it('goes from the sign-in page, by keyboard, through the provider’s login and lands signed in on the page asked for', async () => {
    const page = await newAppPage(web);
    await page.goto('/people/ada');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Continuity' }).waitFor();
    const button = page.getByRole('link', { name: LABEL });
    await button.waitFor();
    // Passwords are still offered, below single sign-on.
    await page.getByRole('heading', { level: 2, name: 'Or sign in with a username and password' }).waitFor();
    await page.getByLabel('Username').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    await signInAtProvider(page, '100000000001');
    await page.waitForURL(`${web.base}/people/ada`);
    await page.getByRole('heading', { level: 1, name: /Lovelace/ }).waitFor();
    await expect.poll(() => page.locator('.app-account-name').textContent()).toBe('Demo key worker');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lands a key worker on their home page from a plain sign-in', async () => {
    const page = await newAppPage(web);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: LABEL }).click();
    await signInAtProvider(page, '100000000001');
    await page.waitForURL(`${web.base}/caseload`);
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a Care Identity whose roles give no access on a page that says why, and leads back to signing in', async () => {
    const page = await newAppPage(web);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: LABEL }).click();
    await signInAtProvider(page, '100000000002');
    await page.getByRole('heading', { level: 1, name: 'You could not be signed in' }).waitFor();
    expect(page.url()).toContain('/api/sso/callback');
    await page.getByText('None of your Care Identity roles gives access to Continuity.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const back = page.getByRole('link', { name: 'Go back to sign in' });
    await tabTo(page, back);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Continuity' }).waitFor();
  });
});

describe.skipIf(!haveChromium)('single sign-on alone, with passwords turned off, in Chromium', () => {
  let web: RunningWebApp;
  let provider: TestProvider;

  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/sso/callback`;
    provider = await startTestProvider({ redirectUri, people: {} });
    web = await startWebApp(scenario(), {
      port,
      passwordSignIn: false,
      sso: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, redirectUri, scope: 'openid', label: LABEL, roleMapping: { rules: [{ role: 'key-worker', rbacRoleCodes: ['R8000'] }] } },
    });
  });

  afterAll(async () => {
    await web?.close();
    await provider?.close();
  });

  it('offers only the Care Identity button', async () => {
    const page = await newAppPage(web);
    await page.goto('/sign-in');
    await page.getByRole('link', { name: LABEL }).waitFor();
    expect(await page.getByLabel('Username').count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2 }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
