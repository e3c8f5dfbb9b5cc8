/**
 * Connection settings shared by the Redis stores and the invalidation bus. The cache is an
 * optimisation, so Redis trouble must cost a request milliseconds, never seconds:
 * - no offline queue: while disconnected, commands reject at once instead of piling up;
 * - a short command timeout: a hung Redis looks like a dead one;
 * - no per-command retries: the caller treats a failure as a miss and goes upstream;
 * - reconnection starts fast and backs off to a cap, so a restarted Redis is back in use quickly.
 */
import type { RedisOptions } from 'ioredis';
import { CacheConfigError } from './secrets.ts';

export interface RedisConnectionOptions {
  /** Per-command budget; a slower answer is a failure (a miss to the caller). Default 50 ms. */
  commandTimeoutMs?: number;
  /** Budget for establishing a connection. Default 1000 ms. */
  connectTimeoutMs?: number;
  /** Longest wait between reconnection attempts. Default 1000 ms. */
  maxReconnectDelayMs?: number;
  /**
   * Prepended to every key (e.g. a deployment or test-run namespace). Must not contain braces,
   * which would change the Redis Cluster hash tag of every key.
   */
  keyPrefix?: string;
  /** Told about connection errors (for logging); messages carry host and port, never cache content. */
  onConnectionError?: (error: Error) => void;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 50;
const FIRST_RECONNECT_DELAY_MS = 20;

/** Backoff between reconnection attempts: 20, 40, 80 ... ms up to the cap. Never gives up. */
export function reconnectDelay(attempt: number, maxDelayMs: number): number {
  return Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** Math.min(attempt - 1, 16), maxDelayMs);
}

/** Options common to a standalone client and to each node of a cluster client. */
export function commonRedisOptions(options: RedisConnectionOptions): RedisOptions {
  const keyPrefix = options.keyPrefix ?? '';
  if (/[{}]/.test(keyPrefix)) throw new CacheConfigError('cache keyPrefix must not contain "{" or "}"');
  const commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  if (!Number.isFinite(commandTimeoutMs) || commandTimeoutMs <= 0) {
    throw new CacheConfigError('cache commandTimeoutMs must be a positive number');
  }
  return {
    keyPrefix,
    commandTimeout: commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs ?? 1000,
    maxRetriesPerRequest: 0,
    enableReadyCheck: true,
    // Connect at once (without waiting for it), so the first request finds a ready connection.
    lazyConnect: false,
  };
}

export function maxReconnectDelayOf(options: RedisConnectionOptions): number {
  return options.maxReconnectDelayMs ?? 1000;
}
