import { describe, expect, it } from 'vitest';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { NHS_A, NHS_B, background, person } from './records.ts';

const child = {
  forename: 'William',
  surname: 'Ashdown',
  dateOfBirth: '2015-03-07',
  sex: 'M' as const,
  postcodes: ['AB1 2CD'],
};

describe('keeping the index current', () => {
  it('links a newly upserted record into the existing cluster', () => {
    const index = buildLinkIndex([...background(300), person({ system: 'lcs', localId: '1', ...child })]);
    const hubId = index.resolve('lcs:1')!.hubId;
    const cluster = index.upsert(person({ system: 'frontdoor', localId: 'F1', ...child, forename: 'Billy' }));
    expect(cluster.hubId).toBe(hubId);
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual(['F1']);
    expect(index.stats().records.frontdoor).toBe(1);
  });

  it('re-links a changed record: a corrected date of birth moves it to the right child', () => {
    const other = {
      ...child,
      forename: 'Juno',
      surname: 'Fairleigh',
      dateOfBirth: '2013-09-09',
      sex: 'F' as const,
    };
    const index = buildLinkIndex([
      ...background(300),
      person({ system: 'lcs', localId: '1', ...child }),
      person({ system: 'lcs', localId: '2', ...other }),
      person({ system: 'eyes', localId: 'P1', ...child }),
    ]);
    expect(index.resolve('eyes:P1')!.records.lcs).toEqual(['1']);
    index.upsert(person({ system: 'eyes', localId: 'P1', ...other }));
    expect(index.resolve('lcs:1')!.records.eyes).toEqual([]);
    expect(index.resolve('lcs:2')!.records.eyes).toEqual(['P1']);
  });

  it('splits a cluster when a newly recorded NHS number shows two different children', () => {
    const index = buildLinkIndex([
      ...background(300),
      person({ system: 'lcs', localId: '1', ...child, nhsNumber: NHS_A }),
      person({ system: 'eyes', localId: 'P2', ...child }),
    ]);
    expect(index.resolve('eyes:P2')!.records.lcs).toEqual(['1']);
    index.upsert(person({ system: 'eyes', localId: 'P2', ...child, nhsNumber: NHS_B }));
    expect(index.resolve('eyes:P2')!.records.lcs).toEqual([]);
  });

  it('removes a record, and a bridge record leaving splits what it held together', () => {
    const index = buildLinkIndex([
      ...background(300),
      person({ system: 'lcs', localId: '1', forename: 'Ezra', surname: 'Carrow' }),
      person({
        system: 'eyes',
        localId: 'P1',
        forename: 'Juno',
        surname: 'Elwick',
        dateOfBirth: '2016-04-09',
        crossRefs: [{ system: 'lcs', localId: '1' }],
        nhsNumber: NHS_A,
      }),
      // Tied to the EYES record by its NHS number and birthday, to the LCS child only through it.
      person({
        system: 'frontdoor',
        localId: 'F1',
        forename: 'Ivo',
        surname: 'Dunmore',
        dateOfBirth: '2016-04-09',
        nhsNumber: NHS_A,
      }),
    ]);
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual(['F1']);
    expect(index.remove('eyes', 'P1')).toBe(true);
    expect(index.resolve('eyes:P1')).toBeNull();
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual([]);
    expect(index.remove('eyes', 'P1')).toBe(false);
  });

  it('keeps an old hub id resolving after a merge re-anchors its cluster', () => {
    const index = buildLinkIndex([
      ...background(300),
      person({ system: 'eyes', localId: 'P1', ...child, nhsNumber: NHS_A }),
    ]);
    const before = index.resolve('eyes:P1')!.hubId;
    const after = index.upsert(person({ system: 'lcs', localId: '5', ...child, nhsNumber: NHS_A })).hubId;
    expect(after).not.toBe(before);
    expect(index.resolve(before)!.hubId).toBe(after);
  });

  it('gives the same clusters as a full rebuild from the same records', () => {
    const records = [
      person({ system: 'lcs', localId: '1', ...child }),
      person({ system: 'eyes', localId: 'P1', ...child, forename: 'Bill' }),
      person({ system: 'frontdoor', localId: 'F1', ...child, dateOfBirth: '2015-07-03' }),
    ];
    const incremental = buildLinkIndex(background(300));
    for (const record of records) incremental.upsert(record);
    const rebuilt = buildLinkIndex([...background(300), ...records]);
    expect(incremental.resolve('lcs:1')).toEqual(rebuilt.resolve('lcs:1'));
  });
});
