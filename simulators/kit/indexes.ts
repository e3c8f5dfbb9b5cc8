/**
 * Indexes built lazily on first use and rebuilt only after the records they cover change, so a
 * county-scale list request pays for sorting once, not per page.
 */

/** A value computed from versioned data, recomputed when any of the versions moves on. */
export function memoByVersion<T>(versions: () => readonly number[], build: () => T): () => T {
  let cachedFor: string | undefined;
  let cached: T | undefined;
  return () => {
    const key = versions().join(',');
    if (cachedFor !== key || cached === undefined) {
      cached = build();
      cachedFor = key;
    }
    return cached;
  };
}

/**
 * Recent query results (e.g. "plans open during this period"), so the pages after the first reuse
 * the filtered list. Bounded: least recently used results are dropped first.
 */
export class ResultCache<T> {
  private readonly results = new Map<string, T>();

  constructor(private readonly capacity = 64) {}

  get(key: string, compute: () => T): T {
    const hit = this.results.get(key);
    if (hit !== undefined) {
      this.results.delete(key);
      this.results.set(key, hit);
      return hit;
    }
    const value = compute();
    this.results.set(key, value);
    if (this.results.size > this.capacity) {
      const oldest = this.results.keys().next().value as string;
      this.results.delete(oldest);
    }
    return value;
  }
}

/** Groups values under one or more keys each, keeping first-seen order within a group. */
export function groupBy<T>(values: Iterable<T>, keysOf: (value: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    for (const key of keysOf(value)) {
      const group = groups.get(key);
      if (group) group.push(value);
      else groups.set(key, [value]);
    }
  }
  return groups;
}
