import { describe, expect, it } from 'vitest';
import {
  countIndistinguishableNamesakes,
  evaluateFlaws,
  evaluateLinkage,
  evaluatePossibleMatches,
  evaluateTypoSearch,
  explainMissedLinks,
  explainOverMerges,
} from '../../../src/domain/identity/evaluate.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { NHS_A, NHS_B, WILLIAM, background, person } from './records.ts';

// One name and birthday for every record: the NHS numbers alone decide (a shared one is corroborated).
const named = { forename: 'Ezra', surname: 'Carrow', dateOfBirth: '2016-04-09' };

describe('evaluateLinkage', () => {
  // Clusters: {lcs:1, eyes:A} (right), {lcs:2, eyes:B, frontdoor:X} (X belongs to child 3: two wrong pairs).
  const index = buildLinkIndex([
    person({ system: 'lcs', localId: '1', ...named, nhsNumber: NHS_A }),
    person({ system: 'eyes', localId: 'A', ...named, nhsNumber: NHS_A }),
    person({ system: 'lcs', localId: '2', ...named, nhsNumber: NHS_B }),
    person({ system: 'eyes', localId: 'B', ...named, nhsNumber: NHS_B }),
    person({ system: 'frontdoor', localId: 'X', ...named, nhsNumber: NHS_B }),
    person({ system: 'lift', localId: 'L', crossRefs: [] }),
  ]);
  const truth = [
    { child: 'c1', lcs: ['1'], eyes: ['A'], lift: [], frontdoor: [] },
    { child: 'c2', lcs: ['2'], eyes: ['B'], lift: ['L'], frontdoor: [] },
    { child: 'c3', lcs: [], eyes: [], lift: [], frontdoor: ['X'] },
  ];

  it('says what joined two children: the fields of the best pair across them, by systems', () => {
    expect(explainOverMerges(index, truth)).toEqual([
      {
        systems: 'lcs-frontdoor',
        fields: 'nhsNumber:exact,forename:exact,surname:exact,dateOfBirth:exact | ',
        clusters: 1,
      },
    ]);
  });

  it('computes pairwise precision and recall of joined records', () => {
    const quality = evaluateLinkage(index, truth);
    // Predicted pairs: 1 + 3 = 4; correct: (1,A), (2,B) = 2; actual: (1,A), (2,B), (2,L), (B,L) = 4.
    expect(quality.predicted).toBe(4);
    expect(quality.correct).toBe(2);
    expect(quality.actual).toBe(4);
    expect(quality.precision).toBe(0.5);
    expect(quality.recall).toBe(0.5);
  });

  it('breaks the pairs down by the systems involved and counts records per system', () => {
    const quality = evaluateLinkage(index, truth);
    expect(quality.bySystemPair['lcs-eyes']).toMatchObject({
      predicted: 2,
      correct: 2,
      actual: 2,
      precision: 1,
      recall: 1,
    });
    expect(quality.bySystemPair['lcs-frontdoor']).toMatchObject({ predicted: 1, correct: 0, precision: 0 });
    expect(quality.bySystemPair['lcs-lift']).toMatchObject({ actual: 1, correct: 0, recall: 0 });
    expect(quality.records).toEqual({ lcs: 2, eyes: 2, lift: 1, frontdoor: 1 });
    expect(quality.clusters).toBe(3);
    expect(quality.children).toBe(3);
  });

  it('counts clusters that hold two real children and children spread over several clusters', () => {
    const quality = evaluateLinkage(index, truth);
    // {lcs:2, eyes:B, frontdoor:X} holds c2 and c3; c2's lift:L sits in a cluster of its own.
    expect(quality.overMergedClusters).toBe(1);
    expect(quality.splitChildren).toBe(1);
  });

  it('says of each kind of flawed record whether it was joined to its child, offered as a possible match, or missed', () => {
    const outcome = evaluateFlaws(index, truth, [
      { child: 'c1', system: 'eyes', id: 'A', flaws: ['NAMES_SWAPPED'] },
      { child: 'c2', system: 'lift', id: 'L', flaws: ['NAMES_SWAPPED', 'DUPLICATE'] },
      // Alone in the truth: nothing to join, left out.
      { child: 'c3', system: 'frontdoor', id: 'X', flaws: ['TYPO'] },
    ]);
    expect(outcome['NAMES_SWAPPED']).toEqual({ records: 2, joined: 1, possible: 0, missed: 1 });
    expect(outcome['DUPLICATE']).toEqual({ records: 1, joined: 0, possible: 0, missed: 1 });
    expect(outcome['TYPO']).toBeUndefined();
  });

  it('counts restricted records in recall, since they are linked like any other', () => {
    const withRestricted = buildLinkIndex([
      person({ system: 'lcs', localId: '1', ...named, nhsNumber: NHS_A, restricted: true }),
      person({ system: 'eyes', localId: 'A', ...named, nhsNumber: NHS_A }),
      person({ system: 'lcs', localId: '2', ...named, nhsNumber: NHS_B }),
      person({ system: 'eyes', localId: 'B', ...named, nhsNumber: NHS_B }),
    ]);
    const quality = evaluateLinkage(withRestricted, [
      { child: 'c1', lcs: ['1'], eyes: ['A'], lift: [], frontdoor: [] },
      { child: 'c2', lcs: ['2'], eyes: ['B'], lift: [], frontdoor: [] },
      { child: 'c9', lcs: ['404'], eyes: [], lift: [], frontdoor: [] },
    ]);
    expect(quality.recall).toBe(1);
    expect(quality.actual).toBe(2);
    expect(quality.missingRecords).toBe(1);
  });
});

describe('evaluatePossibleMatches', () => {
  const william = WILLIAM;
  const index = buildLinkIndex([
    ...background(400),
    person({ system: 'lcs', localId: '1', ...william }),
    // Another surname and address: not joined, offered.
    person({ system: 'frontdoor', localId: 'F1', ...william, surname: 'Greystoke', postcodes: ['XY9 1AB'] }),
    // Nothing in common with anyone: neither joined nor offered.
    person({ system: 'lcs', localId: '2', forename: 'Ivo', surname: 'Dunmore', dateOfBirth: '2012-02-02' }),
    person({ system: 'lift', localId: 'L', forename: 'Zed', surname: 'Quill' }),
  ]);

  it('counts the missed true pairs and those whose clusters are offered to each other', () => {
    const coverage = evaluatePossibleMatches(index, [
      { child: 'c1', lcs: ['1'], eyes: [], lift: [], frontdoor: ['F1'] },
      { child: 'c2', lcs: ['2'], eyes: [], lift: ['L'], frontdoor: [] },
    ]);
    expect(coverage).toEqual({ missedPairs: 2, offeredPairs: 1, coverage: 0.5 });
  });
});

describe('explainMissedLinks', () => {
  const william = WILLIAM;
  const index = buildLinkIndex([
    ...background(400),
    // Two LCS records of one child: a score never joins them, so one stays out of {lcs, eyes}.
    person({ system: 'lcs', localId: '1', ...william }),
    person({ system: 'eyes', localId: 'E1', ...william }),
    person({ system: 'lcs', localId: '1b', ...william }),
    // Alike in every field, but their NHS numbers say they are two children.
    person({ system: 'lcs', localId: '3', ...william, forename: 'Hester', nhsNumber: NHS_A }),
    person({ system: 'frontdoor', localId: 'F3', ...william, forename: 'Hester', nhsNumber: NHS_B }),
    // Another surname: below the join threshold, above the possible-match threshold (about 2.7).
    person({ system: 'lcs', localId: '4', ...william, forename: 'Cosmo' }),
    person({ system: 'frontdoor', localId: 'F4', ...william, forename: 'Cosmo', surname: 'Greystoke' }),
    // Names and sex only: for review, below the possible-match threshold (about -2).
    person({ system: 'lcs', localId: '5', ...william, forename: 'Juno', sex: 'F' }),
    person({ system: 'frontdoor', localId: 'F5', forename: 'Juno', surname: 'Ashdown', sex: 'F' }),
    // Nothing in common.
    person({ system: 'lcs', localId: '2', forename: 'Ivo', surname: 'Dunmore', dateOfBirth: '2012-02-02' }),
    person({ system: 'lift', localId: 'L', forename: 'Zed', surname: 'Quill' }),
  ]);
  const child = (id: string, lcs: string[], eyes: string[], lift: string[], frontdoor: string[]) => ({
    child: id,
    lcs,
    eyes,
    lift,
    frontdoor,
  });

  it('puts each piece of a split child down to the rule that kept it apart or the band its best pair scored in', () => {
    const anatomy = explainMissedLinks(
      index,
      [
        child('william', ['1', '1b'], ['E1'], [], []),
        child('hester', ['3'], [], [], ['F3']),
        child('cosmo', ['4'], [], [], ['F4']),
        child('juno', ['5'], [], [], ['F5']),
        child('ivo', ['2'], [], ['L'], []),
      ],
      { joinThreshold: 5, possibleThreshold: 0, reviewThreshold: -4 },
    );
    expect(anatomy.splitChildren).toBe(5);
    expect(anatomy.byCause).toEqual({
      sameRegister: { pieces: 1, pairs: 2 },
      otherRule: { pieces: 1, pairs: 1 },
      possible: { pieces: 1, pairs: 1 },
      review: { pieces: 1, pairs: 1 },
      unrelated: { pieces: 1, pairs: 1 },
    });
  });

  it('compares two indexed records as the linker scores them, and answers null for a record it does not hold', () => {
    const joined = index.comparePair({ system: 'lcs', localId: '1' }, { system: 'eyes', localId: 'E1' })!;
    expect(joined.score).toBeGreaterThanOrEqual(5);
    expect(joined.disagreed).toEqual([]);
    const apart = index.comparePair({ system: 'lcs', localId: '4' }, { system: 'frontdoor', localId: 'F4' })!;
    expect(apart.disagreed).toEqual(['surname']);
    expect(
      index.comparePair({ system: 'lcs', localId: '1' }, { system: 'eyes', localId: 'nobody' }),
    ).toBeNull();
  });
});

describe('countIndistinguishableNamesakes', () => {
  const onlyNameAndBirth = { forename: 'William', surname: 'Ashdown', dateOfBirth: '2015-03-07' };
  const truth = [
    { child: 'registered', lcs: [], eyes: ['P1'], lift: [], frontdoor: ['F-own'] },
    { child: 'namesake', lcs: [], eyes: [], lift: [], frontdoor: ['F-bare', 'F-postcode', 'F-nhs'] },
    { child: 'twin-named', lcs: [], eyes: ['P2'], lift: [], frontdoor: ['F-twin'] },
  ];
  const records = [
    person({ system: 'eyes', localId: 'P1', ...WILLIAM }),
    // The registered child's own contact, and a namesake's contacts: bare, with a postcode, with a number.
    person({ system: 'frontdoor', localId: 'F-own', ...onlyNameAndBirth }),
    person({
      system: 'frontdoor',
      localId: 'F-bare',
      forename: ' WILLIAM ',
      surname: 'ashdown',
      dateOfBirth: '2015-03-07',
    }),
    person({ system: 'frontdoor', localId: 'F-postcode', ...onlyNameAndBirth, postcodes: ['ZZ9 9ZZ'] }),
    person({ system: 'frontdoor', localId: 'F-nhs', ...onlyNameAndBirth, nhsNumber: NHS_B }),
    // A second registered child of the same name and birthday: their own bare contact is not a hazard.
    person({ system: 'eyes', localId: 'P2', ...WILLIAM, postcodes: ['YY1 1YY'] }),
    person({ system: 'frontdoor', localId: 'F-twin', ...onlyNameAndBirth }),
  ];

  it('counts contacts giving only the name and birth date of another child on a register', () => {
    expect(countIndistinguishableNamesakes(records, truth)).toBe(1);
  });

  it('counts none once the contact names a different birth date', () => {
    const moved = records.map((r) => (r.localId === 'F-bare' ? { ...r, dateOfBirth: '2015-03-08' } : r));
    expect(countIndistinguishableNamesakes(moved, truth)).toBe(0);
  });
});

describe('evaluateTypoSearch', () => {
  it('finds a child first from a forename with one letter substituted, the surname and the date of birth', () => {
    const index = buildLinkIndex([
      ...background(400),
      person({
        system: 'lcs',
        localId: '1',
        forename: 'William',
        surname: 'Ashdown',
        dateOfBirth: '2015-03-07',
      }),
    ]);
    // Always the first letter, always replaced by the first other letter: "Ailliam".
    const outcome = evaluateTypoSearch(index, [{ system: 'lcs', localId: '1' }], () => 0);
    expect(outcome).toEqual({ searches: 1, foundFirst: 1, hitRate: 1 });
  });

  it('skips records without a date of birth, which the search needs', () => {
    const index = buildLinkIndex([
      person({ system: 'lcs', localId: '1', forename: 'Ivo', surname: 'Dunmore' }),
    ]);
    expect(evaluateTypoSearch(index, [{ system: 'lcs', localId: '1' }], () => 0).searches).toBe(0);
  });
});
