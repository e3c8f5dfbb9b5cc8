import type { BreakerState } from './types.ts';

/** What an attempt says about the upstream's health. */
export type BreakerSignal = 'success' | 'failure' | 'neutral';

/**
 * Permission to send one attempt. `probe` is the single attempt let through in half-open; its
 * result alone decides whether the breaker closes or re-opens.
 */
export type BreakerPermit = 'normal' | 'probe';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the breaker. */
  failureThreshold: number;
  /** How long the breaker stays open before one half-open probe. */
  cooldownMs: number;
  now: () => number;
  onTransition: (state: BreakerState) => void;
}

/**
 * Consecutive-failure circuit breaker. Closed: everything passes and failures are counted, any
 * success resets the count. Open: everything is refused without I/O until the cooldown has passed;
 * then the next caller becomes the half-open probe while everyone else is still refused. The
 * probe's success closes the breaker; its failure re-opens it for another cooldown.
 *
 * Results of `normal` permits that arrive while open or half-open (requests sent before the breaker
 * opened) are ignored: they describe the past, and the probe describes the present.
 */
export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private consecutiveFailures = 0;
  private openedAt = 0;
  private probeInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!Number.isInteger(options.failureThreshold) || options.failureThreshold < 1) {
      throw new RangeError('breaker failureThreshold must be an integer >= 1');
    }
    if (!(options.cooldownMs >= 0)) throw new RangeError('breaker cooldownMs must be >= 0');
  }

  state(): BreakerState {
    return this.current;
  }

  /** A permit to send, or null: refuse the call now, without touching the network. */
  tryAcquire(): BreakerPermit | null {
    if (this.current === 'closed') return 'normal';
    if (this.current === 'open') {
      if (this.options.now() - this.openedAt < this.options.cooldownMs) return null;
      this.transition('half-open');
    }
    if (this.probeInFlight) return null;
    this.probeInFlight = true;
    return 'probe';
  }

  record(permit: BreakerPermit, signal: BreakerSignal): void {
    if (permit === 'probe') {
      this.probeInFlight = false;
      if (this.current !== 'half-open') return;
      if (signal === 'success') this.close();
      else if (signal === 'failure') this.open();
      // neutral: the probe proved nothing (caller gave up, rate-limited); the next caller probes.
      return;
    }
    if (this.current !== 'closed') return;
    if (signal === 'success') {
      this.consecutiveFailures = 0;
    } else if (signal === 'failure') {
      this.consecutiveFailures += 1;
      if (this.consecutiveFailures >= this.options.failureThreshold) this.open();
    }
  }

  private open(): void {
    this.openedAt = this.options.now();
    this.transition('open');
  }

  private close(): void {
    this.consecutiveFailures = 0;
    this.transition('closed');
  }

  private transition(state: BreakerState): void {
    this.current = state;
    this.options.onTransition(state);
  }
}
