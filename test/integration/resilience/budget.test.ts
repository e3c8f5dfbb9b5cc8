/**
 * Issue 6's retry budget, counted where it matters: at the simulator. A system answering every
 * call with a retryable 503, under a burst of queries, receives first attempts plus retries that
 * stay within the budget (ratio x first attempts + 3 a second over a 10 s window), far fewer than
 * the (1 + maxRetries) x first attempts it would take without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startResilienceHarness, statusOf, total, type ResilienceHarness } from './support.ts';

const MAX_RETRIES = 3;
const RATIO = 0.2;
/** The budget's floor (DEFAULT_RETRY_BUDGET): 3 retries a second over a 10 s window. */
const FLOOR_PER_WINDOW = 30;
const WINDOW_MS = 10_000;

let h: ResilienceHarness;
let started: number;

beforeAll(async () => {
  started = performance.now();
  h = await startResilienceHarness({
    UPSTREAM_MAX_RETRIES: String(MAX_RETRIES),
    UPSTREAM_RETRY_BUDGET_RATIO: String(RATIO),
    // The breaker would stop the burst early; here the budget alone must hold the line.
    BREAKER_FAILURE_THRESHOLD: '1000',
    REQUEST_DEADLINE_MS: '2000',
  });
});
afterAll(async () => {
  await h?.close();
});

describe('the retry budget under a burst of failures', () => {
  it('keeps the retries the simulator receives within the budget', async () => {
    const token = await h.viewerToken();
    await h.setFault('eyes', { errorRate: 1, status: 503 });
    // Distinct children: concurrent loads of one child share a single upstream call.
    const queries = 80;
    for (let i = 0; i < queries; i += 10) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => h.timedQuery(token, h.freshChild('eyes', 1))),
      );
      for (const { body } of answers) expect(statusOf(body.data!.child!, 'eyes')).toBe('UNAVAILABLE');
    }
    const elapsedMs = performance.now() - started;

    const samples = await h.metrics();
    const calls = total(samples, 'svoc_upstream_request_duration_seconds_count', { system: 'eyes' });
    const retries = total(samples, 'svoc_upstream_retries_total', { system: 'eyes' });
    const received = await h.simRequests('eyes');

    // Every request the simulator saw is a first attempt or a counted retry (start-up load included).
    expect(received).toBe(calls + retries);
    const windows = Math.ceil((elapsedMs + 1000) / WINDOW_MS);
    expect(retries).toBeLessThanOrEqual(RATIO * calls + FLOOR_PER_WINDOW * windows);
    // Without the budget every failing call would have been retried MAX_RETRIES times.
    expect(calls).toBeGreaterThan(100);
    expect(retries).toBeLessThan(calls);
    process.stdout.write(
      `Retry budget: ${calls} calls to EYES, ${retries} retries, ${received} requests at the simulator ` +
        `(unbudgeted would be ${calls * (1 + MAX_RETRIES)}; budget ${Math.floor(RATIO * calls + FLOOR_PER_WINDOW * windows)})\n`,
    );
  });
});
