import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCareScenario } from '../../packages/store/test/support/shared-care-scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp, openFromIndex } from './support/web-app.ts';

/**
 * Issue 6's shared care in Chromium over the shared care scenario. The demo GP is linked to
 * Riverside Surgery: it is asked about Ana's, Ben's and Eve's medicines and holds Ida's lithium;
 * Fay's, Gus's and Dan's agreements are with Hillside, Cara's and Hal's were declined. The demo
 * prescriber works in North CMHT, which holds Hal.
 */
describe.skipIf(!haveChromium)('shared care in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(sharedCareScenario());
  });

  afterAll(async () => {
    await web?.close();
  });

  it("shows a GP partner only its practice's responsibilities, and it accepts a proposal by keyboard", async () => {
    page = await newAppPage(web);
    await signInAs(page, 'gp');
    // A GP practice's work starts on its responsibilities; no record, search or worklist is offered, only what is shared with it and sent to it.
    await page.getByRole('heading', { level: 1, name: /Shared care: your responsibilities/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/shared-care');
    expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').allTextContents()).toEqual(['People shared with you', 'Shared care', 'Documents from the mental health team']);
    await page.getByRole('heading', { level: 2, name: 'Waiting for your answer (3)' }).waitFor();

    const agreements = page.locator('.app-shared-care-agreement');
    expect(await agreements.locator('h3').allTextContents()).toEqual(['Ana Ash: Lithium carbonate', 'Ben Birch: Olanzapine', 'Eve Elm: Lithium carbonate', 'Ida Ivy: Lithium carbonate']);
    const ana = agreements.filter({ has: page.getByRole('heading', { name: 'Ana Ash: Lithium carbonate' }) });
    expect(await ana.locator('.app-practice-tasks li').allTextContents()).toEqual(['Prescribing', 'Lithium level', 'Thyroid function (TSH)']);
    const text = await page.locator('main').innerText();
    // Not the team's tasks, not another practice's agreements, not a declined proposal.
    expect(text).not.toContain('Renal function');
    expect(text).not.toContain('Prolactin');
    for (const other of ['Fay Fir', 'Gus Gum', 'Dan Dogwood', 'Cara Cedar', 'Hal Hazel']) expect(text).not.toContain(other);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, ana.getByRole('button', { name: 'Accept shared care of Lithium carbonate for Ana Ash' }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Shared care of Lithium carbonate for Ana Ash accepted.').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Agreements your practice holds (2)' }).waitFor();
    const accepted = agreements.filter({ has: page.getByRole('heading', { name: 'Ana Ash: Lithium carbonate' }) });
    expect(await accepted.innerText()).toMatch(/Accepted \(proposed 1 June 2026, accepted \d+ \w+ \d{4}\)/);
    expect(await accepted.getByRole('button').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The record itself stays closed to the practice.
    await page.goto('/people/ana');
    await page.getByText('The Partner agency role cannot open individual records.').first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Lithium');
  });

  it('lets a prescriber propose shared care from the person record by keyboard, and shows it on the record', async () => {
    page = await newAppPage(web);
    await signInAs(page, 'prescriber');
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    await page.goto('/people/hal');
    const section = page.getByRole('region', { name: 'Shared care' });
    await section.getByText('Quetiapine').first().waitFor();
    expect(await section.innerText()).toContain('Declined');
    await tabTo(page, section.getByRole('link', { name: 'Propose shared care or record an answer' }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Shared care/ }).waitFor();

    const form = page.getByRole('form', { name: 'Propose shared care' });
    await tabTo(page, form.getByLabel('Medicine'), 80);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Medicine').inputValue()).toBe('hal-quetiapine');
    // Nobody named for prescribing: refused, naming the field.
    await tabTo(page, form.getByRole('button', { name: 'Propose shared care' }));
    await page.keyboard.press('Enter');
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Prescribing must say who prescribes' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, form.getByLabel('Prescribing'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Prescribing').inputValue()).toBe('practice');
    await tabTo(page, form.getByLabel('Weight or BMI'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Weight or BMI').inputValue()).toBe('team');
    await tabTo(page, form.getByRole('button', { name: 'Propose shared care' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Shared care of Quetiapine proposed to Riverside Surgery.').waitFor();
    const proposed = page.getByRole('region', { name: 'Shared care of Quetiapine' }).filter({ hasText: 'Proposed (' });
    await proposed.waitFor();
    expect(await proposed.innerText()).toMatch(/GP practice does\s+Prescribing/);
    expect(await proposed.innerText()).toMatch(/Specialist team does\s+Weight or BMI/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lists the prescriber's declined and unanswered proposals on the Shared care worklist, accessibly", async () => {
    page = await newAppPage(web);
    await signInAs(page, 'prescriber');
    await openFromIndex(page, 'Worklists', 'Shared care');
    await page.getByRole('heading', { level: 1, name: /Shared care proposals that need the team to act/ }).waitFor();
    // As of 30 June 2026: Ana's proposal was accepted by the practice today, after that day, so it was still unanswered then.
    await page.getByLabel('As of', { exact: true }).fill('2026-06-30');
    await page.getByRole('button', { name: 'Show the list' }).click();
    await page.getByRole('heading', { level: 2, name: '2 people as of 30 June 2026' }).waitFor();
    const rows = page.locator('.app-worklist-item');
    expect(await rows.nth(0).innerText()).toContain('Riverside Surgery declined shared care of Quetiapine on 1 May');
    expect(await rows.nth(1).innerText()).toContain('Shared care of Lithium carbonate proposed to Riverside Surgery on 1 Jun, 29 days ago, with no answer');
    expect(await page.getByText('Cara Cedar').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
