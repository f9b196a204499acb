import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday } from '@continuity/domain';
import { intensiveScenario } from '../../packages/store/test/support/intensive-scenario.ts';
import { axeViolations, haveChromium, newAppPage, openFromIndex, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * Issue 5's identification journey in Chromium, as of today: the demo key worker (North CMHT) opens
 * the intensive and assertive care review, reads Ada Ash's reasons, follows the evidence for her
 * diagnosis to her record, comes back, steps her care up to intensive by keyboard (first with too
 * short a reason, which is refused), and Ada is no longer on the list.
 */

const today = londonDay(londonToday())!;

describe.skipIf(!haveChromium)('the intensive-review worklist and stepping care up in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    const resources = intensiveScenario();
    // Ada's admissions and her mother's concern, kept within their look-backs whatever today is.
    const dated: Record<string, (r: Record<string, any>) => Record<string, unknown>> = {
      'ada-adm-1': (r) => ({ ...r, period: { start: isoDay(today - 400), end: isoDay(today - 380) } }),
      'ada-adm-2': (r) => ({ ...r, period: { start: isoDay(today - 120), end: isoDay(today - 100) } }),
      'ada-s3': (r) => ({ ...r, period: { start: isoDay(today - 120), end: isoDay(today - 100) } }),
      'ada-concern': (r) => ({ ...r, sent: isoDay(today - 40) }),
    };
    for (const type of ['Encounter', 'Flag', 'Communication']) resources[type] = resources[type]!.map((r) => dated[r.id as string]?.(r) ?? r);
    web = await startWebApp(resources);
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('takes a key worker from the reasons and their evidence to a step up recorded by keyboard, and the person leaves the list', async () => {
    await signInAs(page, 'keyworker');
    await openFromIndex(page, 'Worklists', 'Intensive care review');
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    const rows = page.locator('.app-worklist-item');
    const ada = rows.filter({ hasText: 'Ada Ash' });
    const reasons = await ada.innerText();
    expect(reasons).toContain('Psychosis diagnosed: Paranoid schizophrenia (F20.0), recorded 1 May 2023.');
    expect(reasons).toMatch(/2 admissions to hospital in the 24 months to/);
    expect(reasons).toMatch(/A concern raised by a carer or family member in the last 12 months/);
    expect(await rows.filter({ hasText: 'Ivy Iles' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // The evidence for the diagnosis opens Ada's record at that diagnosis.
    const evidence = ada.getByRole('link', { name: 'Diagnosis ada-scz' });
    await evidence.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ada Ash' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('record-Condition-ada-scz');
    expect(await page.locator('#record-Condition-ada-scz').innerText()).toMatch(/Paranoid schizophrenia/);
    expect(await axeViolations(page)).toEqual([]);

    await page.goBack();
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    const step = page.getByRole('link', { name: 'Step up or step down care for Ada Ash' });
    await step.focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Step up or step down care' });
    await form.waitFor();
    expect(await page.locator('.app-care-now').innerText()).toContain('North CMHT: Core community care');
    // Tab reaches the radio group at its first choice, the care now; the arrow key chooses the next.
    await tabTo(page, form.getByLabel('Core community care (now)'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Intensive community care', { exact: true }).isChecked()).toBe(true);
    await tabTo(page, form.getByLabel('Why'));
    await page.keyboard.type('Readmitted');
    await tabTo(page, form.getByRole('button', { name: 'Record the change' }));
    await page.keyboard.press('Enter');
    const problem = page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Why must say why, in at least 20 characters' });
    await problem.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await problem.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('reason');
    await page.keyboard.type(' twice in a year, detained; her mother is worried.');
    await tabTo(page, form.getByRole('button', { name: 'Record the change' }));
    await page.keyboard.press('Enter');

    // Back on the list, which says what was recorded, without Ada.
    await page.waitForURL(/\/worklists\/intensive-review$/);
    await page.getByText(/Ada Ash’s care is now intensive community care, from /).waitFor();
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    await expect.poll(() => rows.filter({ hasText: 'Ada Ash' }).count()).toBe(0);
    expect(await rows.filter({ hasText: 'Ivy Iles' }).count()).toBe(1);

    // The change and its reason are kept, and shown with the care now.
    await page.goto('/people/ada/care-intensity');
    await page.locator('.app-care-intensity-change').waitFor();
    expect(await page.locator('.app-care-intensity-change').innerText()).toMatch(/Core community care to intensive community care\s+Readmitted twice in a year, detained; her mother is worried\.\s+Demo key worker/);
    expect(await page.locator('.app-care-now').innerText()).toContain('North CMHT: Intensive community care');
    expect(await axeViolations(page)).toEqual([]);
  });
});
