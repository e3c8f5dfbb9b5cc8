/**
 * Capped exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and
 * Jitter"): the wait before retry n (0-based) is uniform in [0, min(max, base * 2^n)]. Full
 * jitter spreads a crowd of clients that failed together, so they do not return together.
 */
export function fullJitterDelayMs(
  retryIndex: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

const DELAY_SECONDS = /^\s*(\d+(?:\.\d+)?)\s*$/;
/** All three HTTP-date forms begin with a day name; Date.parse alone would accept "-5" as a year. */
const HTTP_DATE_START = /^\s*[A-Za-z]{3}/;

/**
 * Retry-After (RFC 9110 §10.2.3) as milliseconds from now: either delay-seconds or an HTTP date.
 * Returns undefined when absent or unparseable, so the caller falls back to its own backoff.
 */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = DELAY_SECONDS.exec(value);
  if (seconds) return Math.round(Number(seconds[1]) * 1000);
  if (!HTTP_DATE_START.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
