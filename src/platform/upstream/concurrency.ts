import { onAbort } from './abort.ts';

/**
 * A counting semaphore with a FIFO wait queue. `tryAcquire` is synchronous so the common case
 * (a free slot) costs no promise; `waitForSlot` queues and honours the caller's AbortSignal, so a
 * request whose deadline passes leaves the queue instead of holding its place. A released slot
 * passes straight to the oldest waiter, which keeps the order fair under sustained load.
 */
interface Waiter {
  resolve: () => void;
  /** Set when the waiter left the queue (aborted); release() skips it. */
  gone: boolean;
}

export class SlotWaitAborted extends Error {
  constructor() {
    super('gave up waiting for a concurrency slot');
    this.name = 'SlotWaitAborted';
  }
}

export class ConcurrencyLimiter {
  private inFlight = 0;
  private queue: Array<Waiter | undefined> = [];
  private head = 0;

  constructor(private readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('maxConcurrency must be an integer >= 1');
  }

  get active(): number {
    return this.inFlight;
  }

  get waiting(): number {
    let count = 0;
    for (let i = this.head; i < this.queue.length; i++) if (this.queue[i]?.gone === false) count++;
    return count;
  }

  tryAcquire(): boolean {
    if (this.inFlight >= this.max) return false;
    this.inFlight++;
    return true;
  }

  /**
   * Resolves holding a slot; rejects with SlotWaitAborted if the signal aborts first or, when
   * `maxWaitMs` is given, once that long has passed in the queue.
   */
  waitForSlot(signal?: AbortSignal, maxWaitMs?: number): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    if (signal?.aborted || (maxWaitMs !== undefined && maxWaitMs <= 0))
      return Promise.reject(new SlotWaitAborted());
    return new Promise<void>((resolve, reject) => {
      let unsubscribe: (() => void) | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const leave = () => {
        unsubscribe?.();
        clearTimeout(timer);
        waiter.gone = true;
        reject(new SlotWaitAborted());
      };
      const waiter: Waiter = {
        resolve: () => {
          unsubscribe?.();
          clearTimeout(timer);
          resolve();
        },
        gone: false,
      };
      if (signal) unsubscribe = onAbort(signal, leave);
      if (maxWaitMs !== undefined) timer = setTimeout(leave, maxWaitMs);
      this.queue.push(waiter);
    });
  }

  release(): void {
    while (this.head < this.queue.length) {
      const next = this.queue[this.head];
      this.queue[this.head] = undefined;
      this.head++;
      this.compact();
      if (next && !next.gone) {
        // The slot passes to the waiter: inFlight is unchanged.
        next.resolve();
        return;
      }
    }
    this.inFlight--;
  }

  /** Keeps the array from growing without bound while avoiding an O(n) shift per release. */
  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }
}
