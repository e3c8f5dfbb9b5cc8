import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, sealBatch } from '../../../src/platform/audit/index.ts';
import { filterNewestFirst, RecentIndex } from '../../../src/platform/audit/recentIndex.ts';
import { testKey, viewEntry } from './fixtures.ts';

const records = (childIds: string[]) =>
  sealBatch(
    { seq: 0, hash: GENESIS_HASH },
    childIds.map((childId, i) => ({
      ...viewEntry({ childId, userId: `user-${i % 2}` }),
      at: new Date(i).toISOString(),
    })),
    testKey,
  );

describe('the recent-records index', () => {
  it('keeps only the newest records per child', () => {
    const index = new RecentIndex({ perKey: 3 });
    for (const record of records(['c', 'c', 'c', 'c', 'c'])) index.add(record);
    expect(index.query({ childId: 'c', limit: 10 }).map((record) => record.seq)).toEqual([5, 4, 3]);
  });

  it('forgets the least recently written child beyond maxKeys', () => {
    const index = new RecentIndex({ maxKeys: 2 });
    for (const record of records(['a', 'b', 'a', 'c'])) index.add(record);
    expect(index.query({ childId: 'b', limit: 10 })).toEqual([]);
    expect(index.query({ childId: 'a', limit: 10 }).map((record) => record.seq)).toEqual([3, 1]);
  });

  it('bounds the overall recent list used by queries naming neither child nor user', () => {
    const index = new RecentIndex({ recent: 2 });
    for (const record of records(['a', 'b', 'c'])) index.add(record);
    expect(index.query({ limit: 10 }).map((record) => record.seq)).toEqual([3, 2]);
  });

  it('finds a list by every child it names, once per child however often the list repeats it', () => {
    const sealed = sealBatch(
      { seq: 0, hash: GENESIS_HASH },
      [
        { ...viewEntry({ childId: 'a' }), at: new Date(0).toISOString() },
        {
          ...viewEntry({ childId: null, action: 'CASELOAD', childIds: ['a', 'b', 'a'] }),
          at: new Date(1).toISOString(),
        },
      ],
      testKey,
    );
    const index = new RecentIndex();
    for (const record of sealed) index.add(record);
    expect(index.query({ childId: 'a', limit: 10 }).map((record) => record.seq)).toEqual([2, 1]);
    expect(index.query({ childId: 'b', limit: 10 }).map((record) => record.seq)).toEqual([2]);
    // The same filter the Redis stream sink applies while walking the stream backwards.
    expect(filterNewestFirst(sealed, { childId: 'b', limit: 10 }).map((record) => record.seq)).toEqual([2]);
  });
});
