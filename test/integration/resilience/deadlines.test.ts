/**
 * Issue 12, items 3 (latency bound) and the 429 finding, through the real hub, the real simulators
 * and Redis, with the request deadline (5 s) far longer than the system's timeout (300 ms): the
 * answer for a failing system must come within its timeout, not within the request's deadline.
 * Calls are counted at the simulator's /__sim/stats; bounds are generous for a busy machine and the
 * claims rest on counts and order (three attempts of 300 ms would take 900 ms or more).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorsOf, startResilienceHarness, statusOf, total, type ResilienceHarness } from './support.ts';

const TIMEOUT_MS = 300;
/**
 * The timeout with a generous margin for a busy machine (1.5 s was missed at load 17); the
 * request's deadline is 5 s, and the claims that tell one attempt from several rest on the counts.
 */
const BOUND_MS = TIMEOUT_MS + 2200;
const WAVE = 15;

let h: ResilienceHarness;
let token: string;

const HARNESS_ENV = {
  UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
  REQUEST_DEADLINE_MS: '5000',
  BREAKER_FAILURE_THRESHOLD: '5',
  // No half-open probe during a test: what reaches the simulator is the first wave only.
  BREAKER_COOLDOWN_MS: '10000',
  UPSTREAM_BACKOFF_MAX_MS: '500',
};

/** A hub of its own per group: one group's open breaker or Retry-After must not reach another. */
function withHarness(env: Record<string, string>): void {
  beforeAll(async () => {
    h = await startResilienceHarness({ ...HARNESS_ENV, ...env });
    token = await h.viewerToken();
    await h.timedQuery(token, h.freshChild('eyes'));
  });
  afterEach(async () => {
    await h.clearFaults();
  });
  afterAll(async () => {
    await h?.close();
  });
}

async function lcsBreaker(): Promise<string> {
  const ready = (await (await fetch(h.url.replace('/graphql', '/readyz'))).json()) as {
    upstreams: Record<string, { breaker: string }>;
  };
  return ready.upstreams['lcs']!.breaker;
}

function children(n: number): string[] {
  return Array.from({ length: n }, () => h.freshChild('lcs', 1));
}

describe('a hanging system', () => {
  withHarness({ BREAKER_SLOW_CALL_MS: '150' });
  it('answers a lone request after one attempt, within the timeout, though the request deadline would allow three', async () => {
    await h.setFault('lcs', { hang: true });
    const [child] = children(1);
    const before = await h.simRequests('lcs');
    const retriesBefore = total(await h.metrics(), 'svoc_upstream_retries_total', { system: 'lcs' });
    const { ms, status, body } = await h.timedQuery(token, child!);
    expect(status).toBe(200);
    expect(statusOf(body.data!.child!, 'lcs')).toBe('TIMEOUT');
    expect(ms).toBeLessThan(BOUND_MS);
    // One attempt per LCS resource the query reads (person, social care), none repeated.
    expect((await h.simRequests('lcs')) - before).toBeLessThanOrEqual(2);
    expect(total(await h.metrics(), 'svoc_upstream_retries_total', { system: 'lcs' })).toBe(retriesBefore);
  });

  it('opens the breaker on slow calls while the first wave still waits; every answer of both waves arrives within the timeout', async () => {
    await h.setFault('lcs', { hang: true });
    const sentBefore = await h.simRequests('lcs');
    const first = children(WAVE).map((id) => h.timedQuery(token, id));
    let settled = 0;
    for (const query of first) void query.then(() => settled++);
    // Opened by slow attempts (150 ms), not by their timeouts (300 ms): no answer has come yet.
    const until = Date.now() + 5000;
    while ((await lcsBreaker()) !== 'open' && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    const settledWhenOpen = settled;
    expect(await lcsBreaker()).toBe('open');

    const shedBefore = total(await h.metrics(), 'svoc_upstream_shed_total', {
      system: 'lcs',
      reason: 'circuit_open',
    });
    const second = await Promise.all(children(WAVE).map((id) => h.timedQuery(token, id)));
    const firstAnswers = await Promise.all(first);

    expect(settledWhenOpen).toBeLessThan(WAVE);
    for (const { ms, status, body } of [...firstAnswers, ...second]) {
      expect(status).toBe(200);
      expect(['TIMEOUT', 'UNAVAILABLE']).toContain(statusOf(body.data!.child!, 'lcs'));
      expect(ms).toBeLessThan(BOUND_MS);
    }
    // The second wave was refused without a call: LCS saw at most the first wave's two reads per
    // query (person, social care), and the hub counts each second-wave call as shed.
    for (const { body } of second) expect(statusOf(body.data!.child!, 'lcs')).toBe('UNAVAILABLE');
    expect(await h.simRequests('lcs')).toBeLessThanOrEqual(2 * WAVE + sentBefore);
    const shed = total(await h.metrics(), 'svoc_upstream_shed_total', {
      system: 'lcs',
      reason: 'circuit_open',
    });
    expect(shed - shedBefore).toBeGreaterThanOrEqual(WAVE);
  });
});

describe('429 with Retry-After', () => {
  withHarness({});
  it('holds the system back as a whole: answers at once with UNAVAILABLE and a retryAfter hint, sends no more calls, and counts the shed load in /metrics', async () => {
    await h.setFault('eyes', { errorRate: 1, status: 429, retryAfterSeconds: 2 });
    const shedBefore = total(await h.metrics(), 'svoc_upstream_shed_total', {
      system: 'eyes',
      reason: 'rate_limited',
    });
    const ids = Array.from({ length: WAVE * 2 }, () => h.freshChild('eyes', 1));
    const first = await h.timedQuery(token, ids[0]!);
    const sentAfterFirst = await h.simRequests('eyes');
    const rest = await Promise.all(ids.slice(1).map((id) => h.timedQuery(token, id)));

    for (const { ms, status, body } of [first, ...rest]) {
      expect(status).toBe(200);
      expect(ms).toBeLessThan(BOUND_MS);
      const child = body.data!.child!;
      expect(statusOf(child, 'eyes')).toBe('UNAVAILABLE');
      const errors = errorsOf(body, 'eyes');
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
        const retryAfter = (error.extensions as { retryAfter?: number }).retryAfter;
        expect(retryAfter).toBeGreaterThanOrEqual(1);
        expect(retryAfter).toBeLessThanOrEqual(2);
      }
    }
    // Only the first query reached EYES; the others were answered from the system's Retry-After.
    expect(await h.simRequests('eyes')).toBe(sentAfterFirst);
    const shed = total(await h.metrics(), 'svoc_upstream_shed_total', {
      system: 'eyes',
      reason: 'rate_limited',
    });
    expect(shed - shedBefore).toBeGreaterThanOrEqual(rest.length);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  });
});
