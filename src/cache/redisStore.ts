/**
 * A standalone Redis as the shared store. One MGET per lookup, one pipeline of SET PX per
 * write-back, UNLINK (non-blocking delete) for invalidation. Every call rejects within the command
 * budget (withinBudget) when Redis is down or slow; the entity cache treats that as all-miss.
 */
import { Redis } from 'ioredis';
import type { CacheStore } from './types.ts';
import type { RedisConnectionOptions } from './redisConnection.ts';
import {
  budgetedCommands,
  commonRedisOptions,
  maxReconnectDelayOf,
  reconnectDelay,
} from './redisConnection.ts';

export interface RedisStoreOptions extends RedisConnectionOptions {
  /** redis:// or rediss:// URL. */
  url: string;
}

export function createRedisStore(options: RedisStoreOptions): CacheStore {
  const maxDelay = maxReconnectDelayOf(options);
  const client = new Redis(options.url, {
    ...commonRedisOptions(options),
    enableOfflineQueue: false,
    retryStrategy: (attempt) => reconnectDelay(attempt, maxDelay),
  });
  client.on('error', (error: Error) => options.onConnectionError?.(error));
  const bounded = budgetedCommands(options);

  return {
    kind: 'redis',

    async getMany(keys) {
      if (keys.length === 0) return [];
      return bounded.run(client.mgetBuffer(keys as string[]));
    },

    async setMany(entries) {
      if (entries.length === 0) return;
      const pipeline = client.pipeline();
      for (const { key, value, ttlSeconds } of entries) {
        pipeline.set(key, value, 'PX', Math.max(1, Math.ceil(ttlSeconds * 1000)));
      }
      throwFirstError(await bounded.run(pipeline.exec()));
    },

    async delete(keys) {
      if (keys.length === 0) return;
      await bounded.run(client.unlink(...keys));
    },

    healthy: () => client.status === 'ready',

    async close() {
      await closeClient(client);
    },
  };
}

/** A pipeline resolves even when its commands fail: surface the first failure. */
export function throwFirstError(results: [Error | null, unknown][] | null): void {
  if (!results) throw new Error('cache pipeline was discarded');
  for (const [error] of results) if (error) throw error;
}

/** QUIT when connected (flushes pending replies), otherwise just drop the socket. */
export async function closeClient(client: { status: string; quit(): Promise<unknown>; disconnect(): void }) {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // fall through: the connection is going away regardless
    }
  }
  client.disconnect();
}
