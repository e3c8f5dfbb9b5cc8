/**
 * Change notifications for the entries cached per worker and team (open involvements, a team's
 * workers) and per EYES pupil (LIFT's SEND costs), through a real hub over HTTP. LCS names only the
 * person or the worker that changed, and LIFT the SEND cost: the hub reads what it needs to find the
 * workers, teams and pupil whose entries to drop, so a caseload shows a reassignment, a team its
 * workers and a child's SEND finance a changed cost right after the notification, not a TTL later.
 * Without the notification the cached answers stand (that is what the cache is for).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LcsInvolvement, LcsSocialCareRecord, LcsWorker } from '../../../simulators/contracts/lcs.ts';
import { startWorld, type CachingWorld, type RunningHub } from './support/hubs.ts';

const WORKER_CASELOAD = `query WorkerCaseload($id: ID!) { worker(id: $id) {
  caseload(first: 100) { totalCount nodes { childId } } } }`;
const TEAM_CASELOAD = `query TeamCaseload($id: ID!) { team(id: $id) {
  caseload(first: 100) { totalCount nodes { childId } } } }`;
const TEAM_WORKERS = `query TeamWorkers($id: ID!) { team(id: $id) { workers(first: 100) { nodes { id } } } }`;
const CHILD_ID = `query ChildId($id: ID!) { child(id: $id) { id } }`;
const SEND_FINANCE = `query Send($id: ID!) { child(id: $id) { id sendFinance { costs { id providerName } } } }`;

let world: CachingWorld;
let hub: RunningHub;
let viewer: string;

beforeAll(async () => {
  world = await startWorld('caseload-events');
  hub = await world.startHub();
  viewer = await world.token({ userId: 'fd-caseload-events', roles: ['FRONT_DOOR', 'FINANCE'] });
});

afterAll(async () => {
  await world?.close();
});

/** One query's data, failing the test on any error. */
async function data<T>(token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const { status, body } = await hub.query(token, query, variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

const managerOf = (teamId: string) =>
  world.token({ userId: `tm-${teamId}`, roles: ['TEAM_MANAGER'], teamId });

async function workerCaseload(workerId: string, teamId: string): Promise<string[]> {
  const answer = await data<{ worker: { caseload: { nodes: { childId: string }[] } } }>(
    await managerOf(teamId),
    WORKER_CASELOAD,
    { id: workerId },
  );
  return answer.worker.caseload.nodes.map((n) => n.childId);
}

async function teamCaseload(teamId: string): Promise<string[]> {
  const answer = await data<{ team: { caseload: { nodes: { childId: string }[] } } }>(
    await managerOf(teamId),
    TEAM_CASELOAD,
    { id: teamId },
  );
  return answer.team.caseload.nodes.map((n) => n.childId);
}

async function teamWorkers(teamId: string): Promise<string[]> {
  const answer = await data<{ team: { workers: { nodes: { id: string }[] } } }>(
    await managerOf(teamId),
    TEAM_WORKERS,
    { id: teamId },
  );
  return answer.team.workers.nodes.map((n) => n.id);
}

const restricted = (personId: string) =>
  Boolean((world.sims.county.lcs.people.get(personId) as { restriction?: unknown } | undefined)?.restriction);

/**
 * An unrestricted child with exactly one open involvement (worker and team), and a social worker of
 * another team to hand the case to.
 */
function caseToReassign() {
  const { socialCare, workers } = world.sims.county.lcs;
  for (const child of world.sims.county.groundTruth()) {
    if (child.lcs.length !== 1 || restricted(child.lcs[0]!)) continue;
    const record = socialCare.get(child.lcs[0]!) as LcsSocialCareRecord | undefined;
    const open = record?.involvements.filter((i) => i.endDate === null) ?? [];
    if (!record || open.length !== 1 || open[0]!.role !== 'ALLOCATED_SOCIAL_WORKER') continue;
    const from = open[0]!;
    const to = workers
      .ids()
      .map((id) => workers.get(id) as LcsWorker)
      .find((w) => w.teamId !== from.teamId && w.workerId !== from.workerId);
    if (to) return { personId: child.lcs[0]!, record, from, to };
  }
  throw new Error('the county has no case to reassign');
}

describe('caseload change notifications', () => {
  it('a reassignment shows in both workers’ and both teams’ caseloads right after its social-care notification; without it the cached caseloads stand', async () => {
    const { personId, record, from, to } = caseToReassign();
    const childId = (await data<{ child: { id: string } }>(viewer, CHILD_ID, { id: `lcs:${personId}` })).child
      .id;

    expect(await workerCaseload(from.workerId, from.teamId)).toContain(childId);
    expect(await teamCaseload(from.teamId)).toContain(childId);
    expect(await workerCaseload(to.workerId, to.teamId)).not.toContain(childId);
    expect(await teamCaseload(to.teamId)).not.toContain(childId);
    await hub.settled();

    // LCS records a transfer as it records every handover: the old involvement ends, a new one opens.
    const handover: LcsInvolvement = {
      ...from,
      involvementId: `${from.involvementId}-itest-transfer`,
      workerId: to.workerId,
      teamId: to.teamId,
      startDate: world.sims.county.asOf,
      endDate: null,
      changeReason: null,
    };
    await world.patch('lcs', 'social-care', personId, {
      involvements: [
        ...record.involvements.map((i) =>
          i.involvementId === from.involvementId
            ? { ...i, endDate: world.sims.county.asOf, changeReason: 'CASE_TRANSFER' }
            : i,
        ),
        handover,
      ],
    });
    // No notification yet: every caseload is answered from the cache, as before the change.
    expect(await workerCaseload(from.workerId, from.teamId)).toContain(childId);
    expect(await workerCaseload(to.workerId, to.teamId)).not.toContain(childId);

    expect(await hub.postEvents({ system: 'lcs', resource: 'social-care', id: personId })).toBe(202);
    expect(await workerCaseload(from.workerId, from.teamId)).not.toContain(childId);
    expect(await teamCaseload(from.teamId)).not.toContain(childId);
    expect(await workerCaseload(to.workerId, to.teamId)).toContain(childId);
    expect(await teamCaseload(to.teamId)).toContain(childId);
  });

  it('a worker who moves team shows in the new team’s workers and leaves the old team’s right after the worker notification', async () => {
    const { workers } = world.sims.county.lcs;
    const all = workers.ids().map((id) => workers.get(id) as LcsWorker);
    const mover = all.at(-1)!;
    const target = all.find((w) => w.teamId !== mover.teamId)!.teamId;

    expect(await teamWorkers(mover.teamId)).toContain(mover.workerId);
    expect(await teamWorkers(target)).not.toContain(mover.workerId);
    await hub.settled();

    await world.patch('lcs', 'workers', mover.workerId, { teamId: target });
    expect(await teamWorkers(mover.teamId)).toContain(mover.workerId);

    expect(await hub.postEvents({ system: 'lcs', resource: 'workers', id: mover.workerId })).toBe(202);
    expect(await teamWorkers(mover.teamId)).not.toContain(mover.workerId);
    expect(await teamWorkers(target)).toContain(mover.workerId);
  });
});

describe('SEND cost change notifications', () => {
  it('a SEND cost notification refreshes that pupil’s SEND finance on the next view; without it the cached one stays', async () => {
    const { sendCosts } = world.sims.county.lift;
    const pupilsWithCosts = new Map<string, { sendCostId: string; providerName: string }>();
    for (const id of sendCosts.ids()) {
      const cost = sendCosts.get(id) as { sendCostId: string; pupilId: string; providerName: string };
      if (!pupilsWithCosts.has(cost.pupilId)) pupilsWithCosts.set(cost.pupilId, cost);
    }
    const child = [...world.sims.county.groundTruth()].find(
      (c) => c.eyes.length === 1 && pupilsWithCosts.has(c.eyes[0]!) && !c.lcs.some(restricted),
    );
    expect(child).toBeDefined();
    const cost = pupilsWithCosts.get(child!.eyes[0]!)!;
    const providerOf = async () =>
      (
        await data<{ child: { sendFinance: { costs: { id: string; providerName: string }[] } } }>(
          viewer,
          SEND_FINANCE,
          { id: `eyes:${child!.eyes[0]}` },
        )
      ).child.sendFinance.costs.find((c) => c.id === cost.sendCostId)?.providerName;

    expect(await providerOf()).toBe(cost.providerName);
    await hub.settled();

    const renamed = `${cost.providerName} (renamed)`;
    await world.patch('lift', 'sendCosts', cost.sendCostId, { providerName: renamed });
    expect(await providerOf()).toBe(cost.providerName);

    expect(await hub.postEvents({ system: 'lift', resource: 'sendCosts', id: cost.sendCostId })).toBe(202);
    expect(await providerOf()).toBe(renamed);
  });

  it('a notification naming a SEND cost LIFT no longer knows is accepted (nothing is cached under it)', async () => {
    expect(await hub.postEvents({ system: 'lift', resource: 'sendCosts', id: 'SC-no-such-cost' })).toBe(202);
  });
});
