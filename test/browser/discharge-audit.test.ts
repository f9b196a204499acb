import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@continuity/store';
import { dischargeRules } from '@continuity/domain';
import { readPersonRecord } from '@continuity/store';
import { dischargeScenario, expectedItems, FROM, TO } from '../../packages/store/test/support/discharge-scenario.ts';
import { axeViolations, haveChromium, startWebApp, type RunningWebApp, signInAs, newAppPage, openFromIndex } from './support/web-app.ts';

/**
 * The discharge guard in Chromium over the discharge scenario: the demo board analyst's Discharge
 * audit page, and the demo key worker (North CMHT, which holds val) discharging val.
 */

describe.skipIf(!haveChromium)('the discharge guard and audit in Chromium', () => {
  let store: Store;
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(dischargeScenario());
    ({ store } = web);
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the board each discharge that breaks the guard, with its reasons and evidence, accessibly', async () => {
    await signInAs(page, 'board');
    await openFromIndex(page, 'Reports', 'Discharge audit');
    await page.getByRole('heading', { level: 1, name: /Discharges that break the discharge guard/ }).waitFor();
    await page.getByLabel('From', { exact: true }).fill(FROM);
    await page.getByLabel('To', { exact: true }).fill(TO);
    await page.getByRole('button', { name: 'Show the report' }).click();
    await page.getByRole('heading', { level: 2, name: '2 discharges from 1 January 2026 to 31 March 2026' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?from=${FROM}&to=${TO}`);

    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const pat = await rows.nth(1).innerText();
    for (const reason of expectedItems[1]!.reasons) expect(pat).toContain(reason.text);
    expect(pat).toContain('NHS number 999 000 2002');
    expect(pat).toContain('Evidence: Episode of care pat-eoc; Diagnosis pat-scz');
    // The board sees who, not their record.
    expect(await rows.nth(1).getByRole('link').count()).toBe(0);

    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses a key worker discharging a person with psychosis for non-attendance, saying why, then records a complete discharge', async () => {
    const kw = await newAppPage(web);
    await signInAs(kw, 'keyworker');
    await kw.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await kw.goto('/people/val');
    await kw.getByRole('region', { name: 'Care', exact: true }).getByRole('link', { name: 'Discharge from this team' }).click();
    await kw.getByRole('heading', { level: 1, name: 'Discharge val Valson from North CMHT' }).waitFor();

    await kw.getByLabel('Reason').selectOption('non-attendance');
    await kw.getByRole('button', { name: 'Record the discharge' }).click();
    const summary = kw.locator('.nhsuk-error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(dischargeRules.refusedReason.message);
    expect(await summary.innerText()).toContain(dischargeRules.requirements.routeBack.missing);
    expect(await readPersonRecord(store.db, 'val', 'EpisodeOfCare', 'val-eoc')).toMatchObject({ versionId: 1, status: 'active' });

    expect(await axeViolations(kw)).toEqual([]);

    await kw.getByLabel('Reason').selectOption('recovered');
    await kw.getByLabel('Discharge date').fill('2026-06-30');
    await kw.getByLabel('Date of the MDT decision').fill('2026-06-24');
    await kw.getByLabel('Relapse indicators').fill('Sleeps less and stops answering the phone.');
    await kw.getByLabel('Known harms if a relapse is missed').fill('In 2024 a missed relapse ended in eviction.');
    await kw.getByLabel('Route back in').fill('Val or her GP call the duty line; seen within a week.');
    await kw.getByRole('button', { name: 'Record the discharge' }).click();
    // Discharge ends the team’s access to the record: the page goes on to the summary for the GP.
    await kw.waitForURL(/\/people\/val\/gp-summary\?episode=val-eoc$/);
    expect(await readPersonRecord(store.db, 'val', 'EpisodeOfCare', 'val-eoc')).toMatchObject({ versionId: 2, status: 'finished' });
    await kw.context().close();
  });
});
