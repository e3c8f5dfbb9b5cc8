import { describe, expect, it } from 'vitest';
import { fullJitterDelayMs, parseRetryAfterMs } from '../../../src/platform/upstream/backoff.ts';

describe('fullJitterDelayMs', () => {
  it('draws from [0, base * 2^n) until the ceiling caps it', () => {
    const highest = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5].map((n) => fullJitterDelayMs(n, 50, 1000, highest))).toEqual([
      49, 99, 199, 399, 799, 999,
    ]);
    expect(fullJitterDelayMs(3, 50, 1000, () => 0)).toBe(0);
    expect(fullJitterDelayMs(2, 50, 1000, () => 0.5)).toBe(100);
  });

  it('stays finite and capped for very large retry indexes', () => {
    expect(fullJitterDelayMs(5000, 50, 1000, () => 0.5)).toBe(500);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfterMs('0', now)).toBe(0);
    expect(parseRetryAfterMs('2', now)).toBe(2000);
    expect(parseRetryAfterMs(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfterMs('Sat, 01 Mar 2025 12:00:03 GMT', now)).toBe(3000);
  });

  it('treats a date already past as no wait', () => {
    expect(parseRetryAfterMs('Sat, 01 Mar 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('ignores absent and unparseable values so the caller falls back to backoff', () => {
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs('', now)).toBeUndefined();
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
  });
});
