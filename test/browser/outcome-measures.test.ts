import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesScenario } from '../../packages/store/test/support/outcomes-scenario.ts';
import { axeViolations, haveChromium, newAppPage, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/**
 * Issue 7 in Chromium over the outcomes scenario: the demo key worker (North CMHT) sees Amy's
 * DIALOG scores charted, makes her a DIALOG link by keyboard; Amy opens it on a phone-sized screen
 * with no account, answers by touch and keyboard (the empty form refused first) and sees her own
 * scores; the key worker then sees the new scores in the chart and the table.
 */
describe.skipIf(!haveChromium)('outcome measures in Chromium', () => {
  let web: RunningWebApp;
  let staff: Page;
  let phone: Page;

  beforeAll(async () => {
    web = await startWebApp(outcomesScenario());
    staff = await newAppPage(web);
    phone = await newAppPage(web, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  });

  afterAll(async () => {
    await web?.close();
  });

  const dialogOnRecord = (page: Page) => page.getByRole('region', { name: 'Outcome measures' }).getByRole('region', { name: 'DIALOG' });

  it('lets a person complete a DIALOG through their link on a phone, and the key worker sees the new scores charted', async () => {
    await signInAs(staff, 'keyworker');
    await staff.getByRole('navigation', { name: 'Sections' }).waitFor();
    await staff.goto('/people/amy');
    const dialog = dialogOnRecord(staff);
    await dialog.getByRole('img', { name: /^DIALOG scores over time, 4 scores/ }).waitFor();
    expect(await dialog.getByRole('table', { name: 'DIALOG scores' }).getByRole('row').count()).toBe(3);
    expect(await axeViolations(staff)).toEqual([]);

    // The key worker makes the link by keyboard.
    const linkForm = staff.getByRole('form', { name: 'A link for the person to complete a measure' });
    await tabTo(staff, linkForm.getByLabel('Measure'), 120);
    await staff.keyboard.type('DIALOG');
    await expect.poll(() => linkForm.getByLabel('Measure').inputValue()).toBe('dialog');
    await tabTo(staff, linkForm.getByRole('button', { name: 'Make a link' }));
    await staff.keyboard.press('Enter');
    const link = await (async () => {
      const field = linkForm.getByLabel('Link for the person');
      await field.waitFor();
      return new URL(await field.inputValue()).pathname;
    })();
    expect(link).toMatch(/^\/measure\/[A-Za-z0-9_-]{43}$/);
    expect(await axeViolations(staff)).toEqual([]);

    // Amy, on her phone, with no account.
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'Questions from your care team' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await axeViolations(phone)).toEqual([]);
    const form = phone.getByRole('form', { name: 'DIALOG' });
    await form.getByRole('button', { name: 'Send my answers' }).tap();
    await phone.locator('.nhsuk-error-summary').getByRole('link', { name: 'Answer question 1: Your mental health' }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);

    const question = (n: number) => form.getByRole('group', { name: new RegExp(`^${n}\\. `) });
    // Six life questions by touch: "Very satisfied".
    for (let n = 1; n <= 6; n++) await question(n).getByLabel('6: Very satisfied').tap();
    // The rest by keyboard: the first answer, then down four to "Fairly satisfied".
    for (let n = 7; n <= 11; n++) {
      await tabTo(phone, question(n).getByLabel('1: Totally dissatisfied'), 80);
      await phone.keyboard.press('Space');
      for (let i = 0; i < 4; i++) await phone.keyboard.press('ArrowDown');
      await expect.poll(() => question(n).getByLabel('5: Fairly satisfied').isChecked()).toBe(true);
    }
    await tabTo(phone, form.getByRole('button', { name: 'Send my answers' }));
    await phone.keyboard.press('Enter');

    // Her own scores: quality of life (6×6 + 5×2) / 8 = 5.75; treatment satisfaction 5.
    await phone.getByRole('heading', { level: 1, name: 'Thank you: your answers have been sent' }).waitFor();
    const own = await phone.getByRole('list').last().innerText();
    expect(own).toContain('Quality of life: 5.75 on a scale of 1 to 7');
    expect(own).toContain('Treatment satisfaction: 5 on a scale of 1 to 7');
    expect(await axeViolations(phone)).toEqual([]);

    // The link works once.
    await phone.goto(link);
    await phone.getByRole('heading', { level: 1, name: 'This link has been used' }).waitFor();
    expect(await axeViolations(phone)).toEqual([]);

    // The key worker sees the new scores charted and in the table.
    await staff.reload();
    const updated = dialogOnRecord(staff);
    await updated.getByRole('img', { name: /^DIALOG scores over time, 6 scores/ }).waitFor();
    expect(await updated.getByRole('img').locator('circle').count()).toBe(6);
    const rows = updated.getByRole('table', { name: 'DIALOG scores' }).getByRole('row');
    expect(await rows.count()).toBe(4);
    expect(await rows.last().innerText()).toMatch(/5\.75\s+5$/);
    // The DIALOG+ review: her ratings today beside those of 1 June (all 5).
    const review = updated.getByRole('table', { name: /^DIALOG\+ review: .* beside 1 June 2026$/ }).getByRole('row');
    expect((await review.nth(1).innerText()).split(/\s*\t\s*|\n/).filter(Boolean)).toEqual(['Mental health', '6', '5', 'Up 1']);
    expect((await review.nth(11).innerText()).split(/\s*\t\s*|\n/).filter(Boolean)).toEqual(['Meetings with professionals', '5', '5', 'Same']);
    expect(await axeViolations(staff)).toEqual([]);
  });

  it('lets the key worker record a GAD-7 by keyboard, refusing it with questions unanswered', async () => {
    await staff.goto('/people/amy');
    const outcomes = staff.getByRole('region', { name: 'Outcome measures' });
    await tabTo(staff, outcomes.getByRole('link', { name: 'Record an outcome measure' }), 120);
    await staff.keyboard.press('Enter');
    await staff.getByRole('heading', { level: 1, name: /Record an outcome measure/ }).waitFor();
    const form = staff.getByRole('form', { name: 'Record an outcome measure' });
    await tabTo(staff, form.getByLabel('Outcome measure'));
    await staff.keyboard.type('GAD');
    await expect.poll(() => form.getByLabel('Outcome measure').inputValue()).toBe('gad-7');
    // Answer the first question only: "Several days".
    await tabTo(staff, form.getByRole('group', { name: /^1\. / }).getByLabel('0: Not at all'));
    await staff.keyboard.press('Space');
    await staff.keyboard.press('ArrowDown');
    await tabTo(staff, form.getByRole('button', { name: 'Record the measure' }), 80);
    await staff.keyboard.press('Enter');
    await staff.locator('.nhsuk-error-summary').getByRole('link', { name: 'Answer question 2: Not being able to stop or control worrying' }).waitFor();
    expect(await axeViolations(staff)).toEqual([]);
    for (let n = 2; n <= 7; n++) {
      await tabTo(staff, form.getByRole('group', { name: new RegExp(`^${n}\\. `) }).getByLabel('0: Not at all'), 80);
      await staff.keyboard.press('Space');
      await staff.keyboard.press('ArrowDown');
    }
    await tabTo(staff, form.getByRole('button', { name: 'Record the measure' }), 80);
    await staff.keyboard.press('Enter');
    await staff.waitForURL(/\/people\/amy$/);
    await staff.getByText(/GAD-7 recorded for Amy Ames on .*: total 7\./).waitFor();
    const gad = outcomes.getByRole('region', { name: 'GAD-7' });
    await gad.getByRole('img', { name: /^GAD-7 scores over time, 1 score/ }).waitFor();
    expect(await gad.getByRole('table', { name: 'GAD-7 scores' }).getByRole('row').last().innerText()).toMatch(/7 \(mild\)$/);
    expect(await axeViolations(staff)).toEqual([]);
  });
});
