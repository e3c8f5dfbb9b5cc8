/**
 * The in-process store used when no Redis is configured: a least-recently-used map bounded by
 * entry count and by bytes, with an expiry per entry. Values are sealed like any other store's,
 * so a heap dump shows no more than Redis would.
 *
 * Map keeps insertion order, so "most recently used" is "last inserted": a hit re-inserts the
 * entry and eviction takes from the front. Expired entries are dropped when read, and while
 * evicting (they sit wherever they were last used, so space pressure reaches them too).
 */
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
  bytes: number;
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
  const slots = new Map<string, Slot>();
  let heldBytes = 0;

  const remove = (key: string, slot: Slot): void => {
    slots.delete(key);
    heldBytes -= slot.bytes;
  };

  /** Evicts least recently used entries until `incomingBytes` more fit within both bounds. */
  const evictFor = (incomingBytes: number): void => {
    for (const [key, slot] of slots) {
      if (slots.size < maxEntries && heldBytes + incomingBytes <= maxBytes) return;
      remove(key, slot);
    }
  };

  /** Drops expired entries at the least recently used end: cheap, and they would be evicted first anyway. */
  const dropExpiredFromFront = (): void => {
    const at = now();
    for (const [key, slot] of slots) {
      if (slot.expiresAt > at) return;
      remove(key, slot);
    }
  };

  return {
    kind: 'memory',

    async getMany(keys) {
      const at = now();
      const out: (Buffer | null)[] = new Array(keys.length);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        const slot = slots.get(key);
        if (!slot) {
          out[i] = null;
        } else if (slot.expiresAt <= at) {
          remove(key, slot);
          out[i] = null;
        } else {
          slots.delete(key);
          slots.set(key, slot);
          out[i] = slot.value;
        }
      }
      return out;
    },

    async setMany(entries) {
      const at = now();
      dropExpiredFromFront();
      for (const { key, value, ttlSeconds } of entries) {
        const previous = slots.get(key);
        if (previous) remove(key, previous);
        const bytes = value.length + key.length;
        if (ttlSeconds <= 0 || bytes > maxBytes) continue;
        evictFor(bytes);
        slots.set(key, { value, expiresAt: at + ttlSeconds * 1000, bytes });
        heldBytes += bytes;
      }
    },

    async delete(keys) {
      for (const key of keys) {
        const slot = slots.get(key);
        if (slot) remove(key, slot);
      }
    },

    healthy: () => true,

    async close() {
      slots.clear();
      heldBytes = 0;
    },

    size: () => slots.size,
    bytes: () => heldBytes,
  };
}
