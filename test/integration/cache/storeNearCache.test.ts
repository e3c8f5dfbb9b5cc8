/**
 * The near-cache over the shared Redis at 127.0.0.1:6379, two simulated hub instances with real
 * pub/sub: a warm lookup does not touch Redis, and an invalidation published by one instance drops
 * the other's near-cache entry within a second. Keys live under a prefix unique to this run and are
 * deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../../src/platform/cache/redisStore.ts';
import { createEntityCache } from '../../../src/platform/cache/entityCache.ts';
import type { SharedEntityCache } from '../../../src/platform/cache/entityCache.ts';
import { createInvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import type { InvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import { resolveCacheSettings } from '../../../src/platform/cache/settings.ts';
import type { CacheStore } from '../../../src/platform/cache/types.ts';
import { ALL_IDS, countingUpstream, keyer, PEOPLE, sealer } from './support/fixtures.ts';
import { waitFor } from './support/redisProcesses.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `svoc-it-near-${randomUUID()}:`;
const channel = `${prefix}invalidate`;

interface Instance {
  store: CacheStore;
  bus: InvalidationBus;
  cache: SharedEntityCache;
  /** Store reads this instance has made. */
  reads: () => number;
}

function hubInstance(): Instance {
  const redisStore = createRedisStore({ url: REDIS_URL, keyPrefix: prefix, commandTimeoutMs: 500 });
  let reads = 0;
  const store: CacheStore = {
    kind: redisStore.kind,
    getMany(keys) {
      reads++;
      return redisStore.getMany(keys);
    },
    setMany: (entries) => redisStore.setMany(entries),
    delete: (keys) => redisStore.delete(keys),
    healthy: () => redisStore.healthy(),
    close: () => redisStore.close(),
  };
  const settings = resolveCacheSettings({
    defaultTtlSeconds: 60,
    staleGraceSeconds: 60,
    nearCacheEntries: 100,
    nearCacheMaxAgeMs: 30_000,
  });
  const bus = createInvalidationBus({
    channel,
    store,
    keyer: keyer(),
    sealer: sealer(),
    contractVersion: settings.contractVersion,
    redisUrl: REDIS_URL,
    redeleteAfterMs: 0,
  });
  const cache = createEntityCache({ store, sealer: sealer(), keyer: keyer(), settings, bus });
  return { store, bus, cache, reads: () => reads };
}

const answers = (results: readonly unknown[]) =>
  results.map((r) => (r && typeof r === 'object' && 'value' in r ? r.value : r));

describe('near-cache across two instances on the shared Redis', () => {
  const admin = new Redis(REDIS_URL, { lazyConnect: true });
  const instances: Instance[] = [];

  beforeAll(async () => {
    await admin.connect();
    instances.push(hubInstance(), hubInstance());
    await Promise.all(instances.map(({ bus }) => bus.ready()));
    await waitFor(() => instances.every(({ store }) => store.healthy()), 10_000);
  });

  afterAll(async () => {
    for (const { cache, bus, store } of instances) {
      await cache.close();
      await bus.close();
      await store.close();
    }
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.unlink(...keys);
    await admin.quit();
  });

  it('a warm lookup is answered without Redis, and another instance’s invalidation drops it within a second', async () => {
    const [a, b] = instances as [Instance, Instance];
    const upstream = countingUpstream();
    await a.cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    await a.cache.flush();
    await b.cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    expect(upstream.calls).toHaveLength(1);

    const readsBefore = b.reads();
    expect(answers(await b.cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch))).toEqual(PEOPLE);
    expect(b.reads()).toBe(readsBefore);
    expect(b.cache.nearCacheSize()).toBe(ALL_IDS.length);

    const changed = PEOPLE[0]!.personId;
    const started = Date.now();
    await a.cache.invalidate([{ system: 'lcs', resource: 'person', id: changed }]);
    await waitFor(() => b.cache.nearCacheSize() === ALL_IDS.length - 1, 1000);
    expect(Date.now() - started).toBeLessThan(1000);

    await b.cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    expect(upstream.calls).toEqual([ALL_IDS, [changed]]);
  });
});
