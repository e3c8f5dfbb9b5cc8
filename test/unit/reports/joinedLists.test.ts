/**
 * A report's months read from the cache are joined once for as long as the cache hands back the
 * same lists: a county's two years of counted contacts were copied on every report asked. The join
 * still follows the cache: a month refreshed there is in the next read.
 */
import { describe, expect, it } from 'vitest';
import { readKeyedThroughCache } from '../../../connectors/reportSources.ts';
import type { Cached, EntityCache } from '../../../src/platform/cache/types.ts';

/** Prepared months held decoded in this process, handed back as the same arrays until replaced. */
function monthsCache(months: Map<string, number[]>): EntityCache {
  return {
    readMany: async <T>(_system: string, _resource: string, ids: readonly string[]) =>
      ids.map((id): Cached<T> | null => {
        const value = months.get(id);
        return value === undefined
          ? null
          : { value: value as T, freshness: 'fresh', asOf: '2026-11-30T00:00:00.000Z' };
      }),
    invalidate: async () => undefined,
  };
}

const never = () => Promise.reject(new Error('prepared: never read upstream here'));
const keys = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];

describe('months read for a report', () => {
  it('are joined in key order, once while the cache hands back the same lists', async () => {
    const months = new Map(keys.map((key, i) => [key, [i * 10, i * 10 + 1]]));
    const cache = monthsCache(months);
    const first = await readKeyedThroughCache<number>(cache, 'lcs', 'referrals-by-month', keys, never);
    expect(first.items).toEqual([0, 1, 10, 11, 20, 21, 30, 31, 40, 41]);
    const again = await readKeyedThroughCache<number>(cache, 'lcs', 'referrals-by-month', keys, never);
    expect(again.items).toBe(first.items);
    // Another period over the same first month is its own join.
    const shorter = await readKeyedThroughCache<number>(
      cache,
      'lcs',
      'referrals-by-month',
      keys.slice(0, 2),
      never,
    );
    expect(shorter.items).toEqual([0, 1, 10, 11]);
  });

  it('follow a month the cache refreshed', async () => {
    const months = new Map(keys.map((key, i) => [key, [i]]));
    const cache = monthsCache(months);
    const before = await readKeyedThroughCache<number>(cache, 'lcs', 'contacts-by-month', keys, never);
    expect(before.items).toEqual([0, 1, 2, 3, 4]);
    months.set('2026-03', [2, 22]);
    const after = await readKeyedThroughCache<number>(cache, 'lcs', 'contacts-by-month', keys, never);
    expect(after.items).toEqual([0, 1, 2, 22, 3, 4]);
    expect(before.items).toEqual([0, 1, 2, 3, 4]);
  });
});
