import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralScenario } from '../../packages/store/test/support/referral-scenario.ts';
import { axeViolations, haveChromium, startWebApp, tabTo, type RunningWebApp, newAppPage, signInAs, openFromIndex } from './support/web-app.ts';

/**
 * Issue 7 part 1 in Chromium over the referral scenario: the demo team manager (North CMHT) triages
 * Eli's referral at the single point of access by keyboard (a decline without an onward route is
 * refused first), sees Eli join North's waiting list, records a check-in with Cal, and reads the
 * waiting-times report.
 */
describe.skipIf(!haveChromium)('referrals and waiting in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(referralScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('takes a manager from triage to the waiting list and a check-in, by keyboard', async () => {
    await signInAs(page, 'manager');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Triage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Referrals to triage' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole('link', { name: 'Triage the referral of Eli Ellis' }), 60);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Triage a referral' });
    await form.waitFor();

    // A radio group is one Tab stop; the arrow keys choose within it.
    await tabTo(page, form.getByLabel('Accepted to a team'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Declined, with the reason and an onward route').isChecked()).toBe(true);
    await tabTo(page, form.getByRole('button', { name: 'Record the decision' }));
    await page.keyboard.press('Enter');
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: /^Onward service is needed/ }).waitFor();
    expect(await summary.getByRole('link', { name: /^Why it was declined is needed/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, form.getByLabel('Declined, with the reason and an onward route'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await tabTo(page, form.getByLabel('Team', { exact: true }));
    await page.keyboard.type('North');
    await expect.poll(() => form.getByLabel('Team', { exact: true }).inputValue()).toBe('team-north');
    await tabTo(page, form.getByRole('button', { name: 'Record the decision' }));
    await page.keyboard.press('Enter');
    await page.getByText('The referral of Eli Ellis was accepted to North CMHT.').waitFor();
    await page.getByText('No referrals are waiting for triage.').waitFor();

    await openFromIndex(page, 'Worklists', 'Waiting');
    const rows = page.locator('.app-worklist-item');
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    const eli = rows.filter({ hasText: 'Eli Ellis' });
    await expect.poll(() => eli.innerText()).toMatch(/Waiting \d+ days since referral on 15 May to North CMHT \(not yet seen; no check-in recorded\)/);
    expect(await axeViolations(page)).toEqual([]);

    const cal = rows.filter({ hasText: 'Cal Chandra' });
    await tabTo(page, cal.getByRole('link', { name: 'Record a check-in with Cal Chandra' }), 80);
    await page.keyboard.press('Enter');
    const checkIn = page.getByRole('form', { name: 'Record a check-in' });
    await checkIn.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, checkIn.getByLabel('How they are and what they were told'));
    await page.keyboard.type('Phoned: coping, knows the crisis line number.');
    await tabTo(page, checkIn.getByRole('button', { name: 'Record the check-in' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/worklists\/waiting$/);
    await page.getByText(/^Check-in with Cal Chandra on .* recorded\.$/).waitFor();
    await expect.poll(() => cal.innerText()).not.toContain('last check-in 20 May');

    await openFromIndex(page, 'Reports', 'Waiting times');
    await page.getByRole('table', { name: 'By ethnic group' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // The team's whole waiting list: Eli (now North's) and Cal, with when each was referred and last checked in with.
    await openFromIndex(page, 'Worklists', 'Team waiting list');
    const waitingRows = page.getByRole('table', { name: /^Waiting for North CMHT as of / }).getByRole('row');
    await expect.poll(() => waitingRows.count()).toBe(3);
    expect(await waitingRows.nth(1).innerText()).toMatch(/Cal Chandra[\s\S]*1 May 2026[\s\S]*Over 4 weeks[\s\S]*Not yet/);
    expect(await waitingRows.nth(2).innerText()).toMatch(/Eli Ellis[\s\S]*15 May 2026[\s\S]*None recorded/);
    expect(await axeViolations(page)).toEqual([]);

    // A self-referral taken by phone for someone not yet on record joins the triage queue.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Triage' }).click();
    await tabTo(page, page.getByRole('link', { name: 'Record a referral' }), 60);
    await page.keyboard.press('Enter');
    const referral = page.getByRole('form', { name: 'Record a referral' });
    await referral.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const [label, typed] of [['Given name', 'Jo'], ['Family name', 'Fenn'], ['Why they are referred', 'Hearing voices again; frightened.']] as const) {
      await tabTo(page, referral.getByLabel(label, { exact: true }));
      await page.keyboard.type(typed);
    }
    await referral.getByLabel('Date of birth').fill('1991-04-02');
    await tabTo(page, referral.getByLabel('Referred by'));
    await page.keyboard.type('Self');
    await expect.poll(() => referral.getByLabel('Referred by').inputValue()).toBe('self');
    await tabTo(page, referral.getByRole('button', { name: 'Record the referral' }));
    await page.keyboard.press('Enter');
    await page.getByText('The referral of Jo Fenn is recorded and waiting for triage.').waitFor();
    await page.getByRole('link', { name: 'Triage the referral of Jo Fenn' }).waitFor();
  });
});
