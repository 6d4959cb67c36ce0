// Headless Chromium for the tests: Debian's build, the flags a closed network needs, and a page
// that records console errors and Content Security Policy violations.
import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM } from './ensure-chromium.ts';

export const SCREENSHOTS = 'tests/artifacts/screenshots';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** CSP violations the page reported. */
  cspViolations: () => Promise<string[]>;
}

export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
  /** The browser's language (navigator.languages), e.g. 'es-ES'; Chromium's default otherwise. */
  locale?: string,
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`unexpected dialog: ${d.message()}`);
    void d.dismiss();
  });
  // Injected by the browser itself, so the page's CSP does not block it.
  await page.addInitScript(() => {
    const found: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = found;
    document.addEventListener('securitypolicyviolation', (e) =>
      found.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return {
    page,
    context,
    errors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
