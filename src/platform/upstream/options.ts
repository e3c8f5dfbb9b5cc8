/**
 * Additions to the fixed contract in types.ts: what a connector may pass beyond UpstreamRequest,
 * and what the client factory accepts besides settings.
 */
import type { UpstreamMetrics } from './metrics.ts';
import type { RetryBudgetOptions } from './retryBudget.ts';
import type { UpstreamTracer } from './tracing.ts';
import type { UpstreamClient, UpstreamRequest } from './types.ts';

export interface UpstreamCall extends UpstreamRequest {
  /**
   * Route template for metrics labels and error messages, e.g. `/persons/:id`. When absent it is
   * derived from `path` by replacing id-like segments (see routeTemplate). Pass it whenever a path
   * carries free text (a name, a search term) that the heuristic could mistake for a word.
   */
  route?: string;
  /**
   * When the caller's deadline passes, in the client's clock (`deps.now`, Date.now by default).
   * An AbortSignal cannot say when it will fire; with this the client refuses a backoff or
   * Retry-After wait that would outlast the deadline and fails at once instead of sleeping.
   */
  deadlineAt?: number;
}

/** An UpstreamClient whose `get` also accepts the UpstreamCall extras. */
export interface ResilientUpstreamClient extends UpstreamClient {
  get<T>(request: UpstreamCall): Promise<T>;
}

export interface UpstreamLogger {
  warn(obj: object, msg: string): void;
}

export interface UpstreamClientDeps {
  metrics?: UpstreamMetrics;
  logger?: UpstreamLogger;
  /** Traces each call (one span per call, attempts included); none by default. */
  tracer?: UpstreamTracer;
  /** Wall clock in epoch ms: breaker cooldown, retry budget window, Retry-After dates, deadlines. */
  now?: () => number;
  /** In [0, 1): backoff jitter. */
  random?: () => number;
  /** Overrides for the retry budget's window and floor; the ratio always comes from settings. */
  retryBudget?: Partial<Omit<RetryBudgetOptions, 'ratio'>>;
}
