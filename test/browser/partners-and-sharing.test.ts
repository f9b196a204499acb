import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAgreement, sharingWishConsent, type AnyResource } from '@continuity/domain';
import { createSharingAgreement, prepareRecord, writeRecords } from '@continuity/store';
import { addPartnerAccounts, partnersScenario } from '../../packages/server/test/support/partners-scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * Issue 9 part 3 in Chromium: the police, linked to Ada under a live agreement (Crime and Disorder
 * Act s115: identity, key worker and team, appointments, red flags), see only those categories of
 * her and raise a concern by keyboard; her key worker then sees it on their caseload as something
 * to act on and on her record as a red flag. Axe-clean throughout.
 */
describe.skipIf(!haveChromium)('partners and information sharing, in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(partnersScenario());
    await addPartnerAccounts(web.store);
    const checked = checkAgreement({
      id: 'police-liaison', title: 'Police and mental health liaison', purpose: 'Welfare checks.', legalBasis: 'crime-and-disorder', partners: ['police-1'],
      categories: ['identity', 'key-worker-and-team', 'appointments', 'red-flags'], startDate: '2026-01-01', reviewDate: '2027-06-30', status: 'active',
    });
    if (!checked.ok) throw new Error('agreement');
    await createSharingAgreement(web.store.db, checked.agreement, 'demo-admin');
    const consent = sharingWishConsent({ id: 'ada-police-sharing', personId: 'ada', organisationId: 'police-1', decision: 'agreed', objections: [], date: '2026-02-01', recordedBy: 'Grace Okafor', linked: true });
    await writeRecords(web.store.db, [prepareRecord({ type: 'Consent', id: 'ada-police-sharing', personId: 'ada', resource: consent as AnyResource })]);
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the police only what the agreement allows, takes their concern, and puts it in front of the key worker as a red flag', async () => {
    await signInAs(page, 'police');
    await page.getByRole('heading', { level: 1, name: 'People shared with you' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, page.getByRole('main').getByRole('link', { name: /Ada/ }), 60);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Key worker and team' }).waitFor();
    const main = page.getByRole('main');
    for (const heading of ['Who they are', 'Key worker and team', 'Appointments', 'Red flags', 'Raise a concern']) await main.getByRole('heading', { level: 2, name: heading }).waitFor();
    expect(await main.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Who they are', 'Key worker and team', 'Appointments', 'Red flags', 'Raise a concern']);
    await main.getByText('North CMHT: key worker Grace Okafor').waitFor();
    await main.getByText(/Police contact: welfare check/).waitFor();
    expect(await main.innerText()).not.toMatch(/Clozapine|Current medicines|Crisis plan|Phone/);
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, main.getByRole('textbox', { name: 'Your concern' }), 60);
    await page.keyboard.type('Found on the bridge at 2am, distressed; taken home by her mother.');
    await tabTo(page, main.getByRole('button', { name: 'Send concern' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(/Your concern about Ada .* has been sent to their team/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const keyWorker = await newAppPage(web);
    await signInAs(keyWorker, 'keyworker');
    const person = keyWorker.getByRole('row').filter({ hasText: 'Lovelace' });
    await person.getByText('Concern from a partner agency to act on').waitFor();
    expect(await axeViolations(keyWorker)).toEqual([]);
    await person.getByRole('link', { name: /Ada/ }).click();
    const concerns = keyWorker.getByRole('region', { name: 'Concerns from partner agencies' });
    await concerns.getByText('Found on the bridge at 2am, distressed; taken home by her mother.').waitFor();
    await concerns.getByText('To act on').waitFor();
    await keyWorker.getByText('Concern raised by Northshire Police').first().waitFor();
    expect(await axeViolations(keyWorker)).toEqual([]);

    await tabTo(keyWorker, concerns.getByRole('textbox', { name: 'What you did or will do' }), 120);
    await keyWorker.keyboard.type('Visited the next morning; crisis plan reviewed with her.');
    await tabTo(keyWorker, concerns.getByRole('button', { name: /Acknowledge/ }));
    await keyWorker.keyboard.press('Enter');
    await concerns.getByText(/Acknowledged .* by Demo key worker: Visited the next morning/).waitFor();
    expect(await axeViolations(keyWorker)).toEqual([]);
  });
});
