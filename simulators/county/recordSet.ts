/**
 * RecordSet implementations: eager (a map built once) and lazy (records derived on demand,
 * optionally memoised in a small LRU so hot records are not rebuilt on every read).
 */
import type { RecordSet } from './types.ts';

export class MapRecordSet<T> implements RecordSet<T> {
  private readonly order: readonly string[];
  private readonly records: ReadonlyMap<string, T>;
  constructor(order: readonly string[], records: ReadonlyMap<string, T>) {
    this.order = order;
    this.records = records;
  }
  get size(): number {
    return this.order.length;
  }
  ids(): readonly string[] {
    return this.order;
  }
  get(id: string): T | undefined {
    return this.records.get(id);
  }
}

export class LazyRecordSet<T> implements RecordSet<T> {
  private readonly order: readonly string[];
  private readonly derive: (id: string) => T | undefined;
  private readonly cache = new Map<string, T>();
  private readonly capacity: number;
  constructor(order: readonly string[], derive: (id: string) => T | undefined, capacity = 0) {
    this.order = order;
    this.derive = derive;
    this.capacity = capacity;
  }
  get size(): number {
    return this.order.length;
  }
  ids(): readonly string[] {
    return this.order;
  }
  get(id: string): T | undefined {
    const hit = this.cache.get(id);
    if (hit !== undefined) {
      // Refresh recency: Map iteration order is insertion order.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const record = this.derive(id);
    if (record !== undefined && this.capacity > 0) {
      this.cache.set(id, record);
      if (this.cache.size > this.capacity) this.cache.delete(this.cache.keys().next().value as string);
    }
    return record;
  }
}
