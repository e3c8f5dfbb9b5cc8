/**
 * Issue 12, item 6: on a CPU-starved process the 50 ms Redis command budget must not turn cache
 * hits into upstream calls. The starvation is made deterministic: the event loop is blocked (as a
 * busy machine blocks it) while a reply sits in the socket. Real Redis, real hub, real simulators.
 */
import { randomBytes } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../../src/platform/cache/redisStore.ts';
import type { SharedEntityCache } from '../../../src/platform/cache/entityCache.ts';
import { SYSTEMS, REDIS_URL, deleteKeys, startResilienceHarness, type ResilienceHarness } from './support.ts';

/** Keeps the CPU (and so the event loop) for `ms`, as a contended machine does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin
  }
}

describe('the Redis command budget under a busy event loop', () => {
  const prefix = `svoc-resil-budget-${randomBytes(6).toString('hex')}:`;
  afterAll(async () => {
    await deleteKeys(prefix);
  });

  it('answers a read whose reply arrived while the loop was blocked past the budget', async () => {
    const store = createRedisStore({ url: REDIS_URL, commandTimeoutMs: 50, keyPrefix: prefix });
    try {
      while (!store.healthy()) await new Promise((resolve) => setTimeout(resolve, 10));
      await store.setMany([{ key: 'k', value: Buffer.from('cached'), ttlSeconds: 60 }]);
      const read = store.getMany(['k']);
      busy(150); // Redis answers in well under a millisecond; the reply waits in the socket
      expect((await read)[0]?.toString('utf8')).toBe('cached');
    } finally {
      await store.close();
    }
  });

  it('still gives up within the budget on a Redis that stops answering', async () => {
    // A TCP relay in front of the real Redis that stops passing replies back on demand.
    let frozen = false;
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const redis = connect(6379, '127.0.0.1');
      sockets.add(client).add(redis);
      client.on('data', (chunk) => redis.write(chunk));
      redis.on('data', (chunk) => {
        if (!frozen) client.write(chunk);
      });
      const end = () => {
        client.destroy();
        redis.destroy();
      };
      client.on('error', end).on('close', end);
      redis.on('error', end).on('close', end);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const port = (relay.address() as AddressInfo).port;
    const store = createRedisStore({
      url: `redis://127.0.0.1:${port}`,
      commandTimeoutMs: 50,
      keyPrefix: prefix,
    });
    try {
      while (!store.healthy()) await new Promise((resolve) => setTimeout(resolve, 10));
      frozen = true;
      const started = performance.now();
      await expect(store.getMany(['k'])).rejects.toThrow(/longer than 50 ms/);
      // The budget, not ioredis's one-second backstop, ended it.
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});

describe('warm child views on a starved hub', () => {
  let h: ResilienceHarness;
  let token: string;
  const ids: string[] = [];

  beforeAll(async () => {
    // No near-cache: every view reads Redis. A deadline the slowed-down loop cannot reach.
    h = await startResilienceHarness({
      CACHE_NEAR_ENTRIES: '0',
      REDIS_COMMAND_TIMEOUT_MS: '50',
      REQUEST_DEADLINE_MS: '60000',
      UPSTREAM_TIMEOUT_MS: '30000',
    });
    token = await h.viewerToken();
    for (let i = 0; i < 4; i++) ids.push(h.freshChild('lcs', 1));
    for (const id of ids) await h.timedQuery(token, id);
    await (h.hub.services.cache as SharedEntityCache).flush();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('answers every warm view from the cache, with no upstream call, while every turn of the event loop ends with 60 ms of other work', async () => {
    await h.resetSimStats();
    // After each turn's I/O the process is kept busy past the 50 ms budget, so a Redis reply
    // sent for in one turn waits in the socket while the next turn's timers run first.
    let starving = true;
    const spin = () => {
      if (!starving) return;
      busy(60);
      setImmediate(spin);
    };
    setImmediate(spin);
    try {
      for (const id of ids) {
        const { status, body } = await h.timedQuery(token, id);
        expect(status).toBe(200);
        expect(body.errors ?? []).toEqual([]);
      }
    } finally {
      starving = false;
    }
    const calls = await Promise.all(SYSTEMS.map((system) => h.simRequests(system)));
    expect(calls).toEqual(SYSTEMS.map(() => 0));
  });
});
