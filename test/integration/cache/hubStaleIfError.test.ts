/**
 * Issue 5, stale-if-error through the graph: with a one-second TTL, a child view is filled, a
 * system is made to fail (503 on every call, or down altogether), and past the TTL the answer
 * still holds that system's data, with `Child.sources` saying STALE and when it was fetched.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearPrefix,
  eventually,
  sourcesOf,
  startWorld,
  uniquePrefix,
  withoutAsOf,
  type CachingWorld,
  type ChildAnswer,
  type RunningHub,
  type System,
} from './support/hubs.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = uniquePrefix('stale');
let world: CachingWorld;
let hub: RunningHub;
let redis: Redis;
let viewer: string;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  world = await startWorld();
  hub = await world.startHub({
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    CACHE_KEYS: 'it:caching-stale-if-error-sealing-key-0123456789',
    CACHE_TTL_SECONDS: '1',
    CACHE_STALE_GRACE_SECONDS: '600',
    // A failing system should fail fast here; retries and the breaker have their own tests.
    UPSTREAM_MAX_RETRIES: '0',
    BREAKER_FAILURE_THRESHOLD: '1000',
  });
  viewer = await world.token({ userId: 'fd-stale', roles: ['FRONT_DOOR', 'FINANCE'] });
});

afterAll(async () => {
  await world?.faultsAll(null);
  await world?.close();
  if (redis) {
    await clearPrefix(redis, prefix);
    redis.disconnect();
  }
});

const pastTtl = () => new Promise((resolve) => setTimeout(resolve, 1300));
const SYSTEM_LABEL: Record<System, string> = {
  lcs: 'LCS',
  eyes: 'EYES',
  lift: 'LIFT',
  frontdoor: 'FRONTDOOR',
};

describe('stale-if-error through the graph', () => {
  for (const [system, fault] of [
    ['eyes', { errorRate: 1, status: 503 }],
    ['lift', { down: true }],
    ['frontdoor', { errorRate: 1, status: 503 }],
  ] as const) {
    it(`serves ${system.toUpperCase()}'s cached data as STALE, with its as-of time, when it fails (${JSON.stringify(fault)})`, async () => {
      const child = world.childrenInAllSystems()[['eyes', 'lift', 'frontdoor'].indexOf(system)]!;
      const id = `lcs:${child.lcs[0]}`;
      const filledAt = Date.now();
      const filled = await hub.childView(viewer, id);
      expect(filled.body.errors).toBeUndefined();
      const fresh = filled.body.data!.child!;
      expect(sourcesOf(fresh)[SYSTEM_LABEL[system]]!.status).toBe('OK');
      await hub.settled();

      await world.faults(system, fault);
      try {
        await pastTtl();
        const answer = await hub.childView(viewer, id);
        const child2 = answer.body.data!.child as ChildAnswer;
        const sources = sourcesOf(child2);
        // The failed system's branch is still there, from the cache, marked STALE as of the fill.
        expect(sources[SYSTEM_LABEL[system]]!.status).toBe('STALE');
        const asOf = Date.parse(sources[SYSTEM_LABEL[system]]!.asOf!);
        expect(asOf).toBeGreaterThanOrEqual(filledAt - 1000);
        expect(asOf).toBeLessThan(Date.now() - 1000);
        // Every other system's entries expired too: each is answered stale while its refresh runs
        // (stale-while-revalidate) or fresh, never failed.
        for (const other of ['LCS', 'EYES', 'LIFT', 'FRONTDOOR'].filter((s) => s !== SYSTEM_LABEL[system])) {
          expect(['OK', 'STALE']).toContain(sources[other]!.status);
        }
        // The same answer as when the system was up; no error for a branch served stale.
        expect(answer.body.errors ?? []).toEqual([]);
        expect(withoutAsOf({ ...child2, sources: [] })).toEqual(withoutAsOf({ ...fresh, sources: [] }));
      } finally {
        await world.faults(system, null);
      }

      // Recovered: a view past the TTL is answered stale while its refresh runs (stale-while-
      // revalidate); once the refresh has landed the view is fresh again.
      await pastTtl();
      await eventually(async () => {
        const recovered = await hub.childView(viewer, id);
        return sourcesOf(recovered.body.data!.child!)[SYSTEM_LABEL[system]]!.status === 'OK';
      }, 10_000);
    });
  }

  it('without a cached entry a failing system is UNAVAILABLE and only its branch is null', async () => {
    const child = world.childrenInAllSystems()[3]!;
    await world.faults('eyes', { errorRate: 1, status: 503 });
    try {
      const answer = await hub.childView(viewer, `lcs:${child.lcs[0]}`);
      const sources = sourcesOf(answer.body.data!.child!);
      expect(sources['EYES']).toEqual({ status: 'UNAVAILABLE', asOf: null });
      expect(sources['LCS']!.status).toBe('OK');
      expect(answer.body.data!.child!['education']).toBeNull();
      expect(answer.body.errors?.map((e) => e.extensions)).toContainEqual(
        expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', system: 'EYES' }),
      );
    } finally {
      await world.faults('eyes', null);
    }
  });
});
