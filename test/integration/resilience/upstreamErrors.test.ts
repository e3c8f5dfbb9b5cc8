/**
 * Issue 12, item 4: an upstream failure reaching any field names its system. Through the real hub
 * and simulators: a child's LCS records are loaded (and cached) while LCS is healthy, then LCS
 * fails; the allocated worker's record, never loaded, must fail as UPSTREAM_UNAVAILABLE for LCS
 * (not INTERNAL) and `sources` must say LCS is UNAVAILABLE, not OK. `team(...)` and `me.team` name
 * LCS too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startResilienceHarness, statusOf, type ErrorBody, type ResilienceHarness } from './support.ts';

const ALLOCATION = `query Allocation($id: ID!) { child(id: $id) {
  sources { system status }
  socialCareContact { caseStatus allocatedWorker { id } team { id } }
} }`;

const WORKER_NAME = `query WorkerName($id: ID!) { child(id: $id) {
  sources { system status }
  socialCareContact { caseStatus allocatedWorker { id name } }
} }`;

let h: ResilienceHarness;
let token: string;

beforeAll(async () => {
  h = await startResilienceHarness({ BREAKER_FAILURE_THRESHOLD: '1000' });
  token = await h.viewerToken();
});
afterEach(async () => {
  await h.clearFaults();
});
afterAll(async () => {
  await h?.close();
});

interface AllocationAnswer {
  data: {
    child: {
      sources: { system: string; status: string }[];
      socialCareContact: {
        allocatedWorker: { id: string; name?: string } | null;
        team: { id: string } | null;
      } | null;
    } | null;
  } | null;
  errors?: ErrorBody[];
}

/** A child with an allocated worker and team, its LCS records now cached; the worker's own record is not. */
async function allocatedChild(): Promise<{ id: string; workerId: string; teamId: string }> {
  for (let i = 0; i < 40; i++) {
    const id = h.freshChild('lcs', 1);
    const { body } = (await h.query(token, ALLOCATION, { id })) as { body: AllocationAnswer };
    const contact = body.data?.child?.socialCareContact;
    if (contact?.allocatedWorker && contact.team)
      return { id, workerId: contact.allocatedWorker.id, teamId: contact.team.id };
  }
  throw new Error('no child with an allocated worker in the county');
}

function expectNamesLcs(errors: ErrorBody[] | undefined): void {
  expect(errors?.length ?? 0).toBeGreaterThan(0);
  for (const error of errors!) {
    expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.extensions?.system).toBe('LCS');
  }
}

describe('an upstream failure outside a child’s own records', () => {
  it('names LCS at socialCareContact.allocatedWorker.name, and sources says LCS UNAVAILABLE, when LCS fails after the child’s records were loaded', async () => {
    const { id } = await allocatedChild();
    await h.setFault('lcs', { errorRate: 1, status: 503 });
    const { status, body } = (await h.query(token, WORKER_NAME, { id })) as {
      status: number;
      body: AllocationAnswer;
    };
    expect(status).toBe(200);
    expectNamesLcs(body.errors);
    expect(body.errors!.map((e) => e.path)).toContainEqual([
      'child',
      'socialCareContact',
      'allocatedWorker',
      'name',
    ]);
    expect(statusOf(body.data!.child!, 'lcs')).toBe('UNAVAILABLE');
  });

  it('keeps sources LCS OK, and loads no worker, when the query shows only the worker’s id', async () => {
    const { id } = await allocatedChild();
    await h.setFault('lcs', { errorRate: 1, status: 503 });
    const before = await h.simRequests('lcs');
    const { body } = (await h.query(token, ALLOCATION, { id })) as { body: AllocationAnswer };
    expect(body.errors ?? []).toEqual([]);
    expect(statusOf(body.data!.child!, 'lcs')).toBe('OK');
    expect(await h.simRequests('lcs')).toBe(before);
  });

  it('names LCS for team(...) and me.team when LCS is unavailable (not "Internal server error")', async () => {
    const { teamId } = await allocatedChild();
    const manager = await h.token({ userId: 'resilience-manager', roles: ['TEAM_MANAGER'], teamId });
    await h.setFault('lcs', { errorRate: 1, status: 503 });

    const team = await h.query(manager, `query T($id: ID!) { team(id: $id) { id name } }`, { id: teamId });
    expect(team.status).toBe(200);
    expectNamesLcs(team.body.errors);
    expect(JSON.stringify(team.body)).not.toContain('Internal server error');

    const me = await h.query(manager, `{ me { userId team { id name } } }`);
    expect(me.status).toBe(200);
    expectNamesLcs(me.body.errors);
    expect(me.body.errors.map((e: ErrorBody) => e.path)).toContainEqual(['me', 'team', 'name']);
  });
});
