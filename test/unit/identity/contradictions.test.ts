import { describe, expect, it } from 'vitest';
import { Scorer, emptyView, loadView, withinOneEdit } from '../../../src/domain/identity/comparison.ts';
import { jaroWinkler } from '../../../src/domain/identity/jaro-winkler.ts';
import { AMBIGUITY_MARGIN_BITS } from '../../../src/domain/identity/ambiguity.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { RecordStore } from '../../../src/domain/identity/record-store.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { DEFAULT_MU, DEFAULT_SETTINGS } from '../../../src/domain/identity/weights.ts';
import { background, person } from './records.ts';

const child = {
  forename: 'William',
  surname: 'Ashdown',
  dateOfBirth: '2015-03-07',
  sex: 'M' as const,
};
/** Every address the child has had since before its birth. */
const sinceBirth = { postcodes: ['AB1 2CD', 'AB3 4EF'], addressesSince: '2015-01-01' };

const population = background(400);

function contradicts(a: Partial<SourceRecord>, b: Partial<SourceRecord>): boolean {
  const store = new RecordStore();
  for (const other of population) store.put(other);
  const x = store.put(person({ system: 'lcs', localId: '1', ...child, ...a }));
  const y = store.put(person({ system: 'frontdoor', localId: 'F1', ...child, ...b }));
  const scorer = new Scorer(store, DEFAULT_SETTINGS);
  return scorer.contradicts(loadView(store, x, emptyView()), loadView(store, y, emptyView()));
}

describe('evidence that two records are different children', () => {
  it('a different sex, or dates of birth further apart than one slip, contradict; a transposition does not', () => {
    expect(contradicts({}, { sex: 'F' })).toBe(true);
    expect(contradicts({}, { dateOfBirth: '2012-08-07' })).toBe(true);
    expect(contradicts({}, { dateOfBirth: '2015-07-03' })).toBe(false);
    expect(contradicts({}, { sex: null, dateOfBirth: null })).toBe(false);
  });

  it('a postcode missing from every address since birth contradicts; missing from one snapshot does not', () => {
    expect(contradicts(sinceBirth, { postcodes: ['XY9 9ZZ'] })).toBe(true);
    expect(contradicts(sinceBirth, { postcodes: ['AB3 4EF'] })).toBe(false);
    expect(contradicts({ postcodes: ['AB1 2CD'] }, { postcodes: ['XY9 9ZZ'] })).toBe(false);
  });

  it('another postcode in the same district contradicts a history as any other does; a one-character slip does not', () => {
    // AB1 2CD's district, not in the history: a neighbour's address, not this child's.
    expect(contradicts(sinceBirth, { postcodes: ['AB1 7XY'] })).toBe(true);
    expect(contradicts({ postcodes: ['AB1 2CD'] }, { postcodes: ['AB1 7XY'] })).toBe(false);
    // One letter substituted, or two swapped: a slip of the keyboard, whatever the district.
    expect(contradicts(sinceBirth, { postcodes: ['AB1 2CE'] })).toBe(false);
    expect(contradicts(sinceBirth, { postcodes: ['AB1 2DC'] })).toBe(false);
    expect(contradicts(sinceBirth, { postcodes: ['AB7 2CD'] })).toBe(false);
  });

  it('a history begun after birth covers only postcodes dated on or after its start', () => {
    const recent = { postcodes: ['AB1 2CD'], addressesSince: '2021-01-01' };
    expect(contradicts(recent, { postcodes: ['XY9 9ZZ'], postcodeDate: '2022-05-01' })).toBe(true);
    expect(contradicts(recent, { postcodes: ['XY9 9ZZ'], postcodeDate: '2019-05-01' })).toBe(false);
    expect(contradicts(recent, { postcodes: ['XY9 9ZZ'] })).toBe(false);
  });
});

describe('joins on a score', () => {
  it('two namesakes, one whose address history lacks the other’s postcode, are never joined by score, not even through a contact that matches both', () => {
    const records = (history: Partial<SourceRecord>) => [
      ...population,
      person({ system: 'lcs', localId: '1', ...child, ...history }),
      // Matches both: no postcode to tell them apart.
      person({ system: 'frontdoor', localId: 'F1', ...child }),
      person({
        system: 'frontdoor',
        localId: 'F2',
        ...child,
        postcodes: ['XY9 9ZZ'],
        postcodeDate: '2020-01-01',
      }),
    ];
    const index = buildLinkIndex(records(sinceBirth));
    expect(index.resolve('lcs:1')!.hubId).not.toBe(index.resolve('frontdoor:F2')!.hubId);
    // The contact fits both equally: it joins neither, and both are offered to it (ambiguity.ts).
    const contact = index.resolve('frontdoor:F1')!;
    expect(contact.records).toMatchObject({ lcs: [], frontdoor: ['F1'] });
    expect(index.possibleMatches(contact.hubId).map((m) => m.hubId)).toEqual(
      expect.arrayContaining([index.resolve('lcs:1')!.hubId, index.resolve('frontdoor:F2')!.hubId]),
    );
    // Without the history the same records are one child: the history is what told them apart.
    const snapshot = buildLinkIndex(records({ postcodes: ['AB1 2CD'] }));
    expect(snapshot.resolve('lcs:1')!.hubId).toBe(snapshot.resolve('frontdoor:F2')!.hubId);
  });

  it('a contact joined to one namesake on its stronger score does not carry the other namesake in', () => {
    // Bill Ashdwon, as the second namesake's contact has it: that pair outscores the nickname and
    // the close spelling by far more than the margin that would leave the contact to a person.
    const asTheSecondHasIt = { ...child, forename: 'Bill', surname: 'Ashdwon' };
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, ...sinceBirth }),
      person({ system: 'frontdoor', localId: 'F1', ...asTheSecondHasIt }),
      person({
        system: 'frontdoor',
        localId: 'F2',
        ...asTheSecondHasIt,
        postcodes: ['XY9 9ZZ'],
        postcodeDate: '2020-01-01',
      }),
    ]);
    const scoreWith = (system: 'lcs' | 'frontdoor', localId: string) =>
      index.comparePair({ system: 'frontdoor', localId: 'F1' }, { system, localId })!.score;
    expect(scoreWith('frontdoor', 'F2') - scoreWith('lcs', '1')).toBeGreaterThan(AMBIGUITY_MARGIN_BITS);
    expect(scoreWith('lcs', '1')).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.joinThreshold);
    expect(index.resolve('frontdoor:F1')!.records.frontdoor).toEqual(['F1', 'F2']);
    expect(index.resolve('lcs:1')!.records.frontdoor).toEqual([]);
    expect(index.stats().contradictedRefused).toBeGreaterThan(0);
  });

  it('a contact from before the child moved into a partial history is still joined (a move, not another child)', () => {
    const index = buildLinkIndex([
      ...population,
      person({
        system: 'eyes',
        localId: 'P1',
        ...child,
        postcodes: ['AB1 2CD'],
        addressesSince: '2021-01-01',
      }),
      person({
        system: 'frontdoor',
        localId: 'F1',
        ...child,
        postcodes: ['XY9 9ZZ'],
        postcodeDate: '2019-06-01',
      }),
    ]);
    expect(index.resolve('eyes:P1')!.records.frontdoor).toEqual(['F1']);
  });

  it('records that contradict each other, kept apart, are still offered to each other as possible matches', () => {
    const index = buildLinkIndex([
      ...population,
      person({ system: 'lcs', localId: '1', ...child, ...sinceBirth }),
      person({ system: 'frontdoor', localId: 'F2', ...child, postcodes: ['XY9 9ZZ'] }),
    ]);
    const hubId = index.resolve('lcs:1')!.hubId;
    expect(index.resolve('frontdoor:F2')!.hubId).not.toBe(hubId);
    expect(index.possibleMatches(hubId).map((match) => match.hubId)).toContain(
      index.resolve('frontdoor:F2')!.hubId,
    );
  });
});

describe('dates of birth', () => {
  it('a day-month transposition is no rarer between two different children than an exact date', () => {
    const { exact, transposed } = DEFAULT_MU.dateOfBirth;
    expect(transposed.u).toBeGreaterThanOrEqual(exact.u);
    expect(transposed.m).toBeLessThan(exact.m);
  });
});

describe('close spellings', () => {
  it('one substituted, inserted, deleted or swapped letter is within one edit; two are not', () => {
    expect(withinOneEdit('erin', 'erni')).toBe(true);
    expect(withinOneEdit('erin', 'eron')).toBe(true);
    expect(withinOneEdit('erin', 'errin')).toBe(true);
    expect(withinOneEdit('erin', 'ern')).toBe(true);
    expect(withinOneEdit('erin', 'nire')).toBe(false);
    expect(withinOneEdit('erin', 'eryn1')).toBe(false);
  });

  it('a one-letter slip in a forename of four letters joins the child Jaro–Winkler alone would miss', () => {
    expect(jaroWinkler('mila', 'mina')).toBeLessThan(DEFAULT_SETTINGS.forenameSimilarity);
    const mila = { ...child, forename: 'Mila', sex: 'F' as const };
    const index = buildLinkIndex([
      ...population,
      person({ system: 'eyes', localId: 'P1', ...mila, postcodes: ['AB1 2CD'] }),
      person({ system: 'frontdoor', localId: 'F1', ...mila, forename: 'Mina' }),
    ]);
    expect(index.resolve('eyes:P1')!.records.frontdoor).toEqual(['F1']);
  });
});
