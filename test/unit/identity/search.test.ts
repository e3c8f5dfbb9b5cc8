import { describe, expect, it } from 'vitest';
import { writeCheckpoint } from '../../../src/domain/identity/checkpoint.ts';
import { createChildDirectory } from '../../../src/domain/identity/directory.ts';
import { IdentityInputError } from '../../../src/domain/identity/errors.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { NHS_A, UPN_A, background, person } from './records.ts';

const population = background(400);
const index = buildLinkIndex([
  ...population,
  person({
    system: 'lcs',
    localId: '1001',
    forename: 'William',
    surname: 'Ashdown',
    dateOfBirth: '2015-03-07',
    sex: 'M',
    postcodes: ['AB1 2CD'],
    nhsNumber: NHS_A,
  }),
  person({
    system: 'eyes',
    localId: 'P0001',
    forename: 'Katherine',
    surname: 'Holloway',
    dateOfBirth: '2014-11-02',
    sex: 'F',
    postcodes: ['AB3 4EF'],
    upn: UPN_A,
  }),
]);
const william = index.resolve('lcs:1001')!.hubId;
const katherine = index.resolve('eyes:P0001')!.hubId;
const top = (query: Parameters<typeof index.search>[0]) =>
  index.search(query, { first: 1 }).items[0]?.cluster.hubId;

describe('search', () => {
  it('finds a child by exact name and date of birth', () => {
    expect(top({ name: 'William Ashdown', dateOfBirth: '2015-03-07' })).toBe(william);
  });
  it('tolerates a nickname, a typo and a transposed date', () => {
    expect(top({ name: 'Bill Ashdown', dateOfBirth: '2015-03-07' })).toBe(william);
    expect(top({ name: 'William Ashdwon', dateOfBirth: '2015-03-07' })).toBe(william);
    expect(top({ name: 'Kate Holloway', dateOfBirth: '2014-02-11' })).toBe(katherine);
  });
  it('accepts the name in surname-first order', () => {
    expect(top({ name: 'Holloway Katherine' })).toBe(katherine);
  });
  it('finds by identifier: NHS number (spaced), UPN or system-qualified id', () => {
    expect(top({ identifier: '400 000 0004' })).toBe(william);
    expect(top({ identifier: UPN_A })).toBe(katherine);
    expect(top({ identifier: 'eyes:P0001' })).toBe(katherine);
    expect(index.search({ identifier: '4000000005' }).items).toEqual([]);
  });
  it('explains what agreed', () => {
    const [hit] = index.search({ name: 'Bill Ashdown', dateOfBirth: '2015-07-03' }).items;
    expect(hit?.agreed).toEqual(
      expect.arrayContaining(['forename:nickname', 'surname:exact', 'dateOfBirth:transposed']),
    );
  });
  it('paginates with opaque cursors, without repeating or skipping a cluster', () => {
    // A low score floor, so that a common forename alone returns many clusters to page through.
    const broad = buildLinkIndex(population, { searchMinScore: 0 });
    const query = { name: 'Amara' };
    const all = broad.search(query, { first: 100 });
    expect(all.totalCount).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = broad.search(query, { first: 7, after });
      seen.push(...page.items.map((hit) => hit.cluster.hubId));
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(seen).toEqual(all.items.map((hit) => hit.cluster.hubId));
    expect(new Set(seen).size).toBe(seen.length);
  });
  it('a search leaves the name and postcode tables as they were: the checkpoint bytes are unchanged', () => {
    const directory = createChildDirectory(index, new Map());
    const bytes = () => Buffer.concat(writeCheckpoint(directory));
    const before = bytes();
    // Names and postcodes no record carries (a new spelling, a new sound, a new district), and known ones.
    const typed = [
      { name: 'Wiliam Ashdown', dateOfBirth: '2015-03-07', postcode: 'AB1 9ZZ' },
      { name: 'Zebedee Quorntwhistle', postcode: 'ZZ9 9ZZ' },
      { name: 'Xyloph' },
      { name: 'Bill Ashdwon Middlenameunseen' },
      { name: 'William Ashdown', postcode: 'AB1 2CD' },
    ];
    const first = typed.map((query) => index.search(query, { first: 5 }));
    expect(Buffer.compare(bytes(), before)).toBe(0);
    expect(before.includes('zebedee')).toBe(false);
    // The same answers the second time (nothing typed earlier changed what the next search sees).
    expect(typed.map((query) => index.search(query, { first: 5 }))).toEqual(first);
  });
  it('scores a typed postcode no record carries by its district', () => {
    const [hit] = index.search({ name: 'William Ashdown', postcode: 'AB1 9ZZ' }).items;
    expect(hit?.cluster.hubId).toBe(william);
    expect(hit?.agreed).toContain('postcode:district');
    expect(top({ name: 'Wiliam Ashdown', dateOfBirth: '2015-03-07' })).toBe(william);
  });
  it('ranks by score, best first', () => {
    const scores = index.search({ name: 'William Ashdown' }, { first: 50 }).items.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });
  it('rejects bad input with BAD_USER_INPUT and no echo of the query', () => {
    expect(() => index.search({})).toThrow(IdentityInputError);
    expect(() => index.search({ dateOfBirth: '07/03/2015' })).toThrow(/dateOfBirth must be a date/);
    expect(() => index.search({ name: 'William' }, { first: 0 })).toThrow(IdentityInputError);
    expect(() => index.search({ name: 'William' }, { after: 'garbage' })).toThrow(/cursor/);
    const cursor = index.search({ dateOfBirth: '2012-03-03' }, { first: 1 }).endCursor!;
    expect(() => index.search({ dateOfBirth: '2013-04-04' }, { after: cursor })).toThrow(/different search/);
    try {
      index.search({ postcode: 'NOT A POSTCODE' });
    } catch (error) {
      expect((error as IdentityInputError).code).toBe('BAD_USER_INPUT');
      expect((error as Error).message).not.toContain('NOT A POSTCODE');
    }
  });
  it('hides restricted children unless asked by a caller entitled to see them', () => {
    const withRestricted = buildLinkIndex([
      ...population,
      person({
        system: 'lcs',
        localId: '7',
        forename: 'Hester',
        surname: 'Dunmore',
        dateOfBirth: '2016-05-05',
        restricted: true,
      }),
    ]);
    const query = { name: 'Hester Dunmore', dateOfBirth: '2016-05-05' };
    expect(withRestricted.search(query).items.some((hit) => hit.cluster.records.lcs.includes('7'))).toBe(
      false,
    );
    expect(
      withRestricted.search(query, {}, { includeRestricted: true }).items[0]?.cluster.records.lcs,
    ).toEqual(['7']);
  });
});
