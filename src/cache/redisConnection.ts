/**
 * Connection settings shared by the Redis stores and the invalidation bus. The cache is an
 * optimisation, so Redis trouble must cost a request milliseconds, never seconds:
 * - no offline queue: while disconnected, commands reject at once instead of piling up;
 * - a short command budget: a hung Redis looks like a dead one. The budget is judged after the
 *   I/O that is already waiting has been read (`withinBudget`), so a busy event loop (CPU
 *   contention) does not turn a reply that arrived in time into a timeout and an upstream call;
 * - no per-command retries: the caller treats a failure as a miss and goes upstream;
 * - reconnection starts fast and backs off to a cap, so a restarted Redis is back in use quickly.
 */
import type { RedisOptions } from 'ioredis';
import { CacheConfigError } from './secrets.ts';

export interface RedisConnectionOptions {
  /**
   * Per-command budget; a slower answer is a failure (a miss to the caller). Default 50 ms: a
   * cache read on this hub's Redis takes well under 5 ms, so 50 ms only ever fires for a Redis
   * that is down or hung, once loop lag is no longer counted against it (see withinBudget).
   */
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
/**
 * ioredis's own command timeout is only a backstop (it counts event-loop lag against Redis): every
 * store operation is bounded by withinBudget first.
 */
const BACKSTOP_TIMEOUT_MS = 1000;

/**
 * Settles like `operation`, or rejects once `budgetMs` has passed without an answer. When the
 * timer fires, the decision waits for the check phase (setImmediate): replies that reached the
 * socket while the event loop was busy elsewhere are read in the poll phase before it. A plain
 * timer runs first in the loop's turn, and on a CPU-starved process it would reject answers that
 * were already there (measured: 166-320 cache reads per hub in 30 s became upstream calls).
 */
export function withinBudget<T>(operation: Promise<T>, budgetMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (settled) return;
        settled = true;
        reject(new Error(`cache command took longer than ${budgetMs} ms`));
      });
    }, budgetMs);
    operation.then(
      (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error('cache command failed'));
      },
    );
  });
}

/** The budget each store operation gets (validated). */
export function commandBudgetOf(options: RedisConnectionOptions): number {
  const commandTimeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  if (!Number.isFinite(commandTimeoutMs) || commandTimeoutMs <= 0) {
    throw new CacheConfigError('cache commandTimeoutMs must be a positive number');
  }
  return commandTimeoutMs;
}
const FIRST_RECONNECT_DELAY_MS = 20;

/** Backoff between reconnection attempts: 20, 40, 80 ... ms up to the cap. Never gives up. */
export function reconnectDelay(attempt: number, maxDelayMs: number): number {
  return Math.min(FIRST_RECONNECT_DELAY_MS * 2 ** Math.min(attempt - 1, 16), maxDelayMs);
}

/** Options common to a standalone client and to each node of a cluster client. */
export function commonRedisOptions(options: RedisConnectionOptions): RedisOptions {
  const keyPrefix = options.keyPrefix ?? '';
  if (/[{}]/.test(keyPrefix)) throw new CacheConfigError('cache keyPrefix must not contain "{" or "}"');
  const commandTimeoutMs = commandBudgetOf(options);
  return {
    keyPrefix,
    commandTimeout: Math.max(BACKSTOP_TIMEOUT_MS, commandTimeoutMs),
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
