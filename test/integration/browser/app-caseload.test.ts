/**
 * The practitioner app's caseload screen in headless Chromium, through the real hub and simulators: a
 * team manager sees each worker's caseload with overdue counts as the hub reports them, and drills
 * down from a count to the worker's children and on to the right child, by mouse and by keyboard.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';
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

interface WorkerRow {
  worker: { id: string; name: string };
  summary: { children: number; visitsOverdue: number; cpReviewsOverdue: number };
}

describe('the caseload screen', () => {
  it('shows each worker of the manager’s team with the overdue counts the hub reports, coloured by urgency', async () => {
    await app.page.goto(app.appUrl);
    await expect
      .poll(() => app.page.getByRole('status').first().innerText(), { timeout: 30_000 })
      .toMatch(/^Signed in/);
    await viewAs(app.page, 'TEAM_MANAGER', /Manager of the example child/);
    await app.page.getByRole('link', { name: 'Caseload' }).click();
    const answer = await h.query(
      manager,
      `{ team(id: "${persona.teamId}") { name caseloadByWorker { worker { id name } summary { children visitsOverdue cpReviewsOverdue } } } }`,
    );
    const rows = answer.body.data.team.caseloadByWorker as WorkerRow[];
    expect(rows.length).toBeGreaterThan(0);
    await app.page.getByRole('heading', { name: answer.body.data.team.name }).waitFor({ timeout: 30_000 });
    for (const { worker, summary } of rows) {
      const row = app.page
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
    await screenshot(app.page, 'app-caseload-team');
  });

  it('goes from a worker’s overdue count to their children, and from there to the right child, by keyboard', async () => {
    const mine = await h.query(
      manager,
      `{ worker(id: "W00002") { name caseload(first: 50) { totalCount nodes { childId name { forename surname } } } } }`,
    );
    const worker = mine.body.data.worker as {
      name: string;
      caseload: {
        totalCount: number;
        nodes: Array<{ childId: string; name: { forename: string; surname: string } }>;
      };
    };
    const example = await h.query(
      manager,
      `{ child(id: "${exampleChildId}") { id name { forename surname } } }`,
    );
    const target = example.body.data.child as { id: string; name: { forename: string; surname: string } };
    expect(worker.caseload.nodes.map((n) => n.childId)).toContain(target.id);

    const count = app.page
      .getByRole('row')
      .filter({ has: app.page.getByRole('rowheader', { name: worker.name }) })
      .locator('a.count-link')
      .first();
    await count.focus();
    await app.page.keyboard.press('Enter');
    await app.page.getByRole('heading', { name: `${worker.name}’s caseload` }).waitFor({ timeout: 30_000 });
    const children = app.page.locator('main table tbody tr');
    await expect.poll(() => children.count(), { timeout: 30_000 }).toBe(worker.caseload.totalCount);
    await screenshot(app.page, 'app-caseload-worker');

    const link = app.page.getByRole('link', {
      name: `${target.name.forename} ${target.name.surname}`,
      exact: true,
    });
    await link.focus();
    await app.page.keyboard.press('Enter');
    await expect
      .poll(() => app.page.locator('#child-name').innerText(), { timeout: 30_000 })
      .toBe(`${target.name.forename} ${target.name.surname}`);
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
