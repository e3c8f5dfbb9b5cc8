/**
 * Issue 12, item 5: stale-while-revalidate through the graph, over the real simulators and Redis.
 * With a one-second TTL, a child view is filled; past the TTL a slow (or hanging) EYES must not
 * hold the answer: it comes at once, EYES labelled STALE with the fill's as-of time, while one
 * refresh per cached record runs in the background (counted at the simulator, however many
 * readers); when the refresh lands the next view is fresh, and when it fails stale is still served.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  clearPrefix,
  eventually,
  sourcesOf,
  startWorld,
  uniquePrefix,
  type CachingWorld,
  type RunningHub,
} from '../cache/support/hubs.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = uniquePrefix('swr');
const TIMEOUT_MS = 2000;
const SLOW_MS = 1500;
/** Well under the slow system's latency and its timeout, with room for a busy machine. */
const PROMPT_MS = 1000;
let world: CachingWorld;
let hub: RunningHub;
let redis: Redis;
let viewer: string;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  world = await startWorld('swr');
  hub = await world.startHub({
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    CACHE_KEYS: 'it:resilience-swr-sealing-key-0123456789abcdef',
    CACHE_TTL_SECONDS: '1',
    CACHE_STALE_GRACE_SECONDS: '600',
    UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
    REQUEST_DEADLINE_MS: '5000',
    BREAKER_FAILURE_THRESHOLD: '1000',
    BREAKER_SLOW_CALL_MS: String(TIMEOUT_MS),
  });
  viewer = await world.token({ userId: 'fd-swr', roles: ['FRONT_DOOR', 'FINANCE'] });
});
afterEach(async () => {
  await world.faultsAll(null);
});
afterAll(async () => {
  await world?.close();
  if (redis) {
    await clearPrefix(redis, prefix);
    redis.disconnect();
  }
});

const pastTtl = () => new Promise((resolve) => setTimeout(resolve, 1300));

async function timedView(id: string) {
  const started = performance.now();
  const answer = await hub.childView(viewer, id);
  return { ms: performance.now() - started, answer };
}

describe('stale-while-revalidate', () => {
  it('answers a stale entry at once (STALE, with its as-of) while one background refresh per record runs, however many readers; the next view is fresh', async () => {
    const child = world.childrenInAllSystems()[0]!;
    const id = `lcs:${child.lcs[0]}`;
    const filledAt = Date.now();
    const filled = await hub.childView(viewer, id);
    expect(sourcesOf(filled.body.data!.child!)['EYES']!.status).toBe('OK');
    await hub.settled();

    await world.faults('eyes', { latencyMs: SLOW_MS });
    await pastTtl();
    await world.resetCalls();
    const readers = await Promise.all([1, 2, 3, 4, 5].map(() => timedView(id)));
    for (const { ms, answer } of readers) {
      expect(answer.body.errors ?? []).toEqual([]);
      const eyes = sourcesOf(answer.body.data!.child!)['EYES']!;
      expect(eyes.status).toBe('STALE');
      expect(Date.parse(eyes.asOf!)).toBeGreaterThanOrEqual(filledAt - 1000);
      expect(Date.parse(eyes.asOf!)).toBeLessThan(Date.now() - 1000);
      expect(ms).toBeLessThan(PROMPT_MS);
    }
    // One refresh per cached EYES record (the pupil and the education record of each pupil id),
    // not one per reader.
    const perRecord = 2 * child.eyes.length;
    await eventually(async () => (await world.calls()).eyes >= perRecord, 10_000);
    expect((await world.calls()).eyes).toBe(perRecord);

    // Once EYES is quick again, a refresh lands within the TTL and a later view is fresh. (The
    // slow refresh above came back older than the one-second TTL: what it fetched is dated from
    // when it was sent, so it was stale on arrival.)
    await world.faults('eyes', null);
    await eventually(async () => {
      const again = await hub.childView(viewer, id);
      return sourcesOf(again.body.data!.child!)['EYES']!.status === 'OK';
    }, 10_000);
  });

  it('with a hanging system answers stale at once, and keeps serving stale after the refresh has failed', async () => {
    const child = world.childrenInAllSystems()[1]!;
    const id = `lcs:${child.lcs[0]}`;
    await hub.childView(viewer, id);
    await hub.settled();

    await world.faults('eyes', { hang: true });
    await pastTtl();
    const first = await timedView(id);
    expect(first.ms).toBeLessThan(PROMPT_MS);
    expect(sourcesOf(first.answer.body.data!.child!)['EYES']!.status).toBe('STALE');

    // The refresh started by the first view times out (2 s); stale is still the answer after it.
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 300));
    const after = await timedView(id);
    expect(after.ms).toBeLessThan(PROMPT_MS);
    expect(sourcesOf(after.answer.body.data!.child!)['EYES']!.status).toBe('STALE');
    expect(after.answer.body.errors ?? []).toEqual([]);
  });
});
