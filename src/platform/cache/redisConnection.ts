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

/** Round trips remembered, and how many must be seen before the budget may rise above its floor. */
const BUDGET_WINDOW = 256;
const BUDGET_MIN_SAMPLES = 32;
/** The budget follows this multiple of the recent p99 round trip... */
const BUDGET_P99_FACTOR = 3;
/** ...but never above this: a hung Redis costs a lookup at most this long. */
const BUDGET_CAP_MS = 250;

/**
 * The command budget, adapted to what this process measures: `floorMs` (REDIS_COMMAND_TIMEOUT_MS)
 * while Redis answers quickly, up to 3 x the p99 of the last 256 answered commands (at most 250 ms)
 * when the machine is busy and every round trip is slower. Without this, a CPU-starved machine
 * (Redis and the hub both waiting for a core) turned most cache hits into misses and upstream calls
 * (`npm run bench:redis-budget`).
 */
export class CommandBudget {
  private readonly samples = new Float64Array(BUDGET_WINDOW);
  private count = 0;
  private next = 0;
  private current: number;
  private sinceUpdate = 0;

  constructor(private readonly floorMs: number) {
    this.current = floorMs;
  }

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % BUDGET_WINDOW;
    if (this.count < BUDGET_WINDOW) this.count++;
    if (++this.sinceUpdate >= BUDGET_MIN_SAMPLES) {
      this.sinceUpdate = 0;
      const sorted = Array.from(this.samples.subarray(0, this.count)).sort((a, b) => a - b);
      const p99 = sorted[Math.floor((sorted.length - 1) * 0.99)]!;
      this.current = Math.min(
        Math.max(this.floorMs, BUDGET_CAP_MS),
        Math.max(this.floorMs, p99 * BUDGET_P99_FACTOR),
      );
    }
  }

  ms(): number {
    return this.current;
  }
}

/** Bounds each store operation by the adaptive budget, and feeds it the round trips it sees. */
export function budgetedCommands(options: RedisConnectionOptions): {
  budget: CommandBudget;
  run<T>(operation: Promise<T>): Promise<T>;
} {
  const budget = new CommandBudget(commandBudgetOf(options));
  return {
    budget,
    run: <T>(operation: Promise<T>): Promise<T> => {
      const sent = performance.now();
      return withinBudget(operation, budget.ms()).then((value) => {
        budget.record(performance.now() - sent);
        return value;
      });
    },
  };
}

/** The budget's floor (validated). */
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
