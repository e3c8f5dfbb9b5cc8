/**
 * The practitioner app's finance screen in headless Chromium, through the real hub and simulators: a
 * finance officer sees spend and forecast by month drawn as an inline SVG chart with the hub's figures,
 * and the highest-cost children, each one click from its (audited) record; other roles see no finance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';
import { openAppBrowser, screenshot, tabNames, viewAs, type AppBrowser } from './appBrowser.ts';

let h: Harness;
let app: AppBrowser;

beforeAll(async () => {
  h = await startHarness();
  app = await openAppBrowser(h);
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

describe('the finance screen', () => {
  it('is not offered to a social worker, and the hub refuses it if asked', async () => {
    await app.page.goto(`${app.appUrl}#/finance`);
    await expect
      .poll(() => app.page.getByRole('status').first().innerText(), { timeout: 30_000 })
      .toMatch(/^Signed in as Social worker/);
    expect(await app.page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual([
      'Child',
      'Caseload',
    ]);
    await expect
      .poll(() => app.page.locator('main').innerText(), { timeout: 30_000 })
      .toMatch(/not available to you|may not see/);
  });

  it('draws spend and forecast by month from the hub’s report and lists the highest-cost children', async () => {
    await viewAs(app.page, 'FINANCE', /Finance officer/);
    expect(await app.page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual([
      'Child',
      'Finance',
    ]);
    await app.page.getByRole('link', { name: 'Finance' }).click();
    const report = await h.query(
      await h.token({ userId: 'probe', roles: ['FINANCE'] }),
      '{ financeReport { financialYear byMonth { month spent projected } highestCostChildren(first: 10) { childId } } }',
    );
    const { financialYear, byMonth, highestCostChildren } = report.body.data.financeReport as {
      financialYear: string;
      byMonth: Array<{ month: string; spent: number; projected: number }>;
      highestCostChildren: Array<{ childId: string }>;
    };
    await app.page.getByRole('heading', { name: `Care costs ${financialYear}` }).waitFor({ timeout: 30_000 });
    const chart = app.page.getByRole('img', { name: 'Spend and forecast by month' });
    expect(await chart.locator('rect.bar-spent').count()).toBe(byMonth.length);
    // Bar heights are in proportion to the hub's figures: the tallest total is the tallest bar.
    const bars = await chart.locator('rect.bar-spent').all();
    const heights = await Promise.all(bars.map(async (bar) => Number(await bar.getAttribute('height'))));
    const tallestSpent = byMonth.reduce((best, m, i) => (m.spent > byMonth[best]!.spent ? i : best), 0);
    expect(heights.indexOf(Math.max(...heights))).toBe(tallestSpent);
    const ids = await app.page.locator('#highest-heading ~ table tbody a').allInnerTexts();
    expect(ids).toEqual(highestCostChildren.map((c) => c.childId));
    await screenshot(app.page, 'app-finance');

    await app.page.getByRole('link', { name: highestCostChildren[0]!.childId }).click();
    await expect.poll(() => tabNames(app.page), { timeout: 30_000 }).toEqual(['Finance']);
    await expect
      .poll(() => app.page.getByRole('tabpanel').innerText(), { timeout: 30_000 })
      .toMatch(/Service agreements \(\d+\)/);
    await screenshot(app.page, 'app-finance-child');
  });

  it('asked nothing of another origin and raised no page or policy errors', () => {
    expect(app.foreign).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
