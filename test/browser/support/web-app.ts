import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { buildApp, createDemoAccounts, DEMO_PASSWORD, type AppOptions } from '@continuity/server';
import { importPath, type Store } from '@continuity/store';
import { writeNdjson } from '../../../packages/store/test/support/scenario.ts';
import { storeKinds } from '../../support/stores.ts';

/** Debian's Chromium; .ci/run installs it. No test downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`Browser tests skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium).`);

const WEB_ROOT = fileURLToPath(new URL('../../../packages/web/dist/', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface RunningWebApp {
  store: Store;
  app: FastifyInstance;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

/**
 * The built web app and API over an embedded store holding these FHIR resources and the demo
 * accounts, with Chromium. `options` for sign-in settings, and a port known in advance (single
 * sign-on's redirect URI names it).
 */
export async function startWebApp(resources: Record<string, Array<Record<string, unknown>>>, options: Pick<AppOptions, 'sso' | 'passwordSignIn'> & { port?: number } = {}): Promise<RunningWebApp> {
  if (!existsSync(`${WEB_ROOT}/index.html`)) throw new Error('The web app is not built: run "npm run build:web" first.');
  const store = await storeKinds[0]!.open();
  const report = await importPath(store, writeNdjson(resources));
  if (report.rejected > 0) throw new Error(`the scenario did not import: ${JSON.stringify(report.errors.slice(0, 3))}`);
  await createDemoAccounts(store);
  const { port, ...appOptions } = options;
  const app = await buildApp({ store, webRoot: WEB_ROOT, ...appOptions });
  await app.listen({ host: '127.0.0.1', port: port ?? 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  return {
    store,
    app,
    browser,
    base: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await browser.close();
      await app.close();
      await store.close();
    },
  };
}

/** The WCAG 2.2 AA violations axe-core finds on the page (the page's context must bypass CSP to inject it). */
export async function axeViolations(page: Page): Promise<Array<{ id: string; help: string; targets: string[] }>> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/** Presses Tab until the element has focus: it must be reachable from the keyboard, in order. */
export async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/**
 * A page in a fresh browser context on the app (a phone, say, with `options`). CSP is bypassed only
 * so that axe-core can be injected.
 */
export async function newAppPage(web: Pick<RunningWebApp, 'browser' | 'base'>, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await web.browser.newContext({ ...options, bypassCSP: true, baseURL: web.base })).newPage();
  page.setDefaultTimeout(10_000);
  return page;
}

/** Signs in through the sign-in form (the demo password unless given); waits for nothing after. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens a worklist or report from its index: the header links to "Worklists" and "Reports", each listing its pages. */
export async function openFromIndex(page: Page, index: 'Worklists' | 'Reports', name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: index, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: index }).waitFor();
  await page.getByRole('main').getByRole('link', { name, exact: true }).click();
}
