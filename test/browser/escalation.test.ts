import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday } from '@continuity/domain';
import { disengagementScenario } from '../../packages/store/test/support/disengagement-scenario.ts';
import { axeViolations, haveChromium, startWebApp, type RunningWebApp, newAppPage, signInAs } from './support/web-app.ts';

/**
 * The escalation ladder in Chromium over the disengagement scenario, today: Eli (North CMHT, last
 * seen 22 June 2026) is still out of contact, so he is on the manager's disengaged list.
 */
describe.skipIf(!haveChromium)('the escalation ladder in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;
  const today = londonToday();
  const review = isoDay(londonDay(today)! + 14);

  beforeAll(async () => {
    web = await startWebApp(disengagementScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('a manager assigns a step and records an MDT decision, and the person moves to "decided"', async () => {
    await signInAs(page, 'manager');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

    await page.goto('/worklists/disengaged?team=team-north');
    const eli = page.locator('.app-worklist-item', { hasText: 'Eli Evans' });
    await eli.waitFor();
    expect(await eli.innerText()).toContain('Next: Contact by another method, nobody assigned');
    expect(await eli.innerText()).toMatch(/6 steps overdue/);
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard: focus the link and follow it.
    await eli.getByRole('link', { name: 'Assertive engagement for Eli Evans' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Assertive engagement: Eli Evans' }).waitFor();
    expect(await page.getByText('Out of contact since 30 June 2026').count()).toBe(1);
    expect(await page.locator('.app-escalation-step').count()).toBe(6);

    // Nothing chosen: the errors name each field.
    const assign = page.getByRole('form', { name: 'Assign a step' });
    await assign.getByLabel('Step').selectOption({ label: 'Home visit' });
    await assign.getByRole('button', { name: 'Assign the step' }).click();
    await page.getByRole('link', { name: 'Choose who owns it' }).waitFor();
    await assign.getByLabel('Owner').selectOption({ label: 'Demo key worker' });
    await assign.getByLabel('Due by').fill(review);
    await assign.getByRole('button', { name: 'Assign the step' }).click();
    await page.getByRole('status').getByText('Home visit assigned.').waitFor();
    expect(await page.locator('[data-step="home-visit"]').innerText()).toContain('Owned by Demo key worker');
    expect(await axeViolations(page)).toEqual([]);

    // Contacting the family is done: what happened is recorded with the step.
    await assign.getByLabel('Step').selectOption({ label: 'Contact family or carer' });
    await assign.getByLabel('Owner').selectOption({ label: 'Demo team manager' });
    await assign.getByLabel('Due by').fill(today);
    await assign.getByRole('button', { name: 'Assign the step' }).click();
    await page.getByRole('status').getByText('Contact family or carer assigned.').waitFor();
    const family = page.locator('[data-step="contact-family-carer"]');
    await family.getByRole('button', { name: /^Mark as done\W+Contact family or carer$/ }).click();
    await family.getByRole('link', { name: 'Enter what happened' }).waitFor();
    await family.getByLabel('What happened').fill('Brother has not seen him for two weeks.');
    await family.getByRole('button', { name: /^Mark as done\W+Contact family or carer$/ }).click();
    await page.getByRole('status').getByText('Contact family or carer: saved.').waitFor();
    await expect.poll(() => family.innerText()).toContain('by Demo team manager: Brother has not seen him for two weeks.');

    const decide = page.getByRole('form', { name: 'Record an MDT decision' });
    await decide.getByLabel('Date of the decision').fill(today);
    await decide.getByLabel('What the MDT decided').fill('Home visits twice a week; his brother will call us if he hears from him.');
    await decide.getByLabel('Review the decision on').fill(review);
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText(/^Decided by the MDT on/).waitFor();

    await page.goto('/worklists/disengaged?team=team-north');
    await page.getByRole('heading', { level: 2, name: 'Decided by the MDT: 1 person' }).waitFor();
    expect(await page.locator('.app-worklist-item', { hasText: 'Eli Evans' }).count()).toBe(0);
    const decided = page.locator('.app-decided-item');
    expect(await decided.innerText()).toContain('Eli Evans');
    expect(await decided.innerText()).toContain('Home visits twice a week');
    expect(await axeViolations(page)).toEqual([]);
  });
});
