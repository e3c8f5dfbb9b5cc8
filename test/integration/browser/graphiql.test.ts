/**
 * GraphiQL as a new developer meets it, in Debian's headless Chromium with no network beyond this
 * machine: the page signs in by itself, the docs load, the example runs with its variables filled,
 * "view as" another role changes the answer, and a reload keeps the sign-in. Screenshots go to
 * .tmp/artifacts/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../hub/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = '.tmp/artifacts';

let h: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  h = await startHarness();
  browser = await chromium.launch({
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
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  // Offline: anything the page asks of another origin fails the test.
  const foreign: string[] = [];
  const origin = new URL(h.url).origin;
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    foreign.push(route.request().url());
    return route.abort();
  });
  page = await context.newPage();
  page.on('close', () => expect(foreign).toEqual([]));
});
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

const responseText = () => page.locator('.result-window').innerText();

describe('GraphiQL in a browser, offline, in local auth mode', () => {
  it('signs in by itself, loads the docs and runs the example with its variables filled', async () => {
    await page.goto(h.url);
    await expect
      .poll(() => page.getByRole('status').innerText(), { timeout: 30_000 })
      .toMatch(/^Signed in as/);
    const variables = await page.locator('.graphiql-editor-tool .graphiql-editor').first().innerText();
    expect(variables).toMatch(/"id": "lcs:\d+"/);

    await page.getByRole('button', { name: /Show Documentation Explorer/i }).click();
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').innerText(), { timeout: 30_000 })
      .toMatch(/Root Types[\s\S]*query/i);
    expect(await page.locator('.graphiql-doc-explorer').innerText()).not.toMatch(/Error fetching schema/);

    await page.getByRole('button', { name: /Execute query/i }).click();
    await expect.poll(responseText, { timeout: 30_000 }).toMatch(/"child":\s*\{/);
    expect(await responseText()).not.toMatch(/"errors"/);
    await page.screenshot({ path: `${ARTIFACTS}/graphiql-signed-in.png` });
  });

  it('shows another role’s view of the same child in two clicks', async () => {
    const asSocialWorker = await responseText();
    await page.getByLabel('View as').selectOption('FINANCE');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/Finance officer/);
    await page.getByRole('button', { name: /Execute query/i }).click();
    await expect
      .poll(
        async () => {
          const text = await responseText();
          return /"child":\s*\{/.test(text) && text !== asSocialWorker;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    // The finance officer sees the same child with its social care withheld.
    expect(await responseText()).toMatch(/"withheld":\s*\[[^\]]*"socialCare/);
    expect(asSocialWorker).toMatch(/"relationship":\s*"ALLOCATED"/);
    await page.screenshot({ path: `${ARTIFACTS}/graphiql-as-finance.png` });
  });

  it('keeps the sign-in for the tab across a reload', async () => {
    await page.reload();
    await expect
      .poll(() => page.getByRole('status').innerText(), { timeout: 30_000 })
      .toMatch(/Finance officer/);
    await page.close();
  });
});
