import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createDemoAccounts, DEMO_PASSWORD } from '@continuity/server';
import { importPath, type Store } from '@continuity/store';
import { AS_OF, disengagementScenario, expectedItems } from '../../packages/store/test/support/disengagement-scenario.ts';
import { writeNdjson } from '../../packages/store/test/support/scenario.ts';
import { storeKinds } from '../support/stores.ts';

/**
 * The Disengaged page in Chromium over the disengagement scenario: the demo key worker works in
 * North CMHT (Dora and Eli are on its list; Fay, in South CMHT, is not theirs to see).
 */
const CHROMIUM = '/usr/bin/chromium';
const WEB_ROOT = fileURLToPath(new URL('../../packages/web/dist/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const haveChromium = existsSync(CHROMIUM);

describe.skipIf(!haveChromium)('the Disengaged page in Chromium', () => {
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(`${WEB_ROOT}/index.html`)) throw new Error('The web app is not built: run "npm run build:web" first.');
    store = await storeKinds[0]!.open();
    const report = await importPath(store, writeNdjson(disengagementScenario()));
    if (report.rejected > 0) throw new Error('the scenario did not import');
    await createDemoAccounts(store);
    app = await buildApp({ store, webRoot: WEB_ROOT });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no server address');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    // CSP is bypassed only so that axe-core can be injected.
    const context = await browser.newContext({ bypassCSP: true, baseURL: `http://127.0.0.1:${address.port}` });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  it("lists the key worker's disengaged people with reasons and evidence, accessibly, and links to each record", async () => {
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill('keyworker');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A key worker lands on their own caseload.
    await page.getByRole('heading', { level: 1, name: 'My caseload' }).waitFor();

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Disengaged' }).click();
    await page.getByRole('heading', { level: 1, name: /People who may be losing contact/ }).waitFor();
    await page.getByLabel('As of', { exact: true }).fill(AS_OF);
    await page.getByRole('button', { name: 'Show the list' }).click();
    await page.getByRole('heading', { level: 2, name: '2 people as of 30 June 2026' }).waitFor();
    expect(new URL(page.url()).search).toBe(`?asOf=${AS_OF}`);

    const rows = page.locator('.app-worklist-item');
    expect(await rows.count()).toBe(2);
    await expect.poll(() => rows.nth(0).getByRole('link').textContent()).toBe('Dora Dunn');
    const dora = await rows.nth(0).innerText();
    for (const reason of expectedItems[0]!.reasons) expect(dora).toContain(reason.text);
    expect(dora).toContain('NHS number 999 000 1006');
    expect(dora).toContain('Evidence: Appointment dora-a2; Appointment dora-a4');
    expect(await rows.nth(1).getByRole('link').textContent()).toBe('Eli Evans');
    expect(await page.getByText('Fay Fields').count()).toBe(0);

    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);

    await rows.nth(0).getByRole('link', { name: 'Dora Dunn' }).click();
    await page.waitForURL(/\/people\/dora$/);
    await page.getByRole('heading', { level: 1, name: /Dora Dunn/ }).waitFor();
  });
});
