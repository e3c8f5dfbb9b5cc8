/**
 * Retry budget, after Finagle's RetryBudget: over a sliding window, retries may be at most
 * `ratio` of first attempts, plus a floor of `minRetriesPerSecond` so that a quiet system can
 * still retry its occasional failure.
 *
 *   allowed retries in window = ratio * first attempts in window + minRetriesPerSecond * window seconds
 *
 * Without it, a failing upstream receives (1 + maxRetries) times its normal load exactly when it
 * can least bear it; with it, a burst of failures adds at most `ratio` extra load (plus the floor).
 * The window is a ring of one-second buckets, so old traffic ages out and memory stays constant.
 */
export interface RetryBudgetOptions {
  /** Retries as a fraction of first attempts, e.g. 0.2. */
  ratio: number;
  /** Retries always allowed per second of window, however little traffic there is. */
  minRetriesPerSecond: number;
  /** Sliding window length; rounded up to whole seconds. */
  windowMs: number;
}

export const DEFAULT_RETRY_BUDGET: Omit<RetryBudgetOptions, 'ratio'> = {
  minRetriesPerSecond: 3,
  windowMs: 10_000,
};

const BUCKET_MS = 1000;

export class RetryBudget {
  private readonly firstAttempts: Float64Array;
  private readonly retries: Float64Array;
  private readonly floor: number;
  private firstAttemptTotal = 0;
  private retryTotal = 0;
  /** Absolute index (now / BUCKET_MS) of the newest bucket written. */
  private newestBucket: number;

  constructor(
    private readonly options: RetryBudgetOptions,
    private readonly now: () => number,
  ) {
    if (!(options.ratio >= 0)) throw new RangeError('retry budget ratio must be >= 0');
    if (!(options.minRetriesPerSecond >= 0))
      throw new RangeError('retry budget minRetriesPerSecond must be >= 0');
    if (!(options.windowMs >= BUCKET_MS))
      throw new RangeError(`retry budget windowMs must be >= ${BUCKET_MS}`);
    const buckets = Math.ceil(options.windowMs / BUCKET_MS);
    this.firstAttempts = new Float64Array(buckets);
    this.retries = new Float64Array(buckets);
    this.floor = options.minRetriesPerSecond * buckets;
    this.newestBucket = Math.floor(now() / BUCKET_MS);
  }

  recordFirstAttempt(): void {
    const slot = this.advance();
    this.firstAttempts[slot]! += 1;
    this.firstAttemptTotal += 1;
  }

  /** Spends one retry if the budget allows it; false means do not retry. */
  tryWithdrawRetry(): boolean {
    const slot = this.advance();
    const allowed = this.options.ratio * this.firstAttemptTotal + this.floor;
    if (this.retryTotal + 1 > allowed) return false;
    this.retries[slot]! += 1;
    this.retryTotal += 1;
    return true;
  }

  /** Drops buckets that have left the window; returns the ring slot for the current second. */
  private advance(): number {
    const size = this.firstAttempts.length;
    const current = Math.floor(this.now() / BUCKET_MS);
    if (current > this.newestBucket) {
      const expired = Math.min(current - this.newestBucket, size);
      for (let i = 1; i <= expired; i++) {
        const slot = (this.newestBucket + i) % size;
        this.firstAttemptTotal -= this.firstAttempts[slot]!;
        this.retryTotal -= this.retries[slot]!;
        this.firstAttempts[slot] = 0;
        this.retries[slot] = 0;
      }
      this.newestBucket = current;
    }
    // A clock that steps backwards keeps writing into the newest bucket rather than corrupting the ring.
    return this.newestBucket % size;
  }
}
