/**
 * Issue 12: a call never outlives its deadline (the system's timeout, or the request's deadline if
 * sooner), a hang or slow spell opens the breaker before the timeouts come in, and a Retry-After
 * holds for the whole system. Bounds are generous (a busy machine); what matters is the number of
 * attempts the upstream saw and the order of events.
 */
import { delay, http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { BASE_URL, failureOf, recordingMetrics, testSettings } from './support.ts';

const server = setupUpstreamServer();
let arrivals: number[] = [];

beforeAll(() => server.listen());
afterEach(() => {
  server.resetHandlers();
  arrivals = [];
});
afterAll(() => server.close());

function upstream(answer: (n: number) => Promise<Response> | Response): void {
  server.use(
    http.get(`${BASE_URL}/persons/:id`, () => {
      arrivals.push(performance.now());
      return answer(arrivals.length);
    }),
  );
}

const hang = async (): Promise<Response> => {
  await delay(5_000);
  return HttpResponse.json({ late: true });
};

describe('a call’s deadline', () => {
  it('answers a lone call against a hanging system after one attempt, within its timeout, even when the request’s deadline would allow three', async () => {
    upstream(hang);
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 300, maxRetries: 2 }));
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1', deadlineAt: Date.now() + 5_000 }));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(arrivals).toHaveLength(1);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    // Three attempts would take 900 ms or more.
    expect(elapsed).toBeLessThan(800);
    client.close();
  });

  it('still retries a fast failure inside the timeout, giving the retry only the time left', async () => {
    upstream((n) => (n === 1 ? new HttpResponse(null, { status: 503 }) : hang()));
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 300, maxRetries: 2 }));
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1' }));
    // The shortened retry's timeout says less than the 503 that caused it: the 503 is reported.
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.status).toBe(503);
    expect(arrivals).toHaveLength(2);
    // The retry hung, but only until the call's own deadline, not for another whole timeout.
    expect(performance.now() - started).toBeLessThan(580);
    client.close();
  });

  it('leaves the concurrency queue at the call’s deadline instead of waiting for a slot', async () => {
    upstream(hang);
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 1_500, maxConcurrency: 1 }));
    const first = failureOf(client.get({ path: '/persons/1' }));
    await delay(100);
    const started = performance.now();
    // The only slot is held by a hanging call for 1.5 s; this call's deadline is 300 ms away.
    const error = await failureOf(client.get({ path: '/persons/2', deadlineAt: Date.now() + 300 }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(arrivals).toHaveLength(1);
    await first;
    client.close();
  });

  it('sends nothing when less than a tenth of the timeout is left, and counts it as shed', async () => {
    upstream(() => HttpResponse.json({ ok: true }));
    const metrics = recordingMetrics();
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 1000 }), { metrics });
    // An attempt is started with a tenth of the timeout (100 ms) left at least.
    const error = await failureOf(client.get({ path: '/persons/1', deadlineAt: Date.now() + 20 }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(arrivals).toHaveLength(0);
    expect(metrics.shedCalls).toEqual([{ system: 'lcs', reason: 'no_time' }]);
    client.close();
  });
});

describe('slow calls and the breaker', () => {
  it('counts timed-out attempts against the breaker with the default settings (a hang opens it)', async () => {
    upstream(hang);
    const client = createUpstreamClient(
      'lcs',
      testSettings({ timeoutMs: 100, breakerFailureThreshold: 2, maxRetries: 0 }),
    );
    await failureOf(client.get({ path: '/persons/1' }));
    await failureOf(client.get({ path: '/persons/2' }));
    expect(client.breakerState()).toBe('open');
    client.close();
  });

  it('opens the breaker when attempts are slow, before any of them times out, and refuses the next call at once', async () => {
    upstream(hang);
    const metrics = recordingMetrics();
    const client = createUpstreamClient(
      'lcs',
      testSettings({ timeoutMs: 2_000, breakerFailureThreshold: 2, breakerSlowCallMs: 100, maxRetries: 0 }),
      { metrics },
    );
    const waves = [client.get({ path: '/persons/1' }), client.get({ path: '/persons/2' })].map(failureOf);
    await delay(400);
    // Both attempts are still running (timeout 2 s) but were judged slow at 100 ms.
    expect(client.breakerState()).toBe('open');
    const started = performance.now();
    const refused = await failureOf(client.get({ path: '/persons/3' }));
    expect(refused.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(performance.now() - started).toBeLessThan(100);
    expect(arrivals).toHaveLength(2);
    expect(metrics.shedCalls).toEqual([{ system: 'lcs', reason: 'circuit_open' }]);
    await Promise.all(waves);
    client.close();
  });

  it('does not count a slow success against a system that answers within the slow threshold', async () => {
    upstream(async () => {
      await delay(20);
      return HttpResponse.json({ ok: true });
    });
    const client = createUpstreamClient(
      'lcs',
      testSettings({ timeoutMs: 2_000, breakerFailureThreshold: 1, breakerSlowCallMs: 500 }),
    );
    await Promise.all([1, 2, 3].map((n) => client.get({ path: `/persons/${n}` })));
    expect(client.breakerState()).toBe('closed');
    client.close();
  });
});

describe('Retry-After for the system as a whole', () => {
  it('answers later calls at once, without sending them, while the system’s Retry-After outlasts their deadline, with what is left as the hint', async () => {
    upstream(() => new HttpResponse(null, { status: 429, headers: { 'retry-after': '2' } }));
    const metrics = recordingMetrics();
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 500, maxRetries: 2 }), { metrics });
    const first = await failureOf(client.get({ path: '/persons/1' }));
    expect(first.retryAfterMs).toBeGreaterThan(1000);
    const started = performance.now();
    const later = await Promise.all([2, 3, 4].map((n) => failureOf(client.get({ path: `/persons/${n}` }))));
    expect(performance.now() - started).toBeLessThan(200);
    for (const error of later) {
      expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(error.retryAfterMs).toBeGreaterThan(1000);
      expect(error.retryAfterMs).toBeLessThanOrEqual(2000);
    }
    // Only the first call reached the system.
    expect(arrivals).toHaveLength(1);
    expect(metrics.shedCalls.filter((s) => s.reason === 'rate_limited')).toHaveLength(3);
    client.close();
  });

  it('makes a call whose deadline can absorb the wait wait it out, then send', async () => {
    upstream((n) =>
      n === 1
        ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } })
        : HttpResponse.json({ ok: n }),
    );
    const roomy = createUpstreamClient('lcs', testSettings({ timeoutMs: 3_000, maxRetries: 0 }));
    await failureOf(roomy.get({ path: '/persons/1' }));
    await expect(roomy.get({ path: '/persons/2' })).resolves.toEqual({ ok: 2 });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(900);
    roomy.close();
  });
});
