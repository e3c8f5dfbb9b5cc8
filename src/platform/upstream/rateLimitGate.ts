/**
 * A system's Retry-After, honoured for the system as a whole: once it answers 429 (or 503) with
 * Retry-After, no call is sent to it before that time. Callers whose deadline can absorb the wait
 * wait; the others are answered at once (shed) instead of each spending an attempt to learn again
 * that the system asked to be left alone.
 */
export class RateLimitGate {
  private closedUntil = 0;

  /** The system asked for no calls before `untilMs` (epoch ms); a later ask extends, never shortens. */
  closeUntil(untilMs: number): void {
    if (untilMs > this.closedUntil) this.closedUntil = untilMs;
  }

  /** How long a call must still wait at `nowMs` (0: calls may go). */
  remainingMs(nowMs: number): number {
    return this.closedUntil > nowMs ? this.closedUntil - nowMs : 0;
  }
}
