import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOMES_AS_OF, outcomesScenario } from '../../packages/store/test/support/outcomes-scenario.ts';
import { axeViolations, haveChromium, newAppPage, openFromIndex, signInAs, startWebApp, type RunningWebApp } from './support/web-app.ts';

/**
 * Issue 7's team report in Chromium: the board analyst opens Reports, then Outcome measures,
 * chooses North CMHT and the scenario's day, and reads completion and change; nobody is named.
 */
describe.skipIf(!haveChromium)('the team outcomes report in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(outcomesScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows a team its completion and change from first to latest score, accessibly', async () => {
    await signInAs(page, 'board');
    await openFromIndex(page, 'Reports', 'Outcome measures');
    const form = page.getByRole('form', { name: 'List options' });
    await form.getByLabel('Team').selectOption({ label: 'North CMHT' });
    await form.getByLabel('As of').fill(OUTCOMES_AS_OF);
    await form.getByRole('button', { name: 'Show' }).click();
    await page.getByRole('heading', { level: 2, name: 'North CMHT as of 30 June 2026' }).waitFor();
    await page.getByText('5 people on the caseload; 3 completed a measure in the last 12 months (60%).').waitFor();
    const rows = page.getByRole('table', { name: 'Change from first to latest score' }).getByRole('row');
    expect(await rows.filter({ hasText: 'PHQ-9: Total' }).count()).toBe(1);
    for (const name of ['Amy', 'Bob', 'Cat']) expect(await page.getByRole('main').getByText(name, { exact: false }).count(), name).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
