import { http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { BASE_URL, failureOf, manualClock, recordingMetrics, testSettings } from './support.ts';

const server = setupUpstreamServer();
/** performance.now() of each request the upstream received. */
let arrivals: number[] = [];

beforeAll(() => server.listen());
afterEach(() => {
  server.resetHandlers();
  arrivals = [];
});
afterAll(() => server.close());

/** Answers with the given responses in turn, repeating the last one. */
function upstreamAnswering(...responses: Array<() => Response>): void {
  server.use(
    http.get(`${BASE_URL}/persons/:id`, () => {
      arrivals.push(performance.now());
      const respond = responses[Math.min(arrivals.length, responses.length) - 1]!;
      return respond();
    }),
  );
}

const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    new HttpResponse(null, { status: code, headers });
const json = (body: Record<string, string>) => () => HttpResponse.json(body);

describe('upstream client retries', () => {
  it('retries a 503 and returns the answer of the attempt that succeeded', async () => {
    upstreamAnswering(status(503), status(503), json({ id: 'p' }));
    const metrics = recordingMetrics();
    const client = createUpstreamClient('lcs', testSettings({ maxRetries: 2 }), { metrics });
    await expect(client.get({ path: '/persons/1' })).resolves.toEqual({ id: 'p' });
    expect(arrivals).toHaveLength(3);
    expect(metrics.retries).toEqual(['lcs', 'lcs']);
    expect(metrics.observations.map((o) => o.outcome)).toEqual(['ok']);
    client.close();
  });

  it.each([
    [502, 'UPSTREAM_UNAVAILABLE'],
    [504, 'UPSTREAM_UNAVAILABLE'],
    [429, 'RATE_LIMITED'],
  ] as const)('retries %i up to maxRetries, then fails with %s', async (code, expected) => {
    upstreamAnswering(status(code));
    const client = createUpstreamClient('lcs', testSettings({ maxRetries: 2 }));
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error.code).toBe(expected);
    expect(error.status).toBe(code);
    expect(arrivals).toHaveLength(3);
    client.close();
  });

  it.each([
    [404, 'NOT_FOUND'],
    [400, 'BAD_USER_INPUT'],
    [500, 'UPSTREAM_UNAVAILABLE'],
    [403, 'UPSTREAM_UNAVAILABLE'],
  ] as const)('does not retry %i and maps it to %s', async (code, expected) => {
    upstreamAnswering(status(code));
    const client = createUpstreamClient('lcs', testSettings({ maxRetries: 3 }));
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error.code).toBe(expected);
    expect(arrivals).toHaveLength(1);
    client.close();
  });

  it('retries a network error (connection dropped without an answer)', async () => {
    upstreamAnswering(() => HttpResponse.error(), json({ id: 'p' }));
    const client = createUpstreamClient('lcs', testSettings({ maxRetries: 1 }));
    await expect(client.get({ path: '/persons/1' })).resolves.toEqual({ id: 'p' });
    expect(arrivals).toHaveLength(2);
    client.close();
  });

  it('waits as long as Retry-After (in seconds) asks before the next attempt', async () => {
    upstreamAnswering(status(429, { 'retry-after': '1' }), json({ id: 'p' }));
    // random() = 0 makes the jittered backoff 0 ms, so any wait observed comes from Retry-After.
    const client = createUpstreamClient('lcs', testSettings({ backoffMaxMs: 500, maxRetries: 1 }), {
      random: () => 0,
    });
    await expect(client.get({ path: '/persons/1' })).resolves.toEqual({ id: 'p' });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
    client.close();
  });

  it('gives up at once, rather than come back early, when Retry-After exceeds four times backoffMaxMs', async () => {
    upstreamAnswering(status(503, { 'retry-after': '3600' }), json({ id: 'p' }));
    const client = createUpstreamClient('lcs', testSettings({ backoffMaxMs: 50, maxRetries: 1 }), {
      random: () => 0,
    });
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(arrivals).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1000);
    client.close();
  });

  it('waits a Retry-After within four times backoffMaxMs in full', async () => {
    upstreamAnswering(status(503, { 'retry-after': '1' }), json({ id: 'p' }));
    const client = createUpstreamClient('lcs', testSettings({ backoffMaxMs: 250, maxRetries: 1 }), {
      random: () => 0,
    });
    await expect(client.get({ path: '/persons/1' })).resolves.toEqual({ id: 'p' });
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(950);
    client.close();
  });

  it('sends no retry whose attempt could not finish before the deadline (a hanging upstream leaves time for the rest)', async () => {
    server.use(
      http.get(`${BASE_URL}/persons/:id`, async () => {
        arrivals.push(performance.now());
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return HttpResponse.json({ id: 'late' });
      }),
    );
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 200, maxRetries: 3 }), {
      random: () => 0,
    });
    const started = performance.now();
    // 200 ms attempt + a second 200 ms attempt would pass a 350 ms deadline: one attempt only.
    const error = await failureOf(client.get({ path: '/persons/1', deadlineAt: Date.now() + 350 }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(arrivals).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(390);
    client.close();
  });

  it('fails at once, without waiting, when Retry-After would outlast the caller’s deadline', async () => {
    upstreamAnswering(status(429, { 'retry-after': '1' }), json({ id: 'p' }));
    const client = createUpstreamClient('lcs', testSettings({ backoffMaxMs: 500, maxRetries: 3 }));
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1', deadlineAt: Date.now() + 300 }));
    expect(error.code).toBe('RATE_LIMITED');
    expect(performance.now() - started).toBeLessThan(900);
    expect(arrivals).toHaveLength(1);
    client.close();
  });

  it('caps retries at the budget’s share of first attempts under a burst of failures', async () => {
    upstreamAnswering(status(503));
    const client = createUpstreamClient(
      'lcs',
      testSettings({ maxRetries: 3, retryBudgetRatio: 0.2, maxConcurrency: 16 }),
      { retryBudget: { minRetriesPerSecond: 0, windowMs: 10_000 } },
    );
    const calls = 50;
    const errors = await Promise.all(
      Array.from({ length: calls }, (_, i) => failureOf(client.get({ path: `/persons/${i}` }))),
    );
    expect(errors.every((e) => e.code === 'UPSTREAM_UNAVAILABLE')).toBe(true);
    // Without the budget the upstream would see 50 × (1 + 3) = 200 requests.
    expect(arrivals.length).toBeGreaterThanOrEqual(calls);
    expect(arrivals.length).toBeLessThanOrEqual(calls + calls * 0.2);
    client.close();
  });

  it('still lets a quiet system retry through the budget’s per-second floor', async () => {
    upstreamAnswering(status(503));
    // A frozen clock keeps both calls inside the same one-second window.
    const clock = manualClock();
    const client = createUpstreamClient('lcs', testSettings({ maxRetries: 3, retryBudgetRatio: 0 }), {
      now: clock.now,
      retryBudget: { minRetriesPerSecond: 3, windowMs: 1000 },
    });
    await failureOf(client.get({ path: '/persons/1' }));
    expect(arrivals).toHaveLength(4);
    await failureOf(client.get({ path: '/persons/2' }));
    // The floor (3 in this one-second window) is spent: the second call gets no retries.
    expect(arrivals).toHaveLength(5);
    clock.advance(1000);
    await failureOf(client.get({ path: '/persons/3' }));
    // A new window, a new floor.
    expect(arrivals).toHaveLength(9);
    client.close();
  });
});
