/**
 * What the shared cache reports about itself. Labels are the upstream system and a small fixed set
 * of kinds only: never an id, a key or anything derived from a child's record. The prom-client
 * implementation lives with the HTTP layer's /metrics; the cache only calls this interface.
 */
import type { SystemName } from '../systems.ts';

/** Why a cache operation did not go to plan. Every kind is survivable: the caller still answers. */
export type CacheErrorKind =
  /** The store could not be read: the lookup was answered as all-miss. */
  | 'store-read'
  /** A write-back or delete failed: the entry will be fetched again next time. */
  | 'store-write'
  /** A stored value failed authentication, named an unknown key or had a bad header: a miss. */
  | 'unseal'
  /** A stored value opened but was not a well-formed entry: a miss. */
  | 'decode'
  /** A fetched value could not be JSON-encoded (so it was answered but not cached). */
  | 'encode'
  /** The upstream fetch for the misses failed (stale values were served where they existed). */
  | 'fetch';

export interface CacheMetrics {
  /** Entries found fresh in the store. */
  hit(system: SystemName, count: number): void;
  /** Entries absent, expired or unreadable, so fetched from the upstream. */
  miss(system: SystemName, count: number): void;
  /** Entries found past their TTL but within the stale grace, so refreshed from the upstream. */
  stale(system: SystemName, count: number): void;
  /** Stale entries handed back because the refresh failed (stale-if-error). */
  staleServed(system: SystemName, count: number): void;
  error(system: SystemName, kind: CacheErrorKind): void;
}

/** For callers that do not export metrics (tests, tools). */
export const noopCacheMetrics: CacheMetrics = {
  hit() {},
  miss() {},
  stale() {},
  staleServed() {},
  error() {},
};
