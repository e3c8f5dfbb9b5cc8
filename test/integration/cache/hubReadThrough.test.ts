/**
 * Issue 5, through a real hub over HTTP: the shared Redis cache answers a repeated child view
 * without calling any upstream system, and the figures (upstream calls, median latency with a
 * cold and a warm cache, simulators answering after 20 ms) are measured and printed.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearPrefix,
  median,
  startWorld,
  totalOf,
  uniquePrefix,
  withoutAsOf,
  type CachingWorld,
  type RunningHub,
} from './support/hubs.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = uniquePrefix('read');
let world: CachingWorld;
let hub: RunningHub;
let redis: Redis;
let token: string;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 1 });
  world = await startWorld();
  hub = await world.startHub({
    // Measures the shared cache itself: no in-process near-cache in front of it.
    CACHE_NEAR_ENTRIES: '0',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    CACHE_KEYS: 'it:caching-read-through-sealing-key-0123456789',
  });
  token = await world.token({ userId: 'fd-read', roles: ['FRONT_DOOR', 'FINANCE'] });
});

afterAll(async () => {
  await world?.close();
  if (redis) {
    await clearPrefix(redis, prefix);
    redis.disconnect();
  }
});

describe('a repeated child view through the hub', () => {
  it('makes zero upstream calls the second time, with the same answer', async () => {
    const child = world.childrenInAllSystems()[0]!;
    await world.resetCalls();
    const first = await hub.childView(token, `lcs:${child.lcs[0]}`);
    expect(first.body.errors).toBeUndefined();
    const cold = await world.calls();
    // The first view reads every system.
    expect(cold.lcs).toBeGreaterThan(0);
    expect(cold.eyes).toBeGreaterThan(0);
    expect(cold.lift).toBeGreaterThan(0);
    expect(cold.frontdoor).toBeGreaterThan(0);
    await hub.settled();

    await world.resetCalls();
    const second = await hub.childView(token, `lcs:${child.lcs[0]}`);
    expect(await world.calls()).toEqual({ lcs: 0, eyes: 0, lift: 0, frontdoor: 0 });
    expect(second.body.errors).toBeUndefined();
    expect(second.body.data).toEqual(first.body.data);
    // A cached answer is OK (fresh), and says when it was fetched.
    for (const source of second.body.data!.child!.sources) {
      if (source.status !== 'NOT_LINKED') {
        expect(source.status).toBe('OK');
        expect(Date.parse(source.asOf!)).toBeLessThanOrEqual(Date.now());
      }
    }
  });

  it('measures upstream calls and median latency, cold and warm, with 20 ms simulators', async () => {
    const children = world.childrenInAllSystems().slice(1, 4);
    const rounds = 7;
    await world.faultsAll({ latencyMs: 20 });
    try {
      const coldMs: number[] = [];
      const warmMs: number[] = [];
      const coldCalls: number[] = [];
      const warmCalls: number[] = [];
      for (const child of children) {
        const id = `lcs:${child.lcs[0]}`;
        let reference: unknown;
        for (let round = 0; round < rounds; round++) {
          // Cold: the prefix emptied before each view (the per-request L1 starts empty anyway).
          await clearPrefix(redis, prefix);
          await world.resetCalls();
          let started = performance.now();
          const cold = await hub.childView(token, id);
          coldMs.push(performance.now() - started);
          coldCalls.push(totalOf(await world.calls()));
          expect(cold.body.errors).toBeUndefined();
          reference ??= withoutAsOf(cold.body.data!.child);
          expect(withoutAsOf(cold.body.data!.child)).toEqual(reference);
          await hub.settled();

          await world.resetCalls();
          started = performance.now();
          const warm = await hub.childView(token, id);
          warmMs.push(performance.now() - started);
          warmCalls.push(totalOf(await world.calls()));
          expect(withoutAsOf(warm.body.data!.child)).toEqual(reference);
        }
      }
      const figures = {
        views: coldMs.length,
        coldUpstreamCallsPerView: median(coldCalls),
        warmUpstreamCallsPerView: median(warmCalls),
        coldMedianMs: Math.round(median(coldMs) * 10) / 10,
        warmMedianMs: Math.round(median(warmMs) * 10) / 10,
      };
      process.stdout.write(
        `[issue 5 figures] repeated child view, simulators +20 ms: ${JSON.stringify(figures)}\n`,
      );
      expect(warmCalls.every((n) => n === 0)).toBe(true);
      expect(figures.coldUpstreamCallsPerView).toBeGreaterThanOrEqual(4);
      // A cold view waits for at least one 20 ms upstream round; a warm one waits for none.
      expect(figures.coldMedianMs).toBeGreaterThan(20);
      expect(figures.warmMedianMs).toBeLessThan(figures.coldMedianMs);
    } finally {
      await world.faultsAll(null);
    }
  });
});
