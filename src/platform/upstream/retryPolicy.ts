import type { AttemptFailure } from './outcome.ts';

/**
 * Only safe methods are retried: a POST that timed out may have been applied, and sending it
 * again could apply it twice. Today the layer only issues GET; the rule is written for the day it
 * does not.
 */
const RETRYABLE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

export function isRetryableMethod(method: string): boolean {
  return RETRYABLE_METHODS.has(method.toUpperCase());
}

/** Whether this failure may be followed by another attempt (budget and deadline are checked after). */
export function mayRetry(
  method: string,
  failure: AttemptFailure,
  retriesSoFar: number,
  maxRetries: number,
): boolean {
  return (
    retriesSoFar < maxRetries && failure.retryable && !failure.callerAborted && isRetryableMethod(method)
  );
}
