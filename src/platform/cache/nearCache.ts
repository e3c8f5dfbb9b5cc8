/**
 * The near-cache: decoded entries kept in this process's memory, in front of the shared store, so
 * a hot record read again and again costs a map lookup instead of a store round trip, an
 * AES-256-GCM open and a JSON parse.
 *
 * It holds only what the store would have answered as FRESH, and only for a short while: an entry
 * is served until the earlier of its own freshness limit (fetched-at + the resource TTL, or the
 * negative TTL for a remembered absence) and `maxAgeMs` after it was put here. The short maximum
 * age bounds how long a change on another instance whose invalidation message never arrived
 * (pub/sub is at-most-once) can go unseen here. Anything not fresh goes the normal way, through
 * the store, so stale-if-error is unchanged.
 *
 * Bounded by entry count, least recently used evicted first (lru-cache). Values are shared, not copied: whoever receives one must treat it as
 * read-only, which resolvers and connectors already do for values shared by concurrent callers.
 * Entries that can no longer be served are also dropped from the least recently used end whenever
 * one is put here: the bound alone kept every expired record (and its whole decoded answer) until
 * as many newer ones had arrived, so when many different children are read, as on a cold morning,
 * the old heap filled with records long past serving.
 *
 * Invalidation drops an entry at once and puts its key in quarantine for a while: during it the
 * key is not refilled from what the store answers, only from this instance's own later fetches.
 * The store may still hold the old value for a moment (the delete is on its way, or a fetch that
 * started before the change wrote it back on another instance and the bus's delayed delete has not
 * removed it yet); such a read is served once, as before, but not remembered here. The quarantine
 * list is bounded like the entries; losing the oldest quarantine costs at most `maxAgeMs` of an
 * old value.
 *
 * Process memory only: nothing here is written anywhere, so the near-cache adds nothing to what
 * Redis holds or sees.
 */

import { LRUCache } from 'lru-cache';

/** A decoded entry, ready to hand out. */
export interface NearEntry {
  /** The record; undefined for a remembered absence. */
  readonly value: unknown;
  /** True for "the upstream has no such record". */
  readonly absent: boolean;
  /** When the record was fetched from the upstream (ISO), as the store entry says. */
  readonly asOf: string;
  /** Served while the clock is before this (ms). */
  readonly until: number;
}

export interface NearCacheOptions {
  /** Most entries held; must be at least 1 (callers skip the near-cache entirely when disabled). */
  maxEntries: number;
  /** Longest an entry is served after being put here (ms); must be positive. */
  maxAgeMs: number;
  /** How long an invalidated key refuses values read from the store (ms). */
  quarantineMs: number;
}

export interface NearCache {
  /** The entry if it is still servable at `at`; an expired one is dropped. Counts as a use. */
  get(key: string, at: number): NearEntry | undefined;
  /**
   * Remembers an entry fetched at `fetchedAt` that is fresh for `freshForMs` after that.
   * `value` undefined means absent. Nothing is kept if it would already be expired at `at`, or if
   * it was read from the store (`fromStore`) while the key is in quarantine. Returns what it kept.
   */
  set(
    key: string,
    fetchedAt: number,
    freshForMs: number,
    value: unknown,
    at: number,
    fromStore: boolean,
    /** This entry's own longest age here, when not the cache's. */
    maxAgeMs?: number,
  ): NearEntry | undefined;
  /** Drops the key's entry and quarantines the key (see above). */
  invalidate(key: string, at: number): void;
  size(): number;
  /** Keys in quarantine now, including lapsed ones not yet dropped (tests, diagnostics). */
  quarantined(): number;
  clear(): void;
}

export function createNearCache(options: NearCacheOptions): NearCache {
  const { maxEntries, maxAgeMs, quarantineMs } = options;
  // Expiry is checked against the caller's `at`, so lru-cache keeps only the bound and the order.
  const entries = new LRUCache<string, NearEntry>({ max: maxEntries });
  /** Key -> end of its quarantine (ms); the least recently set is (roughly) the earliest to end. */
  const quarantine = new LRUCache<string, number>({ max: maxEntries });

  const inQuarantine = (key: string, at: number): boolean => {
    const until = quarantine.peek(key);
    if (until === undefined) return false;
    if (until > at) return true;
    quarantine.delete(key);
    return false;
  };

  /**
   * Drops expired entries at the least recently used end, stopping at the first servable one: cheap
   * (what is looked at is dropped), and entries are mostly put in the order they expire.
   */
  const dropExpiredFromEnd = (at: number): void => {
    let expired: string[] | undefined;
    for (const key of entries.rkeys()) {
      // peek: looking must not make the entry recently used.
      if ((entries.peek(key)?.until ?? 0) > at) break;
      (expired ??= []).push(key);
    }
    if (expired !== undefined) for (const key of expired) entries.delete(key);
  };

  return {
    get(key, at) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.until > at) return entry;
      entries.delete(key);
      return undefined;
    },

    set(key, fetchedAt, freshForMs, value, at, fromStore, ownMaxAgeMs) {
      if (fromStore && quarantine.size > 0 && inQuarantine(key, at)) return undefined;
      const freshUntil = fetchedAt + freshForMs;
      const agedOut = at + (ownMaxAgeMs ?? maxAgeMs);
      const until = freshUntil < agedOut ? freshUntil : agedOut;
      if (until <= at) {
        entries.delete(key);
        return undefined;
      }
      dropExpiredFromEnd(at);
      const entry: NearEntry = {
        value,
        absent: value === undefined,
        asOf: new Date(fetchedAt).toISOString(),
        until,
      };
      entries.set(key, entry);
      return entry;
    },

    invalidate(key, at) {
      entries.delete(key);
      quarantine.delete(key);
      // Lapsed quarantines at the old end go first; the bound then drops the oldest.
      const lapsed: string[] = [];
      for (const oldKey of quarantine.rkeys()) {
        if ((quarantine.peek(oldKey) ?? at) > at) break;
        lapsed.push(oldKey);
      }
      for (const oldKey of lapsed) quarantine.delete(oldKey);
      quarantine.set(key, at + quarantineMs);
    },

    size: () => entries.size,

    quarantined: () => quarantine.size,

    clear() {
      entries.clear();
      quarantine.clear();
    },
  };
}
