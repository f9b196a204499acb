import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenario } from '../../packages/store/test/support/scenario.ts';
import { axeViolations, haveChromium, newAppPage, openFromIndex, signInAs, startWebApp, tabTo, type RunningWebApp } from './support/web-app.ts';

/** The board rates a question of the self-assessment, adds an action already past due, and finds it on the overdue list. */
describe.skipIf(!haveChromium)('the ICB self-assessment and action plan in Chromium', () => {
  let web: RunningWebApp;
  let page: Page;

  beforeAll(async () => {
    web = await startWebApp(scenario());
    page = await newAppPage(web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('a board analyst rates a question by keyboard, sees the domain summary change, and sees an action past its due date as overdue', async () => {
    await signInAs(page, 'board');
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await openFromIndex(page, 'Reports', 'ICB self-assessment');
    await page.getByRole('heading', { level: 1, name: 'ICB self-assessment' }).waitFor();
    const governanceRow = page.locator('tbody tr', { hasText: '14. Governance' });
    expect((await governanceRow.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['14. Governance', '0', '0', '0', '0', '9', 'None marked essential']);
    expect(await axeViolations(page)).toEqual([]);

    // By keyboard: follow the domain's link, choose a rating with the arrow keys, a category, a comment, and save.
    const domainLink = page.getByRole('link', { name: '14. Governance' });
    await domainLink.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '14. Governance' }).waitFor();
    const question = page.getByRole('form', { name: /^14\.1 Do we have a lead person\(s\) responsible for policies\./ });
    const firstRating = question.getByRole('radio', { name: 'No, action is needed' });
    await tabTo(page, firstRating, 60);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await question.getByRole('radio', { name: 'Yes, working well' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await question.getByLabel('Category').selectOption('essential');
    await question.getByLabel('Comments (optional)').fill('Named lead: Director of Nursing.');
    await question.getByRole('button', { name: 'Save answer 14.1' }).focus();
    await page.keyboard.press('Enter');
    await question.getByRole('status').getByText('Answer to 14.1 saved.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Back to the self-assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'ICB self-assessment' }).waitFor();
    await governanceRow.waitFor();
    expect((await governanceRow.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(['14. Governance', '0', '0', '0', '1', '8', '100% (1 of 1)']);

    // An action due in the past is overdue as soon as it is added.
    await page.getByRole('main').getByRole('link', { name: 'The action plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Action plan' }).waitFor();
    expect(await page.getByText('No action is overdue.').count()).toBe(1);
    const add = page.getByRole('form', { name: 'Add an action' });
    await add.getByRole('button', { name: 'Add the action' }).click();
    await page.getByRole('link', { name: 'Say what will be done' }).waitFor();
    await add.getByLabel('Domain').selectOption({ label: '11. Discharge from services' });
    await add.getByLabel('What was the finding (optional)').fill('No written policy that DNAs are never a reason to discharge.');
    await add.getByLabel('What is the action').fill('Write and approve the DNA policy.');
    await add.getByLabel('Who is responsible').fill('Head of community services');
    await add.getByLabel('When will it be completed').fill('2026-01-15');
    await add.getByRole('button', { name: 'Add the action' }).click();
    await page.getByRole('status').getByText('Action added: Write and approve the DNA policy.').waitFor();
    const overdue = page.getByRole('table', { name: 'Actions not completed by their due date' });
    await overdue.waitFor();
    expect((await overdue.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Write and approve the DNA policy.\nFinding: No written policy that DNAs are never a reason to discharge.',
      '11. Discharge from services',
      'Head of community services',
      '15 January 2026\nOverdue',
      'Not started',
      'None yet',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // Completed, with its evidence: off the overdue list.
    await overdue.getByRole('link', { name: 'Write and approve the DNA policy.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Change an action' }).waitFor();
    const change = page.getByRole('form', { name: 'Change the action' });
    await change.getByLabel('Status').selectOption({ label: 'Completed' });
    await change.getByLabel('Evidence (optional until completed)').fill('https://intranet.example/policies/dna');
    await change.getByRole('button', { name: 'Save the change' }).click();
    await page.getByRole('status').getByText('Change saved: Write and approve the DNA policy.').waitFor();
    expect(await page.getByText('No action is overdue.').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'https://intranet.example/policies/dna' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('lists incidents with their team, person, themes and learning, and the themes by quarter, accessibly', async () => {
    // Recorded through the API as the signed-in board analyst (the page's own origin and cookie).
    const status = await page.evaluate(async () => {
      const headers = { 'content-type': 'application/json' };
      const incident = await fetch('/api/governance/incidents', { method: 'POST', headers, body: JSON.stringify({ kind: 'serious-incident', personId: 'ada', teamId: 'team-north', occurredOn: '2026-02-03', summary: 'Readmitted in crisis after discharge for missed appointments.', themes: ['cmoc-2', 'cmoc-4'] }) });
      const { id } = await incident.json();
      const action = await fetch('/api/governance/actions', { method: 'POST', headers, body: JSON.stringify({ incidentId: id, action: 'Teach the DNA policy to every CMHT.', owner: 'Clinical lead', due: '2026-03-01' }) });
      return [incident.status, action.status];
    });
    expect(status).toEqual([201, 201]);
    await openFromIndex(page, 'Reports', 'Incidents and learning');
    await page.getByRole('heading', { level: 1, name: 'Incidents and learning' }).waitFor();
    const row = page.getByRole('table', { name: 'Incidents, complaints and compliments' }).locator('tbody tr').first();
    const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
    expect(cells[0]).toBe('3 February 2026');
    expect(cells[1]).toBe('Serious incident\nReadmitted in crisis after discharge for missed appointments.');
    expect(cells[2]).toBe('North CMHT');
    expect(cells[3]).toContain('Lovelace');
    expect(cells.slice(4)).toEqual(['Risks during transitions and integration points; Access and timeliness of care linked to patient safety', 'Open: learning under way', '0 of 1 done, 1 overdue']);
    expect(await page.getByRole('table', { name: /How often each theme was recorded/ }).locator('tbody tr').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });
});
