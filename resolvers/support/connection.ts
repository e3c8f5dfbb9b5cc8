/**
 * Cursor pagination over an in-memory list, with the page size capped. Cursors are opaque
 * (base64url of the offset) and validated: a malformed cursor is BAD_USER_INPUT.
 */
import { hubError } from '../../src/platform/errors.ts';

export const MAX_PAGE_SIZE = 100;

/** The arguments of every paged field (`first`, `after`), as the SDL declares them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) throw hubError('BAD_USER_INPUT', 'The `after` cursor is not one this API issued.');
  return Number(match[1]) + 1;
}

export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE, fallback = 50): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 0)
    throw hubError('BAD_USER_INPUT', '`first` must be a non-negative whole number.');
  if (first > max) throw hubError('BAD_USER_INPUT', `\`first\` may be at most ${max}.`);
  return first;
}

export function paginate<T, R = T>(
  items: readonly T[],
  args: PageArgs,
  map?: (item: T) => R,
  max = MAX_PAGE_SIZE,
): Connection<R> {
  const size = pageSize(args.first, max);
  const start = decodeCursor(args.after);
  const slice = items.slice(start, start + size);
  const end = start + slice.length;
  return {
    nodes: map ? slice.map(map) : (slice as unknown as R[]),
    pageInfo: { hasNextPage: end < items.length, endCursor: slice.length > 0 ? encodeCursor(end - 1) : null },
    totalCount: items.length,
  };
}
