/**
 * Per-viewer rate limiter: an in-memory token bucket per user id. Each request takes one token; tokens
 * refill continuously at `requestsPerMinute`, up to `burst`. The app calls `take(viewer.userId)` once per
 * request after authentication and, on `false`, answers RATE_LIMITED with HTTP 429 and
 * `Retry-After: retryAfterSeconds(userId)`.
 *
 * In memory by design: it protects one instance's upstream fan-out; with N replicas a viewer gets at most
 * N times the rate, which the upstream concurrency caps absorb. Memory stays bounded: a bucket that has
 * refilled completely is indistinguishable from a new one, so idle buckets are swept away.
 */
import type { RateLimitSettings } from './settings.ts';

export interface RateLimiter {
  /** Takes one token for this user; false when the user must wait. */
  take(userId: string): boolean;
  /** Whole seconds until this user's next token (0 when one is available now). */
  retryAfterSeconds(userId: string): number;
  /** Number of users currently tracked (for metrics and tests). */
  size(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export interface RateLimiterOptions extends RateLimitSettings {
  /** Milliseconds clock; injectable so tests need not sleep. */
  now?: () => number;
  /** Sweep idle buckets once the map holds this many users. */
  sweepThreshold?: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const refillPerMs = options.requestsPerMinute / 60_000;
  const capacity = options.burst;
  const msToFill = capacity / refillPerMs;
  let sweepThreshold = options.sweepThreshold ?? 10_000;
  const buckets = new Map<string, Bucket>();

  function refilled(bucket: Bucket, at: number): number {
    return Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);
  }

  function sweepIdle(at: number): void {
    for (const [userId, bucket] of buckets) {
      if (at - bucket.updatedAt >= msToFill) buckets.delete(userId);
    }
    // If most buckets are busy, sweeping again on the next request would cost O(n) every time.
    sweepThreshold = Math.max(sweepThreshold, buckets.size * 2);
  }

  return {
    take(userId) {
      const at = now();
      if (buckets.size >= sweepThreshold) sweepIdle(at);
      const bucket = buckets.get(userId);
      const tokens = bucket ? refilled(bucket, at) : capacity;
      if (tokens < 1) {
        if (bucket) {
          bucket.tokens = tokens;
          bucket.updatedAt = at;
        }
        return false;
      }
      buckets.set(userId, { tokens: tokens - 1, updatedAt: at });
      return true;
    },
    retryAfterSeconds(userId) {
      const bucket = buckets.get(userId);
      if (!bucket) return 0;
      const tokens = refilled(bucket, now());
      if (tokens >= 1) return 0;
      return Math.ceil((1 - tokens) / refillPerMs / 1000);
    },
    size() {
      return buckets.size;
    },
  };
}
