import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, disengagementScenario, expectedItems } from '../../packages/store/test/support/disengagement-scenario.ts';
import { axeViolations, haveChromium, startWebApp, type RunningWebApp, newAppPage, signInAs, openFromIndex } from './support/web-app.ts';

/**
 * The Disengaged page in Chromium over the disengagement scenario: the demo key worker works in
 * North CMHT (Dora and Eli are on its list; Fay, in South CMHT, is not theirs to see).
 */

describe.skipIf(!haveChromium)('the Disengaged page in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(disengagementScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it("lists the key worker's disengaged people with reasons and evidence, accessibly, and links to each record", async () => {
    await signInAs(page, 'keyworker');
    // A key worker lands on their own caseload.
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();

    await openFromIndex(page, 'Worklists', 'Disengaged');
    await page.getByRole('heading', { level: 1, name: /People who may be losing contact/ }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(AS_OF);
    await page.getByRole('button', { name: 'Show the list' }).click();
    await page.getByRole('heading', { level: 2, name: '2 people as of 30 June 2026' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?asOf=${AS_OF}`);

    const rows = page.locator('.app-worklist-item');
    expect(await rows.count()).toBe(2);
    await expect.poll(() => rows.nth(0).getByRole('link').first().textContent()).toBe('Dora Dunn');
    const dora = await rows.nth(0).innerText();
    for (const reason of expectedItems[0]!.reasons) expect(dora).toContain(reason.text);
    expect(dora).toContain('NHS number 999 000 1006');
    expect(dora).toContain('Evidence: Appointment dora-a2; Appointment dora-a4');
    expect(await rows.nth(1).getByRole('link').first().textContent()).toBe('Eli Evans');
    expect(await page.getByText('Fay Fields').count()).toBe(0);

    expect(await axeViolations(page)).toEqual([]);

    await rows.nth(0).getByRole('link', { name: 'Dora Dunn', exact: true }).click();
    await page.waitForURL(/\/people\/dora$/);
    await page.getByRole('heading', { level: 1, name: /Dora Dunn/ }).waitFor();
  });
});
