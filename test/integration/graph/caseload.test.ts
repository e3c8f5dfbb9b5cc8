import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, { scale: 'demo' });
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

/** The team with the most open cases in the county, with its open-case count. */
function busiestTeam(): { teamId: string; open: number } {
  const counts = new Map<string, number>();
  const { socialCare } = h.sims.county.lcs;
  for (const id of socialCare.ids()) {
    for (const involvement of socialCare.get(id)!.involvements) {
      if (involvement.endDate === null)
        counts.set(involvement.teamId, (counts.get(involvement.teamId) ?? 0) + 1);
    }
  }
  const [teamId, open] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  return { teamId, open };
}

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
});
