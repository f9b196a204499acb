import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonToday, transferRules } from '@continuity/domain';
import { DEMO_PASSWORD, hashPassword } from '@continuity/server';
import { createUser, readPersonRecord, type Store } from '@continuity/store';
import { transferScenario } from '../../packages/store/test/support/transfer-scenario.ts';
import { axeViolations, haveChromium, startWebApp, type RunningWebApp, newAppPage, signInAs } from './support/web-app.ts';

/**
 * A transfer of care in Chromium over the transfer scenario: the demo key worker (Grace Okafor,
 * North CMHT) proposes moving Val to South CMHT from her record; South's manager finds her on the
 * team caseload page, reads the packet and accepts, naming Ravi Patel as key worker.
 */
describe.skipIf(!haveChromium)('a transfer of care in Chromium', () => {
  let web: RunningWebApp;
  let store: Store;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    web = await startWebApp(transferScenario());
    ({ browser, base, store } = web);
    await createUser(store.db, { id: 'south-mgr', username: 'south-manager', displayName: 'South manager', role: 'team-manager', passwordHash: await hashPassword(DEMO_PASSWORD), teamIds: ['team-south'] });
  });

  afterAll(async () => {
    await web?.close();
  });

  async function signedIn(username: string): Promise<Page> {
    const page = await newAppPage({ browser, base });
    await signInAs(page, username);
    await page.getByRole('link', { name: 'Sign out' }).or(page.getByRole('button', { name: 'Sign out' })).first().waitFor();
    return page;
  }

  it('proposes a transfer from the record, showing what the packet lacks', async () => {
    const page = await signedIn('keyworker');
    await page.goto('/people/val');
    await page.getByRole('region', { name: 'Care', exact: true }).getByRole('link', { name: 'Transfer care to another team or area' }).click();
    await page.getByRole('heading', { level: 1, name: /Transfer care/ }).waitFor();
    const missing = page.locator('.app-packet-missing');
    expect(await missing.innerText()).toContain(transferRules.packetSections['crisis-plan'].missing);
    expect(await missing.innerText()).toContain(transferRules.packetSections['risk-formulation'].missing);
    expect(await page.locator('.app-handover-packet').innerText()).toContain('Police contact');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Propose the transfer' }).click();
    expect(await page.locator('.nhsuk-error-summary').innerText()).toContain('Choose the receiving team, or another area');
    await page.getByLabel('Receiving team').selectOption({ label: 'South CMHT' });
    await page.getByLabel('Reason for the transfer').fill('Val has moved to Southtown, near her mother.');
    // Keyboard: the packet holds no controls, so the next stop after the reason is the submit button.
    await page.getByLabel('Reason for the transfer').press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Propose the transfer');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Transfer of care: Val Valson' }).waitFor();
    expect(await page.getByLabel('The transfer', { exact: true }).innerText()).toContain('Transfer pending');
    expect(await readPersonRecord(store.db, 'val', 'EpisodeOfCare', 'val-eoc')).toMatchObject({ status: 'active', versionId: 1 });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Back to the record' }).click();
    const care = page.getByRole('region', { name: 'Care', exact: true });
    await care.getByRole('link', { name: 'See the transfer waiting for a decision' }).waitFor();
    expect(await care.innerText()).toContain('Transfer pending');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lets the receiving manager accept from the team caseload, naming a key worker', async () => {
    const page = await signedIn('south-manager');
    await page.goto('/team/caseload');
    const waiting = page.getByRole('region', { name: 'Transfers waiting for your team' });
    await waiting.getByRole('link', { name: 'Val Valson' }).waitFor();
    expect(await waiting.innerText()).toContain('from North CMHT');
    expect(await axeViolations(page)).toEqual([]);
    await waiting.getByRole('link', { name: 'Val Valson' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transfer of care: Val Valson' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Key worker in your team').selectOption({ label: 'Ravi Patel' });
    await page.getByRole('button', { name: 'Accept the transfer' }).click();
    await page.getByText('Accepted: Val Valson is now with South CMHT.').waitFor();
    const old = await readPersonRecord(store.db, 'val', 'EpisodeOfCare', 'val-eoc');
    expect(old).toMatchObject({ status: 'finished' });
    const opened = await store.db.selectFrom('record').select(['id', 'resource']).where('person_id', '=', 'val').where('resource_type', '=', 'EpisodeOfCare').where('status', '=', 'active').execute();
    expect(opened.map((r) => (r.resource as { managingOrganization: unknown; careManager: unknown })).map((r) => [r.managingOrganization, r.careManager])).toEqual([
      [{ reference: 'Organization/team-south' }, { reference: 'Practitioner/kw-2' }],
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('out of area: names the receiving service, and records who there confirmed before the episode closes', async () => {
    const page = await signedIn('keyworker');
    await page.goto('/people/ola/transfer/ola-eoc');
    await page.getByRole('heading', { level: 1, name: /Transfer care/ }).waitFor();
    await page.getByLabel('Receiving team').selectOption({ label: 'Another area (a service not in Continuity)' });
    await page.getByLabel('Receiving service').fill('Leeds East CMHT, Leeds and York Partnership');
    await page.getByLabel('Reason for the transfer').fill('Ola has moved to Leeds.');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Propose the transfer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transfer of care: Ola Olason' }).waitFor();

    await page.getByRole('button', { name: 'Record the acceptance' }).click();
    expect(await page.locator('.nhsuk-error-summary').innerText()).toContain('Name who at the receiving service confirmed');
    expect(await readPersonRecord(store.db, 'ola', 'EpisodeOfCare', 'ola-eoc')).toMatchObject({ status: 'active' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Who confirmed').fill('Dr Amira Shah, team manager');
    await page.getByLabel('Date they confirmed').fill(londonToday());
    await page.getByRole('button', { name: 'Record the acceptance' }).click();
    await page.getByText('Recorded: Leeds East CMHT, Leeds and York Partnership has taken Ola Olason on.').waitFor();
    expect(await readPersonRecord(store.db, 'ola', 'EpisodeOfCare', 'ola-eoc')).toMatchObject({ status: 'finished' });
  });
});
