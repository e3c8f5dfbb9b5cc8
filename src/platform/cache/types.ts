/**
 * The shared (L2) cache of upstream records. It holds upstream data only, never a viewer's
 * filtered answer: access decisions are applied per request, after reading.
 */
import type { SystemName } from '../systems.ts';

/** A byte store: Redis, Redis Cluster, or bounded memory. Values are already sealed (encrypted). */
export interface CacheStore {
  readonly kind: 'memory' | 'redis' | 'redis-cluster';
  /** One round trip for many keys; a missing key is null. Throws on store failure. */
  getMany(keys: readonly string[]): Promise<(Buffer | null)[]>;
  /** Writes each entry with its own TTL in seconds. */
  setMany(entries: readonly { key: string; value: Buffer; ttlSeconds: number }[]): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Is the store answering right now (for /readyz)? */
  healthy(): boolean;
  close(): Promise<void>;
}

/** Which cached entity a key names. Keys are derived from this; ids are hashed, never stored plain. */
export interface EntityRef {
  system: SystemName;
  resource: string;
  id: string;
}

/** How fresh a value handed to a loader is. */
export type Freshness = 'fresh' | 'stale';

export interface Cached<T> {
  value: T;
  freshness: Freshness;
  /** When the value was fetched from the upstream (ISO). */
  asOf: string;
}

/**
 * Read-through for loaders: look up many ids at once, fetch only the misses (one call per miss
 * batch; concurrent misses for the same key share one fetch), write each back, and on upstream
 * failure answer with stale entries where they exist.
 */
export interface EntityCache {
  readMany<T>(
    system: SystemName,
    resource: string,
    ids: readonly string[],
    fetchMisses: (ids: readonly string[]) => Promise<Map<string, T>>,
  ): Promise<(Cached<T> | null | Error)[]>;
  invalidate(refs: readonly EntityRef[]): Promise<void>;
}
