import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../../../src/platform/upstream/retryBudget.ts';
import { manualClock } from './support.ts';

function withdrawals(budget: RetryBudget, attempts: number): number {
  let granted = 0;
  for (let i = 0; i < attempts; i++) if (budget.tryWithdrawRetry()) granted++;
  return granted;
}

describe('RetryBudget', () => {
  it('allows retries up to the ratio of first attempts in the window', () => {
    const clock = manualClock();
    const budget = new RetryBudget({ ratio: 0.2, minRetriesPerSecond: 0, windowMs: 10_000 }, clock.now);
    for (let i = 0; i < 100; i++) budget.recordFirstAttempt();
    expect(withdrawals(budget, 50)).toBe(20);
  });

  it('grants the per-second floor over the whole window even with no traffic', () => {
    const clock = manualClock();
    const budget = new RetryBudget({ ratio: 0.2, minRetriesPerSecond: 3, windowMs: 10_000 }, clock.now);
    expect(withdrawals(budget, 100)).toBe(30);
  });

  it('forgets first attempts and retries once they slide out of the window', () => {
    const clock = manualClock();
    const budget = new RetryBudget({ ratio: 0.5, minRetriesPerSecond: 0, windowMs: 3000 }, clock.now);
    for (let i = 0; i < 10; i++) budget.recordFirstAttempt();
    expect(withdrawals(budget, 10)).toBe(5);
    clock.advance(2000);
    expect(withdrawals(budget, 10)).toBe(0);
    clock.advance(1000);
    // The second holding the first attempts and the retries has left the 3 s window.
    expect(withdrawals(budget, 10)).toBe(0);
    for (let i = 0; i < 4; i++) budget.recordFirstAttempt();
    expect(withdrawals(budget, 10)).toBe(2);
  });

  it('recovers fully after a gap longer than the window', () => {
    const clock = manualClock();
    const budget = new RetryBudget({ ratio: 1, minRetriesPerSecond: 1, windowMs: 2000 }, clock.now);
    expect(withdrawals(budget, 10)).toBe(2);
    clock.advance(60_000);
    expect(withdrawals(budget, 10)).toBe(2);
  });

  it('rejects nonsensical options', () => {
    const clock = manualClock();
    expect(() => new RetryBudget({ ratio: -1, minRetriesPerSecond: 0, windowMs: 1000 }, clock.now)).toThrow(
      RangeError,
    );
    expect(() => new RetryBudget({ ratio: 0.2, minRetriesPerSecond: 0, windowMs: 10 }, clock.now)).toThrow(
      RangeError,
    );
  });
});
