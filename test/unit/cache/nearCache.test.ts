import { describe, expect, it } from 'vitest';
import { createEntityCache } from '../../../src/platform/cache/entityCache.ts';
import { createMemoryStore } from '../../../src/platform/cache/memoryStore.ts';
import { resolveCacheSettings } from '../../../src/platform/cache/settings.ts';
import type { CacheSettings } from '../../../src/platform/cache/settings.ts';
import type { CacheMetrics } from '../../../src/platform/cache/metrics.ts';
import type { Sealer } from '../../../src/platform/cache/sealer.ts';
import type { CacheStore, EntityRef } from '../../../src/platform/cache/types.ts';
import type { InvalidationBus, InvalidationListener } from '../../../src/platform/cache/invalidationBus.ts';
import { createInvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import { createNearCache } from '../../../src/platform/cache/nearCache.ts';
import { manualClock, testKeyer, testSealer } from './fixtures.ts';

interface Person {
  id: string;
  forename: string;
}

const person = (id: string): EntityRef => ({ system: 'lcs', resource: 'person', id });

/** An upstream that records each call and knows the people it was given (and may be changed). */
function fakeUpstream(known: readonly string[]) {
  const calls: string[][] = [];
  const names = new Map(known.map((id) => [id, `name-${id}`]));
  let failing: Error | undefined;
  return {
    calls,
    names,
    failWith(error: Error | undefined) {
      failing = error;
    },
    fetch: async (ids: readonly string[]): Promise<Map<string, Person>> => {
      calls.push([...ids]);
      if (failing) throw failing;
      const found = new Map<string, Person>();
      for (const id of ids) {
        const forename = names.get(id);
        if (forename !== undefined) found.set(id, { id, forename });
      }
      return found;
    },
  };
}

/** A test double for the bus: publishing is local, and a "remote" message can be injected. */
function fakeBus(store: CacheStore): InvalidationBus & { remote(refs: readonly EntityRef[]): void } {
  const listeners = new Set<InvalidationListener>();
  const keyer = testKeyer();
  return {
    async publish(refs) {
      for (const listener of listeners) listener(refs, 'local');
      await store.delete(refs.map((ref) => keyer.entityKey(ref, 'v1')));
    },
    async announce(refs) {
      for (const listener of listeners) listener(refs, 'local');
    },
    remote(refs) {
      for (const listener of listeners) listener(refs, 'remote');
    },
    onInvalidate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready: async () => {},
    close: async () => {
      listeners.clear();
    },
  };
}

interface SetupOptions {
  settings?: Partial<CacheSettings>;
  bus?: (store: CacheStore) => InvalidationBus;
  failingStore?: boolean;
}

/** An entity cache over a memory store, with the store's reads and the sealer's opens counted. */
function setup(options: SetupOptions = {}) {
  const clock = manualClock();
  const counts: Record<string, number> = {};
  const add = (name: string, n = 1) => {
    counts[name] = (counts[name] ?? 0) + n;
  };
  const metrics: CacheMetrics = {
    hit: (_s, n) => add('hit', n),
    miss: (_s, n) => add('miss', n),
    stale: (_s, n) => add('stale', n),
    staleServed: (_s, n) => add('staleServed', n),
    error: (_s, kind) => add(`error:${kind}`),
  };
  const memory = createMemoryStore({ maxEntries: 1000, maxBytes: 1_000_000, now: clock.now });
  const storeReads: string[][] = [];
  const store: CacheStore = {
    ...memory,
    getMany(keys) {
      storeReads.push([...keys]);
      if (options.failingStore) return Promise.reject(new Error('connection refused'));
      return memory.getMany(keys);
    },
    setMany(entries) {
      if (options.failingStore) return Promise.reject(new Error('connection refused'));
      return memory.setMany(entries);
    },
  };
  const realSealer = testSealer();
  let opens = 0;
  const sealer: Sealer = {
    currentKeyId: realSealer.currentKeyId,
    seal: (key, plain) => realSealer.seal(key, plain),
    open: (key, sealed) => {
      opens++;
      return realSealer.open(key, sealed);
    },
  };
  const bus = options.bus?.(store);
  const cache = createEntityCache({
    store,
    sealer,
    keyer: testKeyer(),
    settings: resolveCacheSettings({
      defaultTtlSeconds: 60,
      staleGraceSeconds: 600,
      negativeTtlSeconds: 30,
      nearCacheEntries: 100,
      nearCacheMaxAgeMs: 5000,
      ...options.settings,
    }),
    metrics,
    now: clock.now,
    ...(bus ? { bus } : {}),
  });
  return { cache, clock, counts, memory, storeReads, opens: () => opens, bus };
}

const forenames = (results: readonly unknown[]) =>
  results.map((r) => (r && typeof r === 'object' && 'value' in r ? (r.value as Person).forename : r));

const notCalled = (): Promise<Map<string, Person>> => Promise.reject(new Error('upstream not expected'));

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('near-cache in front of the store', () => {
  it('a second lookup within the maximum age touches neither the store nor the sealer, and counts as hits', async () => {
    const { cache, counts, storeReads, opens } = setup();
    const upstream = fakeUpstream(['1', '2', '3']);
    const ids = ['1', '2', '3', 'ghost'];
    const first = await cache.readMany('lcs', 'person', ids, upstream.fetch);
    await cache.flush();
    expect(storeReads).toHaveLength(1);
    expect(cache.nearCacheSize()).toBe(4);

    const readsBefore = storeReads.length;
    const opensBefore = opens();
    const second = await cache.readMany('lcs', 'person', ids, notCalled);
    expect(storeReads).toHaveLength(readsBefore);
    expect(opens()).toBe(opensBefore);
    expect(second).toEqual(first);
    expect(forenames(second)).toEqual(['name-1', 'name-2', 'name-3', null]);
    expect(second[0]).toMatchObject({ freshness: 'fresh' });
    expect(counts).toMatchObject({ miss: 4, hit: 4 });
  });

  it('is filled from entries decoded from the store, so only the first read pays for opening them', async () => {
    const writer = setup();
    const upstream = fakeUpstream(['1', '2']);
    await writer.cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    await writer.cache.flush();

    // A second cache over the same store, as another instance would be.
    const reader = createEntityCache({
      store: writer.memory,
      sealer: testSealer(),
      keyer: testKeyer(),
      settings: resolveCacheSettings({
        defaultTtlSeconds: 60,
        nearCacheEntries: 100,
        nearCacheMaxAgeMs: 5000,
      }),
      now: writer.clock.now,
    });
    const first = await reader.readMany('lcs', 'person', ['1', '2'], notCalled);
    expect(reader.nearCacheSize()).toBe(2);
    await writer.memory.delete(['1', '2'].map((id) => testKeyer().entityKey(person(id), 'v1')));
    // Gone from the store, but within the maximum age the near-cache still answers.
    expect(await reader.readMany('lcs', 'person', ['1', '2'], notCalled)).toEqual(first);
  });

  it('reads the store again once an entry is older than the maximum age', async () => {
    const { cache, clock, storeReads, opens } = setup();
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();

    clock.advance(4999);
    await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect(storeReads).toHaveLength(1);

    clock.advance(1);
    const opensBefore = opens();
    const [again] = await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect(storeReads).toHaveLength(2);
    expect(opens()).toBe(opensBefore + 1);
    expect(again).toMatchObject({ freshness: 'fresh', value: { forename: 'name-1' } });
    // Decoded again, so remembered again.
    clock.advance(1000);
    await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect(storeReads).toHaveLength(2);
  });

  it('never serves an entry past its own TTL as fresh, even within the maximum age', async () => {
    const { cache, clock, storeReads, counts } = setup({ settings: { defaultTtlSeconds: 2 } });
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    clock.advance(1999);
    await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect(storeReads).toHaveLength(1);

    clock.advance(1);
    upstream.names.set('1', 'renamed');
    const [stale] = await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    expect(storeReads).toHaveLength(2);
    expect(counts.stale).toBe(1);
    // Answered stale at once; the refresh it started lands for the next read.
    expect(stale).toMatchObject({ freshness: 'stale', value: { forename: 'name-1' } });
    await cache.flush();
    const [refreshed] = await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect(refreshed).toMatchObject({ freshness: 'fresh', value: { forename: 'renamed' } });
  });

  it('a remembered absence is served only for the negative TTL', async () => {
    const { cache, clock, storeReads } = setup({
      settings: { negativeTtlSeconds: 3, nearCacheMaxAgeMs: 10_000 },
    });
    const upstream = fakeUpstream([]);
    await cache.readMany('lift', 'client', ['ghost'], upstream.fetch);
    await cache.flush();
    clock.advance(2999);
    expect(await cache.readMany('lift', 'client', ['ghost'], notCalled)).toEqual([null]);
    expect(storeReads).toHaveLength(1);
    clock.advance(1);
    await cache.readMany('lift', 'client', ['ghost'], upstream.fetch);
    expect(upstream.calls).toHaveLength(2);
  });

  it('stale handling is unchanged: a stale entry is not kept here, and is served when the refresh fails', async () => {
    const { cache, clock, counts } = setup();
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    clock.advance(61_000);
    upstream.failWith(new Error('LCS unavailable'));
    expect(cache.nearCacheSize()).toBe(1);
    const [served] = await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    expect(served).toMatchObject({ freshness: 'stale', value: { forename: 'name-1' } });
    expect(counts).toMatchObject({ stale: 1, staleServed: 1 });
    expect(cache.nearCacheSize()).toBe(0);
  });

  it('only the ids the near-cache cannot answer are read from the store', async () => {
    const { cache, storeReads } = setup();
    const upstream = fakeUpstream(['1', '2', '3']);
    await cache.readMany('lcs', 'person', ['1', '3'], upstream.fetch);
    await cache.flush();
    const results = await cache.readMany('lcs', 'person', ['1', '2', '3'], upstream.fetch);
    expect(forenames(results)).toEqual(['name-1', 'name-2', 'name-3']);
    expect(storeReads[1]).toEqual([testKeyer().entityKey(person('2'), 'v1')]);
    expect(upstream.calls).toEqual([['1', '3'], ['2']]);
  });

  it('invalidate() drops the entry at once (no bus)', async () => {
    const { cache, storeReads } = setup();
    const upstream = fakeUpstream(['1', '2']);
    await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    await cache.flush();
    upstream.names.set('1', 'changed');
    await cache.invalidate([person('1')]);
    const results = await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    expect(forenames(results)).toEqual(['changed', 'name-2']);
    expect(storeReads[1]).toEqual([testKeyer().entityKey(person('1'), 'v1')]);
    expect(upstream.calls).toEqual([['1', '2'], ['1']]);
  });

  it('an invalidation published on the bus by this instance drops the entry', async () => {
    const { cache } = setup({ bus: fakeBus });
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    upstream.names.set('1', 'changed');
    await cache.invalidate([person('1')]);
    expect(forenames(await cache.readMany('lcs', 'person', ['1'], upstream.fetch))).toEqual(['changed']);
  });

  it('an invalidation from another instance drops the entry even though the store still holds it', async () => {
    let bus!: ReturnType<typeof fakeBus>;
    const { cache, storeReads } = setup({ bus: (store) => (bus = fakeBus(store)) });
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    bus.remote([person('1')]);
    expect(cache.nearCacheSize()).toBe(0);
    // Not deleted from this store by the fake: read from the store, not the near-cache.
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    expect(storeReads).toHaveLength(2);
  });

  it('works with the real invalidation bus (local only, memory store)', async () => {
    const { cache } = setup({
      bus: (store) =>
        createInvalidationBus({
          channel: 'unit-near',
          store,
          keyer: testKeyer(),
          sealer: testSealer(),
          contractVersion: 'v1',
          redeleteAfterMs: 0,
        }),
    });
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    upstream.names.set('1', 'changed');
    await cache.invalidate([person('1')]);
    expect(forenames(await cache.readMany('lcs', 'person', ['1'], upstream.fetch))).toEqual(['changed']);
  });

  it('a fetch under way when its entity is invalidated does not refill the near-cache', async () => {
    const { cache } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const before = cache.readMany('lcs', 'person', ['1'], async (ids) => {
      await gate;
      return new Map(ids.map((id) => [id, { id, forename: 'before the change' }]));
    });
    await tick();
    await cache.invalidate([person('1')]);
    release();
    expect(forenames(await before)).toEqual(['before the change']);
    await cache.flush();
    expect(cache.nearCacheSize()).toBe(0);

    const upstream = fakeUpstream(['1']);
    upstream.names.set('1', 'after the change');
    expect(forenames(await cache.readMany('lcs', 'person', ['1'], upstream.fetch))).toEqual([
      'after the change',
    ]);
  });

  it('a store read that overlaps an invalidation does not refill the near-cache', async () => {
    let bus!: ReturnType<typeof fakeBus>;
    const { cache, clock, storeReads } = setup({ bus: (store) => (bus = fakeBus(store)) });
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    clock.advance(5000); // aged out of the near-cache, still fresh in the store

    // The read starts; an invalidation arrives while it waits for the store: not remembered.
    const reading = cache.readMany('lcs', 'person', ['1'], notCalled);
    bus.remote([person('2')]);
    expect(forenames(await reading)).toEqual(['name-1']);
    expect(cache.nearCacheSize()).toBe(0);
    await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect(storeReads).toHaveLength(3);
  });

  it('an invalidated key is not refilled from the store during its quarantine, only by its own fetches', async () => {
    let bus!: ReturnType<typeof fakeBus>;
    const { cache, clock, storeReads } = setup({ bus: (store) => (bus = fakeBus(store)) });
    const upstream = fakeUpstream(['1', '2']);
    await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    await cache.flush();
    // Another instance says both changed; its delete has not reached this store yet.
    bus.remote([person('1'), person('2')]);
    await cache.readMany('lcs', 'person', ['1'], notCalled);
    await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect(storeReads).toHaveLength(3);
    expect(cache.nearCacheSize()).toBe(0);

    // This instance's own fetch after the invalidation is remembered.
    await cache.invalidate([person('2')]);
    await cache.readMany('lcs', 'person', ['2'], upstream.fetch);
    await cache.flush();
    expect(cache.nearCacheSize()).toBe(1);

    // Once the quarantine (at least 5 s) is over, store reads fill it again.
    clock.advance(5000);
    await cache.readMany('lcs', 'person', ['1', '2'], notCalled);
    expect(cache.nearCacheSize()).toBe(2);
    const reads = storeReads.length;
    await cache.readMany('lcs', 'person', ['1', '2'], notCalled);
    expect(storeReads).toHaveLength(reads);
  });

  it('holds at most nearCacheEntries, evicting the least recently used', async () => {
    const { cache, storeReads } = setup({ settings: { nearCacheEntries: 3 } });
    const upstream = fakeUpstream(['1', '2', '3', '4']);
    await cache.readMany('lcs', 'person', ['1', '2', '3'], upstream.fetch);
    await cache.flush();
    await cache.readMany('lcs', 'person', ['1'], notCalled); // 1 is now the most recently used
    await cache.readMany('lcs', 'person', ['4'], upstream.fetch);
    await cache.flush();
    expect(cache.nearCacheSize()).toBe(3);

    const reads = storeReads.length;
    await cache.readMany('lcs', 'person', ['1', '3', '4'], notCalled);
    expect(storeReads).toHaveLength(reads);
    await cache.readMany('lcs', 'person', ['2'], notCalled);
    expect(storeReads).toHaveLength(reads + 1);
    expect(cache.nearCacheSize()).toBe(3);
  });

  it('is off with nearCacheEntries 0 (the default) or nearCacheMaxAgeMs 0: every lookup reads the store', async () => {
    for (const settings of [{ nearCacheEntries: 0 }, { nearCacheMaxAgeMs: 0 }]) {
      const { cache, storeReads } = setup({ settings });
      const upstream = fakeUpstream(['1']);
      await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
      await cache.flush();
      await cache.readMany('lcs', 'person', ['1'], notCalled);
      await cache.readMany('lcs', 'person', ['1'], notCalled);
      expect(storeReads).toHaveLength(3);
      expect(cache.nearCacheSize()).toBe(0);
    }
    expect(resolveCacheSettings()).toMatchObject({ nearCacheEntries: 0, nearCacheMaxAgeMs: 5000 });
  });

  it('keeps answering hot entries it fetched itself while the store is failing', async () => {
    const { cache, counts } = setup({ failingStore: true });
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    expect(forenames(await cache.readMany('lcs', 'person', ['1'], upstream.fetch))).toEqual(['name-1']);
    expect(upstream.calls).toHaveLength(1);
    expect(counts).toMatchObject({ 'error:store-read': 1, hit: 1 });
  });

  it('hands out the same value object on every hit (shared, read-only), not a copy', async () => {
    const { cache } = setup();
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    const [a] = await cache.readMany('lcs', 'person', ['1'], notCalled);
    const [b] = await cache.readMany('lcs', 'person', ['1'], notCalled);
    expect((a as { value: Person }).value).toBe((b as { value: Person }).value);
  });
});

describe('near-cache bounds', () => {
  it('never keeps an entry beyond the earlier of its freshness and the maximum age', () => {
    const near = createNearCache({ maxEntries: 10, maxAgeMs: 5000, quarantineMs: 5000 });
    expect(near.set('a', 1000, 2000, 'x', 1000, true)?.until).toBe(3000);
    expect(near.set('b', 1000, 60_000, 'y', 1000, true)?.until).toBe(6000);
    expect(near.set('c', 1000, 500, 'z', 2000, true)).toBeUndefined();
    expect(near.get('a', 2999)?.value).toBe('x');
    expect(near.get('a', 3000)).toBeUndefined();
    expect(near.size()).toBe(1);
  });

  it('drops entries past serving from its least recently used end when a new one is put, well before the bound', () => {
    const near = createNearCache({ maxEntries: 100, maxAgeMs: 5000, quarantineMs: 5000 });
    for (let i = 0; i < 10; i++) near.set(`old ${i}`, 0, 1000, { i }, 0, false);
    near.set('later', 500, 1000, 'still fresh at 1200', 500, false);
    expect(near.size()).toBe(11);
    near.set('new', 1200, 1000, 'new', 1200, false);
    expect(near.size()).toBe(2);
    expect(near.get('later', 1200)?.value).toBe('still fresh at 1200');
    expect(near.get('new', 1200)?.value).toBe('new');
  });

  it('stops dropping at the first entry still servable, even when older-expiring ones lie behind it', () => {
    const near = createNearCache({ maxEntries: 100, maxAgeMs: 60_000, quarantineMs: 5000 });
    near.set('long', 0, 10_000, 'long', 0, false);
    near.set('short', 0, 1000, 'short', 0, false);
    near.set('new', 2000, 1000, 'new', 2000, false);
    // 'short' expired but sits behind the servable 'long': left to the bound or to its next read.
    expect(near.size()).toBe(3);
    expect(near.get('short', 2000)).toBeUndefined();
    expect(near.get('long', 2000)?.value).toBe('long');
  });

  it('bounds the quarantine list too, dropping lapsed and then oldest entries', () => {
    const near = createNearCache({ maxEntries: 2, maxAgeMs: 5000, quarantineMs: 5000 });
    near.invalidate('a', 0);
    near.invalidate('b', 0);
    near.invalidate('c', 0);
    expect(near.quarantined()).toBe(2);
    expect(near.set('a', 0, 60_000, 'old a', 1, true)).toBeDefined();
    expect(near.set('c', 0, 60_000, 'old c', 1, true)).toBeUndefined();
    near.invalidate('d', 6000);
    expect(near.quarantined()).toBe(1);
  });
});
