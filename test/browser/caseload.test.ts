import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bobReason, CASELOAD_AS_OF, caseloadScenario, graceAway } from '../../packages/store/test/support/caseload-scenario.ts';
import { axeViolations, haveChromium, startWebApp, type RunningWebApp, newAppPage, signInAs } from './support/web-app.ts';

/**
 * The caseload pages in Chromium over the caseload scenario: the demo key worker is Grace Okafor
 * (Amy and Bob, North CMHT); the demo manager manages North CMHT, where Sam Patel covers Grace in July.
 */

describe.skipIf(!haveChromium)('the caseload pages in Chromium', () => {
  let web: RunningWebApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    web = await startWebApp(caseloadScenario());
    ({ browser, base } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const page = await newAppPage({ browser, base });
    await signInAs(page, username);
    return page;
  }

  async function expectNoAxeViolations(page: Page) {
    expect(await axeViolations(page)).toEqual([]);
  }

  it('lands a key worker on their caseload: each person with care, contacts and reasons, linked to their record', async () => {
    const page = await signedIn('keyworker');
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(CASELOAD_AS_OF);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '2 people as of 30 June 2026' }).waitFor();
    const rows = page.locator('.app-caseload-person');
    expect(await rows.nth(0).getByRole('link').textContent()).toBe('Bob Baker');
    const bob = await rows.nth(0).innerText();
    expect(bob).toContain('Intensive community care');
    expect(bob).toContain(bobReason.text);
    expect(bob).toContain('20 June 2026 at 11:00');
    const amy = await rows.nth(1).innerText();
    expect(amy).toContain('3 July 2026 at 10:00');
    await expectNoAxeViolations(page);
    await rows.nth(1).getByRole('link', { name: 'Amy Archer' }).click();
    await page.waitForURL(/\/people\/amy$/);
  });

  it("shows a manager the team's caseload with who is away and who covers, and the MDT board with reasons", async () => {
    const page = await signedIn('manager');
    await page.getByRole('heading', { level: 1, name: 'Team caseload' }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill('2026-07-08');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /North CMHT: 4 people held as of 8 July 2026/ }).waitFor();

    // The manager records Grace's week away: a last day before the first is refused, in words, linked to the field.
    const form = page.getByRole('form', { name: 'Record cover' });
    await form.getByLabel('Who is away').selectOption({ label: 'Grace Okafor' });
    await form.getByLabel('Who covers their people').selectOption({ label: 'Sam Patel' });
    await form.getByLabel('First day').fill(graceAway.to);
    await form.getByLabel('Last day').fill(graceAway.from);
    await form.getByRole('button', { name: 'Record cover' }).click();
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Last day must be on or after from' }).waitFor();
    await form.getByLabel('First day').fill(graceAway.from);
    await form.getByLabel('Last day').fill(graceAway.to);
    await form.getByLabel('Reason (optional)').fill(graceAway.reason);
    await form.getByRole('button', { name: 'Record cover' }).click();
    await page.getByText('Cover recorded: Sam Patel covers Grace Okafor from 2026-07-06 to 2026-07-10.').waitFor();
    await page.locator('.app-key-worker').nth(0).getByText(/Away: covered by Sam Patel/).waitFor();
    await expect.poll(() => page.locator('.app-cover').allInnerTexts()).toEqual([expect.stringMatching(/Grace Okafor.*Sam Patel.*6 July 2026.*10 July 2026.*Annual leave/s)]);
    const grace = await page.locator('.app-key-worker').nth(0).innerText();
    expect(grace).toContain('Grace Okafor');
    expect(grace).toContain('Away: covered by Sam Patel until 10 July 2026');
    expect(await page.locator('.app-key-worker').nth(1).innerText()).toContain('3 people');
    await page.getByRole('link', { name: 'Dan Dale' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'MDT board' }).click();
    await page.getByRole('heading', { level: 1, name: 'MDT board' }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(CASELOAD_AS_OF);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /4 people to discuss as of 30 June 2026/ }).waitFor();
    const items = page.locator('.app-worklist-item');
    expect(await items.allInnerTexts()).toEqual([
      expect.stringContaining('Grace Okafor'),
      expect.stringContaining('Care plan review overdue'),
      expect.stringContaining('None allocated'),
      expect.stringContaining('Evidence: Referral gil-referral'),
    ]);
    await expectNoAxeViolations(page);
  });
});
