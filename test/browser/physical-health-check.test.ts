import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoDay, londonDay, londonToday, system } from '@continuity/domain';
import { PH_AS_OF, physicalHealthScenario } from '../../packages/store/test/support/physical-health-scenario.ts';
import { axeViolations, haveChromium, startWebApp, tabTo, type RunningWebApp, newAppPage, signInAs, openFromIndex } from './support/web-app.ts';

/**
 * Issue 6 part 4 in Chromium: Kai (North CMHT, schizophrenia) had BMI, blood pressure, HbA1c and
 * AUDIT-C a month ago but no lipids or smoking status in the last year, so the monitoring-overdue
 * list has his physical health check. The demo key worker opens the list, records a cholesterol and
 * a smoking status on the result page using only the keyboard, and the reason leaves the list.
 * Dates are relative to today, so the journey holds whenever it runs.
 */
const monthAgo = isoDay(londonDay(londonToday())! - 30);
const loinc = (code: string) => ({ coding: [{ system: system.loinc, code }] });
const kai = { reference: 'Patient/kai' };
const observation = (id: string, code: string, more: Record<string, unknown>) => ({ resourceType: 'Observation', id, status: 'final', subject: kai, code: loinc(code), effectiveDateTime: monthAgo, ...more });

function scenario(): Record<string, Array<Record<string, unknown>>> {
  return {
    Organization: [
      { resourceType: 'Organization', id: 'trust', name: 'Northshire Mental Health Trust', type: [{ coding: [{ system: system.organisationType, code: 'trust' }] }] },
      { resourceType: 'Organization', id: 'team-north', name: 'North CMHT', partOf: { reference: 'Organization/trust' }, type: [{ coding: [{ system: system.organisationType, code: 'cmht' }] }] },
    ],
    Patient: [{ resourceType: 'Patient', id: 'kai', identifier: [{ system: system.nhsNumber, value: '9990003084' }], name: [{ family: 'Kerr', given: ['Kai'] }], gender: 'male', birthDate: '1984-04-04' }],
    EpisodeOfCare: [{ resourceType: 'EpisodeOfCare', id: 'kai-eoc', status: 'active', patient: kai, managingOrganization: { reference: 'Organization/team-north' }, period: { start: '2023-01-01' } }],
    Condition: [{ resourceType: 'Condition', id: 'kai-dx', subject: kai, code: { coding: [{ system: system.snomed, code: '58214004', display: 'Schizophrenia' }] } }],
    Observation: [
      observation('kai-bmi', '39156-5', { valueQuantity: { value: 29.3, unit: 'kg/m2' } }),
      observation('kai-bp', '85354-9', { component: [{ code: loinc('8480-6'), valueQuantity: { value: 126, unit: 'mm[Hg]' } }, { code: loinc('8462-4'), valueQuantity: { value: 80, unit: 'mm[Hg]' } }] }),
      observation('kai-hba1c', '59261-8', { valueQuantity: { value: 39, unit: 'mmol/mol' } }),
      observation('kai-audit', '75626-2', { valueInteger: 2 }),
    ],
  };
}

describe.skipIf(!haveChromium)('completing a physical health check in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(scenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  /** From the list, records one result by keyboard: the test found by typing its name, then its value. */
  async function recordFromList(test: string, fill: () => Promise<void>) {
    const row = page.locator('.app-worklist-item').filter({ hasText: 'Kai Kerr' });
    await tabTo(page, row.getByRole('link', { name: 'Record a result for Kai Kerr' }), 80);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Record a result' });
    await form.getByLabel('Test').waitFor();
    await tabTo(page, form.getByLabel('Test'));
    await page.keyboard.type(test);
    await expect.poll(() => form.getByLabel('Test').evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(test);
    await fill();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, form.getByRole('button', { name: 'Record the result' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/worklists\/monitoring-overdue$/);
  }

  it('takes a key worker from Monitoring overdue through the missing parts, by keyboard, and the reason leaves the list', async () => {
    await signInAs(page, 'keyworker');
    await openFromIndex(page, 'Worklists', 'Monitoring overdue');
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    const row = page.locator('.app-worklist-item').filter({ hasText: 'Kai Kerr' });
    expect(await row.innerText()).toContain('Annual physical health check incomplete: lipids (none on record) and smoking status (none on record) not done in the last 12 months.');
    expect(await axeViolations(page)).toEqual([]);

    await recordFromList('Total cholesterol', async () => {
      await tabTo(page, page.getByRole('form', { name: 'Record a result' }).getByLabel('Total cholesterol (mmol/L)'));
      await page.keyboard.type('4.6');
    });
    await page.getByText('Total cholesterol recorded for Kai Kerr: 4.6 mmol/L, taken').waitFor();
    await expect.poll(() => row.innerText()).toMatch(/incomplete: smoking status \(none on record\) not done/);

    await recordFromList('Smoking status', async () => {
      const answer = page.getByRole('form', { name: 'Record a result' }).getByLabel('Smoking status');
      await tabTo(page, answer);
      await page.keyboard.type('Ex-smoker');
      await expect.poll(() => answer.inputValue()).toBe('8517006');
    });
    await page.getByText('Smoking status recorded for Kai Kerr: Ex-smoker, taken').waitFor();
    await expect.poll(() => row.count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    // The person record shows the check complete, part by part.
    await page.goto('/people/kai');
    const panel = page.getByRole('region', { name: 'Physical health check' });
    await panel.getByText('Complete: every part done in the last 12 months.').waitFor();
    expect(await panel.getByRole('row').count()).toBe(7);
    expect(await panel.getByRole('row', { name: /Smoking status/ }).innerText()).toContain('Ex-smoker');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe.skipIf(!haveChromium)('invitations and the team report in Chromium', () => {
  let web: RunningWebApp;

  beforeAll(async () => {
    web = await startWebApp(physicalHealthScenario());
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets a key worker record an invitation from the person record by keyboard, and shows it there', async () => {
    const page = await newAppPage(web);
    await signInAs(page, 'keyworker');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await page.goto('/people/gus');
    const panel = page.getByRole('region', { name: 'Physical health check' });
    await panel.getByText('No invitation recorded.').waitFor();
    await tabTo(page, panel.getByRole('link', { name: 'Record an invitation to the check' }), 80);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Record an invitation' });
    await form.getByLabel('Date sent').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Without saying how it went out, the form says what is missing.
    await tabTo(page, form.getByRole('button', { name: 'Record the invitation' }));
    await page.keyboard.press('Enter');
    await page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Choose how the invitation went out' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await tabTo(page, form.getByLabel('Letter'));
    await page.keyboard.press('Space');
    await tabTo(page, form.getByRole('button', { name: 'Record the invitation' }));
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/people\/gus$/);
    await page.getByText(`Invitation to the physical health check recorded for Gus Gray: letter, `).waitFor();
    await expect.poll(() => panel.getByRole('listitem').allInnerTexts()).toEqual([expect.stringMatching(/: letter$/)]);
  });

  it('shows the board the completion per team as of a day', async () => {
    const page = await newAppPage(web);
    await signInAs(page, 'board');
    await openFromIndex(page, 'Reports', 'Physical health checks');
    await page.getByRole('heading', { level: 1, name: 'SMI annual physical health checks' }).waitFor();
    await page.goto(`/reports/physical-health?asOf=${PH_AS_OF}`);
    await page.getByRole('heading', { level: 2, name: '25% complete as of 30 June 2026' }).waitFor();
    const rows = await page.getByRole('table').getByRole('row').allInnerTexts();
    expect(rows.slice(1).map((r) => r.split(/\s+/).slice(-6).join(' '))).toEqual(['3 1 2 0 1 33.3%', '1 0 0 1 0 0%', '4 1 2 1 1 25%']);
    expect(await axeViolations(page)).toEqual([]);
  });
});
