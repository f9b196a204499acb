import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday } from '@continuity/domain';
import { ctoFlag, mhaScenario } from '../../packages/store/test/support/mha-scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp, openFromIndex } from './support/web-app.ts';

/**
 * Issue 6's Mental Health Act journey in Chromium, as of today: the demo key worker (North CMHT)
 * opens MHA deadlines, opens Cal Carter, whose CTO expired 10 days ago with no renewal recorded,
 * records the renewal using only the keyboard (first on a day after the expiry, which is refused),
 * and Cal is no longer on the list.
 */

const today = londonDay(londonToday())!;
const EXPIRED = isoDay(today - 10);
const RENEWED_ON = isoDay(today - 15);

/** Types a day into a focused date field in the order the browser's locale shows it. */
async function typeDay(page: Page, day: string) {
  const [y, m, d] = day.split('-');
  const us = await page.evaluate(() => new Intl.DateTimeFormat().resolvedOptions().locale === 'en-US');
  await page.keyboard.type(us ? `${m}${d}${y}` : `${d}${m}${y}`);
}

describe.skipIf(!haveChromium)('recording a CTO renewal in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    const resources = mhaScenario();
    // Amir's CTO has been renewed before (begun over a year ago) and expired 3 days ago.
    resources.Flag = resources.Flag!.map((f) =>
      f.id === 'cal-cto' ? ctoFlag('cal', isoDay(today - 190), EXPIRED) : f.id === 'amir-cto' ? ctoFlag('amir', isoDay(today - 400), isoDay(today - 3)) : f,
    );
    web = await startWebApp(resources);
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('takes a key worker from MHA deadlines to a renewal recorded by keyboard, and the person leaves the list', async () => {
    await signInAs(page, 'keyworker');
    await openFromIndex(page, 'Worklists', 'MHA deadlines');
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    const rows = page.locator('.app-worklist-item');
    const cal = rows.filter({ hasText: 'Cal Carter' });
    expect(await cal.innerText()).toMatch(/Community Treatment Order expired on .*, 10 days ago, with no renewal recorded/);
    expect(await axeViolations(page)).toEqual([]);

    const person = cal.getByRole('link', { name: 'Cal Carter', exact: true });
    await person.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Cal Carter' }).waitFor();
    const mha = page.getByRole('region', { name: 'Mental Health Act' });
    const current = mha.getByRole('link', { name: /Record a change/ });
    await current.waitFor();
    expect(await mha.innerText()).toMatch(/Take medication as prescribed/);
    expect(await axeViolations(page)).toEqual([]);
    await current.focus();
    await page.keyboard.press('Enter');

    const form = page.getByRole('form', { name: 'Record a change to the Community Treatment Order' });
    await form.waitFor();
    await tabTo(page, form.getByLabel('Renewed'));
    await page.keyboard.press('Space');
    const expires = form.getByLabel('New expiry date');
    await expires.waitFor();
    const newExpiry = await expires.inputValue();
    expect(newExpiry > isoDay(today + 28)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Today is after the expiry: a renewal made then is refused, naming the field.
    await tabTo(page, form.getByRole('button', { name: 'Record it' }));
    await page.keyboard.press('Enter');
    const problem = page.locator('.nhsuk-error-summary').getByRole('link', { name: /^Date must be on or before the day the CTO expired/ });
    await problem.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await problem.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('date');
    await typeDay(page, RENEWED_ON);
    await expect.poll(() => form.getByLabel('Date', { exact: true }).inputValue()).toBe(RENEWED_ON);
    await tabTo(page, form.getByRole('button', { name: 'Record it' }));
    await page.keyboard.press('Enter');

    // Back on the record, which says what was recorded; then the list, without Cal.
    await page.getByText(/Community Treatment Order renewed for Cal Carter on .*: it now expires on/).waitFor();
    await expect.poll(() => mha.innerText()).toMatch(/Renewed on .*, to /);
    await openFromIndex(page, 'Worklists', 'MHA deadlines');
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    await expect.poll(() => rows.filter({ hasText: 'Cal Carter' }).count()).toBe(0);
    expect(await rows.count()).toBeGreaterThan(0);
  });

  it('records a renewal from the list itself and comes back to it', async () => {
    await page.goto('/worklists/mha-deadlines');
    const rows = page.locator('.app-worklist-item');
    const link = page.getByRole('link', { name: 'Record a renewal or change to the CTO of Amir Aziz' });
    await link.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Record a change to the Community Treatment Order' });
    await form.waitFor();
    await tabTo(page, form.getByLabel('Renewed'));
    await page.keyboard.press('Space');
    // A second renewal runs for a year.
    await expect.poll(() => form.getByLabel('New expiry date').inputValue()).toBe(isoDay(londonDay(isoDay(today - 3))! + 365));
    await tabTo(page, form.getByLabel('Date', { exact: true }));
    await typeDay(page, isoDay(today - 5));
    await tabTo(page, form.getByRole('button', { name: 'Record it' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/worklists\/mha-deadlines$/);
    await page.getByText(/Community Treatment Order renewed for Amir Aziz on /).waitFor();
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    await expect.poll(() => rows.filter({ hasText: 'Amir Aziz' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("asks for a reason before the form opens for someone outside the key worker's teams", async () => {
    await page.goto('/people/dan/mha/ctos/dan-cto');
    await page.getByRole('heading', { level: 1, name: 'This person is not on your caseload' }).waitFor();
    expect(await page.getByRole('form', { name: 'Record a change to the Community Treatment Order' }).count()).toBe(0);
  });
});
