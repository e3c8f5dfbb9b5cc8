/**
 * DataLoader factories shared by the four connectors: every upstream read goes
 * L1 (this request's DataLoader) -> L2 (the shared, sealed cache) -> upstream, and each key's
 * answer carries its freshness so that `Child.sources` can say OK or STALE.
 */
import DataLoader from 'dataloader';
import type { Cached, EntityCache } from '../../src/platform/cache/types.ts';
import type { SystemName } from '../../src/platform/systems.ts';

export type Loaded<T> = Cached<T> | null;

export interface CachedLoaderOptions<T> {
  cache: EntityCache;
  system: SystemName;
  resource: string;
  /** Fetch these ids from the upstream; ids it does not return are reported as null. */
  fetch: (ids: readonly string[]) => Promise<Map<string, T>>;
  /** The upstream's batch limit (1 for resources that only offer single reads). */
  maxBatchSize: number;
}

/** A per-request loader that reads through the shared cache; an upstream failure rejects that key only. */
export function cachedLoader<T>(options: CachedLoaderOptions<T>): DataLoader<string, Loaded<T>> {
  const { cache, system, resource, fetch, maxBatchSize } = options;
  return new DataLoader<string, Loaded<T>>(
    (ids) => cache.readMany<T>(system, resource, ids, fetch) as Promise<(Loaded<T> | Error)[]>,
    // The shared cache already batches misses into one upstream call; DataLoader's batch size here
    // bounds how many keys one cache round trip carries.
    { maxBatchSize: Math.max(maxBatchSize, 1) * 4 },
  );
}

/** Runs single-read fetches for many ids; the upstream client's concurrency cap bounds the fan-out. */
export async function fetchEach<T>(
  ids: readonly string[],
  fetchOne: (id: string) => Promise<T | null>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const results = await Promise.allSettled(ids.map(fetchOne));
  let firstError: unknown = null;
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') {
      if (result.value !== null) found.set(ids[index]!, result.value);
    } else firstError ??= result.reason;
  });
  // All-or-nothing per call keeps the cache's stale-if-error path simple: if any single read failed
  // with something other than "not found", the whole batch is reported failed.
  if (firstError !== null) throw firstError;
  return found;
}

/** Splits ids into chunks no larger than the upstream's batch limit and merges the answers. */
export async function fetchInChunks<T>(
  ids: readonly string[],
  chunkSize: number,
  fetchChunk: (chunk: readonly string[]) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  if (ids.length <= chunkSize) return fetchChunk(ids);
  const chunks: (readonly string[])[] = [];
  for (let i = 0; i < ids.length; i += chunkSize) chunks.push(ids.slice(i, i + chunkSize));
  const maps = await Promise.all(chunks.map(fetchChunk));
  const merged = new Map<string, T>();
  for (const map of maps) for (const [id, value] of map) merged.set(id, value);
  return merged;
}

/** Reads every page of a paginated list route. */
export async function readAllPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  maxPages = 10_000,
): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const { items, nextCursor } = await fetchPage(cursor);
    for (const item of items) all.push(item);
    if (!nextCursor) return all;
    cursor = nextCursor;
  }
  return all;
}
