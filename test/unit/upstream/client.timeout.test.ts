import { delay, http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { BASE_URL, failureOf, testSettings } from './support.ts';

const server = setupUpstreamServer();
let requests = 0;

beforeAll(() => server.listen());
afterEach(() => {
  server.resetHandlers();
  requests = 0;
});
afterAll(() => server.close());

function slowUpstream(ms: number): void {
  server.use(
    http.get(`${BASE_URL}/persons/:id`, async () => {
      requests++;
      await delay(ms);
      return HttpResponse.json({ ok: true });
    }),
  );
}

describe('upstream client timeouts and aborts', () => {
  it('gives UPSTREAM_TIMEOUT when an attempt outlasts timeoutMs', async () => {
    slowUpstream(1500);
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 80, maxRetries: 0 }));
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(error.system).toBe('lcs');
    expect(performance.now() - started).toBeLessThan(1200);
    client.close();
  });

  it('does not retry a timed-out GET: the attempt spent the call’s time, so it costs one attempt', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE_URL}/persons/:id`, async () => {
        calls++;
        if (calls === 1) await delay(1500);
        return HttpResponse.json({ attempt: calls });
      }),
    );
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 80, maxRetries: 1 }));
    const error = await failureOf(client.get({ path: '/persons/1', deadlineAt: Date.now() + 5000 }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(calls).toBe(1);
    client.close();
  });

  it('abandons an in-flight call at once when the caller’s signal aborts', async () => {
    slowUpstream(1500);
    const client = createUpstreamClient('lcs', testSettings({ timeoutMs: 10_000, maxRetries: 3 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1', signal: controller.signal }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1200);
    expect(requests).toBe(1);
    client.close();
  });

  it('sends nothing when the caller’s signal has already aborted', async () => {
    slowUpstream(0);
    const client = createUpstreamClient('lcs', testSettings());
    const error = await failureOf(client.get({ path: '/persons/1', signal: AbortSignal.abort() }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(requests).toBe(0);
    client.close();
  });

  it('stops waiting out a backoff when the caller’s signal aborts', async () => {
    server.use(
      http.get(`${BASE_URL}/persons/:id`, () => {
        requests++;
        return new HttpResponse(null, { status: 503, headers: { 'retry-after': '30' } });
      }),
    );
    // A call timeout long enough that the 30 s Retry-After fits: the wait is cut by the abort alone.
    const client = createUpstreamClient(
      'lcs',
      testSettings({ timeoutMs: 60_000, backoffMaxMs: 10_000, maxRetries: 2 }),
    );
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1', signal: controller.signal }));
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1200);
    expect(requests).toBe(1);
    client.close();
  });

  it('does not count a caller’s abort against the upstream’s health', async () => {
    slowUpstream(1500);
    const client = createUpstreamClient('lcs', testSettings({ breakerFailureThreshold: 1, maxRetries: 0 }));
    await failureOf(client.get({ path: '/persons/1', signal: AbortSignal.timeout(30) }));
    expect(client.breakerState()).toBe('closed');
    expect(client.lastStatus().at).toBeNull();
    client.close();
  });
});
