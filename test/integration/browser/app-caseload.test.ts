/**
 * The practitioner app's caseload screen in headless Chromium, through the real hub and simulators: a
 * team manager sees each worker's caseload with overdue counts as the hub reports them, and drills
 * down from a count to exactly the hub's overdue children for that worker (most urgent first, with
 * what is overdue, its due date and working days late) and on to the right child, by mouse and by
 * keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';
import type { Locator } from 'playwright-core';
import { openAppBrowser, screenshot, viewAs, type AppBrowser } from './appBrowser.ts';

let h: Harness;
let app: AppBrowser;
let manager: string;
let persona: { workerId: string; teamId: string };
let exampleChildId: string;

beforeAll(async () => {
  h = await startHarness();
  app = await openAppBrowser(h);
  const dev = (await (await fetch(`${new URL(h.url).origin}/dev/personas`)).json()) as {
    personas: Array<{ role: string; workerId: string; teamId: string }>;
    exampleChildId: string;
  };
  exampleChildId = dev.exampleChildId;
  persona = dev.personas.find((p) => p.role === 'TEAM_MANAGER')!;
  manager = await h.token({ userId: 'probe', roles: ['TEAM_MANAGER'], ...persona });
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

interface OverdueChild {
  childId: string;
  name: { forename: string; surname: string };
  overdue: Array<{ item: string; dueDate: string; workingDaysLate: number }>;
}

/** A date as people read it in en-GB (`3 Nov 2026`), written independently of the app's formatter. */
function readableDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The overdue table lists exactly `children`, in the hub's order (most urgent first): per child its
 * name, and per overdue item what it is, its due date and its working days late.
 */
async function expectOverdueList(table: Locator, children: OverdueChild[]): Promise<void> {
  await table.waitFor({ timeout: 30_000 });
  const groups = table.locator('tbody');
  const ids = await Promise.all((await groups.all()).map((group) => group.getAttribute('data-child-id')));
  expect(ids).toEqual(children.map((c) => c.childId));
  for (const [i, child] of children.entries()) {
    const group = groups.nth(i);
    expect(await group.getByRole('link').innerText()).toBe(`${child.name.forename} ${child.name.surname}`);
    const rows = await Promise.all(
      (await group.locator('tr').all()).map((tr) => tr.locator('td').allInnerTexts()),
    );
    expect(
      rows.map(([what, due, late]) => ({
        item: what!.toUpperCase().replace(/ /g, '_'),
        dueDate: due,
        workingDaysLate: Number(late),
      })),
    ).toEqual(
      child.overdue.map((o) => ({
        item: o.item,
        dueDate: readableDate(o.dueDate),
        workingDaysLate: o.workingDaysLate,
      })),
    );
  }
}

interface WorkerRow {
  worker: { id: string; name: string };
  summary: { children: number; visitsOverdue: number; cpReviewsOverdue: number };
}

describe('the caseload screen', () => {
  it('shows each worker of the manager’s team with the overdue counts the hub reports, coloured by urgency, and the team’s most urgent overdue children as the hub lists them', async () => {
    await app.page.goto(app.appUrl);
    await expect
      .poll(() => app.page.getByRole('status').first().innerText(), { timeout: 30_000 })
      .toMatch(/^Signed in/);
    await viewAs(app.page, 'TEAM_MANAGER', /Manager of the example child/);
    await app.page.getByRole('link', { name: 'Caseload' }).click();
    const answer = await h.query(
      manager,
      `{ team(id: "${persona.teamId}") { name caseloadByWorker { worker { id name } summary { children visitsOverdue cpReviewsOverdue } }
          overdueChildren(first: 10) { nodes { childId name { forename surname } overdue { item dueDate workingDaysLate } } } } }`,
    );
    const rows = answer.body.data.team.caseloadByWorker as WorkerRow[];
    expect(rows.length).toBeGreaterThan(0);
    await app.page.getByRole('heading', { name: answer.body.data.team.name }).waitFor({ timeout: 30_000 });
    for (const { worker, summary } of rows) {
      const row = app.page
        .locator('table.caseload')
        .getByRole('row')
        .filter({ has: app.page.getByRole('rowheader', { name: worker.name }) });
      const visits = row.getByLabel(`${worker.name}, Visits overdue: `, { exact: false });
      expect(await visits.innerText()).toBe(String(summary.visitsOverdue));
      const colour =
        summary.visitsOverdue === 0
          ? 'rag-green'
          : summary.visitsOverdue * 4 >= summary.children
            ? 'rag-red'
            : 'rag-amber';
      expect(await visits.getAttribute('class')).toContain(colour);
      const reviews = row.getByLabel(`${worker.name}, CP reviews overdue: `, { exact: false });
      expect(await reviews.innerText()).toBe(String(summary.cpReviewsOverdue));
      expect(await reviews.getAttribute('class')).toContain(
        summary.cpReviewsOverdue > 0 ? 'rag-red' : 'rag-green',
      );
    }
    // Below the counts, the team's most urgent overdue children, exactly as the hub lists them.
    const urgent = answer.body.data.team.overdueChildren.nodes as OverdueChild[];
    expect(urgent.length).toBeGreaterThan(0);
    await expectOverdueList(app.page.locator('table.overdue-children'), urgent);
    await screenshot(app.page, 'app-caseload-team');
  });

  it('goes from a worker’s overdue count to exactly the hub’s overdue children, most urgent first, and one click on to the most urgent child', async () => {
    const answer = await h.query(
      manager,
      `{ worker(id: "W00002") { name overdueChildren(first: 100) { totalCount nodes {
          childId name { forename surname } overdue { item dueDate workingDaysLate } } } } }`,
    );
    expect(answer.body.errors).toBeUndefined();
    const { name: workerName, overdueChildren } = answer.body.data.worker as {
      name: string;
      overdueChildren: { totalCount: number; nodes: OverdueChild[] };
    };
    // The example data gives this worker overdue children; without them the drill-down proves nothing.
    expect(overdueChildren.nodes.length).toBeGreaterThan(0);
    expect(overdueChildren.nodes.length).toBe(overdueChildren.totalCount);

    const count = app.page
      .locator('table.caseload')
      .getByRole('row')
      .filter({ has: app.page.getByRole('rowheader', { name: workerName }) })
      .locator('a.count-link')
      .first();
    await count.click();
    await app.page.getByRole('heading', { name: `${workerName}’s caseload` }).waitFor({ timeout: 30_000 });
    const overdue = app.page.locator('table.overdue-children');
    await expectOverdueList(overdue, overdueChildren.nodes);
    const groups = overdue.locator('tbody');
    await screenshot(app.page, 'app-caseload-worker');

    const urgent = overdueChildren.nodes[0]!;
    await groups.first().getByRole('link').click();
    await expect
      .poll(() => app.page.locator('#child-name').innerText(), { timeout: 30_000 })
      .toBe(`${urgent.name.forename} ${urgent.name.surname}`);
    expect(await app.page.locator('.facts').first().innerText()).toContain(urgent.childId);
    expect(app.page.url()).toContain(`#/child/${urgent.childId}`);
  });

  it('goes from a worker’s children to the right child by keyboard, each child listed with what is next due', async () => {
    const mine = await h.query(
      manager,
      `{ worker(id: "W00002") { name caseload(first: 50) { totalCount nodes { childId name { forename surname } statutory { nextVisitDue } } } } }`,
    );
    const worker = mine.body.data.worker as {
      name: string;
      caseload: {
        totalCount: number;
        nodes: Array<{
          childId: string;
          name: { forename: string; surname: string };
          statutory: { nextVisitDue: string | null } | null;
        }>;
      };
    };
    const example = await h.query(
      manager,
      `{ child(id: "${exampleChildId}") { id name { forename surname } } }`,
    );
    const target = example.body.data.child as { id: string; name: { forename: string; surname: string } };
    const targetEntry = worker.caseload.nodes.find((n) => n.childId === target.id);
    expect(targetEntry).toBeDefined();

    await app.page.goBack();
    await app.page.getByRole('heading', { name: `${worker.name}’s caseload` }).waitFor({ timeout: 30_000 });
    const children = app.page.locator('table.caseload-children tbody tr');
    await expect.poll(() => children.count(), { timeout: 30_000 }).toBe(worker.caseload.totalCount);

    const fullName = `${target.name.forename} ${target.name.surname}`;
    const row = children.filter({ has: app.page.getByRole('link', { name: fullName, exact: true }) });
    const nextVisit = targetEntry!.statutory?.nextVisitDue;
    expect(await row.locator('td').nth(4).innerText()).toBe(nextVisit ? readableDate(nextVisit) : '—');

    const link = row.getByRole('link', { name: fullName, exact: true });
    await link.focus();
    await app.page.keyboard.press('Enter');
    await expect.poll(() => app.page.locator('#child-name').innerText(), { timeout: 30_000 }).toBe(fullName);
    expect(await app.page.locator('.facts').first().innerText()).toContain(target.id);
    expect(await app.page.locator('.facts').first().innerText()).toMatch(/Your team’s case/);
    expect(app.page.url()).toContain(`#/child/${target.id}`);
    await screenshot(app.page, 'app-caseload-child');
  });

  it('asked nothing of another origin and raised no page or policy errors', () => {
    expect(app.foreign).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
