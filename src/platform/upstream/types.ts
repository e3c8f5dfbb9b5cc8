/**
 * The resilient HTTP layer every connector calls upstream through. One `UpstreamClient` per
 * system, built once at start-up (connection pool, breaker and concurrency cap live here).
 */
import type { SystemName } from '../systems.ts';

export interface UpstreamSettings {
  baseUrl: string;
  /**
   * The longest one call to this system may take: queueing, every attempt and every wait
   * included (the request's deadline may cut it shorter). A hanging system costs one attempt.
   */
  timeoutMs: number;
  /** Retries after the first attempt, GET only. */
  maxRetries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Retries may be at most this fraction of first attempts over the sliding window (e.g. 0.2). */
  retryBudgetRatio: number;
  /** Consecutive failures that open the breaker. */
  breakerFailureThreshold: number;
  /** How long the breaker stays open before a half-open probe. */
  breakerCooldownMs: number;
  /**
   * An attempt still unanswered after this long counts against the breaker at that moment (a
   * hang or slow spell opens it without waiting for timeouts). Default: off (the timeout decides).
   */
  breakerSlowCallMs?: number;
  /** In-flight requests to this system at most; further calls queue. */
  maxConcurrency: number;
}

export interface UpstreamRequest {
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Aborts the call when the GraphQL request's deadline passes. */
  signal?: AbortSignal;
  /** Correlates hub logs with upstream logs; sent as x-request-id. */
  requestId?: string;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface UpstreamClient {
  readonly system: SystemName;
  /** GET returning the parsed JSON body; throws UpstreamError on any failure. */
  get<T>(request: UpstreamRequest): Promise<T>;
  breakerState(): BreakerState;
  /** The last outcome seen, for /readyz. */
  lastStatus(): { ok: boolean; at: string | null; code: UpstreamErrorCode | null };
  close(): void;
}

/** Codes as the GraphQL layer reports them (extensions.code). */
export type UpstreamErrorCode =
  'NOT_FOUND' | 'BAD_USER_INPUT' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_TIMEOUT' | 'RATE_LIMITED';

export class UpstreamError extends Error {
  constructor(
    readonly system: SystemName,
    readonly code: UpstreamErrorCode,
    message: string,
    readonly status?: number,
    /** The system asked for no calls for this long (its Retry-After, or what is left of it). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}
