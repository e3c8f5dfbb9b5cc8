/**
 * What the practitioner app's browser tests share: Debian's headless Chromium at 1366 × 768 (the
 * laptop screen the app is built for), offline (a request to any other origin fails the test), a
 * sign-in "as" a development persona, and screenshots saved under .tmp/artifacts/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Harness } from '../hub/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = '.tmp/artifacts';

export interface AppBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests the page made to anywhere but the hub (none expected). */
  foreign: string[];
  /** Page errors and console errors, including Content-Security-Policy violations (none expected). */
  problems: string[];
  appUrl: string;
  close(): Promise<void>;
}

/** `allow`: other origins the app may reach (the identity provider, in the production sign-in tests). */
export async function openAppBrowser(h: Pick<Harness, 'url'>, allow: string[] = []): Promise<AppBrowser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const origin = new URL(h.url).origin;
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const to = new URL(route.request().url()).origin;
    if (to === origin || allow.includes(to)) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return { browser, context, page, foreign, problems, appUrl: `${origin}/app`, close: () => browser.close() };
}

/** Signs in as the persona of `role` through the app's own "View as" control. */
export async function viewAs(page: Page, role: string, label: RegExp): Promise<void> {
  await page.getByLabel('View as').selectOption(role);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('status').first().innerText(), { timeout: 30_000 }).toMatch(label);
}

/** The names of the record's tabs, in order. */
export async function tabNames(page: Page): Promise<string[]> {
  return page.getByRole('tab').allInnerTexts();
}

/** The text of the element that has the keyboard focus. */
export async function focusedText(page: Page): Promise<string> {
  return page.evaluate<string>("document.activeElement ? document.activeElement.textContent : ''");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

/** axe-core's browser build, from node_modules (nothing is fetched). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One rule axe found broken, with the elements that break it (CSS selectors), for a readable failure. */
export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core over the page as it stands against WCAG 2.2 A and AA (and axe's best practices).
 * The script goes in through the DevTools protocol, not a <script> tag, so the app's
 * Content-Security-Policy stays as it is and no policy error is raised.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  })()`);
}
