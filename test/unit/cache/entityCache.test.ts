import { describe, expect, it } from 'vitest';
import { createEntityCache } from '../../../src/platform/cache/entityCache.ts';
import { createMemoryStore } from '../../../src/platform/cache/memoryStore.ts';
import { resolveCacheSettings } from '../../../src/platform/cache/settings.ts';
import type { CacheSettings } from '../../../src/platform/cache/settings.ts';
import type { CacheMetrics } from '../../../src/platform/cache/metrics.ts';
import type { CacheStore } from '../../../src/platform/cache/types.ts';
import { manualClock, testKeyer, testSealer } from './fixtures.ts';

interface Person {
  id: string;
  forename: string;
}

/** An upstream that records each call and knows the people it was given. */
function fakeUpstream(known: readonly string[]) {
  const calls: string[][] = [];
  let failing: Error | undefined;
  const fetch = async (ids: readonly string[]): Promise<Map<string, Person>> => {
    calls.push([...ids]);
    if (failing) throw failing;
    return new Map(ids.filter((id) => known.includes(id)).map((id) => [id, { id, forename: `name-${id}` }]));
  };
  return {
    fetch,
    calls,
    failWith(error: Error | undefined) {
      failing = error;
    },
  };
}

function recordingMetrics() {
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
  return { metrics, counts };
}

function setup(overrides: Partial<CacheSettings> = {}, store?: CacheStore) {
  const clock = manualClock();
  const { metrics, counts } = recordingMetrics();
  const memory = createMemoryStore({ maxEntries: 1000, maxBytes: 1_000_000, now: clock.now });
  const cache = createEntityCache({
    store: store ?? memory,
    sealer: testSealer(),
    keyer: testKeyer(),
    settings: resolveCacheSettings({ defaultTtlSeconds: 60, staleGraceSeconds: 600, ...overrides }),
    metrics,
    now: clock.now,
  });
  return { cache, clock, counts, memory };
}

const values = (results: readonly unknown[]) =>
  results.map((r) => (r && typeof r === 'object' && 'value' in r ? (r.value as Person).id : r));

describe('entity cache', () => {
  it('fetches only the misses, in one call, and answers the second lookup from the store', async () => {
    const { cache, counts } = setup();
    const upstream = fakeUpstream(['1', '2', '3']);

    const first = await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    await cache.flush();
    expect(values(first)).toEqual(['1', '2']);
    expect(first[0]).toMatchObject({ freshness: 'fresh' });

    const second = await cache.readMany('lcs', 'person', ['1', '2', '3'], upstream.fetch);
    expect(values(second)).toEqual(['1', '2', '3']);
    expect(upstream.calls).toEqual([['1', '2'], ['3']]);
    expect(counts).toMatchObject({ hit: 2, miss: 3 });
  });

  it('answers null for ids the upstream does not have, and remembers that for the negative TTL', async () => {
    const { cache, clock } = setup({ negativeTtlSeconds: 30 });
    const upstream = fakeUpstream(['1']);

    expect(values(await cache.readMany('lift', 'client', ['1', 'ghost'], upstream.fetch))).toEqual([
      '1',
      null,
    ]);
    await cache.flush();
    expect(values(await cache.readMany('lift', 'client', ['ghost'], upstream.fetch))).toEqual([null]);
    expect(upstream.calls).toEqual([['1', 'ghost']]);

    clock.advance(30_000);
    await cache.readMany('lift', 'client', ['ghost'], upstream.fetch);
    expect(upstream.calls).toEqual([['1', 'ghost'], ['ghost']]);
  });

  it('does not cache absences when the negative TTL is zero', async () => {
    const { cache } = setup({ negativeTtlSeconds: 0 });
    const upstream = fakeUpstream([]);
    await cache.readMany('lift', 'client', ['ghost'], upstream.fetch);
    await cache.flush();
    await cache.readMany('lift', 'client', ['ghost'], upstream.fetch);
    expect(upstream.calls).toHaveLength(2);
  });

  it('answers an entry past its TTL at once as stale, refreshes it in the background, and the next read is fresh', async () => {
    const { cache, clock, counts } = setup();
    const upstream = fakeUpstream(['1']);
    const firstFetch = new Date(clock.now()).toISOString();
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    clock.advance(61_000);
    const [served] = await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    expect(served).toMatchObject({ freshness: 'stale', asOf: firstFetch });
    expect(upstream.calls).toHaveLength(2);
    expect(counts).toMatchObject({ stale: 1, staleServed: 1 });
    await cache.flush();
    const [refreshed] = await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    expect(refreshed).toMatchObject({ freshness: 'fresh', asOf: new Date(clock.now()).toISOString() });
    expect(upstream.calls).toHaveLength(2);
  });

  it('does not wait for a refresh that hangs, and runs one refresh per key however many readers', async () => {
    const { cache, clock } = setup();
    const upstream = fakeUpstream(['1', '2']);
    await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    await cache.flush();
    clock.advance(61_000);
    let refreshes = 0;
    const hanging = () => {
      refreshes++;
      return new Promise<Map<string, Person>>(() => undefined);
    };
    const answers = await Promise.all([
      cache.readMany('lcs', 'person', ['1', '2'], hanging),
      cache.readMany('lcs', 'person', ['1'], hanging),
      cache.readMany('lcs', 'person', ['2', '1'], hanging),
    ]);
    for (const answer of answers)
      for (const slot of answer) expect(slot).toMatchObject({ freshness: 'stale' });
    expect(refreshes).toBe(1);
    expect(cache.inFlightCount()).toBe(2);
  });

  it('serves the stale value, marked stale with its fetch time, when the refresh fails', async () => {
    const { cache, clock, counts } = setup();
    const upstream = fakeUpstream(['1']);
    const fetchedAt = new Date(clock.now()).toISOString();
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();

    clock.advance(120_000);
    upstream.failWith(new Error('LCS unavailable'));
    const [served, missing] = await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    expect(served).toEqual({ value: { id: '1', forename: 'name-1' }, freshness: 'stale', asOf: fetchedAt });
    expect(missing).toBeInstanceOf(Error);
    expect((missing as Error).message).toBe('LCS unavailable');
    expect(counts).toMatchObject({ staleServed: 1, 'error:fetch': 1 });
  });

  it('answers an Error once the entry is past its TTL plus the stale grace', async () => {
    const { cache, clock } = setup();
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    clock.advance((60 + 600) * 1000);
    upstream.failWith(new Error('down'));
    const [result] = await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    expect(result).toBeInstanceOf(Error);
  });

  it('concurrent lookups share one upstream fetch per key', async () => {
    const { cache } = setup();
    const calls: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowFetch = async (ids: readonly string[]) => {
      calls.push([...ids]);
      await gate;
      return new Map(ids.map((id) => [id, { id, forename: 'x' }]));
    };

    const a = cache.readMany('eyes', 'pupil', ['1', '2'], slowFetch);
    const b = cache.readMany('eyes', 'pupil', ['2', '1'], slowFetch);
    const c = cache.readMany('eyes', 'pupil', ['2', '3'], slowFetch);
    await new Promise((resolve) => setImmediate(resolve));
    expect(cache.inFlightCount()).toBe(3);
    release();

    expect(values(await a)).toEqual(['1', '2']);
    expect(values(await b)).toEqual(['2', '1']);
    expect(values(await c)).toEqual(['2', '3']);
    expect(calls).toEqual([['1', '2'], ['3']]);
    expect(cache.inFlightCount()).toBe(0);
  });

  it('a repeated id within one lookup is fetched once and answered in every position', async () => {
    const { cache } = setup();
    const upstream = fakeUpstream(['1']);
    expect(values(await cache.readMany('lcs', 'person', ['1', '1'], upstream.fetch))).toEqual(['1', '1']);
    expect(upstream.calls).toEqual([['1']]);
  });

  it('a joined fetch that fails gives each caller its own stale value or the error', async () => {
    const { cache, clock } = setup();
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    clock.advance(120_000);

    let fail!: (error: Error) => void;
    const failing = () => new Promise<Map<string, Person>>((_resolve, reject) => (fail = reject));
    const a = cache.readMany('lcs', 'person', ['1', '9'], failing);
    const b = cache.readMany('lcs', 'person', ['9'], upstream.fetch);
    await new Promise((resolve) => setImmediate(resolve));
    fail(new Error('timeout'));
    const [staleOne, errorNine] = await a;
    expect(staleOne).toMatchObject({ freshness: 'stale' });
    expect(errorNine).toBeInstanceOf(Error);
    expect((await b)[0]).toBe(errorNine);
    expect(upstream.calls).toHaveLength(1);
  });

  it('a synchronous throw from fetchMisses is answered per slot, not thrown', async () => {
    const { cache } = setup();
    const results = await cache.readMany('lcs', 'person', ['1'], () => {
      throw new Error('bad call');
    });
    expect(results[0]).toBeInstanceOf(Error);
    expect(cache.inFlightCount()).toBe(0);
  });

  it('a fetchMisses that resolves to something other than a Map is answered as an error, not a hang', async () => {
    const { cache } = setup();
    const notAMap = (() => Promise.resolve([])) as unknown as (
      ids: readonly string[],
    ) => Promise<Map<string, Person>>;
    const results = await cache.readMany('lcs', 'person', ['1'], notAMap);
    expect(results[0]).toBeInstanceOf(TypeError);
    expect(cache.inFlightCount()).toBe(0);
  });

  it('keeps answering, as all-miss, when the store fails', async () => {
    const broken: CacheStore = {
      kind: 'redis',
      getMany: () => Promise.reject(new Error('connection refused')),
      setMany: () => Promise.reject(new Error('connection refused')),
      delete: () => Promise.reject(new Error('connection refused')),
      healthy: () => false,
      close: async () => {},
    };
    const { cache, counts } = setup({}, broken);
    const upstream = fakeUpstream(['1', '2']);
    for (let round = 0; round < 2; round++) {
      expect(values(await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch))).toEqual(['1', '2']);
      await cache.flush();
    }
    expect(upstream.calls).toHaveLength(2);
    expect(counts).toMatchObject({ 'error:store-read': 2, 'error:store-write': 2, miss: 4 });
  });

  it('treats a stored value that fails authentication as a miss, and counts it', async () => {
    const { cache, memory, counts } = setup();
    const upstream = fakeUpstream(['1']);
    await cache.readMany('lcs', 'person', ['1'], upstream.fetch);
    await cache.flush();
    // Swap the stored value under another key: AAD binding makes it unreadable there.
    const key = testKeyer().entityKey({ system: 'lcs', resource: 'person', id: '1' }, 'v1');
    const other = testKeyer().entityKey({ system: 'lcs', resource: 'person', id: '2' }, 'v1');
    const [sealed] = await memory.getMany([key]);
    await memory.setMany([{ key: other, value: sealed as Buffer, ttlSeconds: 60 }]);

    const [result] = await cache.readMany('lcs', 'person', ['2'], upstream.fetch);
    expect(result).toBeNull();
    expect(upstream.calls).toEqual([['1'], ['2']]);
    expect(counts['error:unseal']).toBe(1);
  });

  it('invalidate removes entries so the next lookup fetches again', async () => {
    const { cache } = setup();
    const upstream = fakeUpstream(['1', '2']);
    await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    await cache.flush();
    await cache.invalidate([{ system: 'lcs', resource: 'person', id: '1' }]);
    await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    expect(upstream.calls).toEqual([['1', '2'], ['1']]);
  });

  it('a fetch under way when its entity is invalidated is not written back, and is not joined', async () => {
    const { cache } = setup();
    const gates: (() => void)[] = [];
    const fetchOpenedBy = (label: string) => async (ids: readonly string[]) => {
      await new Promise<void>((resolve) => gates.push(resolve));
      return new Map(ids.map((id) => [id, { id, forename: label }]));
    };
    const beforeChange = cache.readMany('lcs', 'person', ['1'], fetchOpenedBy('before the change'));
    await new Promise((resolve) => setImmediate(resolve));
    await cache.invalidate([{ system: 'lcs', resource: 'person', id: '1' }]);
    const afterChange = cache.readMany('lcs', 'person', ['1'], fetchOpenedBy('after the change'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(gates).toHaveLength(2);

    // The newer fetch finishes first; the older one must not overwrite it when it lands.
    gates[1]?.();
    await afterChange;
    gates[0]?.();
    expect((await beforeChange)[0]).toMatchObject({ value: { forename: 'before the change' } });
    await cache.flush();

    const [stored] = await cache.readMany('lcs', 'person', ['1'], () =>
      Promise.reject(new Error('not called')),
    );
    expect(stored).toMatchObject({ freshness: 'fresh', value: { forename: 'after the change' } });
  });
  it("write-backs of lookups settled in the same turn reach the store in one write, after the callers' answers", async () => {
    const memory = createMemoryStore({ maxEntries: 1000, maxBytes: 1_000_000 });
    const writes: string[][] = [];
    const counting: CacheStore = {
      ...memory,
      setMany: (entries) => {
        writes.push(entries.map(({ key }) => key));
        return memory.setMany(entries);
      },
    };
    const { cache } = setup({ negativeTtlSeconds: 30 }, counting);
    const people = fakeUpstream(['1', '2']);
    const pupils = fakeUpstream(['p1']);
    const [persons, pupil] = await Promise.all([
      cache.readMany('lcs', 'person', ['1', '2', 'absent'], people.fetch),
      cache.readMany('eyes', 'pupil', ['p1'], pupils.fetch),
    ]);
    expect(values(persons)).toEqual(['1', '2', null]);
    expect(values(pupil)).toEqual(['p1']);
    // The callers have their answers before anything is written.
    expect(writes).toEqual([]);

    // Written at the end of this turn without being asked: one write, four entries (one absent).
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes.map((keys) => keys.length)).toEqual([4]);
    await cache.flush();
    const refetch = fakeUpstream([]);
    const again = await cache.readMany('lcs', 'person', ['1', '2', 'absent'], refetch.fetch);
    expect(values(again)).toEqual(['1', '2', null]);
    expect(refetch.calls).toEqual([]);
  });

  it('an invalidation before the write-back is written drops it: the store never holds the old value', async () => {
    const { cache, memory } = setup();
    const upstream = fakeUpstream(['1', '2']);
    await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    // Still queued (the turn has not ended): the change comes in now.
    await cache.invalidate([{ system: 'lcs', resource: 'person', id: '1' }]);
    await cache.flush();

    const [changed, unchanged] = await memory.getMany(
      ['1', '2'].map((id) => testKeyer().entityKey({ system: 'lcs', resource: 'person', id }, 'v1')),
    );
    expect(changed).toBeNull();
    expect(unchanged).not.toBeNull();
    await cache.readMany('lcs', 'person', ['1', '2'], upstream.fetch);
    expect(upstream.calls).toEqual([['1', '2'], ['1']]);
  });
  it('a value that cannot be encoded is answered, counted and not written, and the rest of the turn is', async () => {
    const { cache, counts, memory } = setup();
    const [odd, plain] = await Promise.all([
      cache.readMany('lcs', 'person', ['big'], async () => new Map([['big', { id: 'big', size: 1n }]])),
      cache.readMany('eyes', 'pupil', ['p1'], fakeUpstream(['p1']).fetch),
    ]);
    expect(odd[0]).toMatchObject({ value: { id: 'big' } });
    expect(values(plain)).toEqual(['p1']);
    // Written on its own turn: must not throw there.
    await new Promise((resolve) => setImmediate(resolve));
    await cache.flush();
    expect(counts['error:encode']).toBe(1);
    const [unwritten, written] = await memory.getMany([
      testKeyer().entityKey({ system: 'lcs', resource: 'person', id: 'big' }, 'v1'),
      testKeyer().entityKey({ system: 'eyes', resource: 'pupil', id: 'p1' }, 'v1'),
    ]);
    expect(unwritten).toBeNull();
    expect(written).not.toBeNull();
  });
});
