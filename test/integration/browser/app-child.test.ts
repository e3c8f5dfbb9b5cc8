/**
 * The practitioner app's child screen in headless Chromium, through the real hub and simulators:
 * the same child opened as three roles shows each only what the access policy grants, a system that
 * is down shows its banner and leaves the rest of the page working, the chronology filters and pages
 * as it scrolls, and break-glass opens a child the viewer has no relationship with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';
import { focusedText, openAppBrowser, screenshot, tabNames, viewAs, type AppBrowser } from './appBrowser.ts';

let h: Harness;
let app: AppBrowser;
let exampleChildId: string;

beforeAll(async () => {
  h = await startHarness();
  app = await openAppBrowser(h);
  const personas = (await (await fetch(`${new URL(h.url).origin}/dev/personas`)).json()) as {
    exampleChildId: string;
  };
  exampleChildId = personas.exampleChildId;
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const childName = () => app.page.locator('#child-name').innerText();
/** Children whose records a test has already read (their upstream answers are cached since). */
const warmed = new Set<string>();

/** The social worker persona the app signs in as: the worker allocated to the example child. */
async function socialWorkerPersona(): Promise<{ workerId: string; teamId: string }> {
  const { personas } = (await (await fetch(`${new URL(h.url).origin}/dev/personas`)).json()) as {
    personas: { role: string; workerId: string | null; teamId: string | null }[];
  };
  const worker = personas.find((p) => p.role === 'SOCIAL_WORKER')!;
  return { workerId: worker.workerId!, teamId: worker.teamId! };
}

async function openChild(id: string): Promise<void> {
  await app.page.goto(`${app.appUrl}#/child/${encodeURIComponent(id)}`);
  await expect.poll(childName, { timeout: 30_000 }).toMatch(/\S/);
  // The second read (the parts the viewer may see) has landed once the tabs stop changing.
  await expect.poll(() => app.page.getByRole('tab').count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

describe('the child screen, as three roles', () => {
  it('serves /app offline under a self-only policy, signs in by itself and finds a child by name with a typo', async () => {
    const response = await app.page.goto(app.appUrl);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    await expect
      .poll(() => app.page.getByRole('status').first().innerText(), { timeout: 30_000 })
      .toMatch(/^Signed in as Social worker/);
    const known = await h.query(
      await h.token({ userId: 'probe', roles: ['SOCIAL_WORKER'] }),
      '{ child(id: "' + exampleChildId + '") { name { forename surname } dateOfBirth } }',
    );
    const { forename, surname } = known.body.data.child.name as { forename: string; surname: string };
    // One letter of the surname doubled: the search must still find the child.
    const typo = `${forename} ${surname.slice(0, 2)}${surname.slice(1)}`;
    await app.page.getByLabel('Name').fill(typo);
    await app.page.getByLabel('Date of birth').fill(known.body.data.child.dateOfBirth);
    await app.page.getByRole('button', { name: 'Search' }).click();
    const hit = app.page.getByRole('link', { name: `${forename} ${surname}` }).first();
    await hit.waitFor({ timeout: 30_000 });
    await screenshot(app.page, 'app-search');
    await hit.click();
    await expect.poll(childName, { timeout: 30_000 }).toBe(`${forename} ${surname}`);
  });

  it('shows the allocated social worker every part but finance, with the chronology and who has looked', async () => {
    await openChild(exampleChildId);
    expect(await tabNames(app.page)).toEqual([
      'Social care',
      'Education and SEND',
      'Front door',
      'Chronology',
      'Who has looked',
    ]);
    await expect.poll(() => app.page.locator('[data-withheld]').innerText()).toMatch(/Finance \(LIFT\)/);
    expect(await app.page.locator('.facts').first().innerText()).toMatch(/Allocated/);
    await expect.poll(() => app.page.getByRole('tabpanel').innerText()).toMatch(/Visits \(\d+\)/);
    await screenshot(app.page, 'app-child-social-worker');

    await app.page.getByRole('tab', { name: 'Who has looked' }).click();
    await expect.poll(() => app.page.getByRole('tabpanel').innerText()).toMatch(/dev-social-worker/);
    expect(await app.page.getByRole('tabpanel').innerText()).not.toMatch(/Deny/);
  });

  it('filters the chronology by kind and fetches the next page when the list scrolls to its end', async () => {
    // The child on the social worker's caseload with the most visits: more than one page of them.
    const worker = await socialWorkerPersona();
    const probe = await h.token({ userId: 'probe', roles: ['SOCIAL_WORKER'], ...worker });
    const caseload = await h.query(
      probe,
      `{ worker(id: "${worker.workerId}") { caseload(first: 50) { nodes { childId } } } }`,
    );
    // Counted in the county's own LCS records, so no child is read through the hub (and cached) here.
    const visitsOf = (id: string) =>
      h.hub.directory
        .resolve(id)!
        .records.lcs.reduce(
          (sum, personId) =>
            sum +
            ((h.sims.county.lcs.socialCare.get(personId) as { visits?: unknown[] } | undefined)?.visits
              ?.length ?? 0),
          0,
        );
    const [childId] = (caseload.body.data.worker.caseload.nodes as { childId: string }[])
      .map(({ childId: id }) => id)
      .sort((x, y) => visitsOf(y) - visitsOf(x));
    warmed.add(childId!);
    const visits = await h.query(
      probe,
      `{ child(id: "${childId}") { chronology(kinds: [VISIT], first: 1) { totalCount } } }`,
    );
    const totalVisits = visits.body.data.child.chronology.totalCount as number;
    expect(totalVisits).toBeGreaterThan(25);
    await openChild(childId!);
    await app.page.getByRole('tab', { name: 'Chronology' }).click();
    // A slow laptop (the CPU throttled twentyfold) lets the browser paint the emptied list, its end
    // in view, before the app has caught up with the new filter: no page of the old one may land.
    const cdp = await app.context.newCDPSession(app.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await app.page.getByLabel('Kind').selectOption('VISIT');
    await app.page.getByRole('button', { name: 'Apply' }).click();
    const events = app.page.locator('.timeline .event');
    // The filtered answer has landed when the status counts the filtered timeline.
    await expect
      .poll(() => app.page.locator('#chronology-heading ~ p[role="status"]').innerText(), { timeout: 30_000 })
      .toBe(`${totalVisits} events, showing 25.`);
    expect(await events.count()).toBe(25);
    expect(new Set(await app.page.locator('.event-kind').allInnerTexts())).toEqual(new Set(['Visit']));
    await screenshot(app.page, 'app-child-chronology');
    // Each time the list's end scrolls into view the next page comes, until the last.
    await expect
      .poll(
        async () => {
          await events.last().scrollIntoViewIfNeeded();
          await app.page.mouse.wheel(0, 4000);
          return events.count();
        },
        { timeout: 60_000 },
      )
      .toBe(totalVisits);
    expect(await app.page.locator('#chronology-heading ~ p[role="status"]').innerText()).toBe(
      `${totalVisits} events.`,
    );
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  });

  it('shows the finance officer only the finance tab, and says what is withheld', async () => {
    await viewAs(app.page, 'FINANCE', /Finance officer/);
    await openChild(exampleChildId);
    expect(await tabNames(app.page)).toEqual(['Finance']);
    const withheld = await app.page.locator('[data-withheld]').innerText();
    expect(withheld).toMatch(/Social care \(LCS\)/);
    expect(withheld).toMatch(/Front door/);
    expect(await app.page.locator('main').innerText()).not.toMatch(/Allocated worker|Visits/);
    expect(await app.page.locator('.flags').count()).toBe(0);
    await screenshot(app.page, 'app-child-finance-officer');
  });

  it('shows the SEND officer education and the social care contact, never social care detail', async () => {
    await viewAs(app.page, 'SEND_OFFICER', /SEND officer/);
    await openChild(exampleChildId);
    expect(await tabNames(app.page)).toEqual(['Social care', 'Education and SEND']);
    await expect.poll(() => app.page.getByRole('tabpanel').innerText()).toMatch(/Allocated worker/);
    expect(await app.page.getByRole('tabpanel').innerText()).not.toMatch(/Visits|Assessments|Referrals/);
    await screenshot(app.page, 'app-child-send-officer');
  });

  it('shows a banner for a system that is down and the rest of the record still', async () => {
    await viewAs(app.page, 'SOCIAL_WORKER', /Social worker/);
    // A child of the worker's caseload with front-door contacts, not opened yet, so nothing is cached:
    // identifiers come from the hub's register, not from the front door.
    const worker = await socialWorkerPersona();
    const socialWorker = await h.token({ userId: 'probe', roles: ['SOCIAL_WORKER'], ...worker });
    const caseload = await h.query(
      socialWorker,
      `{ worker(id: "${worker.workerId}") { caseload(first: 50) { nodes { childId } } } }`,
    );
    let childId: string | undefined;
    for (const { childId: candidate } of caseload.body.data.worker.caseload.nodes as Array<{
      childId: string;
    }>) {
      const ids = await h.query(
        socialWorker,
        `{ child(id: "${candidate}") { id identifiers { frontDoorContactIds } } }`,
      );
      const child = ids.body.data.child as { id: string; identifiers: { frontDoorContactIds: string[] } };
      if (
        child.identifiers.frontDoorContactIds.length > 0 &&
        candidate !== exampleChildId &&
        !warmed.has(candidate)
      ) {
        childId = candidate;
        break;
      }
    }
    expect(childId).toBeDefined();
    const faults = `${h.sims.urls.frontdoor}/__sim/faults`;
    const down = await fetch(faults, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ down: true }),
    });
    expect(down.ok).toBe(true);
    try {
      await openChild(childId!);
      const banner = app.page.locator('.banner-warning[data-system="FRONTDOOR"]');
      await banner.waitFor({ timeout: 30_000 });
      expect(await banner.innerText()).toMatch(
        /Front door \(C-SPA \/ L-SPA\) (is unavailable|did not answer|is not answering)/,
      );
      // Social care still there.
      await expect.poll(() => app.page.getByRole('tabpanel').innerText()).toMatch(/Visits \(\d+\)/);
      expect(await app.page.locator('.banner-warning').count()).toBe(1);
      await screenshot(app.page, 'app-child-system-down');
    } finally {
      await fetch(faults, { method: 'DELETE' });
    }
  });

  it('opens a child outside the viewer’s caseload only by break-glass with a reason, which the audit trail records', async () => {
    // A child on another team's caseload: the social worker (team TM001) has no relationship with it.
    const otherTeam = await h.query(
      await h.token({ userId: 'probe', roles: ['TEAM_MANAGER'], teamId: 'TM002' }),
      '{ team(id: "TM002") { caseload(first: 1) { nodes { childId } } } }',
    );
    const stranger = otherTeam.body.data.team.caseload.nodes[0].childId as string;
    const socialWorker = await h.token({
      userId: 'probe',
      roles: ['SOCIAL_WORKER'],
      workerId: 'W00002',
      teamId: 'TM001',
    });
    const before = await h.query(socialWorker, `{ child(id: "${stranger}") { access { relationship } } }`);
    expect(before.body.data.child.access.relationship).not.toMatch(/ALLOCATED|TEAM/);
    await openChild(stranger);
    await app.page.getByRole('heading', { name: /no working relationship/ }).waitFor();
    expect(await tabNames(app.page)).not.toContain('Chronology');
    await app.page.getByLabel('Reason').selectOption('SAFEGUARDING_REFERRAL');
    await app.page.getByRole('button', { name: /break glass/ }).click();
    expect(await app.page.locator('#bg-problem').innerText()).toMatch(/at least 10 characters/);
    await app.page.getByLabel('Why you need to see it now').fill('Police report of a new incident tonight');
    await screenshot(app.page, 'app-child-break-glass');
    await app.page.getByRole('button', { name: /break glass/ }).click();
    await expect.poll(() => tabNames(app.page), { timeout: 30_000 }).toContain('Chronology');
    expect(await app.page.locator('.facts').first().innerText()).toMatch(/Break glass/);

    const trail = await h.query(
      await h.token({ userId: 'auditor', roles: ['AUDITOR'] }),
      `{ breakGlassAlerts(first: 5) { userId childId breakGlass { reasonCode justification } } }`,
    );
    expect(trail.body.data.breakGlassAlerts[0]).toMatchObject({
      userId: 'dev-social-worker',
      breakGlass: {
        reasonCode: 'SAFEGUARDING_REFERRAL',
        justification: 'Police report of a new incident tonight',
      },
    });
  });

  it('can be used by keyboard alone: a skip link to the main landmark, labelled fields, tabs that follow the arrow keys', async () => {
    // A fresh page: the first Tab reaches the skip link, and following it reaches the main landmark.
    await app.page.goto(`${app.appUrl}#/child`);
    await app.page.reload();
    await app.page.getByRole('heading', { name: 'Find a child' }).waitFor({ timeout: 30_000 });
    expect(await app.page.getByRole('banner').count()).toBe(1);
    expect(await app.page.getByRole('navigation', { name: 'Screens' }).count()).toBe(1);
    expect(await app.page.getByRole('main').count()).toBe(1);
    await app.page.keyboard.press('Tab');
    expect(await focusedText(app.page)).toBe('Skip to content');
    expect(await app.page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
    await app.page.keyboard.press('Enter');
    expect(await app.page.evaluate<string>("document.activeElement ? document.activeElement.id : ''")).toBe(
      'main',
    );

    await openChild(exampleChildId);
    // Every form control on the page has an accessible name.
    for (const control of await app.page.locator('input, select, textarea').all()) {
      const id = await control.getAttribute('id');
      expect(id).toBeTruthy();
      expect(await app.page.locator(`label[for="${id}"]`).count()).toBe(1);
    }
    await app.page.getByRole('tab', { name: 'Social care' }).focus();
    await app.page.keyboard.press('ArrowRight');
    const selected = app.page.getByRole('tab', { selected: true });
    expect(await selected.innerText()).toBe('Education and SEND');
    expect(await focusedText(app.page)).toBe('Education and SEND');
    await app.page.keyboard.press('End');
    expect(await app.page.getByRole('tab', { selected: true }).innerText()).toBe('Who has looked');
    await app.page.keyboard.press('Home');
    expect(await app.page.getByRole('tab', { selected: true }).innerText()).toBe('Social care');
  });

  it('asked nothing of another origin and raised no page or policy errors', () => {
    expect(app.foreign).toEqual([]);
    expect(app.problems).toEqual([]);
  });
});
