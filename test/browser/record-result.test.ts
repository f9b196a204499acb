import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonToday } from '@continuity/domain';
import { monitoringScenario } from '../../packages/store/test/support/monitoring-scenario.ts';
import { axeViolations, haveChromium, startWebApp, tabTo, type RunningWebApp, newAppPage, signInAs, openFromIndex } from './support/web-app.ts';

/**
 * Issue 6's journey in Chromium over the monitoring scenario, as of today: the demo prescriber
 * (North CMHT) opens Monitoring overdue, picks someone listed for a lithium level, records the level
 * using only the keyboard, and is back on the list with that reason gone. In the scenario Lena's
 * last counted level was taken on 2 July 2026, so from October 2026 her level is always overdue.
 */

const LITHIUM_OVERDUE = /Lithium level \d+ days? overdue/;

describe.skipIf(!haveChromium)('recording a monitoring result in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(monitoringScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('takes a prescriber from Monitoring overdue to a lithium level, recorded by keyboard, and the reason leaves the list', async () => {
    await signInAs(page, 'prescriber');

    await openFromIndex(page, 'Worklists', 'Monitoring overdue');
    const count = page.getByRole('heading', { level: 2, name: / as of / });
    await count.waitFor();
    const rows = page.locator('.app-worklist-item');
    const due = rows.filter({ hasText: LITHIUM_OVERDUE });
    expect(await due.count()).toBeGreaterThan(0);
    const name = (await due.first().getByRole('link').first().textContent())!;
    const listed = await rows.count();

    // The link on the list, so that the form comes back to it.
    const recordLink = due.first().getByRole('link', { name: `Record a result for ${name}` });
    await recordLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Record a result/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/people\/[^/]+\/results\/new$/);
    const form = page.getByRole('form', { name: 'Record a result' });
    expect(await form.getByLabel('Date taken').inputValue()).toBe(londonToday());
    expect(await axeViolations(page)).toEqual([]);

    // The first test offered is the lithium level; a level in mg/L rather than mmol/L is refused, naming the field.
    await tabTo(page, form.getByLabel('Test'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Test').inputValue()).toBe('14334-7');
    const level = form.getByLabel('Lithium level (mmol/L)');
    await tabTo(page, level);
    await page.keyboard.type('4.9.');
    await tabTo(page, form.getByRole('button', { name: 'Record the result' }));
    await page.keyboard.press('Enter');
    const summary = page.locator('.nhsuk-error-summary');
    const problem = summary.getByRole('link', { name: 'Lithium level must be a number in mmol/L: digits, with a point for any decimals' });
    await problem.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await problem.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('value');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0.7');
    await tabTo(page, form.getByRole('button', { name: 'Record the result' }));
    await page.keyboard.press('Enter');

    // Back on the list it came from, which says what was recorded; the person's lithium level is no longer overdue.
    await page.waitForURL(/\/worklists\/monitoring-overdue$/);
    await page.getByText(`Lithium level recorded for ${name}: 0.7 mmol/L, taken`).waitFor();
    await count.waitFor();
    const row = rows.filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect.poll(async () => (await row.count()) === 1 && !LITHIUM_OVERDUE.test(await row.innerText())).toBe(true);
    // Still listed, for the renal and thyroid bloods the scenario has overdue too: only the lithium level's reason has gone.
    expect(await rows.count()).toBe(listed);
    expect(await row.innerText()).toMatch(/Renal function \(eGFR or creatinine\) \d+ days? overdue/);
    expect(await axeViolations(page)).toEqual([]);

    // The person record offers the same form.
    await row.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.getByRole('link', { name: 'Record a result', exact: true }).getAttribute('href')).toBe(`${new URL(page.url()).pathname}/results/new`);
  });
});
