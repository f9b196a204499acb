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

  it('lets an administrator add an agreement and a key worker record a person’s wishes, by keyboard, axe-clean', async () => {
    const admin = await newAppPage(web);
    await signInAs(admin, 'admin');
    await admin.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sharing agreements' }).click();
    await admin.getByRole('table', { name: /Agreements/ }).getByRole('link', { name: 'Change Police and mental health liaison' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByRole('link', { name: 'Add an agreement' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Add an information-sharing agreement' }).waitFor();
    await tabTo(admin, admin.getByLabel('Name of the agreement'), 60);
    await admin.keyboard.type('Peer support');
    await tabTo(admin, admin.getByRole('button', { name: 'Save agreement' }), 80);
    await admin.keyboard.press('Enter');
    // Refused field by field, nothing stored: no purpose, no partner, no legal basis, no review date.
    await admin.getByRole('heading', { name: 'There is a problem' }).waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.getByLabel('Purpose: why the parties share').fill('Peer support between appointments.');
    await admin.getByRole('checkbox', { name: 'Harbour Peer Support' }).check();
    await admin.getByLabel('Legal basis').selectOption('consent');
    await admin.getByLabel('Review date').fill('2027-06-30');
    await admin.getByRole('radio', { name: /^Active/ }).check();
    await admin.getByRole('button', { name: 'Save agreement' }).click();
    await admin.getByText('Agreement saved: Peer support.').waitFor();

    const keyWorker = await newAppPage(web);
    await signInAs(keyWorker, 'keyworker');
    await keyWorker.getByRole('navigation', { name: 'Sections' }).waitFor();
    await keyWorker.goto('/people/ada');
    const sharing = keyWorker.getByRole('region', { name: 'Sharing with partners' });
    await sharing.getByText(/Sees today: identity, key worker and team, appointments, red flags/).waitFor();
    await tabTo(keyWorker, sharing.getByRole('button', { name: 'Link a partner organisation' }), 150);
    await keyWorker.keyboard.press('Enter');
    await sharing.getByLabel('Partner organisation', { exact: true }).selectOption('vcse-1');
    await sharing.getByRole('radio', { name: 'Agreed to sharing' }).check();
    await sharing.getByRole('checkbox', { name: 'Current medicines' }).check();
    expect(await axeViolations(keyWorker)).toEqual([]);
    await sharing.getByRole('button', { name: 'Save sharing wishes' }).click();
    await sharing.getByText('Sharing with Harbour Peer Support recorded: agreed to sharing.').waitFor();
    await sharing.getByText('Sees today: identity.').waitFor();
  });
});
