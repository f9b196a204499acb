import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { system } from '@continuity/domain';
import { createCommunityAsset, createUser, savePostcodeCentroids } from '@continuity/store';
import { hashPassword } from '../../packages/server/src/auth/passwords.ts';
import { scenario } from '../../packages/store/test/support/scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

const PARTNER_PASSWORD = 'harbour-password-1';

/**
 * Issue 9 part 4 in Chromium: Ada's key worker finds a housing service near her postcode from her
 * care plan, by keyboard, and refers her; the service's own partner account accepts the referral;
 * the care plan then shows it accepted. Axe-clean throughout.
 */
describe.skipIf(!haveChromium)('a referral to a community asset from the care plan, in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    const resources = scenario();
    resources.Organization!.push({ resourceType: 'Organization', id: 'vcse-harbour', name: 'Harbour Housing', type: [{ coding: [{ system: system.organisationType, code: 'vcse' }] }] });
    web = await startWebApp(resources);
    await savePostcodeCentroids(web.store.db, [
      { postcode: 'BS2 0AA', latitude: 51.463, longitude: -2.57 },
      { postcode: 'BS1 4DJ', latitude: 51.4545, longitude: -2.5879 },
      { postcode: 'BS23 1AA', latitude: 51.345, longitude: -2.977 },
    ]);
    const asset = { kind: 'housing', eligibility: null, address: null, openingTimes: 'Tue, Thu 9-5', phone: '0117 900 0002', email: null, website: null, accessibility: ['step-free'], languages: ['English', 'Somali'], maintainerId: 'vcse-harbour' };
    await createCommunityAsset(web.store.db, 'harbour-advice', { ...asset, name: 'Harbour Housing Advice', needs: ['housing', 'money-debt'], postcode: 'BS1 4DJ' }, 'test');
    await createCommunityAsset(web.store.db, 'harbour-weston', { ...asset, name: 'Harbour Housing Weston', needs: ['housing'], postcode: 'BS23 1AA' }, 'test');
    await createCommunityAsset(web.store.db, 'north-walks', { ...asset, kind: 'vcse', name: 'North Walking Group', needs: ['physical-activity'], postcode: 'BS2 0AA', maintainerId: 'team-north' }, 'test');
    await createUser(web.store.db, { id: 'harbour-user', username: 'harbour', displayName: 'Harbour Housing worker', role: 'partner-agency', passwordHash: await hashPassword(PARTNER_PASSWORD), organisationId: 'vcse-harbour' });
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets a key worker refer from the care plan by keyboard, the partner accept, and the care plan show it accepted', async () => {
    await signInAs(page, 'keyworker');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await page.goto('/people/ada/plans/care-plan');
    const section = page.getByRole('region', { name: 'Community services' });
    await section.getByText('No referral to a community service yet.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, section.getByRole('link', { name: /Refer Ada .* to a community service/ }), 80);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Refer to a community service' }).waitFor();
    const form = page.getByRole('form', { name: 'Refer to a community service' });
    await tabTo(page, form.getByLabel('Need'));
    await page.keyboard.type('Housing');
    await tabTo(page, form.getByLabel('Near postcode'));
    await page.keyboard.type('bs2 0aa');
    await tabTo(page, form.getByRole('button', { name: 'Search' }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('2 services found').waitFor();
    // Nearest first, each with its distance.
    const services = form.getByRole('group', { name: 'Service' }).getByRole('radio');
    expect(await services.evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent))).toEqual(['Harbour Housing Advice', 'Harbour Housing Weston']);
    await form.getByText(/1\.6 km away/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await tabTo(page, form.getByRole('radio', { name: 'Harbour Housing Advice' }));
    await page.keyboard.press('Space');
    await tabTo(page, form.getByRole('textbox', { name: 'What the referral is for' }));
    await page.keyboard.type('Rent arrears; worried about losing her flat.');
    await tabTo(page, form.getByRole('button', { name: 'Send the referral' }));
    await page.keyboard.press('Enter');
    await page.getByText(/Referral of Ada .* to Harbour Housing Advice sent\./).waitFor();
    const sent = page.getByRole('table', { name: 'Referrals to community services' });
    expect(await sent.getByRole('row').nth(1).innerText()).toMatch(/Harbour Housing Advice\s+Housing: Rent arrears; worried about losing her flat\.\s+.*\s+Sent/);

    const partner = await newAppPage(web);
    await signInAs(partner, 'harbour', PARTNER_PASSWORD);
    await partner.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Referrals to you' }).click();
    const referral = partner.getByRole('region', { name: /Ada .*: Harbour Housing Advice/ });
    await referral.getByText('Housing: Rent arrears; worried about losing her flat.').waitFor();
    expect(await axeViolations(partner)).toEqual([]);
    await tabTo(partner, referral.getByRole('button', { name: /^Accept the referral of Ada/ }), 80);
    await partner.keyboard.press('Enter');
    await partner.getByText(/Referral of Ada .* to Harbour Housing Advice: accepted\./).waitFor();
    await partner.getByRole('button', { name: /^Attended\W+Ada/ }).waitFor();
    expect(await axeViolations(partner)).toEqual([]);

    await page.reload();
    await page.getByRole('table', { name: 'Referrals to community services' }).getByText(/^Accepted on /).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets the partner find its own service in the directory and edit it, and no other', async () => {
    const partner = await newAppPage(web);
    await signInAs(partner, 'harbour', PARTNER_PASSWORD);
    await partner.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Community services' }).click();
    const search = partner.getByRole('form', { name: 'Find a community service' });
    await search.getByLabel('Near postcode').fill('BS1 4DJ');
    await search.getByRole('button', { name: 'Search' }).click();
    await partner.getByRole('heading', { name: 'Harbour Housing Advice (0 km away)' }).waitFor();
    await partner.getByRole('heading', { name: 'North Walking Group (1.6 km away)' }).waitFor();
    expect(await partner.getByRole('link', { name: /^Edit/ }).evaluateAll((links) => links.map((l) => l.textContent))).toEqual(['Edit Harbour Housing Advice', 'Edit Harbour Housing Weston']);
    expect(await axeViolations(partner)).toEqual([]);
    await partner.getByRole('link', { name: 'Edit Harbour Housing Advice' }).click();
    const form = partner.getByRole('form', { name: 'Edit Harbour Housing Advice' });
    await form.getByLabel('Opening times').fill('Monday to Friday, 9am to 5pm');
    await form.getByLabel('Email').fill('not an email');
    await form.getByRole('button', { name: 'Save the service' }).click();
    await partner.locator('.nhsuk-error-summary').getByRole('link', { name: 'Email must be an email address' }).waitFor();
    expect(await axeViolations(partner)).toEqual([]);
    await form.getByLabel('Email').fill('advice@harbour.example');
    await form.getByRole('button', { name: 'Save the service' }).click();
    await partner.getByText('Harbour Housing Advice saved: version 2.').waitFor();
    const held = await web.store.db.selectFrom('community_asset').select(['opening_times', 'email', 'updated_by']).where('id', '=', 'harbour-advice').executeTakeFirstOrThrow();
    expect(held).toEqual({ opening_times: 'Monday to Friday, 9am to 5pm', email: 'advice@harbour.example', updated_by: 'harbour-user' });
  });
});
