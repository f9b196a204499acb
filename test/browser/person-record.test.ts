import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@continuity/server';
import { NHS, scenario } from '../../packages/store/test/support/scenario.ts';
import { axeViolations, haveChromium, startWebApp, type RunningWebApp, signInAs } from './support/web-app.ts';

/**
 * The web app in a real browser (Debian's Chromium, driven by playwright-core; no browser is ever
 * downloaded) against the real server over the hand-written scenario on embedded PGlite.
 * In the scenario, Ada is held by North CMHT with key worker kw-1; Ben by South CMHT. The demo
 * key worker is made for the busiest team, North CMHT, and linked to kw-1.
 */

describe.skipIf(!haveChromium)('the web app in Chromium', () => {
  let web: RunningWebApp;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    web = await startWebApp(scenario());
    ({ browser, base } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  /** A fresh browser session (no cookies). CSP is bypassed only where axe-core is injected. */
  async function newPage(options: { axe?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ bypassCSP: options.axe ?? false, baseURL: base });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  async function focused(page: Page) {
    return page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase(), id: el?.id, text: el?.textContent?.trim() ?? '' };
    });
  }

  /** Presses Tab until the focused element matches, as a keyboard user would; fails if it takes too many. */
  async function tabTo(page: Page, matches: (el: { tag?: string; id?: string; text: string }) => boolean, most = 15) {
    for (let presses = 1; presses <= most; presses++) {
      await page.keyboard.press('Tab');
      if (matches(await focused(page))) return presses;
    }
    throw new Error(`could not reach the element with ${most} presses of Tab; focus is on ${JSON.stringify(await focused(page))}`);
  }

  async function expectNoAxeViolations(page: Page) {
    expect(await axeViolations(page), page.url()).toEqual([]);
  }

  it('shows an error summary linked to the field when the password is wrong', async () => {
    const page = await newPage();
    await signInAs(page, 'manager', 'not-the-password');
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByText('The username or password is not right.').waitFor();
    expect((await focused(page)).text).toContain('There is a problem');
    expect(await page.title()).toBe('Error: Sign in – Continuity');
    await summary.getByRole('link', { name: 'The username or password is not right.' }).click();
    expect((await focused(page)).id).toBe('username');
  });

  it('shows the lockout as the server words it', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.getByLabel('Username').fill('prescriber');
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.request().method() === 'POST');
      await page.getByRole('button', { name: 'Sign in' }).click();
      expect((await answered).status()).toBe(401);
      await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':enabled')).waitFor();
    }
    await page.getByLabel('Username').fill('prescriber');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.nhsuk-error-summary').getByText('Too many wrong passwords: this account is locked for up to 15 minutes.').waitFor();
  });

  it('finds Ada by NHS number and shows her demographics and timeline', async () => {
    const page = await newPage();
    await signInAs(page, 'keyworker');
    await h1(page, 'My caseload').waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Find a person' }).click();
    await h1(page, 'Find a person').waitFor();
    await page.getByRole('banner').getByText('Demo key worker').waitFor();
    await page.getByRole('banner').getByText('Key worker / care coordinator').waitFor();
    await page.getByLabel('Name, date of birth or NHS number').fill(NHS.ada);
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByRole('row').filter({ hasText: 'LOVELACE, Ada Augusta' });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells.join(' | ')).toMatch(/943 476 5919.*10 December 1985.*North CMHT.*Your caseload/s);
    expect(page.url(), 'no NHS number in the address bar or history').toBe(`${base}/people`);
    await row.getByRole('link', { name: 'LOVELACE, Ada Augusta' }).click();

    await h1(page, /Ada Augusta Lovelace/).waitFor();
    expect(await page.title()).toBe('Ada Augusta Lovelace: person record – Continuity');
    const details = page.getByRole('region', { name: 'Personal details', exact: true });
    const text = await details.innerText();
    for (const expected of ['943 476 5919', '10 December 1985', 'Female', 'English', 'Temporary accommodation', 'Riverside Surgery (Y01234)']) expect(text).toContain(expected);
    expect(text).toMatch(/Ethnicity\s+.+/);
    expect(text).toMatch(/Accommodation\s+.+/);
    const care = await page.getByRole('region', { name: 'Care', exact: true }).innerText();
    expect(care).toContain('North CMHT');
    expect(care).toContain('Grace Okafor');
    expect(care).toContain('1 February 2024');
    expect(await page.getByText('you are this person’s key worker').count()).toBe(1);

    const entries = page.locator('.app-timeline-entry');
    expect(await entries.count()).toBeGreaterThan(10);
    const rows = await entries.allInnerTexts();
    expect(rows[0]).toContain('22 May 2024');
    expect(rows.some((r) => r.includes('Did not attend appointment') && r.includes('20 May 2024'))).toBe(true);
    await page.getByLabel('Show').selectOption('medicine');
    const medicines = await entries.allInnerTexts();
    expect(medicines.length).toBeGreaterThan(0);
    expect(medicines.every((r) => r.includes('Medicine'))).toBe(true);

    await page.goBack();
    await page.getByRole('row').filter({ hasText: 'LOVELACE, Ada Augusta' }).waitFor();
    expect(await page.getByLabel('Name, date of birth or NHS number').inputValue()).toBe(NHS.ada);
  });

  it('refuses a person outside the team, then opens the record with a reason, time-limited and audited', async () => {
    const page = await newPage();
    await signInAs(page, 'keyworker');
    await h1(page, 'My caseload').waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Find a person' }).click();
    await h1(page, 'Find a person').waitFor();
    await page.getByLabel('Name, date of birth or NHS number').fill('Adeyemi');
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: 'ADEYEMI, Ben' });
    expect(await row.innerText()).toMatch(/South CMHT.*Reason needed/s);
    await row.getByRole('link').click();

    await h1(page, 'This person is not on your caseload').waitFor();
    await page.getByText('To open their record, give a reason').waitFor();
    const reason = page.getByLabel('Why do you need to see this record?');
    await reason.fill('Too short');
    await page.getByRole('button', { name: 'Open the record' }).click();
    const message = 'Enter why you need this record, in at least 10 characters';
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: message }).waitFor();
    await page.locator('.nhsuk-error-message', { hasText: message }).waitFor();
    expect(await reason.getAttribute('aria-describedby')).toMatch(/reason--error-message/);

    await reason.fill('Crisis line call: his sister says he has not been seen for a week');
    await page.getByRole('button', { name: 'Open the record' }).click();
    await h1(page, /Ben Adeyemi/).waitFor();
    expect((await focused(page)).tag, 'focus moves to the record heading').toBe('h1');
    const warning = page.locator('.app-break-glass-warning');
    expect(await warning.innerText()).toMatch(/time-limited and audited[\s\S]*until \d{1,2} \w+ \d{4} at \d{2}:\d{2}[\s\S]*recorded and will be reviewed/);
    await page.getByRole('region', { name: 'Care', exact: true }).getByText('South CMHT').waitFor();
  });

  it('shows the admin the audit log with those reads and the refusal', async () => {
    const page = await newPage();
    await signInAs(page, 'admin');
    await h1(page, 'Audit log').waitFor();
    const events = await page.locator('.app-audit-event').allInnerTexts();
    const keyWorkerEvents = events.filter((e) => e.includes('Demo key worker'));
    expect(keyWorkerEvents.some((e) => e.includes('Opened record') && e.includes('ada') && e.includes('Key worker') && e.includes('Allowed'))).toBe(true);
    expect(keyWorkerEvents.some((e) => e.includes('Read timeline') && e.includes('ada'))).toBe(true);
    expect(keyWorkerEvents.some((e) => e.includes('Asked for part of the record') && e.includes('ben') && e.includes('Refused'))).toBe(true);
    expect(keyWorkerEvents.some((e) => e.includes('Break-glass access') && e.includes('Reason: Crisis line call'))).toBe(true);
    expect(keyWorkerEvents.some((e) => e.includes('Opened record') && e.includes('ben') && e.includes('Break-glass') && e.includes('Allowed'))).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await h1(page, 'Sign in to Continuity').waitFor();
    await page.getByText('You have signed out.').waitFor();
    await page.goto('/audit');
    await h1(page, 'Sign in to Continuity').waitFor();
  });

  it('works with the keyboard alone: sign in, search, open the record', async () => {
    const page = await newPage();
    await page.goto('/sign-in');
    await h1(page, 'Sign in to Continuity').waitFor();
    expect(await tabTo(page, (el) => el.text === 'Skip to main content', 1)).toBe(1);
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('maincontent');
    await tabTo(page, (el) => el.id === 'username', 3);
    await page.keyboard.type('keyworker');
    await page.keyboard.press('Tab');
    expect((await focused(page)).id).toBe('password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    // A key worker lands on their caseload; back up through the header to "Find a person".
    await h1(page, 'My caseload').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'My caseload' });
    for (let presses = 0; presses < 10 && (await focused(page)).text !== 'Find a person'; presses++) await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Find a person');
    await page.keyboard.press('Enter');
    await h1(page, 'Find a person').waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Find a person' });
    await tabTo(page, (el) => el.id === 'search', 3);
    await page.keyboard.type('943 476 5919');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /1 person found/ }).waitFor();
    expect((await focused(page)).text).toMatch(/^1 person found/);
    await tabTo(page, (el) => el.tag === 'a' && el.text === 'LOVELACE, Ada Augusta', 1);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).boxShadow + getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline, 'the focused link shows the NHS focus style').not.toBe('nonenone');
    await page.keyboard.press('Enter');
    await h1(page, /Ada Augusta Lovelace/).waitFor();
    expect((await focused(page)).tag).toBe('h1');
    await tabTo(page, (el) => el.id === 'timeline-kind', 60);
  });

  it('has no WCAG 2.2 AA violations that axe-core can find', async () => {
    const page = await newPage({ axe: true });
    await page.goto('/sign-in');
    await h1(page, 'Sign in to Continuity').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    await expectNoAxeViolations(page);

    // The team manager: in North CMHT like the key worker, but has not used break-glass for Ben.
    await page.getByLabel('Username').fill('manager');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await h1(page, 'Team caseload').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Find a person' }).click();
    await h1(page, 'Find a person').waitFor();
    await page.getByLabel('Name, date of birth or NHS number').fill('a');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /found/ }).waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/people/ada');
    await h1(page, /Ada Augusta Lovelace/).waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/people/ben');
    await h1(page, 'This person is not on your caseload').waitFor();
    await page.getByRole('button', { name: 'Open the record' }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    await expectNoAxeViolations(page);

    await page.goto('/people/nobody');
    await h1(page, 'No record found').waitFor();
    await page.getByText('There is no person with that id.').waitFor();

    await page.goto('/no/such/page');
    await h1(page, 'Page not found').waitFor();
    await expectNoAxeViolations(page);

    const admin = await newPage({ axe: true });
    await signInAs(admin, 'admin');
    await h1(admin, 'Audit log').waitFor();
    await expectNoAxeViolations(admin);
  });
});
