import { describe, expect, it } from 'vitest';

import { createRateLimiter } from '../../../src/server/hardening/rateLimiter.ts';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('per-viewer rate limiter', () => {
  it('allows a burst, then refuses until tokens refill at the configured rate', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 3, now: time.now });
    expect([limiter.take('u1'), limiter.take('u1'), limiter.take('u1')]).toEqual([true, true, true]);
    expect(limiter.take('u1')).toBe(false);
    expect(limiter.retryAfterSeconds('u1')).toBe(1);
    time.advance(999);
    expect(limiter.take('u1')).toBe(false);
    time.advance(1);
    expect(limiter.take('u1')).toBe(true);
  });

  it('keeps each viewer in their own bucket', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 1, burst: 1, now: time.now });
    expect(limiter.take('worker-a')).toBe(true);
    expect(limiter.take('worker-a')).toBe(false);
    expect(limiter.take('worker-b')).toBe(true);
    expect(limiter.retryAfterSeconds('worker-a')).toBe(60);
    expect(limiter.retryAfterSeconds('worker-c')).toBe(0);
  });

  it('never accumulates more than the burst while idle', () => {
    const time = clock();
    const limiter = createRateLimiter({ requestsPerMinute: 600, burst: 2, now: time.now });
    limiter.take('u1');
    time.advance(3_600_000);
    expect([limiter.take('u1'), limiter.take('u1'), limiter.take('u1')]).toEqual([true, true, false]);
  });

  it('forgets viewers whose buckets have refilled, so memory stays bounded', () => {
    const time = clock();
    const limiter = createRateLimiter({
      requestsPerMinute: 60,
      burst: 1,
      now: time.now,
      sweepThreshold: 100,
    });
    for (let i = 0; i < 100; i += 1) limiter.take(`user-${i}`);
    expect(limiter.size()).toBe(100);
    time.advance(1_000);
    limiter.take('late-user');
    expect(limiter.size()).toBe(1);
  });
});
