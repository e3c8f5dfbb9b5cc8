/**
 * The practitioner app's accessibility, in headless Chromium through the real hub and simulators:
 * axe-core (from node_modules, no network) finds no WCAG 2.2 A/AA or best-practice violation on any
 * screen (the search, each tab of a child, a team's caseload and one worker's, finance), no screen
 * scrolls sideways on a 1366 × 768 laptop, and a practitioner can find a child, move between its
 * tabs and drill down from a caseload count to a child with the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../hub/harness.ts';
import {
  accessibilityViolations,
  openAppBrowser,
  screenshot,
  tabNames,
  viewAs,
  type AppBrowser,
} from './appBrowser.ts';

let h: Harness;
let app: AppBrowser;
let exampleChildId: string;

beforeAll(async () => {
  h = await startHarness();
  app = await openAppBrowser(h);
  app.page.setDefaultTimeout(60_000);
  const personas = (await (await fetch(`${new URL(h.url).origin}/dev/personas`)).json()) as {
    exampleChildId: string;
  };
  exampleChildId = personas.exampleChildId;
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

/** No axe violation, and nothing wider than the 1366-pixel laptop screen. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Soft: one run reports every screen's violations, not just the first screen's.
  expect
    .soft({ screen, violations: await accessibilityViolations(page) })
    .toEqual({ screen, violations: [] });
  const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth })',
  );
  expect.soft({ screen, scrollWidth }).toEqual({ screen, scrollWidth: innerWidth });
}

const status = () => app.page.getByRole('status').first().innerText();

async function openChild(id: string): Promise<void> {
  await app.page.goto(`${app.appUrl}#/child/${encodeURIComponent(id)}`);
  await expect.poll(() => app.page.locator('#child-name').innerText(), { timeout: 60_000 }).toMatch(/\S/);
  await expect.poll(() => app.page.getByRole('tab').count(), { timeout: 60_000 }).toBeGreaterThan(0);
}

/** What a keyboard user has reached: a link's or button's text, else the element's id. */
const focused = (page: Page) =>
  page.evaluate<string>(`(() => {
    const el = document.activeElement;
    if (!el) return '';
    return el.matches('a, button') ? (el.textContent ?? '').trim() : el.id;
  })()`);

/** Presses Tab (or Shift+Tab) until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, target: RegExp, { back = false, limit = 120 } = {}): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (target.test(await focused(page))) return;
  }
  throw new Error(`no focusable element matching ${target} within ${limit} presses`);
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe('every screen, checked by axe-core at 1366 × 768', () => {
  it('the search and each tab of a child, as the allocated social worker', async () => {
    await app.page.goto(app.appUrl);
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^Signed in as Social worker/);
    await expectAccessible(app.page, 'search');
    await openChild(exampleChildId);
    for (const tab of await tabNames(app.page)) {
      await app.page.getByRole('tab', { name: tab }).click();
      await expect
        .poll(() => app.page.getByRole('tabpanel').innerText(), { timeout: 60_000 })
        .not.toMatch(/^\s*$|Loading/);
      await expectAccessible(app.page, `child: ${tab}`);
    }
  });

  it('break-glass, for a child the social worker has no relationship with', async () => {
    const otherTeam = await h.query(
      await h.token({ userId: 'probe', roles: ['TEAM_MANAGER'], teamId: 'TM002' }),
      '{ team(id: "TM002") { caseload(first: 1) { nodes { childId } } } }',
    );
    const stranger = otherTeam.body.data.team.caseload.nodes[0].childId as string;
    await app.page.goto(`${app.appUrl}#/child/${encodeURIComponent(stranger)}`);
    await app.page.getByRole('heading', { name: /no working relationship/ }).waitFor();
    await app.page.getByRole('button', { name: /break glass/ }).click();
    await app.page.locator('#bg-problem').waitFor();
    await expectAccessible(app.page, 'break-glass, with its error shown');
  });

  it('finds what it checks for: a field without a label, planted on the page, is a violation', async () => {
    await app.page.evaluate(
      "document.querySelector('main').insertAdjacentHTML('beforeend', '<input id=\"planted\">')",
    );
    const violations = await accessibilityViolations(app.page);
    expect(violations.map((v) => v.rule)).toContain('label');
    expect(violations.find((v) => v.rule === 'label')?.targets).toEqual(['#planted']);
    await app.page.evaluate("document.getElementById('planted').remove()");
  });

  it('a team’s caseload and one worker’s overdue children, as the team manager', async () => {
    await viewAs(app.page, 'TEAM_MANAGER', /Manager/);
    await app.page.goto(`${app.appUrl}#/caseload`);
    const table = app.page.locator('table').first();
    await table.waitFor();
    await expectAccessible(app.page, 'caseload: team');
    await table.locator('tbody a').first().click();
    await app.page.locator('table').first().waitFor();
    await expect.poll(() => app.page.locator('main h1').first().innerText()).toMatch(/\S/);
    await expectAccessible(app.page, 'caseload: worker');
  });

  it('finance, with its figures by month open, as the finance officer', async () => {
    await viewAs(app.page, 'FINANCE', /Finance officer/);
    await app.page.goto(`${app.appUrl}#/finance`);
    await app.page.getByRole('img', { name: 'Spend and forecast against budget by month' }).waitFor();
    await expectAccessible(app.page, 'finance');
    await app.page.getByText('The figures by month').click();
    await expectAccessible(app.page, 'finance: figures by month');
  });
});

describe('the keyboard alone', () => {
  it('signs in as the team manager, finds a child, switches its tabs, and drills down from the caseload to a child', async () => {
    const origin = new URL(h.url).origin;
    const { personas } = (await (await fetch(`${origin}/dev/personas`)).json()) as {
      personas: { role: string; workerId: string | null; teamId: string | null }[];
    };
    const persona = personas.find((p) => p.role === 'TEAM_MANAGER')!;
    const manager = await h.token({
      userId: 'probe',
      roles: ['TEAM_MANAGER'],
      workerId: persona.workerId!,
      teamId: persona.teamId!,
    });
    const known = await h.query(manager, `{ child(id: "${exampleChildId}") { name { forename surname } } }`);
    const { forename, surname } = known.body.data.child.name as { forename: string; surname: string };
    const team = await h.query(
      manager,
      `{ team(id: "${persona.teamId}") { caseloadByWorker { worker { id name overdueChildren(first: 1) { nodes { name { forename surname } } } } } } }`,
    );
    const workers = team.body.data.team.caseloadByWorker as {
      worker: {
        id: string;
        name: string;
        overdueChildren: { nodes: { name: { forename: string; surname: string } }[] };
      };
    }[];
    const late = workers.find((w) => w.worker.overdueChildren.nodes.length > 0)!.worker;
    const mostUrgent = late.overdueChildren.nodes[0]!.name;

    await app.page.goto(app.appUrl);
    await app.page.reload();
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^Signed in as/);
    // Sign in as the team manager: the role list answers to its first letter.
    await tabTo(app.page, /^view-as$/);
    await app.page.keyboard.type('M');
    await app.page.keyboard.press('Tab');
    expect(await focused(app.page)).toBe('Sign in');
    await app.page.keyboard.press('Enter');
    await expect.poll(status, { timeout: 60_000 }).toMatch(/^Signed in as Manager/);

    // Find the child by name and open it.
    await tabTo(app.page, /^search-name$/);
    await app.page.keyboard.type(`${forename} ${surname}`);
    await app.page.keyboard.press('Enter');
    await app.page
      .getByRole('link', { name: `${forename} ${surname}` })
      .first()
      .waitFor();
    await tabTo(app.page, exactly(`${forename} ${surname}`));
    await app.page.keyboard.press('Enter');
    await expect
      .poll(() => app.page.locator('#child-name').innerText(), { timeout: 60_000 })
      .toBe(`${forename} ${surname}`);
    await expect.poll(() => app.page.getByRole('tab').count(), { timeout: 60_000 }).toBeGreaterThan(1);

    // Into the tabs (one stop in the focus order), then along them with the arrow keys.
    const tabs = await tabNames(app.page);
    await tabTo(app.page, exactly(tabs[0]!));
    await app.page.keyboard.press('ArrowRight');
    expect(await app.page.getByRole('tab', { selected: true }).innerText()).toBe(tabs[1]);
    expect(await focused(app.page)).toBe(tabs[1]);
    expect(await app.page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(
      await app.page.getByRole('tab', { selected: true }).getAttribute('id'),
    );
    // The panel is the next stop.
    await app.page.keyboard.press('Tab');
    expect(await focused(app.page)).toBe(
      `panel-${await app.page
        .getByRole('tab', { selected: true })
        .getAttribute('id')
        .then((id) => id?.replace(/^tab-/, ''))}`,
    );

    // Back up to the screens' navigation, to the caseload, a worker, and their most urgent child.
    await tabTo(app.page, /^Caseload$/, { back: true });
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('link', { name: late.name, exact: true }).waitFor();
    await tabTo(app.page, exactly(late.name));
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('heading', { name: `${late.name}’s caseload` }).waitFor();
    const urgentName = `${mostUrgent.forename} ${mostUrgent.surname}`;
    await app.page.getByRole('link', { name: urgentName, exact: true }).first().waitFor();
    await tabTo(app.page, exactly(urgentName));
    await app.page.keyboard.press('Enter');
    await expect
      .poll(() => app.page.locator('#child-name').innerText(), { timeout: 60_000 })
      .toBe(urgentName);
    await screenshot(app.page, 'app-keyboard-drill-down');
  }, 240_000);

  it('asked nothing of another origin and raised no page or policy errors', () => {
    expect(app.foreign).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
