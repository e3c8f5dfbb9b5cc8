import { LRUCache } from 'lru-cache';

/** A least-recently-used map with a fixed number of entries (lru-cache underneath). */
export class BoundedLru<K extends NonNullable<unknown>, V> {
  /** Boxed, because lru-cache holds no null or undefined values and a cached "no plan" is null. */
  private readonly entries: LRUCache<K, { value: V }>;

  constructor(maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1)
      throw new RangeError('maxEntries must be a positive integer');
    this.entries = new LRUCache<K, { value: V }>({ max: maxEntries });
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: K, value: V): void {
    this.entries.set(key, { value });
  }

  clear(): void {
    this.entries.clear();
  }
}
