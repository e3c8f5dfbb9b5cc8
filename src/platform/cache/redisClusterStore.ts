/**
 * A Redis Cluster as the shared store.
 *
 * A multi-key command must stay within one hash slot, so a batch is split by hash tag: keys from
 * keys.ts carry `{system:resource:bucket}`, so one DataLoader batch of one resource touches at
 * most 16 tags. One MGET (or UNLINK) goes per tag, and ioredis auto-pipelining sends all the
 * commands bound for one node in a single write: a lookup costs one round trip per node, in
 * parallel, whatever the batch size. Writes are single SETs, pipelined per node the same way.
 * Why buckets rather than one tag per resource: see keys.ts (hot-spot avoidance).
 */
import { Cluster } from 'ioredis';
import type { CacheStore } from './types.ts';
import type { RedisConnectionOptions } from './redisConnection.ts';
import {
  budgetedCommands,
  commonRedisOptions,
  maxReconnectDelayOf,
  reconnectDelay,
} from './redisConnection.ts';
import { closeClient } from './redisStore.ts';

export interface ClusterNode {
  host: string;
  port: number;
}

export interface RedisClusterStoreOptions extends RedisConnectionOptions {
  /** Seed nodes; the rest of the topology is discovered. */
  nodes: readonly ClusterNode[];
}

export function createRedisClusterStore(options: RedisClusterStoreOptions): CacheStore {
  const cluster = createClusterClient(options);
  const bounded = budgetedCommands(options);

  return {
    kind: 'redis-cluster',

    async getMany(keys) {
      const out: (Buffer | null)[] = new Array(keys.length);
      if (keys.length === 0) return out;
      const groups = groupByHashTag(keys);
      await Promise.all(
        Array.from(groups.values(), async (indices) => {
          const values = await bounded.run(cluster.mgetBuffer(indices.map((i) => keys[i] as string)));
          for (let j = 0; j < indices.length; j++) out[indices[j] as number] = values[j] ?? null;
        }),
      );
      return out;
    },

    async setMany(entries) {
      await bounded.run(
        Promise.all(
          entries.map(({ key, value, ttlSeconds }) =>
            cluster.set(key, value, 'PX', Math.max(1, Math.ceil(ttlSeconds * 1000))),
          ),
        ),
      );
    },

    async delete(keys) {
      if (keys.length === 0) return;
      const groups = groupByHashTag(keys);
      await bounded.run(
        Promise.all(
          Array.from(groups.values(), (indices) => cluster.unlink(...indices.map((i) => keys[i] as string))),
        ),
      );
    },

    healthy: () => cluster.status === 'ready',

    async close() {
      await closeClient(cluster);
    },
  };
}

/** A cluster client with the cache's fail-fast settings (also used by the invalidation bus). */
export function createClusterClient(options: RedisClusterStoreOptions, enableOfflineQueue = false): Cluster {
  const maxDelay = maxReconnectDelayOf(options);
  const cluster = new Cluster(
    options.nodes.map(({ host, port }) => ({ host, port })),
    {
      redisOptions: commonRedisOptions(options),
      enableOfflineQueue,
      enableAutoPipelining: true,
      scaleReads: 'master',
      clusterRetryStrategy: (attempt) => reconnectDelay(attempt, maxDelay),
      retryDelayOnClusterDown: 50,
      retryDelayOnFailover: 50,
      maxRedirections: 4,
      slotsRefreshTimeout: 1000,
    },
  );
  cluster.on('error', (error: Error) => options.onConnectionError?.(error));
  return cluster;
}

/**
 * Groups key positions by the part of the key Redis hashes: the first non-empty `{...}` section,
 * else the whole key. Keys sharing a tag share a slot; distinct tags may share one too, which only
 * costs an extra command in the same node's pipeline.
 */
export function groupByHashTag(keys: readonly string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const tag = hashTagOf(keys[i] as string);
    const group = groups.get(tag);
    if (group) group.push(i);
    else groups.set(tag, [i]);
  }
  return groups;
}

export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open !== -1) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) return key.slice(open + 1, close);
  }
  return key;
}
