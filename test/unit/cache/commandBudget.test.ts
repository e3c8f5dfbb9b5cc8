import { describe, expect, it } from 'vitest';
import { CommandBudget } from '../../../src/platform/cache/redisConnection.ts';

describe('the Redis command budget', () => {
  it('stays at its floor while Redis answers quickly', () => {
    const budget = new CommandBudget(50);
    for (let i = 0; i < 500; i++) budget.record(2);
    expect(budget.ms()).toBe(50);
  });

  it('rises with the measured round trips on a busy machine, up to 250 ms, and comes back down', () => {
    const budget = new CommandBudget(50);
    for (let i = 0; i < 256; i++) budget.record(40);
    expect(budget.ms()).toBe(120); // 3 x p99
    for (let i = 0; i < 256; i++) budget.record(400);
    expect(budget.ms()).toBe(250);
    for (let i = 0; i < 256; i++) budget.record(3);
    expect(budget.ms()).toBe(50);
  });

  it('keeps its floor until enough round trips were seen to judge', () => {
    const budget = new CommandBudget(50);
    for (let i = 0; i < 31; i++) budget.record(400);
    expect(budget.ms()).toBe(50);
  });
});
