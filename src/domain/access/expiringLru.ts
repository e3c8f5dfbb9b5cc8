import { LRUCache } from 'lru-cache';

/**
 * A bounded least-recently-used map whose entries also expire at their own instant (lru-cache with a
 * per-entry TTL on the given clock). Used to remember verified tokens so a token sent thousands of
 * times is verified once.
 */
export class ExpiringLru<V extends NonNullable<unknown>> {
  private readonly entries: LRUCache<string, V>;

  constructor(
    maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('ExpiringLru needs maxEntries >= 1');
    // ttlResolution 0: the clock is read at every check, never reused from an earlier one.
    this.entries = new LRUCache<string, V>({ max: maxEntries, ttlResolution: 0, perf: { now } });
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, or undefined once the clock is past the entry's expiry instant (it is dropped then). */
  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V, expiresAt: number): void {
    const ttl = expiresAt - this.now();
    if (ttl <= 0) return;
    this.entries.set(key, value, { ttl });
  }

  clear(): void {
    this.entries.clear();
  }
}
