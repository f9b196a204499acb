import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARA_IN_A_CRISIS, CARA_WARNING_SIGNS, CARA_WHO_TO_CONTACT, HISTORY_NHS, historyScenario } from '../../packages/store/test/support/history-scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * The crisis line and the key worker in Chromium over the hand-made history scenario: Cara is in
 * intensive care with North CMHT (the demo key worker is hers); the demo crisis line works in the
 * crisis team, which does not hold her now.
 */
describe.skipIf(!haveChromium)('the history and need-to-know pages in Chromium', () => {
  let web: RunningWebApp;

  beforeAll(async () => {
    web = await startWebApp(historyScenario());
  });

  afterAll(async () => {
    await web?.close();
  });

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  it('takes the crisis line from search to the need-to-know page by keyboard alone, and it reads the relapse signature and crisis plan', async () => {
    const page = await newAppPage(web);
    await signInAs(page, 'crisis');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Find a person' }).waitFor();
    await page.goto('/people');
    await h1(page, 'Find a person').waitFor();
    await tabTo(page, page.getByLabel('Name, date of birth or NHS number'));
    await page.keyboard.type(HISTORY_NHS.cara);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /1 person found/ }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'OKORO, Cara' }));
    await page.keyboard.press('Enter');

    // The crisis line cannot open the record without a reason, but is offered the need-to-know page.
    await h1(page, 'This person is not on your caseload').waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Read the need-to-know page' }));
    await page.keyboard.press('Enter');
    await h1(page, /Need to know/).waitFor();
    expect(await page.title()).toBe('Need to know: Cara Okoro – Continuity');

    const main = page.getByRole('main');
    await expect(main.getByText('this person is in intensive or assertive community care and you work on the crisis line', { exact: false }).isVisible()).resolves.toBe(true);
    const relapse = main.getByRole('region', { name: 'Relapse signature' });
    expect(await relapse.locator('blockquote').innerText()).toBe(CARA_WARNING_SIGNS);
    expect(await relapse.locator('figcaption').innerText()).toBe('In Cara’s own words');
    const plan = main.getByRole('region', { name: 'Crisis plan' });
    expect(await plan.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(['What happens in a crisis', 'Who to contact']);
    expect(await plan.innerText()).toContain(CARA_IN_A_CRISIS);
    expect(await plan.locator('blockquote').innerText()).toBe(CARA_WHO_TO_CONTACT);
    const mustNotMiss = main.getByRole('region', { name: 'Must not miss' });
    expect(await mustNotMiss.locator('li').allInnerTexts()).toEqual([
      // The words are a <q>: the browser draws the quotation marks, innerText leaves them out.
      'Police contact, since 9 March 2026: Section 136 on the river bridge',
      'Concern raised by a carer or family member, since 1 March 2026: She has not slept for days.',
    ]);
    const contacts = main.getByRole('region', { name: 'Key contacts' });
    expect(await contacts.innerText()).toContain('Grace Okafor');
    expect(await contacts.innerText()).toContain('Phone: 07700 900123');
    expect(await contacts.innerText()).toContain('Limited information only');
    expect(await main.getByRole('region', { name: 'Mental Health Act' }).locator('li').allInnerTexts()).toEqual([
      'Community Treatment Order since 5 April 2026; expires 4 April 2027 unless renewed; conditions: Take medication as prescribed',
      'Section 117 aftercare since 5 April 2026',
    ]);
    expect(await main.getByRole('region', { name: 'Current medicines' }).locator('li').allInnerTexts()).toEqual(['Clozapine 100mg tablets, 200mg at night']);
    await tabTo(page, page.getByRole('button', { name: 'Print this page' }));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('opens the history from the record for the key worker, filters it by keyboard, accessibly', async () => {
    const page = await newAppPage(web);
    await signInAs(page, 'keyworker');
    await h1(page, 'My caseload').waitFor();
    await page.goto('/people/cara');
    await h1(page, /Cara Okoro/).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'History across services' }), 60);
    await page.keyboard.press('Enter');
    await h1(page, /History across services/).waitFor();

    const glance = page.getByRole('region', { name: 'At a glance' });
    const rows = glance.locator('.nhsuk-summary-list__row');
    expect(await rows.count()).toBe(7);
    expect((await rows.nth(0).innerText()).trim()).toMatch(/^Admissions\s+1 admission in the last 5 years, the latest 12 Mar( 2026)? for 24 days$/);
    expect((await rows.nth(6).innerText()).trim()).toMatch(/^Key workers and teams\s+2 key workers in the last 5 years.*now key worker Grace Okafor, North CMHT$/);
    const events = page.locator('tr.app-history-event');
    expect(await events.count()).toBe(17);

    await tabTo(page, page.getByLabel('Show'));
    await page.keyboard.press('ArrowDown');
    await page.getByRole('status').filter({ hasText: 'Showing 1 of 17 events' }).waitFor();
    expect((await events.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '12 March 2026 Admissions Admitted to hospital Northshire Mental Health Trust · stayed 24 days 5 April 2026',
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
