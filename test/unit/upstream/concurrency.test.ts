import { describe, expect, it } from 'vitest';
import { ConcurrencyLimiter, SlotWaitAborted } from '../../../src/platform/upstream/concurrency.ts';

describe('ConcurrencyLimiter', () => {
  it('serves waiters in arrival order as slots free up', async () => {
    const limiter = new ConcurrencyLimiter(1);
    expect(limiter.tryAcquire()).toBe(true);
    const served: number[] = [];
    const waits = [1, 2, 3].map((n) => limiter.waitForSlot().then(() => served.push(n)));
    for (let i = 0; i < 3; i++) {
      limiter.release();
      await Promise.resolve();
      await Promise.resolve();
    }
    await Promise.all(waits);
    expect(served).toEqual([1, 2, 3]);
    limiter.release();
    expect(limiter.active).toBe(0);
  });

  it('skips a waiter that gave up and gives its turn to the next one', async () => {
    const limiter = new ConcurrencyLimiter(1);
    limiter.tryAcquire();
    const controller = new AbortController();
    const abandoned = limiter.waitForSlot(controller.signal);
    const patient = limiter.waitForSlot();
    controller.abort();
    await expect(abandoned).rejects.toBeInstanceOf(SlotWaitAborted);
    expect(limiter.waiting).toBe(1);
    limiter.release();
    await patient;
    expect(limiter.active).toBe(1);
    limiter.release();
    expect(limiter.active).toBe(0);
  });

  it('refuses at once when the signal has already aborted', async () => {
    const limiter = new ConcurrencyLimiter(1);
    limiter.tryAcquire();
    await expect(limiter.waitForSlot(AbortSignal.abort())).rejects.toBeInstanceOf(SlotWaitAborted);
    expect(limiter.waiting).toBe(0);
  });

  it('rejects a cap below one', () => {
    expect(() => new ConcurrencyLimiter(0)).toThrow(RangeError);
  });
});
