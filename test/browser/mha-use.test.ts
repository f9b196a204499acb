import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mhaUseScenario, USE_AS_OF } from '../../packages/store/test/support/mha-use-scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, type RunningWebApp, openFromIndex } from './support/web-app.ts';

/** The board analyst's view of use of the Act by ethnicity, over the hand-made population (figures in mha-use-report.test.ts). */
describe.skipIf(!haveChromium)('use of the Mental Health Act by ethnicity in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(mhaUseScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the board rates per 100,000 and ratios to White British, small counts withheld, accessibly', async () => {
    await signInAs(page, 'board');
    await openFromIndex(page, 'Reports', 'MHA use by ethnicity');
    await page.getByRole('heading', { level: 1, name: 'Use of the Mental Health Act by ethnicity' }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(USE_AS_OF);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('heading', { level: 2, name: 'As of 30 June 2026' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?asOf=${USE_AS_OF}`);
    const rows = page.locator('tbody tr');
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
    expect(await rows.count()).toBe(6);
    expect(await cells(0)).toEqual(['White - British', '40', '5', '12,500', '1.00', '10', '25,000', '1.00']);
    expect(await cells(1)).toEqual(['Asian or Asian British - Indian', '6', 'Withheld', '–', '–', '0', '0', '0.00']);
    expect(await cells(2)).toEqual(['Black or Black British - African', '10', '5', '50,000', '4.00', '5', '50,000', '2.00']);
    expect(await cells(5)).toEqual(['Everyone on record', '66', '12', '18,181.8', '1.45', '15', '22,727.3', '0.91']);
    expect(await axeViolations(page)).toEqual([]);
  });
});
