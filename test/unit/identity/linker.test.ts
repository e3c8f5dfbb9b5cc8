import { describe, expect, it } from 'vitest';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { NHS_A, NHS_B, UPN_A, UPN_B, background, person } from './records.ts';

const child = {
  forename: 'William',
  surname: 'Ashdown',
  dateOfBirth: '2015-03-07',
  sex: 'M' as const,
  postcodes: ['AB1 2CD'],
};

/** One child recorded in all four systems, with the usual imperfections. */
const williamRecords = (): SourceRecord[] => [
  person({ system: 'lcs', localId: '1001', ...child, nhsNumber: NHS_A }),
  person({
    system: 'eyes',
    localId: 'P0001',
    ...child,
    forename: 'Bill',
    dateOfBirth: '2015-07-03',
    upn: UPN_A,
  }),
  person({
    system: 'lift',
    localId: 'CL-9',
    forename: 'William',
    surname: 'Ashdown',
    crossRefs: [{ system: 'lcs', localId: '1001' }],
  }),
  person({
    system: 'frontdoor',
    localId: 'FD-1',
    forename: 'Wiliam',
    surname: 'Ashdown',
    dateOfBirth: '2015-03-07',
    postcodes: ['AB1 2CD'],
  }),
];

const population = background(400);

describe('linking', () => {
  it('joins one child across the four systems despite a nickname, a typo and a transposed date', () => {
    const index = buildLinkIndex([...population, ...williamRecords()]);
    expect(index.resolve('lcs:1001')!.records).toEqual({
      lcs: ['1001'],
      eyes: ['P0001'],
      lift: ['CL-9'],
      frontdoor: ['FD-1'],
    });
  });

  it('resolves the same cluster by each system-qualified id and by its hub id', () => {
    const index = buildLinkIndex([...population, ...williamRecords()]);
    const hubId = index.resolve('lcs:1001')!.hubId;
    for (const id of ['eyes:P0001', 'lift:CL-9', 'frontdoor:FD-1', hubId])
      expect(index.resolve(id)?.hubId).toBe(hubId);
    expect(index.cluster(hubId)?.hubId).toBe(hubId);
    expect(index.resolve('lcs:999999')).toBeNull();
    expect(index.resolve('CAAAAAAAAAAAAAAAA')).toBeNull();
    expect(index.resolve('nonsense')).toBeNull();
  });

  it('offers records sharing an NHS number but neither date of birth nor names as a possible match, never joining them', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, nhsNumber: NHS_A }),
      // A sibling's (or a mistyped) NHS number: another name, another birthday.
      person({
        system: 'frontdoor',
        localId: 'F1',
        forename: 'Juno',
        surname: 'Elwick',
        dateOfBirth: '2019-11-02',
        nhsNumber: `${NHS_A.slice(0, 3)} ${NHS_A.slice(3)}`,
      }),
    ]);
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual([]);
    const [match] = index.possibleMatches(index.resolve('lcs:1')!.hubId);
    expect(match?.hubId).toBe(index.resolve('frontdoor:F1')!.hubId);
    expect(match?.agreed).toContain('nhsNumber:exact');
    expect(match?.disagreed).toEqual(expect.arrayContaining(['forename', 'surname', 'dateOfBirth']));
  });

  it('joins records sharing an NHS number when their dates of birth agree, whatever the names', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, nhsNumber: NHS_A }),
      // Renamed after an adoption order, birthday keyed day-first.
      person({
        system: 'eyes',
        localId: 'P1',
        forename: 'Juno',
        surname: 'Elwick',
        dateOfBirth: '2015-07-03',
        nhsNumber: NHS_A,
      }),
    ]);
    expect(index.resolve('lcs:1')!.records.eyes).toEqual(['P1']);
  });

  it('joins records sharing an NHS number when both names agree, whatever the date of birth', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, nhsNumber: NHS_A }),
      person({
        system: 'frontdoor',
        localId: 'F1',
        forename: 'Bill',
        surname: 'Ashdown',
        dateOfBirth: '2016-01-20',
        nhsNumber: NHS_A,
      }),
      person({
        system: 'frontdoor',
        localId: 'F2',
        forename: 'William',
        surname: 'Ashdown',
        nhsNumber: NHS_A,
      }),
    ]);
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual(['F1', 'F2']);
  });

  it('ignores an invalid NHS number and a temporary UPN for deterministic linking', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', forename: 'Ezra', surname: 'Carrow', nhsNumber: '4000000005' }),
      person({
        system: 'frontdoor',
        localId: 'F1',
        forename: 'Juno',
        surname: 'Elwick',
        nhsNumber: '4000000005',
      }),
    ]);
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual([]);
  });

  it('never joins two records with different valid NHS numbers, however alike', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, nhsNumber: NHS_A }),
      person({ system: 'eyes', localId: 'P2', ...child, nhsNumber: NHS_B }),
    ]);
    expect(index.resolve('lcs:1')!.hubId).not.toBe(index.resolve('eyes:P2')!.hubId);
    expect(index.stats().refusedMerges).toBeGreaterThan(0);
  });

  it('never joins through a third record two clusters carrying different permanent UPNs', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'eyes', localId: 'P1', ...child, upn: UPN_A }),
      person({ system: 'eyes', localId: 'P2', ...child, upn: UPN_B }),
      person({ system: 'frontdoor', localId: 'F1', ...child }),
    ]);
    const p1 = index.resolve('eyes:P1')!;
    expect(p1.hubId).not.toBe(index.resolve('eyes:P2')!.hubId);
    // The front-door contact joins one of them, never both.
    expect(p1.records.eyes).toEqual(['P1']);
  });

  it('restricts the whole child: every record linked to a restricted record, in every system', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, restricted: true }),
      person({ system: 'eyes', localId: 'P1', ...child }),
      person({
        system: 'lift',
        localId: 'C1',
        forename: 'William',
        surname: 'Ashdown',
        crossRefs: [{ system: 'lcs', localId: '1' }],
      }),
    ]);
    const restricted = index.resolve('lcs:1')!;
    expect(restricted.restricted).toBe(true);
    expect(restricted.records).toEqual({ lcs: ['1'], eyes: ['P1'], lift: ['C1'], frontdoor: [] });
    expect(restricted.restrictedBy).toEqual([{ system: 'lcs', localId: '1' }]);
    for (const id of ['eyes:P1', 'lift:C1']) expect(index.resolve(id)!.hubId).toBe(restricted.hubId);
    expect(index.possibleMatches(restricted.hubId)).toEqual([]);
    expect(index.search({ name: 'William Ashdown', dateOfBirth: '2015-03-07' }).items).toEqual([]);
  });

  it('withholds with a restricted child every record that might be it (at or above the possible-match threshold)', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, restricted: true }),
      // Too unlike to join (another surname and address), alike enough to be a possible match.
      person({ system: 'frontdoor', localId: 'F1', ...child, surname: 'Greystoke', postcodes: ['XY9 1AB'] }),
      // A visible child this contact also resembles stays visible, and never holds the contact.
      person({ system: 'eyes', localId: 'P7', ...child, surname: 'Greystoke', forename: 'Wilma', sex: 'F' }),
    ]);
    const contact = index.resolve('frontdoor:F1')!;
    expect(contact.restricted).toBe(true);
    expect(contact.restrictedBy).toEqual([{ system: 'lcs', localId: '1' }]);
    const visible = index.resolve('eyes:P7')!;
    expect(visible.restricted).toBe(false);
    expect(visible.records.frontdoor).toEqual([]);
    expect(index.possibleMatches(visible.hubId).map((m) => m.hubId)).not.toContain(contact.hubId);
    const hits = index.search({ name: 'William Greystoke', dateOfBirth: '2015-03-07' }).items;
    expect(hits.every((hit) => !hit.cluster.restricted)).toBe(true);
  });

  it('withholds a new record about a restricted child at once, and releases what it withheld when the restriction goes', () => {
    const restrictedPerson = person({ system: 'lcs', localId: '1', ...child, restricted: true });
    const index = buildLinkIndex([
      ...population,
      restrictedPerson,
      person({ system: 'frontdoor', localId: 'F1', ...child, surname: 'Greystoke', postcodes: ['XY9 1AB'] }),
    ]);
    expect(index.resolve('frontdoor:F1')!.restricted).toBe(true);
    // A new contact about the restricted child arrives by change notification.
    index.upsert(person({ system: 'frontdoor', localId: 'F2', ...child }));
    expect(index.resolve('frontdoor:F2')!.restricted).toBe(true);
    expect(index.resolve('frontdoor:F2')!.hubId).toBe(index.resolve('lcs:1')!.hubId);
    // The restriction is lifted in LCS: the child and what was withheld with it are visible again.
    index.upsert({ ...restrictedPerson, restricted: false });
    for (const id of ['lcs:1', 'frontdoor:F1', 'frontdoor:F2'])
      expect(index.resolve(id)!.restricted).toBe(false);
    expect(index.resolve('frontdoor:F2')!.hubId).toBe(index.resolve('lcs:1')!.hubId);
  });

  it('never joins, matches or withholds together the birth and adoptive identities of an adopted child', () => {
    const birth = { ...child, adoptionIdentity: 'BIRTH' as const };
    const adoptive = { ...child, surname: 'Fairleigh', postcodes: ['XY9 1AB'] };
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '500', ...birth, nhsNumber: NHS_A }),
      person({ system: 'eyes', localId: 'P500', ...child, nhsNumber: NHS_A }),
      // The new identity keeps the forename, birthday and (here) even the NHS number.
      person({
        system: 'lcs',
        localId: '900',
        ...adoptive,
        nhsNumber: NHS_A,
        restricted: true,
        adoptionIdentity: 'ADOPTIVE',
      }),
      person({ system: 'eyes', localId: 'P900', ...adoptive }),
      // A contact naming the adopted child by the adoptive surname is withheld with the new identity.
      person({ system: 'frontdoor', localId: 'F900', ...adoptive }),
    ]);
    const before = index.resolve('lcs:500')!;
    const after = index.resolve('lcs:900')!;
    expect(before.restricted).toBe(false);
    expect(before.records).toEqual({ lcs: ['500'], eyes: ['P500'], lift: [], frontdoor: [] });
    expect(after.restricted).toBe(true);
    expect(after.records).toEqual({ lcs: ['900'], eyes: ['P900'], lift: [], frontdoor: ['F900'] });
    expect(index.possibleMatches(before.hubId)).toEqual([]);
    const hits = index.search({ name: 'William', dateOfBirth: '2015-03-07' }).items.map((hit) => hit.cluster);
    expect(hits.map((cluster) => cluster.hubId)).toContain(before.hubId);
    expect(hits.every((cluster) => !cluster.restricted)).toBe(true);
  });

  it('never links the post-adoption identity to the pre-adoption one', () => {
    const index = buildLinkIndex([
      ...population,
      // Before adoption: restricted in LCS, with the birth family's surname and address.
      person({ system: 'lcs', localId: '500', ...child, nhsNumber: NHS_A, restricted: true }),
      person({ system: 'eyes', localId: 'P500', ...child, nhsNumber: NHS_A }),
      // After adoption: a new identity (new NHS number and surname), same forename and birthday.
      person({
        system: 'lcs',
        localId: '900',
        ...child,
        surname: 'Fairleigh',
        postcodes: ['XY9 1AB'],
        nhsNumber: NHS_B,
      }),
      person({ system: 'eyes', localId: 'P900', ...child, surname: 'Fairleigh', postcodes: ['XY9 1AB'] }),
    ]);
    const after = index.resolve('lcs:900')!;
    expect(after.records).toEqual({ lcs: ['900'], eyes: ['P900'], lift: [], frontdoor: [] });
    for (const id of ['lcs:500', 'eyes:P500']) {
      const before = index.resolve(id)!;
      expect(before.restricted).toBe(true);
      expect(index.possibleMatches(after.hubId).map((match) => match.hubId)).not.toContain(before.hubId);
    }
    expect(
      index
        .search({ name: 'William Ashdown', dateOfBirth: '2015-03-07' })
        .items.every((hit) => !hit.cluster.restricted),
    ).toBe(true);
  });

  it('joins a record keyed surname first to its child, and offers it as a possible match when little else agrees', () => {
    const swapped = { forename: 'Ashdown', surname: 'William' };
    const joined = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child }),
      person({ system: 'frontdoor', localId: 'F1', ...child, ...swapped }),
    ]);
    expect(joined.resolve('lcs:1')!.records.frontdoor).toEqual(['F1']);
    // No postcode, no sex and a transposed date on top: not enough to join, enough to offer.
    const offered = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child }),
      person({ system: 'eyes', localId: 'P1', ...swapped, dateOfBirth: '2015-07-03' }),
    ]);
    const hubId = offered.resolve('lcs:1')!.hubId;
    const joinedOrOffered =
      offered.resolve('eyes:P1')!.hubId === hubId ||
      offered.possibleMatches(hubId).some((m) => m.hubId === offered.resolve('eyes:P1')!.hubId);
    expect(joinedOrOffered).toBe(true);
  });

  it('joins a child LIFT holds twice to the one child through the LCS person id both carry, never by name alone', () => {
    const lcs = person({ system: 'lcs', localId: '1001', ...child, nhsNumber: NHS_A });
    const first = person({
      system: 'lift',
      localId: 'CL1',
      forename: 'William',
      surname: 'Ashdown',
      dateOfBirth: child.dateOfBirth,
      crossRefs: [{ system: 'lcs', localId: '1001' }],
    });
    // Keyed again for a new provider, with the name spelled another way and no date of birth.
    const second = { ...first, localId: 'CL2', surname: 'Ashdowne', dateOfBirth: null };
    const index = buildLinkIndex([...population, lcs, first, second]);
    expect(index.resolve('lcs:1001')!.records.lift).toEqual(['CL1', 'CL2']);
    // Two LIFT clients alike in every field but carrying no LCS person id stay apart.
    const unreferenced = buildLinkIndex([
      ...population,
      { ...first, crossRefs: [] },
      { ...first, localId: 'CL2', crossRefs: [] },
    ]);
    expect(unreferenced.resolve('lift:CL1')!.hubId).not.toBe(unreferenced.resolve('lift:CL2')!.hubId);
  });

  it('never joins two records of one person register on a score alone: a likely duplicate is offered, not merged', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child }),
      person({ system: 'lcs', localId: '2', ...child, forename: 'Wiliam' }),
      person({ system: 'frontdoor', localId: 'F1', ...child }),
      person({ system: 'frontdoor', localId: 'F2', ...child }),
    ]);
    expect(index.resolve('lcs:1')!.records.lcs).toEqual(['1']);
    expect(index.resolve('lcs:2')!.records.lcs).toEqual(['2']);
    // Contacts are not people: two contacts about one child join each other and the child.
    expect(index.resolve('frontdoor:F1')!.records.frontdoor).toEqual(['F1', 'F2']);
    expect(index.stats().sameSystemRefused).toBeGreaterThan(0);
    const hubId = index.resolve('lcs:1')!.hubId;
    expect(index.possibleMatches(hubId).map((m) => m.hubId)).toContain(index.resolve('lcs:2')!.hubId);
    // A shared identifier still joins them.
    const identified = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, nhsNumber: NHS_A }),
      person({ system: 'lcs', localId: '2', ...child, forename: 'Wiliam', nhsNumber: NHS_A }),
    ]);
    expect(identified.resolve('lcs:1')!.records.lcs).toEqual(['1', '2']);
  });

  it('offers a weaker candidate as a possible match without merging it', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child }),
      // Same name and birthday, but another surname and address: maybe a surname change, maybe not.
      person({ system: 'frontdoor', localId: 'F1', ...child, surname: 'Greystoke', postcodes: ['XY9 1AB'] }),
    ]);
    const hubId = index.resolve('lcs:1')!.hubId;
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual([]);
    const [match] = index.possibleMatches(hubId);
    expect(match?.hubId).toBe(index.resolve('frontdoor:F1')!.hubId);
    expect(match?.agreed).toContain('dateOfBirth:exact');
    expect(match?.disagreed).toContain('surname');
  });
});

describe('possible matches for a person to settle', () => {
  it('offers a contact giving nothing but a common name to the children of that name, joining none', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, forename: 'Amara', sex: 'F' }),
      // The name is shared by several background children: far too weak to join, worth a look.
      person({ system: 'frontdoor', localId: 'F1', forename: 'Amara', surname: 'Ashdown' }),
    ]);
    expect(index.resolve('frontdoor:F1')!.records.lcs).toEqual([]);
    const offered = index.possibleMatches(index.resolve('frontdoor:F1')!.hubId);
    expect(offered.map((m) => m.hubId)).toContain(index.resolve('lcs:1')!.hubId);
    expect(Math.max(...offered.map((m) => m.score))).toBeLessThan(0);
  });
});

describe('records a person has kept apart', () => {
  const twins = (): SourceRecord[] => [
    ...population,
    person({ system: 'lcs', localId: '1', ...child, nhsNumber: NHS_A }),
    person({ system: 'eyes', localId: 'P1', ...child, nhsNumber: NHS_A }),
    person({ system: 'frontdoor', localId: 'F1', ...child }),
  ];

  it('are never joined again, whether by a shared NHS number or by a score, nor offered to each other', () => {
    const index = buildLinkIndex(twins());
    expect(index.resolve('lcs:1')!.records.eyes).toEqual(['P1']);
    index.keepApart([
      ['lcs:1', 'eyes:P1'],
      ['eyes:P1', 'frontdoor:F1'],
    ]);
    expect(index.resolve('lcs:1')!.records.eyes).toEqual([]);
    expect(index.resolve('eyes:P1')!.records.frontdoor).toEqual([]);
    // The contact is still free to join the LCS child it scores with.
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual(['F1']);
    const offered = index.possibleMatches(index.resolve('lcs:1')!.hubId).map((m) => m.hubId);
    expect(offered).not.toContain(index.resolve('eyes:P1')!.hubId);
  });

  it('join again once the pair is dropped (a decision reversed)', () => {
    const index = buildLinkIndex(twins());
    index.keepApart([['lcs:1', 'eyes:P1']]);
    expect(index.resolve('lcs:1')!.records.eyes).toEqual([]);
    index.keepApart([]);
    expect(index.resolve('lcs:1')!.records.eyes).toEqual(['P1']);
  });

  it('are kept apart from the moment a record named in a pair arrives, and after it changes', () => {
    const index = buildLinkIndex(twins().filter((record) => record.localId !== 'P1'));
    index.keepApart([['lcs:1', 'eyes:P1']]);
    index.upsert(person({ system: 'eyes', localId: 'P1', ...child, nhsNumber: NHS_A }));
    expect(index.resolve('lcs:1')!.records.eyes).toEqual([]);
    index.upsert(person({ system: 'eyes', localId: 'P1', ...child, forename: 'Bill', nhsNumber: NHS_A }));
    expect(index.resolve('eyes:P1')!.records.lcs).toEqual([]);
  });
});

describe('hub ids', () => {
  it('are the same whatever order the records arrive in', () => {
    const records = [...population, ...williamRecords()];
    const shuffled = [...records].reverse();
    shuffled.push(shuffled.splice(7, 1)[0]!);
    const first = buildLinkIndex(records);
    const second = buildLinkIndex(shuffled);
    for (const id of ['lcs:1001', 'eyes:P0001', 'frontdoor:FD-1', 'eyes:BG00007', 'eyes:BG00399']) {
      expect(second.resolve(id)!.hubId).toBe(first.resolve(id)!.hubId);
    }
    expect(second.stats().clusters).toBe(first.stats().clusters);
  });

  it('are opaque: "C" and 16 base32 characters, revealing no local id', () => {
    const hubId = buildLinkIndex(williamRecords()).resolve('lcs:1001')!.hubId;
    expect(hubId).toMatch(/^C[A-Z2-7]{16}$/);
    expect(hubId).not.toContain('1001');
  });

  it('are anchored on the smallest LCS person id (numerically), else EYES', () => {
    const index = buildLinkIndex([
      person({ system: 'eyes', localId: 'P1', ...child, nhsNumber: NHS_A }),
      person({ system: 'lcs', localId: '10', ...child, nhsNumber: NHS_A }),
      person({ system: 'lcs', localId: '9', ...child, nhsNumber: NHS_A }),
    ]);
    const anchoredOnNine = buildLinkIndex([person({ system: 'lcs', localId: '9' })]).resolve('lcs:9')!.hubId;
    expect(index.resolve('eyes:P1')!.hubId).toBe(anchoredOnNine);
  });
});

describe('stats', () => {
  it('counts records per system and clusters, and scores far fewer pairs than all pairs', () => {
    const index = buildLinkIndex([...population, ...williamRecords()]);
    const stats = index.stats();
    expect(stats.records).toEqual({ lcs: 1, eyes: 401, lift: 1, frontdoor: 1 });
    expect(stats.clusters).toBe(401);
    expect(stats.comparisons).toBeLessThan((404 * 403) / 2 / 4);
  });
});
