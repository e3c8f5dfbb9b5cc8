/**
 * Issue 6, fault by fault and system by system, through the real hub and the real simulators:
 * the faulty system's branch is null with the right `extensions.code` and `extensions.system`,
 * `Child.sources` names its state, every other system's data is intact, the answer arrives by the
 * request deadline (plus a margin for a busy machine), and what the simulator counted equals
 * first attempts plus the retries the hub reports (none at all for faults that must not be retried).
 *
 * The breaker threshold is set out of reach here so that every query meets the fault itself;
 * breaker.test.ts covers opening and closing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SystemName } from '../../../src/platform/systems.ts';
import {
  BRANCH,
  FAST_ENV,
  branchOf,
  errorsOf,
  LatencyTable,
  SYSTEMS,
  healthyStatus,
  startResilienceHarness,
  statusOf,
  total,
  type ChildBody,
  type Fault,
  type ResilienceHarness,
} from './support.ts';

const DEADLINE_MS = Number(FAST_ENV['REQUEST_DEADLINE_MS']);
/**
 * The deadline plus a generous margin: with the whole suite running on a shared 2-core machine a
 * 590 ms deadline was once answered at 1,024 ms. The claims about attempts rest on the counts.
 */
const BOUND_MS = DEADLINE_MS + 600;

interface Scenario {
  name: string;
  fault: Fault;
  status: 'TIMEOUT' | 'UNAVAILABLE';
  code: 'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE';
  /** The hub must not retry this failure (so the simulator sees first attempts only). */
  noRetries: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'down (connections dropped)',
    fault: { down: true },
    status: 'UNAVAILABLE',
    code: 'UPSTREAM_UNAVAILABLE',
    noRetries: false,
  },
  { name: 'hanging', fault: { hang: true }, status: 'TIMEOUT', code: 'UPSTREAM_TIMEOUT', noRetries: false },
  {
    name: 'slower than the timeout',
    fault: { latencyMs: 450 },
    status: 'TIMEOUT',
    code: 'UPSTREAM_TIMEOUT',
    noRetries: false,
  },
  {
    name: '500s',
    fault: { errorRate: 1, status: 500 },
    status: 'UNAVAILABLE',
    code: 'UPSTREAM_UNAVAILABLE',
    noRetries: true,
  },
  {
    // Retry-After (1 s) reaches past the request deadline, so the hub gives up at once.
    name: '429 with Retry-After',
    fault: { errorRate: 1, status: 429, retryAfterSeconds: 1 },
    status: 'UNAVAILABLE',
    code: 'UPSTREAM_UNAVAILABLE',
    noRetries: true,
  },
  {
    name: 'malformed JSON',
    fault: { malformed: true },
    status: 'UNAVAILABLE',
    code: 'UPSTREAM_UNAVAILABLE',
    noRetries: true,
  },
];

let h: ResilienceHarness;
let token: string;
const table = new LatencyTable();

beforeAll(async () => {
  h = await startResilienceHarness({ BREAKER_FAILURE_THRESHOLD: '1000' });
  token = await h.viewerToken();
  // Warm the hub (first-query compilation, keep-alive sockets) on a child the scenarios never use.
  await h.timedQuery(token, h.freshChild('lcs'));
});
/** A system that answered Retry-After is left alone that long (for the system as a whole). */
let honourRetryAfterMs = 0;
afterEach(async () => {
  await h.clearFaults();
  await new Promise((resolve) => setTimeout(resolve, honourRetryAfterMs));
  honourRetryAfterMs = 0;
});
afterAll(async () => {
  process.stdout.write(
    table.render(
      `Latency under each fault (per-attempt timeout ${FAST_ENV['UPSTREAM_TIMEOUT_MS']} ms, deadline ${DEADLINE_MS} ms)`,
    ) + '\n',
  );
  await h?.close();
});

interface Counts {
  sim: number;
  calls: number;
  retries: number;
}

async function counts(system: SystemName): Promise<Counts> {
  const samples = await h.metrics();
  return {
    sim: await h.simRequests(system),
    // Calls sent: every call observed, less those the hub shed without sending (a system that
    // answered 429 is left alone for its Retry-After, so a call that starts after it is not sent).
    calls:
      total(samples, 'svoc_upstream_request_duration_seconds_count', { system }) -
      total(samples, 'svoc_upstream_shed_total', { system }),
    retries: total(samples, 'svoc_upstream_retries_total', { system }),
  };
}

/**
 * The other systems answered in full: their status is what it is when healthy and no error names
 * them. (A healthy branch may still be null: a child with no education records has no education.)
 */
function expectOthersIntact(body: ChildBody, faulty: SystemName): void {
  const child = body.data!.child!;
  for (const other of SYSTEMS.filter((s) => s !== faulty)) {
    expect(statusOf(child, other), `${other} status while ${faulty} fails`).toBe(healthyStatus(child, other));
    expect(errorsOf(body, other)).toEqual([]);
  }
}

describe.each(SYSTEMS)('%s failing while the other three are healthy', (system) => {
  it.each(SCENARIOS)(
    '$name: null branch with its code, others intact, answered by the deadline',
    async (scenario) => {
      await h.setFault(system, scenario.fault);
      honourRetryAfterMs = (scenario.fault.retryAfterSeconds ?? 0) * 1000;
      const before = await counts(system);
      const { ms, status, body } = await h.timedQuery(token, h.freshChild(system));
      const after = await counts(system);
      table.add(system, scenario.name, ms, BOUND_MS);

      expect(status).toBe(200);
      expect(body.data?.child).toBeTruthy();
      const child = body.data!.child!;
      expect(healthyStatus(child, system)).toBe('OK');
      expect(statusOf(child, system)).toBe(scenario.status);
      expect(branchOf(child, system)).toBeNull();
      const errors = errorsOf(body, system);
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code).toBe(scenario.code);
        expect(error.path).toEqual(['child', BRANCH[system].field]);
      }
      expectOthersIntact(body, system);
      expect(ms).toBeLessThanOrEqual(BOUND_MS);

      // The simulator saw exactly the first attempts plus the retries the hub counted.
      const calls = after.calls - before.calls;
      const retries = after.retries - before.retries;
      expect(calls).toBeGreaterThan(0);
      expect(after.sim - before.sim).toBe(calls + retries);
      expect(retries).toBeLessThanOrEqual(calls * Number(FAST_ENV['UPSTREAM_MAX_RETRIES']));
      if (scenario.noRetries) expect(retries).toBe(0);
    },
  );

  it('flapping (half the calls fail with 503): each answer is whole or names the failure, by the deadline', async () => {
    await h.setFault(system, { errorRate: 0.5, status: 503 });
    for (let i = 0; i < 3; i++) {
      const { ms, status, body } = await h.timedQuery(token, h.freshChild(system));
      table.add(system, 'flapping (50% 503)', ms, BOUND_MS);
      expect(status).toBe(200);
      const child = body.data!.child!;
      const state = statusOf(child, system);
      expect(['OK', 'UNAVAILABLE']).toContain(state);
      const errors = errorsOf(body, system);
      // An error always comes with a null branch and an UNAVAILABLE source; an OK source never
      // with an error. (UNAVAILABLE without an error on the branch happens too: the resource that
      // failed, e.g. the LCS person record, is not one the query displays.)
      if (state === 'OK') expect(errors).toEqual([]);
      if (errors.length > 0) {
        expect(state).toBe('UNAVAILABLE');
        expect(new Set(errors.map((e) => e.extensions?.code))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
        expect(branchOf(child, system)).toBeNull();
      }
      expectOthersIntact(body, system);
      expect(ms).toBeLessThanOrEqual(BOUND_MS);
    }
  });
});
