/**
 * The practitioner app's finance screen in headless Chromium, through the real hub and simulators: a
 * finance officer sees spend and commitments by month drawn as an inline SVG chart with the budget as a
 * line over them, all on one scale from the hub's budget months, the variance the hub reports, and the
 * highest-cost children, each one click from its (audited) record; other roles see no finance. The
 * budget and the spend set against it are on one basis (children's agreements and SEND costs against
 * every budget line), and the screen says what each block of figures includes.
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

  it('draws spend, commitments and the budget line by month from the hub’s budget report, shows its variance and lists the highest-cost children', async () => {
    await viewAs(app.page, 'FINANCE', /Finance officer/);
    expect(await app.page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual([
      'Child',
      'Finance',
    ]);
    await app.page.getByRole('link', { name: 'Finance' }).click();
    const report = await h.query(
      await h.token({ userId: 'probe', roles: ['FINANCE'] }),
      `{ financeReport { financialYear
          totals { thisFinancialYear committed }
          highNeeds { totals { spentYearToDate committed forecast } }
          budget { totals { budget spentYearToDate committed forecast variance variancePercent months { month budget spent committed } } }
          highestCostChildren(first: 10) { childId } } }`,
    );
    expect(report.body.errors).toBeUndefined();
    const {
      financialYear,
      budget,
      highestCostChildren,
      totals: care,
      highNeeds,
    } = report.body.data.financeReport as {
      financialYear: string;
      totals: { thisFinancialYear: number; committed: number };
      highNeeds: { totals: { spentYearToDate: number; committed: number; forecast: number } };
      budget: {
        totals: {
          budget: number;
          spentYearToDate: number;
          committed: number;
          forecast: number;
          variance: number;
          variancePercent: number | null;
          months: Array<{ month: string; budget: number; spent: number; committed: number }>;
        };
      };
      highestCostChildren: Array<{ childId: string }>;
    };
    const { months } = budget.totals;
    expect(months.length).toBe(12);
    // A budget of nothing would draw a flat line that proves nothing about following the hub's figures.
    expect(months.every((m) => m.budget > 0)).toBe(true);
    await app.page.getByRole('heading', { name: `Care costs ${financialYear}` }).waitFor({ timeout: 30_000 });
    const chart = app.page.getByRole('img', { name: 'Spend and forecast against budget by month' });
    expect(await chart.locator('rect.bar-spent').count()).toBe(months.length);
    expect(await chart.locator('rect.bar-committed').count()).toBe(months.length);

    // Every mark is drawn on one scale: the height above the axis, per penny, is the same for each
    // month's budget point, spent bar and spent + committed bar, so the line follows the hub's monthly
    // budget and the bars its spent and committed.
    const axis = Number(await chart.locator('line.axis-line').getAttribute('y1'));
    const line = await chart.locator('polyline.budget-line').getAttribute('points');
    const points = (line ?? '')
      .trim()
      .split(/\s+/)
      .map((p) => Number(p.split(',')[1]));
    expect(points).toHaveLength(months.length);
    const scale = (axis - points[0]!) / months[0]!.budget;
    expect(scale).toBeGreaterThan(0);
    const numbers = async (selector: string, attribute: string) =>
      Promise.all(
        (await chart.locator(selector).all()).map(async (r) => Number(await r.getAttribute(attribute))),
      );
    const spentHeights = await numbers('rect.bar-spent', 'height');
    const committedTops = await numbers('rect.bar-committed', 'y');
    for (const [i, m] of months.entries()) {
      expect(axis - points[i]!).toBeCloseTo(m.budget * scale, 3);
      expect(spentHeights[i]!).toBeCloseTo(m.spent * scale, 3);
      expect(axis - committedTops[i]!).toBeCloseTo((m.spent + m.committed) * scale, 3);
    }

    const pounds = (pence: number) =>
      `£${Math.round(Math.abs(pence) / 100).toLocaleString('en-GB', { maximumFractionDigits: 0 })}`;
    const totals = app.page.locator('dl.budget-totals');
    const shown = async (term: string) =>
      totals
        .locator('div')
        .filter({ has: app.page.getByText(term, { exact: true }) })
        .locator('dd')
        .innerText();
    expect(await shown('Budget')).toBe(pounds(budget.totals.budget));
    expect(await shown('Committed to 31 March')).toBe(pounds(budget.totals.committed));
    expect(await shown('Forecast for the year')).toBe(pounds(budget.totals.forecast));
    const variance = await shown('Variance');
    const { variance: pence, variancePercent } = budget.totals;
    expect(variance.split('\n')[0]).toBe(
      pence === 0
        ? 'On budget'
        : `${pounds(pence)}${variancePercent === null ? '' : ` (${Math.abs(variancePercent)}%)`} ${pence > 0 ? 'over' : 'under'}`,
    );

    // Like with like: the budget's spend is the children's agreements and the SEND costs together,
    // and the screen says which figure holds what. (The hub's figures are checked against LIFT's own
    // records in test/integration/reports/finance.test.ts.)
    expect(budget.totals.spentYearToDate).toBe(care.thisFinancialYear + highNeeds.totals.spentYearToDate);
    expect(budget.totals.committed).toBe(care.committed + highNeeds.totals.committed);
    expect(highNeeds.totals.forecast).toBeGreaterThan(0);
    expect(await app.page.locator('#budget-heading').innerText()).toMatch(
      /every LIFT budget line .* social care and SEND/,
    );
    expect(await app.page.locator('#budget-basis').innerText()).toMatch(
      /children’s service agreements and SEND\s+costs together/,
    );
    expect(await app.page.locator('#children-totals-heading').innerText()).toMatch(/SEND costs not included/);
    const sendShown = async (term: RegExp) =>
      app.page
        .locator('dl.send-totals div')
        .filter({ has: app.page.getByText(term) })
        .locator('dd')
        .innerText();
    expect(await sendShown(/^Spent to/)).toBe(pounds(highNeeds.totals.spentYearToDate));
    expect(await sendShown(/^Committed to 31 March$/)).toBe(pounds(highNeeds.totals.committed));
    expect(await sendShown(/^Forecast for the year$/)).toBe(pounds(highNeeds.totals.forecast));
    // The chart's bars sum to the budget's spent, not the children's agreements' alone.
    const spentSum = months.reduce((t, m) => t + m.spent, 0);
    expect(spentSum).toBe(budget.totals.spentYearToDate);
    expect(spentSum).not.toBe(care.thisFinancialYear);

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
