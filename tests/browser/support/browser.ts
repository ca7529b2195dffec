/**
 * One headless Debian chromium per spec file, a 1366×768 page per test, screenshots to
 * tests/artifacts/ (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'artifacts');
export const DEMO_PASSWORD = 'demo1234';

export function baseUrl(): string {
  const url = process.env.ADMIN_BASE_URL;
  if (!url)
    throw new Error('ADMIN_BASE_URL is not set: the browser tests start the API in their global setup');
  return url;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(
  browser: Browser,
  locale = 'zh-CN',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale,
    timezoneId: 'Asia/Shanghai',
    // Charts (recharts) then draw at once instead of animating: what a screenshot shows is final.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return { context, page };
}

/** Saves a full-page screenshot as tests/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // From the top: a full-page capture of a scrolled page paints the fixed app bar mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0); // no hover tooltip left over from the last click

  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
