import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carersScenario } from '../../packages/store/test/support/carers-scenario.ts';
import { axeViolations, haveChromium, newAppPage, openFromIndex, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * Issue 5 part 4's journey in Chromium, by keyboard: the demo key worker (North CMHT) opens Cat
 * Cole's record, whose father's concerns so far were all answered, logs a new concern from him
 * (first without his words, which is refused), finds it on Carers' concerns, records the response
 * beside the confidentiality guidance, and Cat leaves the list.
 */

const WORDS = 'She has not left her room for a week.\nShe says the radio is talking to her.';

async function press(page: Page, target: Parameters<typeof tabTo>[1], key = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

describe.skipIf(!haveChromium)('a carer’s concern logged, listed and answered in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(carersScenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('logs a concern from the record, lists it on carer-concerns, answers it with an outcome, and the person leaves the list', async () => {
    await signInAs(page, 'keyworker');
    await page.getByRole('link', { name: 'Find a person' }).first().waitFor();
    await page.goto('/people/cat');
    await page.getByRole('heading', { level: 1, name: 'Cat Cole' }).waitFor();
    const section = page.getByRole('region', { name: 'Carers and family' });
    await section.getByRole('link', { name: 'Log a concern from a carer' }).waitFor();
    expect(await section.innerText()).toMatch(/Colin Cole[\s\S]*None: the person has not agreed to share information with this carer[\s\S]*Answered late/);
    expect(await axeViolations(page)).toEqual([]);
    await press(page, section.getByRole('link', { name: 'Log a concern from a carer' }));

    const form = page.getByRole('form', { name: 'Log a concern from a carer' });
    await form.waitFor();
    await tabTo(page, form.getByLabel('Who raised it'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Who raised it').inputValue()).toBe('cat-dad');
    // The carer chosen, the person's sharing wishes for them are shown beside the guidance.
    await page.getByText('What Colin Cole may be told:').waitFor();
    expect(await page.getByText(/Listening to a carer is always allowed and never breaches confidentiality/).count()).toBe(1);
    await press(page, form.getByLabel('Phone call'), 'Space');
    await press(page, form.getByRole('button', { name: 'Log the concern' }));
    const problem = page.locator('.nhsuk-error-summary').getByRole('link', { name: /^The concern, in their words is needed/ });
    await problem.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await problem.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('words');
    await page.keyboard.type(WORDS);
    await press(page, form.getByRole('button', { name: 'Log the concern' }));

    await page.getByText('Concern about Cat Cole logged: it is on the carers’ concerns list until the response is recorded.').waitFor();
    await expect.poll(() => section.innerText()).toMatch(/Awaiting a response From Colin Cole \(Father\), received .* by phone\. A response is due by /);
    expect(await section.locator('blockquote').first().innerText()).toBe(WORDS);

    await openFromIndex(page, 'Worklists', 'Carers’ concerns');
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    const rows = page.locator('.app-worklist-item');
    const cat = rows.filter({ hasText: 'Cat Cole' });
    expect(await cat.innerText()).toMatch(/Concern from Colin Cole \(father\) received .* by phone, 0 hours ago: a response is due by .*, in 2 days 2\d hours\./);
    expect(await axeViolations(page)).toEqual([]);

    await press(page, cat.getByRole('link', { name: 'Cat Cole', exact: true }));
    await page.getByRole('heading', { level: 1, name: 'Cat Cole' }).waitFor();
    await press(page, section.getByRole('link', { name: /^Record the response/ }));
    const answer = page.getByRole('form', { name: 'Record the response to a carer’s concern' });
    await answer.waitFor();
    expect(await page.locator('blockquote').innerText()).toBe(WORDS);
    await page.getByText('What Colin Cole may be told:').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Arrow keys move through a group of radios, as a keyboard user does.
    await press(page, answer.getByLabel('Listened and gave advice or information'), 'ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => answer.getByLabel('Contact with the person arranged').isChecked()).toBe(true);
    await tabTo(page, answer.getByLabel('What was said to the carer'));
    await page.keyboard.type('Thank you for telling us. We will visit Cat tomorrow.');
    await press(page, answer.getByRole('button', { name: 'Record the response' }));

    await page.getByText('Response recorded: Contact with the person arranged.').waitFor();
    await expect.poll(() => section.innerText()).toMatch(/Response .* by Kim Walker: Contact with the person arranged\. Thank you for telling us/);
    expect(await section.innerText()).not.toMatch(/Awaiting a response/);
    expect(await axeViolations(page)).toEqual([]);
    await openFromIndex(page, 'Worklists', 'Carers’ concerns');
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    await expect.poll(() => rows.filter({ hasText: 'Cat Cole' }).count()).toBe(0);
    expect(await rows.count()).toBeGreaterThan(0);
  });
  it('answers a concern from the list itself and comes back to it', async () => {
    await page.goto('/worklists/carer-concerns');
    const rows = page.locator('.app-worklist-item');
    await press(page, page.getByRole('link', { name: 'Record the response to the most overdue concern about Ann Adams' }));
    const answer = page.getByRole('form', { name: 'Record the response to a carer’s concern' });
    await answer.waitFor();
    // Ann agrees to share only some things with her mother: shown beside the concern.
    await page.getByText(/What Mary Adams may be told: Limited/).waitFor();
    await press(page, answer.getByLabel('Listened and gave advice or information'), 'Space');
    await tabTo(page, answer.getByLabel('What was said to the carer'));
    await page.keyboard.type('Listened; gave the crisis line number.');
    await press(page, answer.getByRole('button', { name: 'Record the response' }));
    await page.waitForURL(/\/worklists\/carer-concerns$/);
    await page.getByText('Response recorded: Listened and gave advice or information.').waitFor();
    await page.getByRole('heading', { level: 2, name: / as of / }).waitFor();
    await expect.poll(() => rows.filter({ hasText: 'Ann Adams' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('adds a carer and changes what the person agrees to share with them, by keyboard', async () => {
    await page.goto('/people/fay');
    const section = page.getByRole('region', { name: 'Carers and family' });
    await press(page, section.getByRole('link', { name: 'Add a carer or family member' }));
    const form = page.getByRole('form', { name: 'Add a carer or family member' });
    await form.waitFor();
    await tabTo(page, form.getByLabel('Relationship to the person'));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => form.getByLabel('Relationship to the person').inputValue()).toBe('MTH');
    await tabTo(page, form.getByLabel('First name (optional)'));
    await page.keyboard.type('Fern');
    await tabTo(page, form.getByLabel('Last name'));
    await page.keyboard.type('Ford');
    await tabTo(page, form.getByLabel('Phone number (optional)'));
    await page.keyboard.type('07700 900777');
    await press(page, form.getByLabel('Involved in care and reviews'), 'Space');
    await press(page, form.getByLabel(/^Full: /), 'Space');
    // Fay's friend is her main carer: down from "Yes" to "No".
    await press(page, form.getByLabel('Yes, they are the main carer'), 'ArrowDown');
    await expect.poll(() => form.getByLabel('No', { exact: true }).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await press(page, form.getByRole('button', { name: 'Add them' }));
    await page.getByText('Fern Ford added as Fay Ford’s mother.').waitFor();
    await expect.poll(() => section.innerText()).toMatch(/Mother\s+Fern Ford[\s\S]*07700 900777[\s\S]*Full: the person agrees/);

    await press(page, section.getByRole('link', { name: 'Change what is shared with Fern Ford' }));
    const sharing = page.getByRole('form', { name: 'Change what the person agrees to share with a carer' });
    await sharing.waitFor();
    await press(page, sharing.getByLabel(/^Full: /), 'ArrowDown');
    await expect.poll(() => sharing.getByLabel(/^Limited: /).isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await press(page, sharing.getByRole('button', { name: 'Save' }));
    await page.getByText('What Fay Ford agrees to share with Fern Ford is now: Limited.').waitFor();
    await expect.poll(() => section.locator('dl[aria-label="Fern Ford, Mother"]').innerText()).toMatch(/Limited: only what the person has agreed/);

    // One main carer: making Fern the main carer takes the mark from Flo, and the page says so first.
    await press(page, section.getByRole('link', { name: 'Make main carer (Fern Ford)' }));
    const main = page.getByRole('form', { name: 'Make a carer the main carer' });
    await main.waitFor();
    await page.getByText('Flo Finch (Friend) will no longer be the main carer, and stays recorded as a carer.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await press(page, main.getByRole('button', { name: 'Make them the main carer' }));
    await page.getByText('Fern Ford is now Fay Ford’s main carer. Flo Finch is no longer recorded as main carer.').waitFor();
    await expect.poll(() => section.locator('dl[aria-label="Fern Ford, Mother"]').innerText()).toMatch(/Main carer/);

    await press(page, section.getByRole('link', { name: 'End involvement (Flo Finch)' }));
    const end = page.getByRole('form', { name: 'Record that a carer is no longer involved' });
    await end.waitFor();
    await press(page, end.getByLabel('The person asked that they are no longer involved'), 'ArrowDown');
    await expect.poll(() => end.getByLabel('The carer asked to step back').isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await press(page, end.getByRole('button', { name: 'Save' }));
    await page.getByText('Flo Finch is recorded as no longer involved in Fay Ford’s care.').waitFor();
    await expect.poll(() => section.locator('dl[aria-label="Flo Finch, Friend"]').innerText()).toMatch(/No longer involved[\s\S]*Involvement ended[\s\S]*The carer asked to step back/);
    expect(await section.getByRole('link', { name: 'End involvement (Flo Finch)' }).count()).toBe(0);
  });
});
