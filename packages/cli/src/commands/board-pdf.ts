import { existsSync } from 'node:fs';

/** Where Chromium is looked for; CONTINUITY_CHROMIUM names another. */
export const chromiumPath = () => process.env.CONTINUITY_CHROMIUM ?? '/usr/bin/chromium';

/** Prints an HTML document to A4 PDF with headless Chromium (playwright-core drives it; no browser is downloaded). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new Error(`a PDF needs Chromium, and there is none at ${executablePath}: install it (apt-get install chromium) or give its path in CONTINUITY_CHROMIUM`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
