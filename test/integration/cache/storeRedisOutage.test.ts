/**
 * A Redis of our own, killed mid-test: the cache must keep answering (as misses, quickly) and
 * pick up again when Redis comes back on the same port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../../src/platform/cache/redisStore.ts';
import { createEntityCache } from '../../../src/platform/cache/entityCache.ts';
import type { CacheStore } from '../../../src/platform/cache/types.ts';
import { ALL_IDS, countingUpstream, keyer, PEOPLE, sealer, settings } from './support/fixtures.ts';
import type { RedisProcess } from './support/redisProcesses.ts';
import {
  freePort,
  killRedis,
  makeTempDir,
  removeTempDir,
  startRedis,
  waitFor,
} from './support/redisProcesses.ts';

describe('Redis stopped mid-test', () => {
  let dir: string;
  let port: number;
  let redis: RedisProcess;
  let store: CacheStore;

  beforeAll(async () => {
    dir = makeTempDir('outage');
    port = await freePort();
    redis = await startRedis(port, dir);
    store = createRedisStore({
      url: `redis://127.0.0.1:${port}`,
      commandTimeoutMs: 50,
      maxReconnectDelayMs: 200,
    });
    await waitFor(() => store.healthy(), 10_000);
  });

  afterAll(async () => {
    await store?.close();
    if (redis) await killRedis(redis);
    if (dir) removeTempDir(dir);
  });

  it('answers as misses while Redis is down, and resumes caching once it is back', async () => {
    const cache = createEntityCache({ store, sealer: sealer(), keyer: keyer(), settings: settings() });
    const upstream = countingUpstream();
    const answers = (results: readonly unknown[]) =>
      results.map((r) => (r && typeof r === 'object' && 'value' in r ? r.value : r));

    await cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    await cache.flush();
    await cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    expect(upstream.calls).toHaveLength(1);

    await killRedis(redis);
    // Every lookup now goes upstream, answers correctly and does not hang on the dead store.
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      const results = await cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
      const elapsed = performance.now() - started;
      expect(answers(results)).toEqual(PEOPLE);
      // The budget is 50 ms per command; allow a loaded two-core machine plenty of slack.
      expect(elapsed).toBeLessThan(1000);
      await cache.flush();
    }
    expect(upstream.calls).toHaveLength(4);
    await waitFor(() => !store.healthy(), 2000);

    redis = await startRedis(port, dir);
    await waitFor(() => store.healthy(), 10_000);
    // The restarted Redis is empty: one fetch fills it, the next lookup is served from it.
    await cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    await cache.flush();
    const resumed = await cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    expect(answers(resumed)).toEqual(PEOPLE);
    expect(upstream.calls).toHaveLength(5);
  });

  it('a hung Redis costs a lookup its command timeout, then answers as a miss', async () => {
    const cache = createEntityCache({ store, sealer: sealer(), keyer: keyer(), settings: settings() });
    const upstream = countingUpstream();
    await waitFor(() => store.healthy(), 10_000);
    redis.child.kill('SIGSTOP');
    try {
      const started = performance.now();
      const results = await cache.readMany('eyes', 'pupil', ALL_IDS, upstream.fetch);
      const elapsed = performance.now() - started;
      expect(results.every((r) => r !== null && !(r instanceof Error))).toBe(true);
      expect(upstream.calls).toHaveLength(1);
      expect(elapsed).toBeLessThan(1000);
    } finally {
      redis.child.kill('SIGCONT');
    }
    await cache.flush();
  });
});
