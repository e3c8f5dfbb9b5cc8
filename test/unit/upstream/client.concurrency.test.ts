import { delay, http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { BASE_URL, failureOf, testSettings } from './support.ts';

const server = setupUpstreamServer();
let inFlight = 0;
let maxInFlight = 0;
let requests = 0;
let holdMs = 40;

beforeAll(() => server.listen());
afterEach(() => {
  inFlight = 0;
  maxInFlight = 0;
  requests = 0;
  holdMs = 40;
});
afterAll(() => server.close());

server.use(
  http.get(`${BASE_URL}/persons/:id`, async ({ params }) => {
    requests++;
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await delay(holdMs);
    inFlight--;
    return HttpResponse.json({ id: params.id });
  }),
);

describe('upstream concurrency cap', () => {
  it('never has more than maxConcurrency requests in flight, and queued calls still complete', async () => {
    const client = createUpstreamClient('lift', testSettings({ maxConcurrency: 3 }));
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.get<{ id: string }>({ path: `/persons/${i}` })),
    );
    expect(answers.map((a) => a.id)).toEqual(Array.from({ length: 12 }, (_, i) => String(i)));
    expect(maxInFlight).toBe(3);
    expect(requests).toBe(12);
    client.close();
  });

  it('lets a queued call leave when its deadline passes, without ever sending it', async () => {
    holdMs = 300;
    const client = createUpstreamClient('lift', testSettings({ maxConcurrency: 1 }));
    const first = client.get({ path: '/persons/1' });
    const started = performance.now();
    const queued = await failureOf(client.get({ path: '/persons/2', signal: AbortSignal.timeout(30) }));
    expect(queued.code).toBe('UPSTREAM_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(250);
    await first;
    expect(requests).toBe(1);
    // The abandoned place in the queue does not leak a slot: the next call is served.
    await expect(client.get({ path: '/persons/3' })).resolves.toEqual({ id: '3' });
    client.close();
  });
});
