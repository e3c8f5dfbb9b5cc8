/**
 * How long this system takes to answer when it is healthy: the 95th percentile of its last
 * successful attempts. The client starts an attempt (first or retry) only when the time left
 * before the call's deadline covers it: an attempt that cannot finish only adds load to a system
 * that is already struggling, and spends time the request needs for its answer.
 */
const WINDOW = 64;
/** Fewer successes than this: too few to judge, use the fallback. */
const MIN_SAMPLES = 8;

export class AttemptLatency {
  private readonly samples = new Float64Array(WINDOW);
  private count = 0;
  private next = 0;
  private cached: number | null = null;

  /** @param fallbackMs what an attempt is assumed to need before enough successes were seen. */
  constructor(private readonly fallbackMs: number) {}

  recordSuccess(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % WINDOW;
    if (this.count < WINDOW) this.count++;
    this.cached = null;
  }

  /** The time an attempt needs to have a fair chance of an answer. */
  neededMs(): number {
    if (this.count < MIN_SAMPLES) return this.fallbackMs;
    if (this.cached === null) {
      const sorted = Array.from(this.samples.subarray(0, this.count)).sort((a, b) => a - b);
      this.cached = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
    }
    return this.cached;
  }
}
