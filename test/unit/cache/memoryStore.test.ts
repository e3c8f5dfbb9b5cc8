import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/platform/cache/memoryStore.ts';
import { CacheConfigError } from '../../../src/platform/cache/secrets.ts';
import { manualClock } from './fixtures.ts';

const bytes = (n: number) => Buffer.alloc(n, 1);

describe('memory store', () => {
  it('returns what was set, and null for keys never set', async () => {
    const store = createMemoryStore({ maxEntries: 10, maxBytes: 10_000 });
    await store.setMany([{ key: 'k1', value: Buffer.from('one'), ttlSeconds: 60 }]);
    const [hit, miss] = await store.getMany(['k1', 'k2']);
    expect(hit?.toString()).toBe('one');
    expect(miss).toBeNull();
  });

  it('evicts the least recently used entry when the entry bound is reached', async () => {
    const store = createMemoryStore({ maxEntries: 2, maxBytes: 10_000 });
    await store.setMany([
      { key: 'a', value: bytes(1), ttlSeconds: 60 },
      { key: 'b', value: bytes(1), ttlSeconds: 60 },
    ]);
    await store.getMany(['a']); // a is now more recently used than b
    await store.setMany([{ key: 'c', value: bytes(1), ttlSeconds: 60 }]);
    const [a, b, c] = await store.getMany(['a', 'b', 'c']);
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    expect(c).not.toBeNull();
    expect(store.size()).toBe(2);
  });

  it('evicts until the byte bound holds, and never stores a value larger than the bound', async () => {
    const store = createMemoryStore({ maxEntries: 100, maxBytes: 100 });
    await store.setMany([
      { key: 'a', value: bytes(40), ttlSeconds: 60 },
      { key: 'b', value: bytes(40), ttlSeconds: 60 },
    ]);
    await store.setMany([{ key: 'c', value: bytes(40), ttlSeconds: 60 }]);
    expect(store.bytes()).toBeLessThanOrEqual(100);
    expect(await store.getMany(['a', 'b', 'c'])).toEqual([null, expect.any(Buffer), expect.any(Buffer)]);

    await store.setMany([{ key: 'huge', value: bytes(200), ttlSeconds: 60 }]);
    expect((await store.getMany(['huge']))[0]).toBeNull();
    expect(store.bytes()).toBeLessThanOrEqual(100);
  });

  it('replacing a key does not double-count its bytes', async () => {
    const store = createMemoryStore({ maxEntries: 10, maxBytes: 1000 });
    for (let i = 0; i < 5; i++) await store.setMany([{ key: 'k', value: bytes(100), ttlSeconds: 60 }]);
    expect(store.size()).toBe(1);
    expect(store.bytes()).toBe(101);
  });

  it('expires each entry after its own TTL', async () => {
    const clock = manualClock();
    const store = createMemoryStore({ maxEntries: 10, maxBytes: 10_000, now: clock.now });
    await store.setMany([
      { key: 'short', value: bytes(1), ttlSeconds: 1 },
      { key: 'long', value: bytes(1), ttlSeconds: 10 },
    ]);
    clock.advance(999);
    expect((await store.getMany(['short']))[0]).not.toBeNull();
    clock.advance(1);
    const [short, long] = await store.getMany(['short', 'long']);
    expect(short).toBeNull();
    expect(long).not.toBeNull();
    clock.advance(9_000);
    expect((await store.getMany(['long']))[0]).toBeNull();
    expect(store.size()).toBe(0);
  });

  it('drops expired entries at the least recently used end on the next write, freeing their bytes', async () => {
    const clock = manualClock();
    const store = createMemoryStore({ maxEntries: 10, maxBytes: 10_000, now: clock.now });
    await store.setMany([
      { key: 'old', value: bytes(50), ttlSeconds: 1 },
      { key: 'kept', value: bytes(50), ttlSeconds: 60 },
    ]);
    clock.advance(1_000);
    await store.setMany([{ key: 'new', value: bytes(10), ttlSeconds: 60 }]);
    expect(store.size()).toBe(2);
    expect(store.bytes()).toBe(54 + 13);
  });

  it('deletes entries', async () => {
    const store = createMemoryStore({ maxEntries: 10, maxBytes: 10_000 });
    await store.setMany([{ key: 'k', value: bytes(3), ttlSeconds: 60 }]);
    await store.delete(['k', 'never-set']);
    expect((await store.getMany(['k']))[0]).toBeNull();
    expect(store.bytes()).toBe(0);
  });

  it('refuses bounds that cannot work', () => {
    expect(() => createMemoryStore({ maxEntries: 0, maxBytes: 10 })).toThrow(CacheConfigError);
    expect(() => createMemoryStore({ maxEntries: 10, maxBytes: 0 })).toThrow(CacheConfigError);
  });
});
