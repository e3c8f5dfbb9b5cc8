import { delay, http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamClient } from '../../../src/platform/upstream/client.ts';
import { BASE_URL, failureOf, manualClock, recordingMetrics, testSettings } from './support.ts';

const server = setupUpstreamServer();
let requests = 0;
/** What the upstream answers next; tests switch it between phases. */
let answer: () => Response | Promise<Response>;

beforeAll(() => server.listen());
afterEach(() => {
  requests = 0;
});
afterAll(() => server.close());

server.use(
  http.get(`${BASE_URL}/persons/:id`, () => {
    requests++;
    return answer();
  }),
);

const failing = () => new HttpResponse(null, { status: 500 });
const healthy = () => HttpResponse.json({ id: 'p' });

function breakerClient(threshold = 3, cooldownMs = 1000) {
  const clock = manualClock();
  const metrics = recordingMetrics();
  const client = createUpstreamClient(
    'eyes',
    testSettings({ breakerFailureThreshold: threshold, breakerCooldownMs: cooldownMs, maxRetries: 0 }),
    { now: clock.now, metrics },
  );
  return { client, clock, metrics };
}

describe('upstream circuit breaker', () => {
  it('opens after the threshold of consecutive failures, then fails fast without calling the upstream', async () => {
    const { client, metrics } = breakerClient(3);
    answer = failing;
    for (let i = 0; i < 3; i++) await failureOf(client.get({ path: '/persons/1' }));
    expect(client.breakerState()).toBe('open');
    expect(requests).toBe(3);

    answer = healthy;
    const started = performance.now();
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(performance.now() - started).toBeLessThan(20);
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.system).toBe('eyes');
    expect(requests).toBe(3);
    expect(metrics.observations.at(-1)?.outcome).toBe('circuit_open');
    client.close();
  });

  it('lets one half-open probe through after the cooldown and closes when it succeeds', async () => {
    const { client, clock, metrics } = breakerClient(2, 1000);
    answer = failing;
    for (let i = 0; i < 2; i++) await failureOf(client.get({ path: '/persons/1' }));
    answer = healthy;
    clock.advance(999);
    await failureOf(client.get({ path: '/persons/1' }));
    expect(requests).toBe(2);

    clock.advance(1);
    await expect(client.get({ path: '/persons/1' })).resolves.toEqual({ id: 'p' });
    expect(requests).toBe(3);
    expect(client.breakerState()).toBe('closed');
    expect(metrics.transitions).toEqual(['closed', 'open', 'half-open', 'closed']);
    client.close();
  });

  it('warns when the breaker opens and closes, naming only the system', async () => {
    const clock = manualClock();
    const warnings: Array<{ obj: object; msg: string }> = [];
    const logger = { warn: (obj: object, msg: string) => warnings.push({ obj, msg }) };
    const client = createUpstreamClient(
      'eyes',
      testSettings({ breakerFailureThreshold: 1, breakerCooldownMs: 10, maxRetries: 0 }),
      { now: clock.now, logger },
    );
    answer = failing;
    await failureOf(client.get({ path: '/persons/40012345' }));
    clock.advance(10);
    answer = healthy;
    await client.get({ path: '/persons/40012345' });
    expect(warnings).toEqual([
      { obj: { system: 'eyes', breaker: 'open' }, msg: 'upstream circuit breaker open' },
      { obj: { system: 'eyes', breaker: 'closed' }, msg: 'upstream circuit breaker closed' },
    ]);
    client.close();
  });

  it('re-opens for another cooldown when the probe fails', async () => {
    const { client, clock } = breakerClient(1, 1000);
    answer = failing;
    await failureOf(client.get({ path: '/persons/1' }));
    clock.advance(1000);
    await failureOf(client.get({ path: '/persons/1' }));
    expect(client.breakerState()).toBe('open');
    expect(requests).toBe(2);
    await failureOf(client.get({ path: '/persons/1' }));
    expect(requests).toBe(2);
    client.close();
  });

  it('refuses other calls while the half-open probe is still in flight', async () => {
    const { client, clock } = breakerClient(1, 1000);
    answer = failing;
    await failureOf(client.get({ path: '/persons/1' }));
    clock.advance(1000);
    answer = async () => {
      await delay(100);
      return healthy();
    };
    const probe = client.get({ path: '/persons/1' });
    const bystander = await failureOf(client.get({ path: '/persons/2' }));
    expect(bystander.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(client.breakerState()).toBe('half-open');
    await expect(probe).resolves.toEqual({ id: 'p' });
    expect(requests).toBe(2);
    expect(client.breakerState()).toBe('closed');
    client.close();
  });

  it('does not count 404 and 400 answers as failures', async () => {
    const { client } = breakerClient(2);
    answer = () => new HttpResponse(null, { status: 404 });
    for (let i = 0; i < 4; i++) await failureOf(client.get({ path: '/persons/1' }));
    answer = () => new HttpResponse(null, { status: 400 });
    for (let i = 0; i < 4; i++) await failureOf(client.get({ path: '/persons/1' }));
    expect(client.breakerState()).toBe('closed');
    expect(requests).toBe(8);
    client.close();
  });

  it('counts only consecutive failures: a success in between resets the count', async () => {
    const { client } = breakerClient(3);
    for (const next of [failing, failing, healthy, failing, failing]) {
      answer = next;
      await client.get({ path: '/persons/1' }).catch(() => undefined);
    }
    expect(client.breakerState()).toBe('closed');
    client.close();
  });

  it('counts each failed attempt, so a retried call can open the breaker on its own', async () => {
    const clock = manualClock();
    const client = createUpstreamClient('eyes', testSettings({ breakerFailureThreshold: 3, maxRetries: 5 }), {
      now: clock.now,
    });
    answer = () => new HttpResponse(null, { status: 503 });
    const error = await failureOf(client.get({ path: '/persons/1' }));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.status).toBe(503);
    expect(requests).toBe(3);
    expect(client.breakerState()).toBe('open');
    client.close();
  });
});
