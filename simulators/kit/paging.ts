/**
 * Keyset pagination over ordered entries. Entries are sorted by (key, seq): `key` is the order the
 * route promises (a date, an instant, or '' for the record set's own order) and `seq` the record's
 * position in its record set, which breaks ties. A cursor names the last entry returned, so a page
 * costs a binary search plus the page itself, and an index rebuilt after a record change never
 * repeats or skips records whose keys did not change.
 */
import { createHash } from 'node:crypto';
import { badRequest } from './errors.ts';
import type { ParsedQuery } from './query.ts';

export interface Entry<T> {
  readonly key: string;
  readonly seq: number;
  readonly value: T;
}

export interface Page<R> {
  items: R[];
  nextCursor: string | null;
}

/** A half-open slice [lo, hi) of sorted entries that satisfy the query's range filter. */
export interface Range {
  readonly lo: number;
  readonly hi: number;
}

const compare = (aKey: string, aSeq: number, bKey: string, bSeq: number): number =>
  aKey < bKey ? -1 : aKey > bKey ? 1 : aSeq - bSeq;

export function sortEntries<T>(entries: Entry<T>[]): Entry<T>[] {
  return entries.sort((a, b) => compare(a.key, a.seq, b.key, b.seq));
}

/** First index in [lo, hi) whose entry is not before the predicate's boundary. */
function lowerBound<T>(
  entries: readonly Entry<T>[],
  lo: number,
  hi: number,
  before: (e: Entry<T>) => boolean,
) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(entries[mid] as Entry<T>)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entries whose key lies in [from, to] (both inclusive, both optional). */
export function keyRange<T>(entries: readonly Entry<T>[], from?: string, to?: string): Range {
  const lo = from === undefined ? 0 : lowerBound(entries, 0, entries.length, (e) => e.key < from);
  const hi = to === undefined ? entries.length : lowerBound(entries, lo, entries.length, (e) => e.key <= to);
  return { lo, hi };
}

const fingerprintHash = (fingerprint: string): string =>
  createHash('sha256').update(fingerprint).digest('base64url').slice(0, 12);

function encodeCursor(fingerprint: string, entry: Entry<unknown>): string {
  return Buffer.from(JSON.stringify([fingerprintHash(fingerprint), entry.key, entry.seq])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string, fingerprint: string): { key: string; seq: number } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor is not valid');
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    typeof decoded[1] !== 'string' ||
    !Number.isInteger(decoded[2])
  ) {
    throw badRequest('cursor is not valid');
  }
  if (decoded[0] !== fingerprintHash(fingerprint)) {
    throw badRequest('cursor belongs to a different query (filters must not change between pages)');
  }
  return { key: decoded[1], seq: decoded[2] as number };
}

/**
 * One page of `entries[range]` after the query's cursor. `toItem` turns an entry's value into the
 * item to return (for example an id into the record as currently held).
 */
export function paginate<T, R>(
  entries: readonly Entry<T>[],
  range: Range,
  query: ParsedQuery,
  toItem: (value: T) => R | undefined,
): Page<R> {
  let start = range.lo;
  const cursor = query.cursor;
  if (cursor !== undefined) {
    const after = decodeCursor(cursor, query.fingerprint);
    start = lowerBound(entries, range.lo, range.hi, (e) => compare(e.key, e.seq, after.key, after.seq) <= 0);
  }
  const end = Math.min(start + query.limit, range.hi);
  const items: R[] = [];
  for (let i = start; i < end; i++) {
    const item = toItem((entries[i] as Entry<T>).value);
    if (item !== undefined) items.push(item);
  }
  const last = entries[end - 1];
  return { items, nextCursor: end < range.hi && last ? encodeCursor(query.fingerprint, last) : null };
}

/** Paginates a whole entry list (no range filter). */
export const paginateAll = <T, R>(
  entries: readonly Entry<T>[],
  query: ParsedQuery,
  toItem: (v: T) => R | undefined,
) => paginate(entries, { lo: 0, hi: entries.length }, query, toItem);
