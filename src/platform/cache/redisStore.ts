/**
 * A standalone Redis as the shared store. One MGET per lookup, a SET PX per written entry (auto-
 * pipelined with every other command of the same event-loop turn), UNLINK (non-blocking delete) for invalidation. Every call rejects within the command
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
    // Write-backs issued in one event-loop turn go out in one socket write: a write per command
    // batch was 5% of a cold view's CPU in syscalls. Reads are written at once: auto-pipelining
    // defers to setImmediate, and on a busy loop the read's budget would run out before it was
    // even sent (a reply that arrives while the loop is blocked must still count).
    enableAutoPipelining: true,
    autoPipeliningIgnoredCommands: ['mget'],
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
      // Separate SETs, not an explicit pipeline: auto-pipelining sends them with whatever else this
      // turn issues (an explicit pipeline is always written on its own).
      await bounded.run(
        Promise.all(
          entries.map(({ key, value, ttlSeconds }) =>
            client.set(key, value, 'PX', Math.max(1, Math.ceil(ttlSeconds * 1000))),
          ),
        ),
      );
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
