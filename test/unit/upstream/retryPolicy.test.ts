import { describe, expect, it } from 'vitest';
import { classifyAttempt } from '../../../src/platform/upstream/outcome.ts';
import type { AttemptFailure } from '../../../src/platform/upstream/outcome.ts';
import { mayRetry } from '../../../src/platform/upstream/retryPolicy.ts';

const unavailable = classifyAttempt(
  { kind: 'response', status: 503, body: '', retryAfter: undefined },
  0,
) as AttemptFailure;
const timedOut = classifyAttempt({ kind: 'timeout' }, 0) as AttemptFailure;
const notFound = classifyAttempt(
  { kind: 'response', status: 404, body: '', retryAfter: undefined },
  0,
) as AttemptFailure;
const abandoned = classifyAttempt({ kind: 'aborted' }, 0) as AttemptFailure;

describe('mayRetry', () => {
  it('retries a GET after a retryable failure while retries remain', () => {
    expect(mayRetry('GET', unavailable, 0, 2)).toBe(true);
    expect(mayRetry('get', timedOut, 1, 2)).toBe(true);
    expect(mayRetry('GET', unavailable, 2, 2)).toBe(false);
  });

  it.each(['POST', 'PATCH'])(
    'never retries the non-idempotent %s, even after a retryable failure',
    (method) => {
      expect(mayRetry(method, unavailable, 0, 5)).toBe(false);
      expect(mayRetry(method, timedOut, 0, 5)).toBe(false);
    },
  );

  it('never retries a 404 or a call the caller abandoned', () => {
    expect(mayRetry('GET', notFound, 0, 5)).toBe(false);
    expect(mayRetry('GET', abandoned, 0, 5)).toBe(false);
  });
});

describe('classifyAttempt', () => {
  it('returns the parsed body of a 2xx and null for 204', () => {
    expect(
      classifyAttempt({ kind: 'response', status: 200, body: '{"a":[1]}', retryAfter: undefined }, 0),
    ).toEqual({
      ok: true,
      body: { a: [1] },
    });
    expect(classifyAttempt({ kind: 'response', status: 204, body: '', retryAfter: undefined }, 0)).toEqual({
      ok: true,
      body: null,
    });
  });

  it('treats an empty 200 body as malformed', () => {
    const outcome = classifyAttempt({ kind: 'response', status: 200, body: '', retryAfter: undefined }, 0);
    expect(outcome).toMatchObject({
      ok: false,
      code: 'UPSTREAM_UNAVAILABLE',
      breaker: 'failure',
      retryable: false,
    });
  });

  it('reads Retry-After on 429 and 503', () => {
    expect(classifyAttempt({ kind: 'response', status: 429, body: '', retryAfter: '3' }, 0)).toMatchObject({
      retryAfterMs: 3000,
    });
    expect(classifyAttempt({ kind: 'response', status: 503, body: '', retryAfter: '1' }, 0)).toMatchObject({
      retryAfterMs: 1000,
    });
  });
});
