/** Building blocks the four systems share for their list and batch routes. */
import { badRequest } from './errors.ts';
import { memoByVersion, type ResultCache } from './indexes.ts';
import { keyRange, sortEntries, type Entry, type Page, paginate } from './paging.ts';
import type { ParsedQuery } from './query.ts';
import type { RecordStore } from './store.ts';

/** A route that is a batch read with `batchParam`, or a page otherwise, refuses a mix of the two. */
export function isBatch(query: ParsedQuery, batchParams: readonly string[]): boolean {
  const present = batchParams.filter((name) => query.has(name));
  if (present.length === 0) return false;
  if (present.length > 1)
    throw badRequest(`parameters ${present.map((p) => `"${p}"`).join(' and ')} cannot be combined`);
  if (query.filterNames().length > 1 || query.has('limit') || query.has('cursor')) {
    throw badRequest(`a batch read with "${present[0]}" takes no other parameters`);
  }
  return true;
}

/** A store's ids in the store's own stable order. */
export function storeOrder<T>(store: RecordStore<T>): () => Entry<string>[] {
  return memoByVersion(
    () => [],
    () => store.ids().map((id, seq) => ({ key: '', seq, value: id })),
  );
}

/** A store's ids ordered by a key of each record (rebuilt after a change to the store). */
export function storeOrderedBy<T>(
  store: RecordStore<T>,
  keyOf: (record: T) => string,
): () => Entry<string>[] {
  return memoByVersion(
    () => [store.version],
    () => sortEntries(store.ids().map((id, seq) => ({ key: keyOf(store.get(id) as T), seq, value: id }))),
  );
}

/** Records derived from another store's records (e.g. every referral in every social care record). */
export function derivedOrderedBy<P, T>(
  store: RecordStore<P>,
  childrenOf: (parent: P) => readonly T[],
  keyOf: (child: T) => string,
): () => Entry<T>[] {
  return memoByVersion(
    () => [store.version],
    () => {
      const entries: Entry<T>[] = [];
      let seq = 0;
      for (const id of store.ids()) {
        for (const child of childrenOf(store.get(id) as P))
          entries.push({ key: keyOf(child), seq: seq++, value: child });
      }
      return sortEntries(entries);
    },
  );
}

/** One page of entries whose key lies in the query's [from, to]. */
export function pageByKeyRange<T, R>(
  entries: readonly Entry<T>[],
  query: ParsedQuery,
  toItem: (value: T) => R | undefined,
  bounds: { from?: string | undefined; to?: string | undefined } = {
    from: query.string('from'),
    to: query.string('to'),
  },
): Page<R> {
  checkOrder(bounds.from, bounds.to);
  return paginate(entries, keyRange(entries, bounds.from, bounds.to), query, toItem);
}

function checkOrder(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && from > to) throw badRequest('"from" must not be after "to"');
}

/**
 * One page of periods (sorted by start date) open on `activeOn`, or overlapping [from, to]: started
 * on or before `to` and not ended before `from`. The filtered list is cached for the following pages.
 */
export function pageByPeriod<T, R>(
  entries: readonly Entry<T>[],
  version: number,
  query: ParsedQuery,
  cache: ResultCache<Entry<T>[]>,
  endOf: (value: T) => string | null,
  toItem: (value: T) => R | undefined,
): Page<R> {
  const activeOn = query.string('activeOn');
  if (activeOn !== undefined && (query.has('from') || query.has('to'))) {
    throw badRequest('"activeOn" cannot be combined with "from" or "to"');
  }
  const from = activeOn ?? query.string('from');
  const to = activeOn ?? query.string('to');
  checkOrder(from, to);
  const startedInTime = keyRange(entries, undefined, to).hi;
  if (from === undefined) return paginate(entries, { lo: 0, hi: startedInTime }, query, toItem);
  const matching = cache.get(`${version}|${query.fingerprint}`, () =>
    entries.slice(0, startedInTime).filter((e) => {
      const end = endOf(e.value);
      return end === null || end >= from;
    }),
  );
  return paginate(matching, { lo: 0, hi: matching.length }, query, toItem);
}
