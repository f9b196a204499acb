import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday } from '@continuity/domain';
import { monitoringScenario } from '../../packages/store/test/support/monitoring-scenario.ts';
import { axeViolations, haveChromium, startWebApp, tabTo, type RunningWebApp, newAppPage, signInAs } from './support/web-app.ts';

/** "25 November 2026", as the app writes a day. */
const written = (day: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/**
 * Issue 6 part 1 in Chromium over the monitoring scenario: the demo prescriber (North CMHT) opens
 * Ola's record, prescribes a long-acting injection using only the keyboard (the empty form refused
 * first), sees it due today, records the dose given, and sees the next dose due in 28 days.
 */
describe.skipIf(!haveChromium)('medicines on the person record in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(monitoringScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets a prescriber prescribe an injection and record it given, by keyboard, and shows when the next is due', async () => {
    await signInAs(page, 'prescriber');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await page.goto('/people/ola');
    const medicines = page.getByRole('region', { name: 'Medicines' });
    await medicines.getByRole('table', { name: 'Current medicines' }).waitFor();
    expect(await medicines.getByRole('row').filter({ hasText: 'Olanzapine' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, medicines.getByRole('link', { name: 'Prescribe a medicine' }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Prescribe a medicine/ }).waitFor();
    const form = page.getByRole('form', { name: 'Prescribe a medicine' });
    await tabTo(page, form.getByRole('button', { name: 'Prescribe' }));
    await page.keyboard.press('Enter');
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Choose the medicine' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, form.getByLabel('Medicine'));
    await page.keyboard.type('Paliperidone');
    await expect.poll(() => form.getByLabel('Medicine').inputValue()).toBe('paliperidone-palmitate');
    await tabTo(page, form.getByLabel('Dose and how it is taken'));
    await page.keyboard.type('100 mg by deep intramuscular injection every 28 days');
    // The interval appears for an injection, with the licensed one as the hint; a shorter one is refused by the API.
    await tabTo(page, form.getByLabel('Days between injections (optional)'));
    await page.keyboard.type('14');
    await tabTo(page, form.getByRole('button', { name: 'Prescribe' }));
    await page.keyboard.press('Enter');
    const tooShort = page.locator('.nhsuk-error-summary').getByRole('link', { name: /Days between injections must not be shorter than the licensed interval of 28 days/ });
    await tooShort.waitFor();
    await tooShort.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('intervalDays');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await tabTo(page, form.getByRole('button', { name: 'Prescribe' }));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/people\/ola$/);
    await page.getByText(`Paliperidone palmitate prolonged-release injection prescribed for Ola`).waitFor();
    const row = medicines.getByRole('row').filter({ hasText: 'Paliperidone' });
    await expect.poll(async () => row.innerText()).toContain(`Next due ${written(londonToday())} (no dose recorded as given)`);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, row.getByRole('link', { name: 'Record an injection of Paliperidone palmitate prolonged-release injection' }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Record an injection/ }).waitFor();
    const injection = page.getByRole('form', { name: 'Record an injection' });
    await tabTo(page, injection.getByLabel('Given', { exact: true }));
    await page.keyboard.press('Space');
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, injection.getByRole('button', { name: 'Record the injection' }));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/people\/ola$/);
    await page.getByText(`Paliperidone palmitate prolonged-release injection recorded as given to Ola`).waitFor();
    const next = isoDay(londonDay(londonToday())! + 28);
    await expect.poll(async () => row.innerText()).toContain(`Next due ${written(next)} (last given ${written(londonToday())})`);
  });
});
