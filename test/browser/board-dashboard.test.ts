import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardScenario, BOARD_AS_OF } from '../../packages/store/test/support/board-scenario.ts';
import { axeViolations, haveChromium, newAppPage, openFromIndex, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/** The board dashboard over the hand-made trust (figures in packages/store/test/board-dashboard.test.ts). */
describe.skipIf(!haveChromium)('the board dashboard in Chromium', () => {
  let web: RunningWebApp;

  beforeAll(async () => {
    web = await startWebApp(boardScenario());
  }, 120_000);

  afterAll(async () => {
    await web?.close();
  });

  const tile = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

  it('shows the board every tile with its standard and trend, and a breakdown by ethnicity with rate ratios and intervals, accessibly', async () => {
    const page = await newAppPage(web);
    await signInAs(page, 'board');
    await openFromIndex(page, 'Reports', 'Board dashboard');
    await page.getByRole('heading', { level: 1, name: /Board dashboard/ }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(BOARD_AS_OF);
    await page.getByRole('button', { name: 'Show the dashboard' }).click();
    await page.getByRole('heading', { level: 2, name: 'As of 30 June 2026' }).waitFor();
    await expect(page.getByText(/^Worked out from the records as they stood at \d{1,2} \w+ \d{4} at \d\d:\d\d;/).count()).resolves.toBe(1);

    const waiting = tile(page, 'Seen within 4 weeks');
    expect(await waiting.locator('p.nhsuk-heading-l').innerText()).toBe('80.0%');
    await expect(waiting.getByText(/Standard: Four-week waiting time standard/).count()).resolves.toBe(1);
    // Nobody was seen in the quarters before May, so the trend starts with nothing to count.
    await waiting.getByRole('img', { name: 'Seen within 4 weeks: trend at month ends, from none to count on 2025-07-31 to 80.0% on 2026-06-30' }).waitFor();

    const caseload = tile(page, 'People on caseloads');
    const select = caseload.getByLabel('Break down by');
    await tabTo(page, select, 200);
    await select.selectOption({ label: 'Ethnicity' });
    const table = caseload.getByRole('table', { name: 'People on caseloads by ethnicity' });
    const rows = table.locator('tbody tr');
    const cells = async (i: number) => (await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim());
    expect(await cells(0)).toEqual(['White (reference)', '20', '10', '50.0%', '1.00']);
    expect(await cells(1)).toEqual(['Black or Black British', '10', '8', '80.0%', '1.60 (95% CI 0.94 to 2.74)']);
    expect(await cells(2)).toEqual(['Not recorded', '6', '5', '83.3%', '–']);
    await expect(caseload.getByText(/Recorded for 83\.3% \(30 of 36 people\)/).count()).resolves.toBe(1);
    const carers = tile(page, 'Carers’ concerns answered within the response standard');
    expect(await carers.locator('p.nhsuk-heading-l').innerText()).toBe('65.0%');
    await expect(carers.getByText('Median time to a first response: 24 hours, of the 17 concerns answered by the day. Response standard used: 72 hours.').count()).resolves.toBe(1);
    expect(await tile(page, 'Intensive and assertive cohort already in intensive care').locator('p.nhsuk-heading-l').innerText()).toBe('50.0%');
    // A board analyst reads figures only: no way to the people behind them.
    expect(await page.getByRole('link', { name: /See the people/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('lets a team manager open the people behind a tile: their own team’s only', async () => {
    const page = await newAppPage(web);
    await signInAs(page, 'manager');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await page.goto(`/board?asOf=${BOARD_AS_OF}`);
    const link = tile(page, 'On the disengaged list').getByRole('link', { name: /See the people/ });
    await tabTo(page, link, 200);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /People behind the figure: the disengaged worklist/ }).waitFor();
    const names = await page.locator('tbody tr td:first-child a').allInnerTexts();
    expect(names).toEqual(['W8 Person', 'W9 Person']);
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('offers a partner agency neither the dashboard nor its people', async () => {
    const page = await newAppPage(web);
    await signInAs(page, 'partner');
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto('/reports');
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Board dashboard' }).count()).toBe(0);
    await page.goto(`/board?asOf=${BOARD_AS_OF}`);
    await page.getByRole('heading', { level: 1, name: 'You cannot see the board dashboard' }).waitFor();
    await page.goto(`/board/disengaged/people?asOf=${BOARD_AS_OF}`);
    await page.getByRole('heading', { level: 1, name: 'You cannot see these people' }).waitFor();
  }, 60_000);
});
