import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestScope } from '../../../src/server/http/requestScope.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('request scope', () => {
  it('makes no timer until a call asks for the signal', () => {
    vi.useFakeTimers();
    const res = new EventEmitter();
    const scope = requestScope('r1', 5000, res);
    expect(scope.deadlineAt).toBe(Date.now() + 5000);
    expect(vi.getTimerCount()).toBe(0);
    expect(scope.signal.aborted).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
    // Asked again, the same signal: one timer per request.
    expect(scope.signal).toBe(scope.signal);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('aborts when the deadline passes, counted from the start of the request, not from the first ask', () => {
    vi.useFakeTimers();
    const scope = requestScope('r2', 5000, new EventEmitter());
    vi.advanceTimersByTime(3000);
    const signal = scope.signal;
    vi.advanceTimersByTime(1999);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
  });

  it('answers an already aborted signal when first asked after the deadline', () => {
    vi.useFakeTimers();
    const scope = requestScope('r3', 100, new EventEmitter());
    vi.advanceTimersByTime(150);
    expect(scope.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clears the timer when the answer has gone', () => {
    vi.useFakeTimers();
    const res = new EventEmitter();
    const scope = requestScope('r4', 5000, res);
    const signal = scope.signal;
    res.emit('close');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(signal.aborted).toBe(false);
  });
});
