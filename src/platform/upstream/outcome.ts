import { parseRetryAfterMs } from './backoff.ts';
import type { BreakerSignal } from './breaker.ts';
import type { RawAttempt } from './transport.ts';
import type { UpstreamErrorCode } from './types.ts';

export interface AttemptSuccess {
  ok: true;
  body: unknown;
}

export interface AttemptFailure {
  ok: false;
  code: UpstreamErrorCode;
  status: number | undefined;
  /** Worth another attempt for a safe method (network error, timeout, 429, 502/503/504). */
  retryable: boolean;
  breaker: BreakerSignal;
  /** The upstream's Retry-After, in ms from now, when it sent one. */
  retryAfterMs: number | undefined;
  /** The caller gave up: says nothing about the upstream, never retried, never recorded as its status. */
  callerAborted: boolean;
  /** Why, in words safe for logs and error messages: no body text, no ids. */
  reason: string;
}

export type AttemptOutcome = AttemptSuccess | AttemptFailure;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Judges one attempt. The breaker counts what shows the upstream unhealthy (5xx, timeouts,
 * network errors, malformed bodies); a 4xx proves it alive and answering, so it counts as a
 * success; 429 and caller aborts are neutral (throttling and impatience are not faults).
 */
export function classifyAttempt(raw: RawAttempt, nowMs: number): AttemptOutcome {
  switch (raw.kind) {
    case 'response':
      return classifyResponse(raw.status, raw.body, raw.retryAfter, nowMs);
    case 'timeout':
      return failure(
        'UPSTREAM_TIMEOUT',
        undefined,
        true,
        'failure',
        'did not answer within the attempt timeout',
      );
    case 'aborted':
      return {
        ...failure(
          'UPSTREAM_TIMEOUT',
          undefined,
          false,
          'neutral',
          'call abandoned: request deadline passed',
        ),
        callerAborted: true,
      };
    case 'network':
      return failure('UPSTREAM_UNAVAILABLE', undefined, true, 'failure', `network error ${raw.errorCode}`);
  }
}

function classifyResponse(
  status: number,
  body: string,
  retryAfter: string | undefined,
  nowMs: number,
): AttemptOutcome {
  if (status >= 200 && status < 300) {
    if (status === 204) return { ok: true, body: null };
    try {
      return { ok: true, body: JSON.parse(body) as unknown };
    } catch {
      return failure(
        'UPSTREAM_UNAVAILABLE',
        status,
        false,
        'failure',
        `answered ${status} with a body that is not valid JSON`,
      );
    }
  }
  if (status === 404) return failure('NOT_FOUND', status, false, 'success', 'answered 404 not found');
  if (status === 400) return failure('BAD_USER_INPUT', status, false, 'success', 'answered 400 bad request');
  if (status === 429) {
    return {
      ...failure('RATE_LIMITED', status, true, 'neutral', 'answered 429 too many requests'),
      retryAfterMs: parseRetryAfterMs(retryAfter, nowMs),
    };
  }
  if (status >= 500) {
    return {
      ...failure(
        'UPSTREAM_UNAVAILABLE',
        status,
        RETRYABLE_STATUSES.has(status),
        'failure',
        `answered ${status}`,
      ),
      retryAfterMs: status === 503 ? parseRetryAfterMs(retryAfter, nowMs) : undefined,
    };
  }
  // Other 4xx (401, 403, 409...) and unexpected 1xx/3xx: the hub's own misconfiguration or an
  // upstream contract breach. Retrying cannot help and the upstream is evidently up.
  return failure(
    'UPSTREAM_UNAVAILABLE',
    status,
    false,
    status >= 400 ? 'success' : 'neutral',
    `answered unexpected status ${status}`,
  );
}

function failure(
  code: UpstreamErrorCode,
  status: number | undefined,
  retryable: boolean,
  breaker: BreakerSignal,
  reason: string,
): AttemptFailure {
  return {
    ok: false,
    code,
    status,
    retryable,
    breaker,
    retryAfterMs: undefined,
    callerAborted: false,
    reason,
  };
}
