/**
 * Issue 5 on Redis Cluster: a three-node cluster started by this test, a hub configured with
 * REDIS_CLUSTER_NODES serves the same answers as a hub with no Redis at all, a warm view makes no
 * upstream call, the entries spread over the nodes, and a change notification drops them.
 */
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RedisProcess } from './support/redisProcesses.ts';
import { killRedis, makeTempDir, redisCli, removeTempDir, startCluster } from './support/redisProcesses.ts';
import {
  dumpPrefix,
  eventually,
  startWorld,
  totalOf,
  uniquePrefix,
  withoutAsOf,
  type CachingWorld,
  type RunningHub,
} from './support/hubs.ts';

const prefix = uniquePrefix('cluster');
let dir: string;
let nodes: RedisProcess[] = [];
let cluster: Cluster;
let world: CachingWorld;
let clustered: RunningHub;
let reference: RunningHub;
let viewer: string;

beforeAll(async () => {
  dir = makeTempDir('caching-cluster');
  nodes = await startCluster(dir);
  cluster = new Cluster(
    nodes.map(({ port }) => ({ host: '127.0.0.1', port })),
    { redisOptions: { maxRetriesPerRequest: 1 } },
  );
  world = await startWorld();
  clustered = await world.startHub({
    REDIS_CLUSTER_NODES: nodes.map(({ port }) => `127.0.0.1:${port}`).join(','),
    REDIS_KEY_PREFIX: prefix,
    REDIS_COMMAND_TIMEOUT_MS: '500',
    CACHE_KEYS: 'it:caching-cluster-sealing-key-0123456789abcdef',
  });
  // No REDIS_URL: the bounded in-memory cache, the answers to compare with.
  reference = await world.startHub({});
  viewer = await world.token({ userId: 'fd-cluster', roles: ['FRONT_DOOR', 'FINANCE'] });
  await eventually(async () => (await clustered.readyz()).body.cache.status === 'ok', 20_000);
});

afterAll(async () => {
  await world?.close();
  cluster?.disconnect();
  await Promise.all(nodes.map(killRedis));
  if (dir) removeTempDir(dir);
});

describe('the hub on a three-node Redis Cluster', () => {
  it('serves the same answers as a hub without Redis, and a warm view makes no upstream call', async () => {
    expect((await clustered.readyz()).body.cache).toEqual({ kind: 'redis-cluster', status: 'ok' });
    const children = [...world.childrenInAllSystems(), ...world.childrenInLcsAndEyesOnly().slice(0, 5)];
    for (const child of children) {
      const id = `lcs:${child.lcs[0]}`;
      const expected = withoutAsOf((await reference.childView(viewer, id)).body.data!.child);
      const cold = await clustered.childView(viewer, id);
      expect(cold.body.errors).toBeUndefined();
      expect(withoutAsOf(cold.body.data!.child)).toEqual(expected);
      await clustered.settled();

      await world.resetCalls();
      const warm = await clustered.childView(viewer, id);
      expect(totalOf(await world.calls())).toBe(0);
      expect(warm.body.data).toEqual(cold.body.data);
    }

    // The entries are spread over the nodes, not piled on one.
    const perNode = await Promise.all(nodes.map(({ port }) => redisCli(port, 'dbsize')));
    expect(perNode.filter((count) => Number(count.trim()) > 0).length).toBeGreaterThan(1);
    expect((await dumpPrefix(cluster, prefix)).length).toBeGreaterThanOrEqual(children.length * 4);
  });

  it('a change notification drops the entries on the cluster: the next view fetches again', async () => {
    const child = world.childrenInAllSystems()[0]!;
    const id = `lcs:${child.lcs[0]}`;
    await clustered.childView(viewer, id);
    await clustered.settled();
    expect(
      await clustered.postEvents([
        { system: 'lcs', resource: 'people', id: child.lcs[0]! },
        { system: 'eyes', resource: 'pupils', id: child.eyes[0]! },
      ]),
    ).toBe(202);
    await world.resetCalls();
    const again = await clustered.childView(viewer, id);
    const calls = await world.calls();
    expect(calls.lcs).toBeGreaterThanOrEqual(2);
    expect(calls.eyes).toBeGreaterThanOrEqual(2);
    expect({ lift: calls.lift, frontdoor: calls.frontdoor }).toEqual({ lift: 0, frontdoor: 0 });
    expect(withoutAsOf(again.body.data!.child)).toEqual(
      withoutAsOf((await reference.childView(viewer, id)).body.data!.child),
    );
  });
});
