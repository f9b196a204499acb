import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plansScenario } from '../../packages/store/test/support/plans-scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * Issue 5 part 3 in Chromium: Ada's key worker writes her crisis plan using only the keyboard (a
 * missing crisis contact refused first), with one section in Ada's own words, saves it, edits it
 * again, and sees both versions listed, with the earlier one still readable. Axe-clean throughout.
 */
describe.skipIf(!haveChromium)('a crisis plan written with the person, in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(plansScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets a key worker write a crisis plan with the person’s own words, edit it, and see two versions, by keyboard', async () => {
    await signInAs(page, 'keyworker');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await page.goto('/people/ada');
    const plans = page.getByRole('region', { name: 'Plans and formulation' });
    await plans.getByRole('link', { name: 'Crisis plan' }).waitFor();
    expect(await plans.innerText()).toContain('Crisis plan: none written yet');
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, plans.getByRole('link', { name: 'Crisis plan' }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Crisis plan/ }).waitFor();
    await tabTo(page, page.getByRole('link', { name: /Write a crisis plan/ }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Write a crisis plan/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const form = page.getByRole('form', { name: 'Write a crisis plan' });
    await tabTo(page, form.getByRole('textbox', { name: 'What happens in a crisis' }));
    await page.keyboard.type('I stop sleeping and think the neighbours are talking about me.');
    await tabTo(page, form.getByRole('checkbox', { name: /What happens in a crisis: these are/ }));
    await page.keyboard.press('Space');
    await tabTo(page, form.getByRole('textbox', { name: 'What helps', exact: true }));
    await page.keyboard.type('Ring my mum first.');
    await tabTo(page, form.getByRole('button', { name: 'Save the crisis plan' }), 60);
    await page.keyboard.press('Enter');
    const missing = page.locator('.nhsuk-error-summary').getByRole('link', { name: /Crisis contact is needed/ });
    await missing.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await missing.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('crisisContact');
    await page.keyboard.type('Crisis line 0800 123 4567');
    await tabTo(page, form.getByRole('button', { name: 'Save the crisis plan' }));
    await page.keyboard.press('Enter');

    await page.getByText(/Crisis plan saved for Ada.*: version 1\./).waitFor();
    const shown = page.getByRole('region', { name: 'Current version (1)' });
    await shown.waitFor();
    const quotation = shown.locator('figure blockquote');
    expect(await quotation.innerText()).toBe('“I stop sleeping and think the neighbours are talking about me.”');
    expect(await shown.locator('figcaption').innerText()).toMatch(/^In Ada .*’s own words$/);
    expect(await shown.innerText()).toContain('Grace Okafor');
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, shown.getByRole('link', { name: 'Edit the crisis plan' }), 60);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Edit the crisis plan/ }).waitFor();
    const edit = page.getByRole('form', { name: 'Edit the crisis plan' });
    expect(await edit.getByRole('checkbox', { name: /What happens in a crisis: these are/ }).isChecked()).toBe(true);
    await tabTo(page, edit.getByRole('textbox', { name: 'What helps', exact: true }));
    await page.keyboard.press('End');
    await page.keyboard.type(' Please do not send the police unless you have to.');
    await tabTo(page, edit.getByRole('button', { name: 'Save the crisis plan' }), 60);
    await page.keyboard.press('Enter');

    await page.getByText(/Crisis plan saved for Ada.*: version 2\./).waitFor();
    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.waitFor();
    const rows = versions.getByRole('row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(1).innerText()).toMatch(/Version 2[\s\S]*Demo key worker[\s\S]*What helps changed/);
    expect(await rows.nth(2).innerText()).toMatch(/Version 1[\s\S]*Demo key worker[\s\S]*First version/);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, versions.getByRole('link', { name: 'Version 1' }), 80);
    await page.keyboard.press('Enter');
    const earlier = page.getByRole('region', { name: /^Version 1, saved/ });
    await earlier.waitFor();
    expect(await earlier.innerText()).toContain('Ring my mum first.');
    expect(await earlier.innerText()).not.toContain('police');
  });
});
