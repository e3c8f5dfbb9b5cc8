import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';

let h: Harness;
beforeAll(async () => {
  // The fault tests below fail one route at a time; an open LCS breaker would fail the others too.
  h = await startHarness({ BREAKER_FAILURE_THRESHOLD: '1000' }, { scale: 'demo' });
});
afterAll(async () => {
  await h?.close();
});

type Stats = { total: number; byRoute: Record<string, number> };

async function stats(): Promise<Record<string, Stats>> {
  const entries = await Promise.all(
    Object.entries(h.sims.urls).map(
      async ([system, url]) => [system, (await (await fetch(`${url}/__sim/stats`)).json()) as Stats] as const,
    ),
  );
  return Object.fromEntries(entries);
}

async function resetStats(): Promise<void> {
  await Promise.all(
    Object.values(h.sims.urls).map((url) => fetch(`${url}/__sim/stats`, { method: 'DELETE' })),
  );
}

/** Teams by open cases, most first, with their open-case counts. */
function teamsByOpenCases(): { teamId: string; open: number }[] {
  const counts = new Map<string, number>();
  const { socialCare } = h.sims.county.lcs;
  for (const id of socialCare.ids()) {
    for (const involvement of socialCare.get(id)!.involvements) {
      if (involvement.endDate === null)
        counts.set(involvement.teamId, (counts.get(involvement.teamId) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([teamId, open]) => ({ teamId, open }));
}

/** The team with the most open cases in the county, with its open-case count. */
const busiestTeam = () => teamsByOpenCases()[0]!;

/** Faults on one system's routes until `run` ends (none when it returns or throws). */
async function withFaults<T>(system: 'lcs' | 'eyes', faults: object, run: () => Promise<T>): Promise<T> {
  const put = (body: object) =>
    fetch(`${h.sims.urls[system]}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  expect((await put(faults)).ok).toBe(true);
  try {
    return await run();
  } finally {
    await put({});
  }
}

type GraphError = { path: (string | number)[]; extensions: { code: string } };

const CASELOAD = `query($team: ID!) { team(id: $team) { name caseload(first: 50) {
  totalCount nodes { childId name { forename surname } dateOfBirth caseStatus since worker { id name }
  flags { onChildProtectionPlan lookedAfter childInNeed ehcp senSupport } } } } }`;

describe('a caseload of 50 children with their key facts', () => {
  it('costs at most two calls per batch-capable resource and at most one per child elsewhere', async () => {
    const { teamId, open } = busiestTeam();
    expect(open).toBeGreaterThanOrEqual(20);
    const token = await h.token({ userId: 'tm1', roles: ['TEAM_MANAGER'], teamId });
    await resetStats();
    const { body } = await h.query(token, CASELOAD, { team: teamId });
    expect(body.errors).toBeUndefined();
    const children = body.data.team.caseload.nodes.length;
    expect(children).toBe(Math.min(50, body.data.team.caseload.totalCount));

    const s = await stats();
    const lcs = s['lcs']!.byRoute;
    const eyes = s['eyes']!.byRoute;
    // Batch-capable resources: one or two calls however many children.
    expect(lcs['GET /people'] ?? 0).toBeLessThanOrEqual(2);
    expect(lcs['GET /workers'] ?? 0).toBeLessThanOrEqual(2);
    expect(lcs['GET /teams'] ?? 0).toBeLessThanOrEqual(2);
    expect(lcs['GET /involvements'] ?? 0).toBeLessThanOrEqual(2);
    // Single-read resources: never more than one call per child (no repeats).
    expect(lcs['GET /people/{personId}/social-care'] ?? 0).toBeLessThanOrEqual(children);
    expect(eyes['GET /pupils/{pupilId}/record'] ?? 0).toBeLessThanOrEqual(children);
    expect(lcs['GET /people/{personId}'] ?? 0).toBe(0);
    expect(s['lift']!.total).toBe(0);
    expect(s['frontdoor']!.total).toBe(0);
  });

  it('lists only open cases of that team, newest allocation first', async () => {
    const { teamId } = busiestTeam();
    const token = await h.token({ userId: 'tm1', roles: ['TEAM_MANAGER'], teamId });
    const { body } = await h.query(token, CASELOAD, { team: teamId });
    const since: string[] = body.data.team.caseload.nodes.map((n: { since: string }) => n.since);
    expect([...since].sort().reverse()).toEqual(since);
    for (const node of body.data.team.caseload.nodes)
      expect(['CIN', 'CP', 'CLA', 'EARLY_HELP', 'CARE_LEAVER']).toContain(node.caseStatus);
  });

  it('refuses another team’s caseload to a social worker', async () => {
    const { teamId } = busiestTeam();
    const token = await h.token({ userId: 'sw1', roles: ['SOCIAL_WORKER'], teamId: 'some-other-team' });
    const { body } = await h.query(token, CASELOAD, { team: teamId });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('gives each child on the page the name, date of birth and flags that child’s own record shows', async () => {
    const { teamId } = busiestTeam();
    const token = await h.token({ userId: 'tm1', roles: ['TEAM_MANAGER'], teamId });
    const { body } = await h.query(token, CASELOAD, { team: teamId });
    expect(body.errors).toBeUndefined();
    const viewer = await h.token({ userId: 'fd1', roles: ['FRONT_DOOR'] });
    const { people } = h.sims.county.lcs;
    for (const node of body.data.team.caseload.nodes) {
      const child = await h.query(
        viewer,
        `query($id: ID!) { child(id: $id) { name { forename surname } dateOfBirth
          flags { onChildProtectionPlan lookedAfter childInNeed ehcp senSupport }
          identifiers { lcsPersonIds } } }`,
        { id: node.childId },
      );
      expect(child.body.errors).toBeUndefined();
      const { identifiers, ...view } = child.body.data.child;
      expect({ name: node.name, dateOfBirth: node.dateOfBirth, flags: node.flags }).toEqual(view);
      // And as LCS itself holds the person, read from the simulated county, not through the hub.
      const held = (identifiers.lcsPersonIds as string[]).map((id) => people.get(id)!);
      expect(held).toContainEqual(
        expect.objectContaining({
          forename: node.name.forename,
          surname: node.name.surname,
          dateOfBirth: node.dateOfBirth,
        }),
      );
    }
  });

  // The team of the last test below, whose people nothing has read yet: that test's failures show
  // that this page of ids left them unread.
  it('reads only what the query asks: no person and no records for a page of ids', async () => {
    const { teamId } = teamsByOpenCases()[3]!;
    const token = await h.token({ userId: 'tm4', roles: ['TEAM_MANAGER'], teamId });
    await resetStats();
    const { body } = await h.query(
      token,
      `query($team: ID!) { team(id: $team) { caseload(first: 50) { nodes { childId caseStatus } } } }`,
      { team: teamId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.team.caseload.nodes.length).toBeGreaterThan(0);
    const s = await stats();
    expect(s['lcs']!.byRoute['GET /people'] ?? 0).toBe(0);
    expect(s['lcs']!.byRoute['GET /people/{personId}/social-care'] ?? 0).toBe(0);
    expect(s['eyes']!.total).toBe(0);
  });

  it('with EYES down, still answers every entry’s flags from social care, education flags false', async () => {
    const { teamId } = teamsByOpenCases()[1]!;
    const token = await h.token({ userId: 'tm2', roles: ['TEAM_MANAGER'], teamId });
    const { body } = await withFaults('eyes', { down: true }, () =>
      h.query(token, CASELOAD, { team: teamId }),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.team.caseload.nodes.length).toBeGreaterThan(0);
    for (const node of body.data.team.caseload.nodes) {
      expect(node.name).not.toBeNull();
      expect(node.flags).toMatchObject({ ehcp: false, senSupport: false });
    }
    expect(
      body.data.team.caseload.nodes.some(
        (n: { flags: Record<string, boolean> }) =>
          n.flags['onChildProtectionPlan'] || n.flags['lookedAfter'] || n.flags['childInNeed'],
      ),
    ).toBe(true);
  });

  it('when LCS social care fails, each entry’s flags are null with LCS’s error at that entry, names still shown', async () => {
    const { teamId } = teamsByOpenCases()[2]!;
    const token = await h.token({ userId: 'tm3', roles: ['TEAM_MANAGER'], teamId });
    const { body } = await withFaults(
      'lcs',
      { errorRate: 1, status: 500, routes: ['GET /people/{personId}/social-care'] },
      () => h.query(token, CASELOAD, { team: teamId }),
    );
    const nodes = body.data.team.caseload.nodes as { name: unknown; flags: unknown }[];
    expect(nodes.length).toBeGreaterThan(0);
    const errors = body.errors as GraphError[];
    expect(errors).toHaveLength(nodes.length);
    nodes.forEach((node, i) => {
      expect(node.flags).toBeNull();
      expect(node.name).not.toBeNull();
      const error = errors.find((e) => e.path[3] === i)!;
      expect(error.path).toEqual(['team', 'caseload', 'nodes', i, 'flags']);
      expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
    });
  });

  it('when the LCS person read fails, names and dates of birth are null with LCS’s error at each, the rest shown', async () => {
    const { teamId } = teamsByOpenCases()[3]!;
    const token = await h.token({ userId: 'tm4', roles: ['TEAM_MANAGER'], teamId });
    const { body } = await withFaults('lcs', { errorRate: 1, status: 500, routes: ['GET /people'] }, () =>
      h.query(token, CASELOAD, { team: teamId }),
    );
    const nodes = body.data.team.caseload.nodes as {
      childId: string;
      name: unknown;
      dateOfBirth: unknown;
      flags: unknown;
    }[];
    expect(nodes.length).toBeGreaterThan(0);
    const errors = body.errors as GraphError[];
    expect(errors).toHaveLength(nodes.length * 2);
    nodes.forEach((node, i) => {
      expect(node).toMatchObject({ name: null, dateOfBirth: null });
      expect(node.childId).toBeTruthy();
      expect(node.flags).not.toBeNull();
      for (const field of ['name', 'dateOfBirth']) {
        const error = errors.find((e) => e.path[3] === i && e.path[4] === field)!;
        expect(error.extensions.code).toBe('UPSTREAM_UNAVAILABLE');
      }
    });
  });
});
