/**
 * Issue 6's circuit breaker, through the hub, for each system in turn: it opens after its
 * threshold of failures, later calls are refused without touching the network (each refusal in
 * the 100 ms bucket: a refusal that waited for a timeout would take seconds), /readyz says so, and once the system recovers a half-open probe closes it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SystemName } from '../../../src/platform/systems.ts';
import {
  LatencyTable,
  SYSTEMS,
  errorsOf,
  healthyStatus,
  startResilienceHarness,
  statusOf,
  total,
  type ResilienceHarness,
} from './support.ts';

const THRESHOLD = 3;
// Long enough that no half-open probe slips into the "open" checks on a busy machine.
const COOLDOWN_MS = 3000;

let h: ResilienceHarness;
let token: string;
const table = new LatencyTable();

beforeAll(async () => {
  h = await startResilienceHarness({
    BREAKER_FAILURE_THRESHOLD: String(THRESHOLD),
    BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
  });
  token = await h.viewerToken();
  await h.timedQuery(token, h.freshChild('lcs'));
});
afterEach(async () => {
  await h.clearFaults();
});
afterAll(async () => {
  process.stdout.write(table.render('Breaker: whole GraphQL answer, ms') + '\n');
  await h?.close();
});

interface Readiness {
  status: string;
  cache: { kind: string; status: string };
  upstreams: Record<
    SystemName,
    { breaker: string; last: { ok: boolean; at: string | null; code: string | null } }
  >;
}

async function readiness(): Promise<Readiness> {
  const response = await fetch(h.url.replace('/graphql', '/readyz'));
  expect(response.status).toBe(200);
  return (await response.json()) as Readiness;
}

describe.each(SYSTEMS)('the %s breaker', (system) => {
  it('opens after its threshold, refuses later calls at once, and closes once the system recovers', async () => {
    // 500s: not retried, each one a failure against the breaker.
    await h.setFault(system, { errorRate: 1, status: 500 });
    const before = await h.simRequests(system);
    let opened = false;
    for (let i = 0; i < THRESHOLD && !opened; i++) {
      const { body } = await h.timedQuery(token, h.freshChild(system));
      expect(statusOf(body.data!.child!, system)).toBe('UNAVAILABLE');
      opened = (await readiness()).upstreams[system].breaker === 'open';
    }
    expect(opened).toBe(true);
    const failuresSent = (await h.simRequests(system)) - before;
    expect(failuresSent).toBeGreaterThanOrEqual(THRESHOLD);

    const ready = await readiness();
    expect(ready.status).toBe('degraded');
    expect(ready.upstreams[system].last).toMatchObject({ ok: false, code: 'UPSTREAM_UNAVAILABLE' });
    for (const other of SYSTEMS.filter((s) => s !== system))
      expect(ready.upstreams[other].breaker).toBe('closed');

    // Open: the next child's calls to this system never reach it, and each refusal is immediate.
    const sentBefore = await h.simRequests(system);
    const refusedBefore = await refusals(system);
    const { ms, body } = await h.timedQuery(token, h.freshChild(system));
    table.add(system, 'breaker open', ms, 0); // bound 0: reported, not asserted (the refusals are)
    const child = body.data!.child!;
    expect(statusOf(child, system)).toBe('UNAVAILABLE');
    expect(errorsOf(body, system).map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAVAILABLE');
    for (const other of SYSTEMS.filter((s) => s !== system)) {
      expect(statusOf(child, other)).toBe(healthyStatus(child, other));
      expect(errorsOf(body, other)).toEqual([]);
    }
    expect((await h.simRequests(system)) - sentBefore).toBe(0);
    const refusedAfter = await refusals(system);
    expect(refusedAfter.count - refusedBefore.count).toBeGreaterThan(0);
    // Every refusal fell in the 100 ms bucket: not the network's or a timeout's seconds, with room
    // for a busy two-core machine's scheduling (the 10 ms bucket missed at load 17).
    expect(refusedAfter.within100ms - refusedBefore.within100ms).toBe(
      refusedAfter.count - refusedBefore.count,
    );

    // Recovery: after the cooldown a half-open probe succeeds and the breaker closes.
    await h.clearFaults();
    await new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 100));
    let recovered = false;
    for (let i = 0; i < 3 && !recovered; i++) {
      const { ms: recoveryMs, body: again } = await h.timedQuery(token, h.freshChild(system));
      recovered = statusOf(again.data!.child!, system) === 'OK';
      if (recovered) table.add(system, 'first answer after recovery', recoveryMs, 0);
    }
    expect(recovered).toBe(true);
    const after = await readiness();
    expect(after.upstreams[system].breaker).toBe('closed');
    expect(after.upstreams[system].last).toMatchObject({ ok: true, code: null });
    expect(after.status).toBe('ready');
  });
});

/** Calls refused by the open breaker, all and those within 100 ms, from /metrics. */
async function refusals(system: SystemName): Promise<{ count: number; within100ms: number }> {
  const samples = await h.metrics();
  const where = { system, outcome: 'circuit_open' };
  return {
    count: total(samples, 'svoc_upstream_request_duration_seconds_count', where),
    within100ms: total(samples, 'svoc_upstream_request_duration_seconds_bucket', { ...where, le: '0.1' }),
  };
}
