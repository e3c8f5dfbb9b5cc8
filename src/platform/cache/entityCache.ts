/**
 * The read-through L2 cache connectors' DataLoaders call (L1 is the per-request DataLoader).
 *
 * One lookup is: one store read for every key, open and parse each entry, fetch what is missing
 * or stale in ONE upstream call, answer, and write back in the background. Write-backs are queued
 * and written once per turn of the event loop (setImmediate), every lookup's together in one
 * store write: encoding and sealing happen after the callers have their answers, and Redis gets
 * one command a turn instead of one per entry. An invalidation drops the queued write-backs of
 * its keys, so a value queued before a change is never written after it.
 * Concurrent lookups for the same key within this process share one upstream fetch.
 *
 * Entries are `{ f: fetchedAtMs, v: value }` (or `{ f, n: 1 }` for "the upstream has no such
 * record"), JSON-encoded once and sealed. Freshness is judged here from `f`, not by the store:
 * the store keeps an entry for TTL + stale grace. An entry past its TTL but inside its grace is
 * answered at once, labelled stale with its fetch time, while one refresh per key runs in the
 * background (stale-while-revalidate); if the refresh fails the stale entry keeps being served.
 *
 * Ids the upstream does not return come back as null and are remembered as a negative entry for
 * `negativeTtlSeconds` (default 30 s; 0 disables). Cross-system lookups ask for many ids that do
 * not exist (most children have no LIFT client or EHCP), and without this each one would cost an
 * upstream call on every request. Change events invalidate negative entries like any other.
 *
 * In front of the store sits the near-cache (nearCache.ts): FRESH decoded entries kept in this
 * process for at most `nearCacheMaxAgeMs`, filled when an entry is decoded from the store and when
 * this instance writes back what it fetched, dropped by every invalidation (this instance's or, via
 * the bus, another's). A lookup answered wholly from it touches neither the store nor the sealer.
 * Values it hands out are shared between requests: callers must treat them as read-only.
 *
 * The store failing is never an error to the caller: a failed read is all-miss, a failed write is
 * counted and forgotten. Upstream errors are answered per slot, with the stale value where one
 * exists, else the Error itself.
 */
import type { SystemName } from '../systems.ts';
import type { Cached, CacheStore, EntityCache, EntityRef } from './types.ts';
import type { CacheMetrics } from './metrics.ts';
import { noopCacheMetrics } from './metrics.ts';
import type { Sealer } from './sealer.ts';
import type { EntityKeyer } from './keys.ts';
import type { CacheSettings, ResourcePolicy } from './settings.ts';
import { resourcePolicy } from './settings.ts';
import type { InvalidationBus } from './invalidationBus.ts';
import type { NearCache } from './nearCache.ts';
import { createNearCache } from './nearCache.ts';

/**
 * Shortest quarantine of an invalidated key in the near-cache (ms): covers the bus's delayed
 * delete (2 s by default) with a margin, so an old value written back late on another instance is
 * not remembered here even when the near-cache's maximum age is set shorter.
 */
const NEAR_QUARANTINE_MIN_MS = 5000;

export interface EntityCacheOptions {
  store: CacheStore;
  sealer: Sealer;
  keyer: EntityKeyer;
  settings: CacheSettings;
  /** When given, `invalidate` goes through the bus and invalidations from other instances are heard. */
  bus?: InvalidationBus;
  metrics?: CacheMetrics;
  /** Clock in ms, for tests. */
  now?: () => number;
}

export interface SharedEntityCache extends EntityCache {
  /**
   * Writes these values as just fetched (fresh from now), replacing whatever the store held, and
   * tells every instance to drop its near-cache copy and any fetch of them still under way: how
   * prepared report facts are refreshed without a moment when readers find nothing. Rejects when
   * the store write failed (the caller invalidates instead).
   */
  replace<T>(system: SystemName, resource: string, values: ReadonlyMap<string, T>): Promise<void>;
  /** Settles when every write-back started so far has finished (graceful shutdown, tests). */
  flush(): Promise<void>;
  /** Lookups whose upstream fetch is still running (for tests and diagnostics). */
  inFlightCount(): number;
  /** Entries in the in-process near-cache now (0 when it is off; for tests and diagnostics). */
  nearCacheSize(): number;
  /**
   * Called with the refs of every invalidation another instance publishes (never this instance's
   * own: whoever invalidates here already knows). Without a bus there are no other instances and
   * the listener is never called. Returns an unsubscribe function.
   */
  onRemoteInvalidate(listener: (refs: readonly EntityRef[]) => void): () => void;
  /** Stops listening to the bus and waits for pending write-backs. Does not close the store. */
  close(): Promise<void>;
}

/** One key's share of an upstream fetch that is under way. */
interface InFlight {
  readonly id: string;
  readonly batch: Promise<Map<string, unknown>>;
  /** When the fetch started: the conservative "as of" for what it returns. */
  readonly fetchedAt: number;
}

/** A write-back waiting for this turn's store write: encoded and sealed only then. */
interface QueuedWrite {
  readonly system: SystemName;
  readonly fetchedAt: number;
  /** The record; undefined for a remembered absence. */
  readonly value: unknown;
  readonly ttlSeconds: number;
}

/** A decoded entry: `v` present for a record, `n` for a remembered absence. */
interface Entry {
  f: number;
  v?: unknown;
  n?: 1;
}

export function createEntityCache(options: EntityCacheOptions): SharedEntityCache {
  const { store, sealer, keyer, settings, bus } = options;
  const metrics = options.metrics ?? noopCacheMetrics;
  const now = options.now ?? Date.now;
  const contractVersion = settings.contractVersion;
  const policies = new Map<string, ResourcePolicy>();
  const inFlight = new Map<string, InFlight>();
  const pendingWrites = new Set<Promise<void>>();
  /** Write-backs not yet handed to the store, by key (a later fetch of a key replaces an earlier). */
  const queuedWrites = new Map<string, QueuedWrite>();
  let writeTurn: NodeJS.Immediate | undefined;
  const near: NearCache | undefined =
    settings.nearCacheEntries > 0 && settings.nearCacheMaxAgeMs > 0
      ? createNearCache({
          maxEntries: settings.nearCacheEntries,
          maxAgeMs: settings.nearCacheMaxAgeMs,
          quarantineMs: Math.max(settings.nearCacheMaxAgeMs, NEAR_QUARANTINE_MIN_MS),
        })
      : undefined;
  /** Counts invalidations: a store read that overlapped one does not fill the near-cache. */
  let invalidations = 0;

  const policyFor = (system: SystemName, resource: string): ResourcePolicy => {
    const name = `${system}:${resource}`;
    let policy = policies.get(name);
    if (!policy) {
      policy = resourcePolicy(settings, system, resource);
      policies.set(name, policy);
    }
    return policy;
  };

  const keyOf = (ref: EntityRef): string => keyer.entityKey(ref, contractVersion);

  /** Opens and parses one stored value; anything unreadable is a miss, counted. */
  const decode = (system: SystemName, key: string, sealed: Buffer): Entry | undefined => {
    const plain = sealer.open(key, sealed);
    if (typeof plain === 'string') {
      metrics.error(system, 'unseal');
      return undefined;
    }
    try {
      const entry = JSON.parse(plain.toString('utf8')) as Entry;
      if (
        typeof entry === 'object' &&
        entry !== null &&
        typeof entry.f === 'number' &&
        ('v' in entry || entry.n === 1)
      ) {
        return entry;
      }
    } catch {
      // counted below
    }
    metrics.error(system, 'decode');
    return undefined;
  };

  const track = (write: Promise<void>): void => {
    pendingWrites.add(write);
    void write.finally(() => pendingWrites.delete(write));
  };

  /**
   * Encodes, seals and writes every queued write-back in one store write. Runs on its own turn of
   * the loop (setImmediate), so nothing here may throw: a value that cannot be encoded is counted
   * and skipped, a store that fails is counted once per system written.
   */
  const writeQueued = (): void => {
    writeTurn = undefined;
    if (queuedWrites.size === 0) return;
    const entries: { key: string; value: Buffer; ttlSeconds: number }[] = [];
    const systems = new Set<SystemName>();
    for (const [key, { system, fetchedAt, value, ttlSeconds }] of queuedWrites) {
      let sealed: Buffer;
      try {
        const json =
          value === undefined ? `{"f":${fetchedAt},"n":1}` : JSON.stringify({ f: fetchedAt, v: value });
        sealed = sealer.seal(key, Buffer.from(json, 'utf8'));
      } catch {
        metrics.error(system, 'encode');
        continue;
      }
      entries.push({ key, value: sealed, ttlSeconds });
      systems.add(system);
    }
    queuedWrites.clear();
    if (entries.length === 0) return;
    let writing: Promise<void>;
    try {
      writing = store.setMany(entries);
    } catch (error) {
      writing = Promise.reject(error);
    }
    track(
      writing.catch(() => {
        for (const system of systems) metrics.error(system, 'store-write');
      }),
    );
  };

  /**
   * Runs once when a fetch this instance started settles: releases the in-flight slots, remembers
   * what came in in the near-cache and queues it for this turn's store write. A slot that was
   * invalidated meanwhile (no longer this flight) is not written: its value may predate the change
   * that invalidated it.
   */
  const settleOwnFetch = (
    system: SystemName,
    policy: ResourcePolicy,
    keys: readonly string[],
    flights: readonly InFlight[],
    fetchedAt: number,
    result: Map<string, unknown> | undefined,
  ): void => {
    const at = near !== undefined && result ? now() : 0;
    let queued = false;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const flight = flights[i] as InFlight;
      if (inFlight.get(key) !== flight) continue;
      inFlight.delete(key);
      if (!result) continue;
      const value = result.get(flight.id);
      if (value !== undefined) {
        near?.set(key, fetchedAt, policy.ttlMs, value, at, false, policy.nearMaxAgeMs);
        queuedWrites.set(key, { system, fetchedAt, value, ttlSeconds: policy.storeTtlSeconds });
      } else if (policy.negativeTtlMs > 0) {
        near?.set(key, fetchedAt, policy.negativeTtlMs, undefined, at, false);
        queuedWrites.set(key, {
          system,
          fetchedAt,
          value: undefined,
          ttlSeconds: policy.negativeTtlMs / 1000,
        });
      } else {
        continue;
      }
      queued = true;
    }
    if (queued && writeTurn === undefined) writeTurn = setImmediate(writeQueued);
  };

  async function flush(): Promise<void> {
    if (writeTurn !== undefined) {
      clearImmediate(writeTurn);
      writeQueued();
    }
    while (pendingWrites.size > 0) await Promise.allSettled(Array.from(pendingWrites));
  }

  /** Every invalidation, local or remote: no write-back or near-cache refill of what came before. */
  const dropInvalidated = (refs: readonly EntityRef[]): void => {
    if (near === undefined) {
      if (inFlight.size === 0 && queuedWrites.size === 0) return;
      for (const ref of refs) {
        const key = keyOf(ref);
        inFlight.delete(key);
        queuedWrites.delete(key);
      }
      return;
    }
    invalidations++;
    const at = now();
    for (const ref of refs) {
      const key = keyOf(ref);
      inFlight.delete(key);
      queuedWrites.delete(key);
      near.invalidate(key, at);
    }
  };

  const unsubscribe = bus?.onInvalidate(dropInvalidated);

  return {
    async readMany<T>(
      system: SystemName,
      resource: string,
      ids: readonly string[],
      fetchMisses: (ids: readonly string[]) => Promise<Map<string, T>>,
    ): Promise<(Cached<T> | null | Error)[]> {
      const count = ids.length;
      const out = new Array<Cached<T> | null | Error>(count);
      if (count === 0) return out;
      const policy = policyFor(system, resource);
      const keys = new Array<string>(count);
      let hits = 0;
      // Positions the near-cache did not answer, in order; undefined while it answered them all
      // (and when it is off, every position goes to the store).
      let rest: number[] | undefined;
      if (near === undefined) {
        for (let i = 0; i < count; i++) keys[i] = keyOf({ system, resource, id: ids[i] as string });
      } else {
        const at = now();
        for (let i = 0; i < count; i++) {
          const key = keyOf({ system, resource, id: ids[i] as string });
          keys[i] = key;
          const known = near.get(key, at);
          if (known === undefined) {
            (rest ??= []).push(i);
          } else {
            out[i] = known.absent ? null : { value: known.value as T, freshness: 'fresh', asOf: known.asOf };
            hits++;
          }
        }
        if (rest === undefined) {
          metrics.hit(system, hits);
          return out;
        }
      }
      const reading = rest === undefined || rest.length === count ? count : rest.length;
      let readKeys = keys;
      if (reading < count) {
        readKeys = new Array<string>(reading);
        for (let r = 0; r < reading; r++) readKeys[r] = keys[(rest as number[])[r] as number] as string;
      }
      const seenInvalidations = invalidations;

      let stored: (Buffer | null)[] | undefined;
      try {
        stored = await store.getMany(readKeys);
      } catch {
        metrics.error(system, 'store-read');
      }

      const readAt = now();
      // Only what was read with no invalidation in between may be remembered in the near-cache.
      const fill = near !== undefined && seenInvalidations === invalidations ? near : undefined;
      let staleCount = 0;
      const toFetch: number[] = [];
      let staleEntries: Map<number, Entry> | undefined;
      for (let r = 0; r < reading; r++) {
        const i = reading < count ? ((rest as number[])[r] as number) : r;
        const sealed = stored?.[r];
        const key = keys[i] as string;
        const entry = sealed ? decode(system, key, sealed) : undefined;
        if (entry) {
          const age = readAt - entry.f;
          if (entry.n === 1) {
            if (age < policy.negativeTtlMs) {
              out[i] = null;
              hits++;
              fill?.set(key, entry.f, policy.negativeTtlMs, undefined, readAt, true);
              continue;
            }
          } else if (age < policy.ttlMs) {
            const kept = fill?.set(key, entry.f, policy.ttlMs, entry.v, readAt, true, policy.nearMaxAgeMs);
            out[i] = {
              value: entry.v as T,
              freshness: 'fresh',
              asOf: kept !== undefined ? kept.asOf : new Date(entry.f).toISOString(),
            };
            hits++;
            continue;
          } else if (age < policy.staleUntilMs) {
            (staleEntries ??= new Map()).set(i, entry);
            staleCount++;
          }
        }
        toFetch.push(i);
      }
      if (hits > 0) metrics.hit(system, hits);
      if (toFetch.length === 0) return out;
      if (toFetch.length > staleCount) metrics.miss(system, toFetch.length - staleCount);
      if (staleCount > 0) {
        // Stale-while-revalidate: a stale entry inside its grace answers now; the refresh below
        // runs in the background (one per key in this process) and writes back when it lands.
        metrics.stale(system, staleCount);
        for (const [i, stale] of staleEntries as Map<number, Entry>) {
          out[i] = { value: stale.v as T, freshness: 'stale', asOf: new Date(stale.f).toISOString() };
        }
        metrics.staleServed(system, staleCount);
      }

      // Join fetches already under way; start one fetch for everything else (duplicate ids in
      // this call join the flight registered for their first occurrence).
      let release!: (result: Map<string, unknown>) => void;
      let fail!: (error: unknown) => void;
      const ownBatch = new Promise<Map<string, unknown>>((resolve, reject) => {
        release = resolve;
        fail = reject;
      });
      // A refresh nobody waits for (every key was answered stale) must not reject unobserved.
      ownBatch.catch(() => undefined);
      const fetchedAt = now();
      const flights = new Array<InFlight>(toFetch.length);
      const ownIds: string[] = [];
      const ownKeys: string[] = [];
      const ownFlights: InFlight[] = [];
      for (let j = 0; j < toFetch.length; j++) {
        const i = toFetch[j] as number;
        const key = keys[i] as string;
        let flight = inFlight.get(key);
        if (!flight) {
          flight = { id: ids[i] as string, batch: ownBatch, fetchedAt };
          inFlight.set(key, flight);
          ownIds.push(flight.id);
          ownKeys.push(key);
          ownFlights.push(flight);
        }
        flights[j] = flight;
      }

      if (ownIds.length > 0) {
        let fetching: Promise<Map<string, T>>;
        try {
          fetching = Promise.resolve(fetchMisses(ownIds));
        } catch (error) {
          fetching = Promise.reject(error);
        }
        const onFailure = (error: unknown): void => {
          metrics.error(system, 'fetch');
          try {
            settleOwnFetch(system, policy, ownKeys, ownFlights, fetchedAt, undefined);
          } finally {
            fail(error);
          }
        };
        void fetching
          .then((result) => {
            // A connector bug must not leave joined callers waiting forever.
            if (!(result instanceof Map)) {
              onFailure(new TypeError('fetchMisses must resolve to a Map keyed by the requested ids'));
              return;
            }
            try {
              settleOwnFetch(system, policy, ownKeys, ownFlights, fetchedAt, result);
            } finally {
              release(result);
            }
          }, onFailure)
          // Only reachable if building the write-back threw; callers already have their answers.
          .catch(() => metrics.error(system, 'store-write'));
      }
      if (staleCount === toFetch.length) return out;

      // Usually one batch (ours) or two (ours and one we joined): settle each once. Only the
      // misses wait; stale keys were answered above.
      const waiting = staleEntries
        ? flights.filter((_, j) => !staleEntries!.has(toFetch[j] as number))
        : flights;
      const batches = Array.from(new Set(waiting.map((flight) => flight.batch)));
      const settled = await Promise.allSettled(batches);
      const outcomes = new Map(
        batches.map((batch, b) => [batch, settled[b] as PromiseSettledResult<Map<string, unknown>>]),
      );

      for (let j = 0; j < toFetch.length; j++) {
        const i = toFetch[j] as number;
        if (staleEntries?.has(i)) continue;
        const flight = flights[j] as InFlight;
        const outcome = outcomes.get(flight.batch) as PromiseSettledResult<Map<string, unknown>>;
        if (outcome.status === 'fulfilled') {
          const value = outcome.value.get(flight.id);
          out[i] =
            value === undefined
              ? null
              : { value: value as T, freshness: 'fresh', asOf: new Date(flight.fetchedAt).toISOString() };
        } else {
          out[i] = asError(outcome.reason);
        }
      }
      return out;
    },

    async replace(system, resource, values) {
      if (values.size === 0) return;
      const policy = policyFor(system, resource);
      const refs = [...values.keys()].map((id) => ({ system, resource, id }));
      // First every instance forgets what it holds (and drops fetches under way, whose answers may
      // predate the change), then the new values land: no old value is written after them.
      if (bus) await bus.announce(refs).catch(() => undefined);
      else dropInvalidated(refs);
      const fetchedAt = now();
      const entries: { key: string; value: Buffer; ttlSeconds: number }[] = [];
      for (const ref of refs) {
        const key = keyOf(ref);
        const json = JSON.stringify({ f: fetchedAt, v: values.get(ref.id) });
        entries.push({
          key,
          value: sealer.seal(key, Buffer.from(json, 'utf8')),
          ttlSeconds: policy.storeTtlSeconds,
        });
      }
      await store.setMany(entries);
    },

    async invalidate(refs) {
      if (refs.length === 0) return;
      if (bus) {
        // The bus deletes the entries and tells every instance, this one included.
        await bus.publish(refs);
        return;
      }
      dropInvalidated(refs);
      await store.delete(refs.map(keyOf));
    },

    flush,

    inFlightCount: () => inFlight.size,

    nearCacheSize: () => near?.size() ?? 0,

    onRemoteInvalidate(listener) {
      if (!bus) return () => {};
      return bus.onInvalidate((refs, origin) => {
        if (origin === 'remote') listener(refs);
      });
    },

    async close() {
      unsubscribe?.();
      await flush();
    },
  };
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error('upstream fetch failed');
}
