import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, expectedItems, monitoringScenario } from '../../packages/store/test/support/monitoring-scenario.ts';
import { axeViolations, haveChromium, startWebApp, type RunningWebApp, newAppPage, signInAs, openFromIndex } from './support/web-app.ts';

/**
 * The Monitoring overdue page in Chromium over the monitoring scenario: the demo prescriber works in
 * North CMHT (Ola, Nina and Lena are on its list; Vera and Carl, in South CMHT, are not theirs to see).
 */

describe.skipIf(!haveChromium)('the Monitoring overdue page in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(monitoringScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it("lists the prescriber's people whose monitoring is overdue, with reasons and evidence, accessibly", async () => {
    await signInAs(page, 'prescriber');
    // The header links to the worklists' index, which lists every worklist a prescriber can open.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Worklists', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Worklists' }).waitFor();
    expect(await page.getByRole('main').getByRole('link').allTextContents()).toEqual(['Disengaged', 'Monitoring overdue', 'Waiting', 'Team waiting list', 'Shared care', 'MHA deadlines', 'Carers’ concerns', 'Intensive care review']);
    expect(await axeViolations(page)).toEqual([]);

    await openFromIndex(page, 'Worklists', 'Monitoring overdue');
    await page.getByRole('heading', { level: 1, name: /Blood tests, checks and reviews past their due day/ }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(AS_OF);
    await page.getByRole('button', { name: 'Show the list' }).click();
    await page.getByRole('heading', { level: 2, name: '3 people as of 30 June 2026' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?asOf=${AS_OF}`);

    const rows = page.locator('.app-worklist-item');
    expect(await rows.count()).toBe(3);
    await expect.poll(() => rows.nth(0).getByRole('link').first().textContent()).toBe('Ola Obi');
    const ola = await rows.nth(0).innerText();
    expect(ola).toContain(expectedItems[1]!.reasons[0]!.text);
    expect(ola).toContain('Evidence: Prescription ola-olanzapine; Result ola-hba1c; Result ola-chol; Result ola-prolactin');
    const lena = await rows.nth(2).innerText();
    expect(lena).toContain('Lena Lowe');
    expect(lena).toContain('Lithium level 29 days overdue');
    expect(await page.getByText('Vera Vance').count()).toBe(0);

    expect(await axeViolations(page)).toEqual([]);
  });
});
