/**
 * A three-node Redis Cluster started by this test: the cluster store must serve the same answers
 * as a standalone Redis, spread one resource over several nodes, and carry invalidations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisClusterStore } from '../../../src/platform/cache/redisClusterStore.ts';
import { createEntityCache } from '../../../src/platform/cache/entityCache.ts';
import type { SharedEntityCache } from '../../../src/platform/cache/entityCache.ts';
import { createInvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import type { InvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import { hashTagOf } from '../../../src/platform/cache/redisClusterStore.ts';
import type { CacheStore, EntityRef } from '../../../src/platform/cache/types.ts';
import {
  ALL_IDS,
  countingUpstream,
  keyer,
  PEOPLE,
  plaintextFragments,
  sealer,
  settings,
} from './support/fixtures.ts';
import type { RedisProcess } from './support/redisProcesses.ts';
import {
  killRedis,
  makeTempDir,
  redisCli,
  removeTempDir,
  startCluster,
  waitFor,
} from './support/redisProcesses.ts';

interface Instance {
  store: CacheStore;
  bus: InvalidationBus;
  cache: SharedEntityCache;
}

describe('entity cache over a three-node Redis Cluster', () => {
  let dir: string;
  let nodes: RedisProcess[] = [];
  const instances: Instance[] = [];

  const hubInstance = (): Instance => {
    const seeds = nodes.map(({ port }) => ({ host: '127.0.0.1', port }));
    const store = createRedisClusterStore({ nodes: seeds, commandTimeoutMs: 500, keyPrefix: 'svoc-it:' });
    const s = settings();
    const bus = createInvalidationBus({
      channel: 'svoc-it:invalidate',
      store,
      keyer: keyer(),
      sealer: sealer(),
      contractVersion: s.contractVersion,
      cluster: { nodes: seeds },
      redeleteAfterMs: 0,
    });
    return {
      store,
      bus,
      cache: createEntityCache({ store, sealer: sealer(), keyer: keyer(), settings: s, bus }),
    };
  };

  beforeAll(async () => {
    dir = makeTempDir('cluster');
    nodes = await startCluster(dir);
    instances.push(hubInstance(), hubInstance());
    await waitFor(() => instances.every(({ store }) => store.healthy()), 20_000);
    await Promise.all(instances.map(({ bus }) => bus.ready()));
  });

  afterAll(async () => {
    for (const { cache, bus, store } of instances) {
      await cache.close();
      await bus.close();
      await store.close();
    }
    await Promise.all(nodes.map(killRedis));
    if (dir) removeTempDir(dir);
  });

  it('serves the same answers, and a second lookup makes zero fetches', async () => {
    const [{ cache }] = instances as [Instance];
    const upstream = countingUpstream();
    const ids = [...ALL_IDS, 'no-such-person'];
    const first = await cache.readMany('lcs', 'person', ids, upstream.fetch);
    await cache.flush();
    const second = await cache.readMany('lcs', 'person', ids, upstream.fetch);
    expect(upstream.calls).toHaveLength(1);
    expect(second.map((r) => (r && 'value' in r ? r.value : r))).toEqual([...PEOPLE, null]);
    expect(second).toEqual(first);
  });

  it('a large batch of one resource spreads over several nodes and is read back whole', async () => {
    const [{ cache, store }] = instances as [Instance];
    const ids = Array.from({ length: 200 }, (_, i) => `bulk-${i}`);
    const fetchAll = async (wanted: readonly string[]) => new Map(wanted.map((id) => [id, { id }]));
    await cache.readMany('eyes', 'attendance', ids, fetchAll);
    await cache.flush();

    const results = await cache.readMany('eyes', 'attendance', ids, () =>
      Promise.reject(new Error('not called')),
    );
    expect(results.every((r, i) => r && 'value' in r && (r.value as { id: string }).id === ids[i])).toBe(
      true,
    );

    const k = keyer();
    const tags = new Set(
      ids.map((id) => hashTagOf(k.entityKey({ system: 'eyes', resource: 'attendance', id }, 'v1'))),
    );
    const perNode = await Promise.all(nodes.map(({ port }) => redisCli(port, 'dbsize')));
    expect(tags.size).toBeGreaterThan(1);
    expect(perNode.filter((count) => Number(count.trim()) > 0).length).toBeGreaterThan(1);
    await store.delete(ids.map((id) => k.entityKey({ system: 'eyes', resource: 'attendance', id }, 'v1')));
    expect(
      (await store.getMany([k.entityKey({ system: 'eyes', resource: 'attendance', id: ids[0]! }, 'v1')]))[0],
    ).toBeNull();
  });

  it('an invalidation published by one instance reaches the other within a second', async () => {
    const [a, b] = instances as [Instance, Instance];
    const upstream = countingUpstream();
    await a.cache.readMany('lift', 'client', ALL_IDS, upstream.fetch);
    await a.cache.flush();
    await b.cache.readMany('lift', 'client', ALL_IDS, upstream.fetch);
    expect(upstream.calls).toHaveLength(1);

    const heardByB: EntityRef[] = [];
    b.bus.onInvalidate((refs) => heardByB.push(...refs));
    const changed: EntityRef = { system: 'lift', resource: 'client', id: PEOPLE[2]!.personId };
    await a.cache.invalidate([changed]);
    await waitFor(() => heardByB.length > 0, 1000);
    expect(heardByB).toEqual([changed]);
    await b.cache.readMany('lift', 'client', ALL_IDS, upstream.fetch);
    expect(upstream.calls[1]).toEqual([changed.id]);
  });

  it('a new instance can publish as soon as its bus is ready: the publishing connection is up too', async () => {
    const [listener] = instances as [Instance];
    for (let round = 0; round < 5; round++) {
      const fresh = hubInstance();
      const heard: EntityRef[] = [];
      const stop = listener.bus.onInvalidate((refs) => heard.push(...refs));
      try {
        // The store (which publish deletes from) has its own connection: ready when healthy.
        await waitFor(() => fresh.store.healthy(), 20_000);
        await fresh.bus.ready();
        await fresh.bus.publish([{ system: 'lcs', resource: 'person', id: PEOPLE[1]!.personId }]);
        await waitFor(() => heard.length > 0, 1000);
      } finally {
        stop();
        await fresh.cache.close();
        await fresh.bus.close();
        await fresh.store.close();
      }
    }
  });

  it('no node holds a readable name, date or id', async () => {
    const fragments = plaintextFragments();
    let inspected = 0;
    for (const { port } of nodes) {
      const keys = (await redisCli(port, '--scan', '--pattern', 'svoc-it:*')).split('\n').filter(Boolean);
      inspected += keys.length;
      for (const key of keys) {
        const value = await redisCli(port, 'get', key);
        for (const fragment of fragments) {
          expect(key).not.toContain(fragment);
          expect(value).not.toContain(fragment);
        }
      }
    }
    expect(inspected).toBeGreaterThanOrEqual(ALL_IDS.length);
  });
});
