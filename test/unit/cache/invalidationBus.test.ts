import { afterEach, describe, expect, it } from 'vitest';
import { createInvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import type { InvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import { createMemoryStore } from '../../../src/platform/cache/memoryStore.ts';
import { createEntityCache } from '../../../src/platform/cache/entityCache.ts';
import { resolveCacheSettings } from '../../../src/platform/cache/settings.ts';
import type { EntityRef } from '../../../src/platform/cache/types.ts';
import { testKeyer, testSealer } from './fixtures.ts';

const person = (id: string): EntityRef => ({ system: 'lcs', resource: 'person', id });

describe('invalidation bus without Redis', () => {
  let bus: InvalidationBus | undefined;
  afterEach(async () => {
    await bus?.close();
  });

  function setup() {
    const store = createMemoryStore({ maxEntries: 100, maxBytes: 100_000 });
    const keyer = testKeyer();
    const settings = resolveCacheSettings();
    bus = createInvalidationBus({
      channel: 'unit',
      store,
      keyer,
      sealer: testSealer(),
      contractVersion: settings.contractVersion,
      redeleteAfterMs: 0,
    });
    const cache = createEntityCache({ store, sealer: testSealer(), keyer, settings, bus });
    return { bus, cache, store };
  }

  it('publishing deletes the entries and tells local listeners', async () => {
    const { bus, cache, store } = setup();
    await cache.readMany('lcs', 'person', ['1', '2'], async (ids) => new Map(ids.map((id) => [id, { id }])));
    await cache.flush();
    expect(store.size()).toBe(2);

    const heard: EntityRef[][] = [];
    const stop = bus.onInvalidate((refs) => heard.push([...refs]));
    await bus.publish([person('1')]);
    expect(store.size()).toBe(1);
    expect(heard).toEqual([[person('1')]]);

    stop();
    await bus.publish([person('2')]);
    expect(heard).toHaveLength(1);
    expect(store.size()).toBe(0);
  });

  it("the entity cache's invalidate goes through the bus and drops its in-flight fetch", async () => {
    const { bus, cache } = setup();
    const heard: EntityRef[][] = [];
    bus.onInvalidate((refs) => heard.push([...refs]));
    let release!: () => void;
    const pending = cache.readMany('lcs', 'person', ['1'], async (ids) => {
      await new Promise<void>((resolve) => (release = resolve));
      return new Map(ids.map((id) => [id, { id }]));
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.inFlightCount()).toBe(1);
    await cache.invalidate([person('1')]);
    expect(cache.inFlightCount()).toBe(0);
    expect(heard).toEqual([[person('1')]]);
    release();
    await pending;
  });

  it('repeats the delete after the configured delay, catching a write-back that raced it', async () => {
    const store = createMemoryStore({ maxEntries: 100, maxBytes: 100_000 });
    const keyer = testKeyer();
    bus = createInvalidationBus({
      channel: 'unit',
      store,
      keyer,
      sealer: testSealer(),
      contractVersion: 'v1',
      redeleteAfterMs: 20,
    });
    await bus.publish([person('1')]);
    // A slow fetch from before the change lands after the first delete.
    const key = keyer.entityKey(person('1'), 'v1');
    await store.setMany([{ key, value: Buffer.from('old'), ttlSeconds: 60 }]);
    expect(store.size()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(store.size()).toBe(0);
  });

  it("a failed delete rejects with the store's own error as its cause, and is reported", async () => {
    const store = createMemoryStore({ maxEntries: 100, maxBytes: 100_000 });
    const storeDown = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    store.delete = () => Promise.reject(storeDown);
    const reported: Error[] = [];
    bus = createInvalidationBus({
      channel: 'unit',
      store,
      keyer: testKeyer(),
      sealer: testSealer(),
      contractVersion: 'v1',
      redeleteAfterMs: 0,
      onError: (error) => reported.push(error),
    });
    const failure = await bus.publish([person('1')]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'InvalidationError', cause: storeDown });
    expect((failure as Error).message).toBe('cache invalidation incomplete: delete failed');
    expect(reported).toEqual([failure]);
  });
});
