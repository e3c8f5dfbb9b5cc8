/**
 * The in-process store used when no Redis is configured: a least-recently-used map bounded by
 * entry count and by bytes (lru-cache), with an expiry per entry. The hub keeps entries here encoded
 * but not sealed (`inProcessSealer`): they never leave the process, and its near-cache holds the
 * same records decoded.
 *
 * Expiry is checked here rather than by lru-cache's TTL, so an entry is gone exactly when its TTL
 * has passed, as in Redis, on the store's own clock. Expired entries are dropped when read, and
 * from the least recently used end on each write (space pressure would evict them first anyway).
 */
import { LRUCache } from 'lru-cache';
import type { CacheStore } from './types.ts';
import { CacheConfigError } from './secrets.ts';

export interface MemoryStoreOptions {
  maxEntries: number;
  /** Bound on stored key + value bytes (approximate: object overhead is not counted). */
  maxBytes: number;
  /** Clock in ms, for tests. */
  now?: () => number;
}

interface Slot {
  value: Buffer;
  expiresAt: number;
}

export interface MemoryStore extends CacheStore {
  /** Entries held now, including expired ones not yet dropped. */
  size(): number;
  /** Bytes held now, as counted against maxBytes. */
  bytes(): number;
}

export function createMemoryStore(options: MemoryStoreOptions): MemoryStore {
  const { maxEntries, maxBytes } = options;
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new CacheConfigError('memory cache maxEntries must be a positive integer');
  if (!Number.isFinite(maxBytes) || maxBytes < 1)
    throw new CacheConfigError('memory cache maxBytes must be positive');
  const now = options.now ?? Date.now;
  const slots = new LRUCache<string, Slot>({
    max: maxEntries,
    maxSize: maxBytes,
    sizeCalculation: (slot, key) => slot.value.length + key.length,
  });

  /** Drops expired entries at the least recently used end: cheap, and they would be evicted first anyway. */
  const dropExpiredFromFront = (): void => {
    const at = now();
    const expired: string[] = [];
    for (const key of slots.rkeys()) {
      // peek: looking must not make the entry recently used.
      if ((slots.peek(key)?.expiresAt ?? 0) > at) break;
      expired.push(key);
    }
    for (const key of expired) slots.delete(key);
  };

  return {
    kind: 'memory',

    async getMany(keys) {
      const at = now();
      return keys.map((key) => {
        const slot = slots.get(key);
        if (!slot) return null;
        if (slot.expiresAt <= at) {
          slots.delete(key);
          return null;
        }
        return slot.value;
      });
    },

    async setMany(entries) {
      const at = now();
      dropExpiredFromFront();
      for (const { key, value, ttlSeconds } of entries) {
        slots.delete(key);
        if (ttlSeconds <= 0 || value.length + key.length > maxBytes) continue;
        slots.set(key, { value, expiresAt: at + ttlSeconds * 1000 });
      }
    },

    async delete(keys) {
      for (const key of keys) slots.delete(key);
    },

    healthy: () => true,

    async close() {
      slots.clear();
    },

    size: () => slots.size,
    bytes: () => slots.calculatedSize,
  };
}
