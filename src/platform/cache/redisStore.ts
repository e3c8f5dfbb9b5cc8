/**
 * A standalone Redis as the shared store. Each call is one command, written to the socket at once:
 * - getMany: lookups made in the same turn of the event loop share one MGET (a cold view's loaders
 *   each look up in the same turn, and a command each cost a socket write each);
 * - setMany: one SET PX for one entry; for several, one script call (EVALSHA, loaded with EVAL on a
 *   connection's first use) that sets each with its own expiry. The entity cache hands over a
 *   turn's write-backs in one call, and a command per entry was most of what a cold view paid Redis;
 * - delete: UNLINK (non-blocking delete).
 * Every call rejects within the command budget (withinBudget) when Redis is down or slow; the
 * entity cache treats that as all-miss.
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

/** The script that writes several entries, each with its own expiry (KEYS[i] <- ARGV[2i-1], PX ARGV[2i]). */
const SET_EACH = 'svocSetEach';
const SET_EACH_LUA = `for i = 1, #KEYS do
  redis.call('SET', KEYS[i], ARGV[2 * i - 1], 'PX', ARGV[2 * i])
end
return #KEYS`;

interface ScriptCommands {
  /** numberOfKeys, the keys, then each key's value and expiry in ms. */
  [SET_EACH](...args: (string | Buffer | number)[]): Promise<unknown>;
}

/** Redis expiries are whole milliseconds, at least 1. */
function expiryMs(ttlSeconds: number): number {
  return Math.max(1, Math.ceil(ttlSeconds * 1000));
}

/** One lookup's share of a coalesced MGET: its keys are `count` keys from `from`. */
interface Waiter {
  from: number;
  count: number;
  resolve(values: (Buffer | null)[]): void;
  reject(error: unknown): void;
}

export function createRedisStore(options: RedisStoreOptions): CacheStore {
  const maxDelay = maxReconnectDelayOf(options);
  const client = new Redis(options.url, {
    ...commonRedisOptions(options),
    enableOfflineQueue: false,
    // No auto-pipelining: the batching is done above (one MGET per turn's lookups, one write per
    // turn's write-backs), and auto-pipelining would defer each command to setImmediate, where on a
    // busy loop a read's budget could run out before it was even sent.
    enableAutoPipelining: false,
    retryStrategy: (attempt) => reconnectDelay(attempt, maxDelay),
    scripts: { [SET_EACH]: { lua: SET_EACH_LUA } },
  }) as Redis & ScriptCommands;
  client.on('error', (error: Error) => options.onConnectionError?.(error));
  const bounded = budgetedCommands(options);

  // Lookups waiting for the MGET that is sent once the current tick's other lookups have joined it.
  let queuedKeys: string[] | undefined;
  let waiting: Waiter[] = [];
  const sendQueued = (): void => {
    const keys = queuedKeys as string[];
    const waiters = waiting;
    queuedKeys = undefined;
    waiting = [];
    // The budget starts when the command is sent, not when the lookups were queued.
    bounded.run(client.mgetBuffer(keys)).then(
      (values) => {
        if (waiters.length === 1) (waiters[0] as Waiter).resolve(values);
        else
          for (const waiter of waiters) waiter.resolve(values.slice(waiter.from, waiter.from + waiter.count));
      },
      (error: unknown) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
  };

  return {
    kind: 'redis',

    getMany(keys) {
      if (keys.length === 0) return Promise.resolve([]);
      if (queuedKeys === undefined) {
        queuedKeys = [];
        // setImmediate, not nextTick: every request whose I/O this turn of the loop handles joins
        // the one MGET (nextTick sent one per request), and it still goes out before the loop
        // polls again, in the same turn.
        setImmediate(sendQueued);
      }
      const from = queuedKeys.length;
      for (const key of keys) queuedKeys.push(key);
      return new Promise<(Buffer | null)[]>((resolve, reject) => {
        waiting.push({ from, count: keys.length, resolve, reject });
      });
    },

    async setMany(entries) {
      if (entries.length === 0) return;
      if (entries.length === 1) {
        const { key, value, ttlSeconds } = entries[0] as (typeof entries)[number];
        await bounded.run(client.set(key, value, 'PX', expiryMs(ttlSeconds)));
        return;
      }
      const args: (string | Buffer | number)[] = new Array(1 + entries.length * 3);
      args[0] = entries.length;
      for (let i = 0; i < entries.length; i++) {
        const { key, value, ttlSeconds } = entries[i] as (typeof entries)[number];
        args[1 + i] = key;
        args[1 + entries.length + i * 2] = value;
        args[2 + entries.length + i * 2] = expiryMs(ttlSeconds);
      }
      await bounded.run(client[SET_EACH](...args));
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
