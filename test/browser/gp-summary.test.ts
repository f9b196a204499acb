import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario } from '../../packages/store/test/support/scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * A summary to the GP in Chromium over the foundation scenario: the demo key worker (North CMHT,
 * Ada's key worker) discharges Ada and sends the discharge summary; Riverside Surgery has no FHIR
 * endpoint, so the demo GP account (Ada's practice) reads it under "Documents from the mental health team".
 */
describe.skipIf(!haveChromium)('sending a discharge summary to the GP in Chromium', () => {
  let web: RunningWebApp;
  let kw: Page;

  beforeAll(async () => {
    web = await startWebApp(scenario());
    kw = await newAppPage(web);
  });
  afterAll(async () => {
    await web?.close();
  });

  it('goes from the discharge to the summary, sent from the keyboard, accessibly', async () => {
    await signInAs(kw, 'keyworker');
    await kw.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();
    await kw.goto('/people/ada/discharge/ada-episode');
    await kw.getByLabel('Reason').selectOption('recovered');
    await kw.getByLabel('Discharge date').fill('2026-06-30');
    await kw.getByLabel('Date of the MDT decision').fill('2026-06-24');
    await kw.getByLabel('Relapse indicators').fill('Sleeps less and stops answering the phone.');
    await kw.getByLabel('Known harms if a relapse is missed').fill('A missed relapse ended in a section 3 admission.');
    await kw.getByLabel('Route back in').fill('Ada or her GP call the duty line; seen within a week.');
    await kw.getByRole('button', { name: 'Record the discharge' }).click();

    await kw.waitForURL(/\/people\/ada\/gp-summary\?episode=ada-episode$/);
    await kw.getByRole('heading', { level: 1, name: 'Send the discharge summary to the GP' }).waitFor();
    const preview = await kw.getByRole('main').innerText();
    expect(preview).toContain('To Riverside Surgery');
    expect(preview).toContain('Paranoid schizophrenia (ICD-10 F20.0)');
    expect(preview).toContain('Clozapine 100mg tablets');
    expect(preview).toContain('Route back into the service: Ada or her GP call the duty line');
    expect(await axeViolations(kw)).toEqual([]);

    // Sending with nothing asked of the GP is refused, saying what to do.
    await kw.getByRole('button', { name: 'Send summary to GP' }).click();
    expect(await kw.locator('.nhsuk-error-summary').innerText()).toContain('Say what you ask of the GP');

    const followUp = kw.getByRole('textbox', { name: 'Follow-up asked of the GP' });
    await tabTo(kw, followUp);
    await kw.keyboard.type('Please review her mood at each visit and keep clozapine on her record as hospital-supplied.');
    await kw.keyboard.press('Tab');
    await kw.keyboard.press('Enter');
    await kw.getByRole('status').getByText('Ready for the practice to read in Continuity').waitFor();
    expect(await kw.getByRole('main').innerText()).toContain('Please review her mood at each visit');
    expect(await axeViolations(kw)).toEqual([]);
    await kw.context().close();
  });

  it('shows the GP practice account the summary under "Documents from the mental health team"', async () => {
    const gp = await newAppPage(web);
    await signInAs(gp, 'gp');
    await gp.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Documents from the mental health team' }).click();
    await gp.getByRole('heading', { level: 1, name: 'Documents from the mental health team' }).waitFor();
    const document = gp.getByRole('region', { name: 'Ada Augusta Lovelace: Discharge summary from the community mental health team' });
    await document.waitFor();
    const text = await document.innerText();
    expect(text).toContain('943 476 5919');
    expect(text).toContain('Discharged from the service: Recovered: care goals met.');
    expect(text).toContain('Please review her mood at each visit');
    expect(await axeViolations(gp)).toEqual([]);
    await gp.context().close();
  });
});
