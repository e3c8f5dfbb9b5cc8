/**
 * Against the shared Redis at 127.0.0.1:6379: every key this file writes lives under a prefix
 * unique to this run, and is deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisStore } from '../../../src/platform/cache/redisStore.ts';
import { createEntityCache } from '../../../src/platform/cache/entityCache.ts';
import type { SharedEntityCache } from '../../../src/platform/cache/entityCache.ts';
import { createInvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import type { InvalidationBus } from '../../../src/platform/cache/invalidationBus.ts';
import type { CacheStore, EntityRef } from '../../../src/platform/cache/types.ts';
import {
  ALL_IDS,
  countingUpstream,
  keyer,
  PEOPLE,
  plaintextFragments,
  sealer,
  settings,
} from './support/fixtures.ts';
import { waitFor } from './support/redisProcesses.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `svoc-it-${randomUUID()}:`;
const channel = `${prefix}invalidate`;

/** The keys of every MGET of this file's prefix Redis runs from now on, read through its MONITOR. */
async function watchMgets(admin: Redis) {
  const monitor = await admin.monitor();
  const mgets: string[][] = [];
  const marker = `end-${randomUUID()}`;
  let markerSeen = false;
  monitor.on('monitor', (_time: string, args: string[]) => {
    if (args[0]?.toLowerCase() === 'mget' && args.some((arg) => arg.startsWith(prefix)))
      mgets.push(args.slice(1));
    if (args.includes(marker)) markerSeen = true;
  });
  return {
    // MONITOR lists commands in the order Redis ran them: once a marker sent now is seen, every
    // MGET sent before it is.
    async sent(): Promise<string[][]> {
      await admin.echo(marker);
      await waitFor(() => markerSeen, 5000);
      return mgets;
    },
    stop: () => monitor.disconnect(),
  };
}

/** One simulated hub instance: its own connections, bus and entity cache. */
function hubInstance() {
  const store = createRedisStore({ url: REDIS_URL, keyPrefix: prefix, commandTimeoutMs: 500 });
  const s = settings();
  const bus = createInvalidationBus({
    channel,
    store,
    keyer: keyer(),
    sealer: sealer(),
    contractVersion: s.contractVersion,
    redisUrl: REDIS_URL,
    redeleteAfterMs: 0,
  });
  const cache = createEntityCache({ store, sealer: sealer(), keyer: keyer(), settings: s, bus });
  return { store, bus, cache };
}

describe('entity cache over the shared Redis', () => {
  const admin = new Redis(REDIS_URL, { lazyConnect: true });
  const instances: { store: CacheStore; bus: InvalidationBus; cache: SharedEntityCache }[] = [];
  const sniffed: Buffer[] = [];
  const sniffer = new Redis(REDIS_URL, { lazyConnect: true });

  async function dump(): Promise<{ key: string; value: Buffer }[]> {
    const entries: { key: string; value: Buffer }[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const value = await admin.getBuffer(key);
        if (value) entries.push({ key, value });
      }
    } while (cursor !== '0');
    return entries;
  }

  beforeAll(async () => {
    await Promise.all([admin.connect(), sniffer.connect()]);
    sniffer.on('messageBuffer', (_channel: Buffer, message: Buffer) => sniffed.push(message));
    await sniffer.subscribe(channel);
    instances.push(hubInstance(), hubInstance());
    await Promise.all(instances.map(({ bus }) => bus.ready()));
    await waitFor(() => instances.every(({ store }) => store.healthy()), 10_000);
  });

  afterAll(async () => {
    for (const { cache, bus, store } of instances) {
      await cache.close();
      await bus.close();
      await store.close();
    }
    const leftovers = (await dump()).map(({ key }) => key);
    if (leftovers.length > 0) await admin.unlink(...leftovers);
    await sniffer.quit();
    await admin.quit();
  });

  it('the store round-trips values with their TTL, and deletes them', async () => {
    const [{ store }] = instances as [(typeof instances)[number]];
    const key = 'svoc:v1:{lcs:roundtrip:0}:k';
    await store.setMany([{ key, value: Buffer.from([0, 1, 2, 255]), ttlSeconds: 5 }]);
    expect(await store.getMany([key, 'svoc:v1:{lcs:roundtrip:0}:absent'])).toEqual([
      Buffer.from([0, 1, 2, 255]),
      null,
    ]);
    const pttl = await admin.pttl(`${prefix}${key}`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(5000);
    await store.delete([key]);
    expect(await store.getMany([key])).toEqual([null]);
  });

  it('several entries are written in one call, each with its own expiry, and one entry alone too', async () => {
    const [{ store }] = instances as [(typeof instances)[number]];
    const entries = [
      { key: 'svoc:v1:{lcs:several:0}:a', value: Buffer.from([1, 0, 255]), ttlSeconds: 5 },
      { key: 'svoc:v1:{lcs:several:1}:b', value: Buffer.from('second'), ttlSeconds: 600 },
      { key: 'svoc:v1:{lcs:several:2}:c', value: Buffer.alloc(0), ttlSeconds: 30 },
    ];
    await store.setMany(entries);
    await store.setMany([{ key: 'svoc:v1:{lcs:several:3}:d', value: Buffer.from('alone'), ttlSeconds: 60 }]);
    expect(await store.getMany([...entries.map(({ key }) => key), 'svoc:v1:{lcs:several:3}:d'])).toEqual([
      Buffer.from([1, 0, 255]),
      Buffer.from('second'),
      Buffer.alloc(0),
      Buffer.from('alone'),
    ]);
    const ttls = await Promise.all(
      ['a', 'b', 'c'].map((name, i) => admin.pttl(`${prefix}svoc:v1:{lcs:several:${i}}:${name}`)),
    );
    // Each its own: 5 s, 600 s and 30 s (less whatever time has passed since).
    expect(ttls[0]).toBeGreaterThan(0);
    expect(ttls[0]).toBeLessThanOrEqual(5000);
    expect(ttls[1]).toBeGreaterThan(5000);
    expect(ttls[1]).toBeLessThanOrEqual(600_000);
    expect(ttls[2]).toBeGreaterThan(5000);
    expect(ttls[2]).toBeLessThanOrEqual(30_000);
    expect(await admin.pttl(`${prefix}svoc:v1:{lcs:several:3}:d`)).toBeLessThanOrEqual(60_000);
  });

  it('lookups made in the same turn share one MGET, and each is answered with its own keys', async () => {
    const [{ store }] = instances as [(typeof instances)[number]];
    const key = (name: string) => `svoc:v1:{lcs:turn:0}:${name}`;
    await store.setMany(
      ['a', 'b', 'c'].map((name) => ({ key: key(name), value: Buffer.from(name), ttlSeconds: 60 })),
    );
    const mgets = await watchMgets(admin);
    try {
      const answers = await Promise.all([
        store.getMany([key('a'), key('absent')]),
        store.getMany([key('c')]),
        store.getMany([key('b'), key('a')]),
      ]);
      expect(answers).toEqual([
        [Buffer.from('a'), null],
        [Buffer.from('c')],
        [Buffer.from('b'), Buffer.from('a')],
      ]);
      expect(await mgets.sent()).toEqual([
        ['a', 'absent', 'c', 'b', 'a'].map((name) => `${prefix}${key(name)}`),
      ]);
    } finally {
      mgets.stop();
    }
  });

  it('lookups from separate callbacks of one turn of the loop (several requests) share one MGET', async () => {
    const [{ store }] = instances as [(typeof instances)[number]];
    const key = (name: string) => `svoc:v1:{lcs:callbacks:0}:${name}`;
    await store.setMany(
      ['a', 'b'].map((name) => ({ key: key(name), value: Buffer.from(name), ttlSeconds: 60 })),
    );
    const mgets = await watchMgets(admin);
    try {
      // Timers due together run in one timers phase, each callback with its own nextTick queue
      // drained after it, as the I/O callbacks of requests arriving together do.
      const lookup = (names: string[]) =>
        new Promise<(Buffer | null)[]>((resolve, reject) => {
          setTimeout(() => store.getMany(names.map(key)).then(resolve, reject), 0);
        });
      const answers = await Promise.all([lookup(['a']), lookup(['b', 'absent']), lookup(['a'])]);
      expect(answers).toEqual([[Buffer.from('a')], [Buffer.from('b'), null], [Buffer.from('a')]]);
      expect(await mgets.sent()).toEqual([['a', 'b', 'absent', 'a'].map((name) => `${prefix}${key(name)}`)]);
    } finally {
      mgets.stop();
    }
  });

  it('a second lookup makes zero upstream fetches', async () => {
    const [{ cache }] = instances as [(typeof instances)[number]];
    const upstream = countingUpstream();
    const first = await cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    await cache.flush();
    const second = await cache.readMany('lcs', 'person', ALL_IDS, upstream.fetch);
    expect(upstream.calls).toHaveLength(1);
    expect(second.map((r) => (r && 'value' in r ? r.value : r))).toEqual(PEOPLE);
    expect(second).toEqual(first);
  });

  it('two hub instances share entries, and an invalidation from one reaches the other within a second', async () => {
    const [a, b] = instances as [(typeof instances)[number], (typeof instances)[number]];
    const upstream = countingUpstream();
    await a.cache.readMany('eyes', 'pupil', ALL_IDS, upstream.fetch);
    await a.cache.flush();
    await b.cache.readMany('eyes', 'pupil', ALL_IDS, upstream.fetch);
    expect(upstream.calls).toHaveLength(1);

    const heardByB: EntityRef[] = [];
    b.bus.onInvalidate((refs) => heardByB.push(...refs));
    const changed: EntityRef = { system: 'eyes', resource: 'pupil', id: PEOPLE[0]!.personId };
    const start = Date.now();
    await a.cache.invalidate([changed]);
    await waitFor(() => heardByB.length > 0, 1000);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(heardByB).toEqual([changed]);

    await b.cache.readMany('eyes', 'pupil', ALL_IDS, upstream.fetch);
    expect(upstream.calls[1]).toEqual([changed.id]);
  });

  it('nothing this test wrote to Redis, keys, values or messages, shows a name, date or id', async () => {
    const [{ cache }] = instances as [(typeof instances)[number]];
    await cache.readMany('lcs', 'person', [...ALL_IDS, 'no-such-person'], countingUpstream().fetch);
    await cache.flush();
    await cache.invalidate([{ system: 'lcs', resource: 'person', id: PEOPLE[1]!.personId }]);
    await waitFor(() => sniffed.length > 0, 1000);

    const entries = await dump();
    expect(entries.length).toBeGreaterThanOrEqual(ALL_IDS.length);
    const haystacks = [
      ...entries.flatMap(({ key, value }) => [key, value.toString('latin1'), value.toString('utf8')]),
      ...sniffed.map((message) => message.toString('latin1')),
    ];
    for (const fragment of plaintextFragments()) {
      for (const haystack of haystacks) expect(haystack).not.toContain(fragment);
    }
  });
});
