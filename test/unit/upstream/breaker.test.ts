import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/platform/upstream/breaker.ts';
import type { BreakerState } from '../../../src/platform/upstream/types.ts';
import { manualClock } from './support.ts';

function breaker(threshold = 2, cooldownMs = 100) {
  const clock = manualClock();
  const transitions: BreakerState[] = [];
  const subject = new CircuitBreaker({
    failureThreshold: threshold,
    cooldownMs,
    now: clock.now,
    onTransition: (s) => transitions.push(s),
  });
  return { subject, clock, transitions };
}

describe('CircuitBreaker', () => {
  it('ignores late results of requests sent before it opened', () => {
    const { subject } = breaker(2);
    const early = subject.tryAcquire()!;
    subject.record(subject.tryAcquire()!, 'failure');
    subject.record(subject.tryAcquire()!, 'failure');
    expect(subject.state()).toBe('open');
    subject.record(early, 'success');
    expect(subject.state()).toBe('open');
  });

  it('hands the probe to the next caller when the probe proved nothing', () => {
    const { subject, clock } = breaker(1, 100);
    subject.record(subject.tryAcquire()!, 'failure');
    clock.advance(100);
    const probe = subject.tryAcquire();
    expect(probe).toBe('probe');
    expect(subject.tryAcquire()).toBeNull();
    subject.record(probe!, 'neutral');
    expect(subject.state()).toBe('half-open');
    expect(subject.tryAcquire()).toBe('probe');
  });

  it('reports every transition in order', () => {
    const { subject, clock, transitions } = breaker(1, 100);
    subject.record(subject.tryAcquire()!, 'failure');
    clock.advance(100);
    subject.record(subject.tryAcquire()!, 'failure');
    clock.advance(100);
    subject.record(subject.tryAcquire()!, 'success');
    expect(transitions).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('rejects a threshold below one', () => {
    const clock = manualClock();
    expect(
      () =>
        new CircuitBreaker({ failureThreshold: 0, cooldownMs: 1, now: clock.now, onTransition: () => {} }),
    ).toThrow(RangeError);
  });
});
