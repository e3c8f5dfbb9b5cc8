import { describe, expect, it } from 'vitest';
import { Scorer, emptyView, loadView } from '../../../src/domain/identity/comparison.ts';
import { jaroWinkler } from '../../../src/domain/identity/jaro-winkler.ts';
import { RecordStore } from '../../../src/domain/identity/record-store.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/identity/weights.ts';
import { background, person } from './records.ts';

const base = {
  forename: 'William',
  surname: 'Ashdown',
  dateOfBirth: '2015-03-07',
  sex: 'M' as const,
  postcodes: ['AB1 2CD'],
};

/** Compares a base child with a variant; returns the explanation and the weight. */
function compare(
  variant: Partial<SourceRecord>,
  original: Partial<SourceRecord> = {},
  population: SourceRecord[] = [],
) {
  const store = new RecordStore();
  // A population, so that term frequencies are those of a name among many, not among two.
  for (const other of [...background(300), ...population]) store.put(other);
  const a = store.put(person({ system: 'lcs', localId: '1', ...base, ...original }));
  const b = store.put(person({ system: 'eyes', localId: 'P1', ...base, ...variant }));
  const scorer = new Scorer(store, DEFAULT_SETTINGS);
  const weight = scorer.fieldWeights(loadView(store, a, emptyView()), loadView(store, b, emptyView()));
  return { ...scorer.explain(), weight };
}

describe('forename levels', () => {
  it('exact, case and accents ignored', () => {
    expect(compare({ forename: 'WILLIAM' }).agreed).toContain('forename:exact');
    expect(compare({ forename: 'Zoë' }, { forename: 'Zoe' }).agreed).toContain('forename:exact');
  });
  it('nickname from the table (Bill for William)', () => {
    expect(compare({ forename: 'Bill' }).agreed).toContain('forename:nickname');
  });
  it('similar when Jaro–Winkler >= 0.92 (a typo)', () => {
    expect(jaroWinkler('william', 'wiliam')).toBeGreaterThanOrEqual(0.92);
    expect(compare({ forename: 'Wiliam' }).agreed).toContain('forename:similar');
  });
  it('initial when one side has only the agreeing initial', () => {
    expect(compare({ forename: 'W' }).agreed).toContain('forename:initial');
  });
  it('disagree otherwise, with a negative weight', () => {
    const different = compare({ forename: 'Gideon' });
    expect(different.disagreed).toContain('forename');
    expect(different.weight).toBeLessThan(compare({}).weight);
  });
  it('missing when one side has no forename: neither agreed nor disagreed', () => {
    const missing = compare({ forename: '' });
    expect(missing.agreed.some((a) => a.startsWith('forename'))).toBe(false);
    expect(missing.disagreed).not.toContain('forename');
  });
});

describe('surname levels', () => {
  it('exact, including a former surname held as an alias', () => {
    expect(compare({}).agreed).toContain('surname:exact');
    expect(compare({ surname: 'Holloway', aliases: ['Ashdown'] }).agreed).toContain('surname:exact');
  });
  it('one half of a double-barrelled surname agrees exactly', () => {
    expect(compare({ surname: 'Ashdown-Holloway' }).agreed).toContain('surname:exact');
  });
  it('similar for a typo (Smith/Smyth)', () => {
    expect(compare({ surname: 'Smyth' }, { surname: 'Smith' }).agreed).toContain('surname:similar');
  });
  it('disagree for a different surname', () => {
    expect(compare({ surname: 'Greystoke' }).disagreed).toContain('surname');
  });
});

/** `count` other children whose `field` is `name`: enough to make it a name in its own right. */
function carriers(field: 'forename' | 'surname', name: string, count = 25): SourceRecord[] {
  return Array.from({ length: count }, (_, i) =>
    person({
      system: 'eyes',
      localId: `${field}-${name}-${i}`,
      forename: 'Oakley',
      surname: 'Pemberton',
      [field]: name,
    }),
  );
}

describe('two established names a letter apart', () => {
  it('are two names, not a slip: Hall and Hill, each the surname of many children, disagree', () => {
    const population = [...carriers('surname', 'Hall'), ...carriers('surname', 'Hill')];
    expect(compare({ surname: 'Hill' }, { surname: 'Hall' }, population).disagreed).toContain('surname');
  });
  it('so are Mila and Mina as forenames', () => {
    const population = [...carriers('forename', 'Mila'), ...carriers('forename', 'Mina')];
    expect(compare({ forename: 'Mina' }, { forename: 'Mila' }, population).disagreed).toContain('forename');
  });
  it('a spelling few records carry, a letter from an established name, is still a slip', () => {
    const population = carriers('surname', 'Hall');
    expect(compare({ surname: 'Hsll' }, { surname: 'Hall' }, population).agreed).toContain('surname:similar');
  });
  it('in a small population a name needs a few dozen carriers, not a share, to count as established', () => {
    const population = [...carriers('surname', 'Hall', 5), ...carriers('surname', 'Hill', 5)];
    expect(compare({ surname: 'Hill' }, { surname: 'Hall' }, population).agreed).toContain('surname:similar');
  });
  it('spellings the surname-variant table holds as one name stay similar however common (Davies/Davis)', () => {
    const population = [...carriers('surname', 'Davies'), ...carriers('surname', 'Davis')];
    expect(compare({ surname: 'Davis' }, { surname: 'Davies' }, population).agreed).toContain(
      'surname:similar',
    );
  });
});

describe('names entered the wrong way round', () => {
  it('scores forename and surname swapped as a swap, not as two disagreements', () => {
    const swapped = compare({ forename: 'Ashdown', surname: 'William' });
    expect(swapped.agreed).toEqual(expect.arrayContaining(['forename:swapped', 'surname:swapped']));
    expect(swapped.disagreed).not.toContain('forename');
    expect(swapped.weight).toBeGreaterThan(compare({ forename: 'Gideon' }).weight);
  });
  it('weighs a swap a little below the same names agreeing straight: rarer in one child, rarer still between two', () => {
    // One population for both pairs, so the names' term frequencies are the same in each.
    const store = new RecordStore();
    for (const other of background(300)) store.put(other);
    const a = store.put(person({ system: 'lcs', localId: '1', ...base }));
    const straight = store.put(person({ system: 'eyes', localId: 'P1', ...base }));
    const crossed = store.put(
      person({ system: 'eyes', localId: 'P2', ...base, forename: 'Ashdown', surname: 'William' }),
    );
    const scorer = new Scorer(store, DEFAULT_SETTINGS);
    const weigh = (b: number) =>
      scorer.fieldWeights(loadView(store, a, emptyView()), loadView(store, b, emptyView()));
    const { namesSwapped, forename, surname } = DEFAULT_SETTINGS.mu;
    const penalty = Math.log2(
      namesSwapped.m / (forename.exact.m * surname.exact.m * namesSwapped.crosswiseShare),
    );
    expect(weigh(crossed)).toBeLessThan(weigh(straight));
    expect(weigh(crossed)).toBeCloseTo(weigh(straight) + penalty, 6);
  });
  it('still sees the swap when one of the names has a spelling slip', () => {
    expect(compare({ forename: 'Ashdowne', surname: 'William' }).agreed).toContain('forename:swapped');
  });
  it('two records both keyed surname first weigh what the names weigh the usual way round', () => {
    // Blackwood is a common surname but a rare forename: read as written, two records sharing the
    // slip would weigh as two sharing a rare name.
    const bothSwapped = compare(
      { forename: 'Blackwood', surname: 'Amara' },
      { forename: 'Blackwood', surname: 'Amara' },
    );
    const usual = compare(
      { forename: 'Amara', surname: 'Blackwood' },
      { forename: 'Amara', surname: 'Blackwood' },
    );
    expect(bothSwapped.agreed).toEqual(expect.arrayContaining(['forename:exact', 'surname:exact']));
    expect(bothSwapped.weight).toBeCloseTo(usual.weight, 0);
  });
  it('is no swap when only one name crosses over', () => {
    const crossed = compare({ forename: 'Ashdown', surname: 'Greystoke' });
    expect(crossed.disagreed).toEqual(expect.arrayContaining(['forename', 'surname']));
  });
});

describe('date of birth levels', () => {
  it('exact', () => expect(compare({}).agreed).toContain('dateOfBirth:exact'));
  it('day and month transposed', () => {
    expect(compare({ dateOfBirth: '2015-07-03' }).agreed).toContain('dateOfBirth:transposed');
  });
  it('one component off (day, month or year)', () => {
    expect(compare({ dateOfBirth: '2015-03-08' }).agreed).toContain('dateOfBirth:oneComponentOff');
    expect(compare({ dateOfBirth: '2016-03-07' }).agreed).toContain('dateOfBirth:oneComponentOff');
  });
  it('disagree when two or more components differ', () => {
    expect(compare({ dateOfBirth: '2012-11-20' }).disagreed).toContain('dateOfBirth');
  });
});

describe('sex and postcode levels', () => {
  it('sex agrees or disagrees; unknown is missing', () => {
    expect(compare({}).agreed).toContain('sex:agree');
    expect(compare({ sex: 'F' }).disagreed).toContain('sex');
    expect(compare({ sex: null }).agreed).not.toContain('sex:agree');
  });
  it('postcode exact ignores spacing and case, and any address in the history counts', () => {
    expect(compare({ postcodes: ['ab12cd'] }).agreed).toContain('postcode:exact');
    expect(compare({ postcodes: ['XY1 1AA', 'AB1 2CD'] }).agreed).toContain('postcode:exact');
  });
  it('same district, then disagree', () => {
    expect(compare({ postcodes: ['AB1 9ZZ'] }).agreed).toContain('postcode:district');
    expect(compare({ postcodes: ['XY9 9ZZ'] }).disagreed).toContain('postcode');
  });
  it('another postcode in the district disagrees when the other side holds every address since birth', () => {
    const sinceBirth = { addressesSince: '2015-01-01' };
    const neighbour = compare({ postcodes: ['AB1 9ZZ'] }, sinceBirth);
    expect(neighbour.disagreed).toContain('postcode');
    expect(neighbour.weight).toBeLessThan(compare({ postcodes: ['AB1 9ZZ'] }).weight);
    expect(neighbour.weight).toBeCloseTo(compare({ postcodes: ['XY9 9ZZ'] }, sinceBirth).weight, 6);
  });
  it('two dated postcodes (two contacts, each the address on its day) weigh another postcode as one child moves', () => {
    const dated = (day: string) => ({ postcodeDate: day });
    const { postcode } = DEFAULT_SETTINGS.mu;
    for (const [other, level, undated] of [
      ['AB1 9ZZ', postcode.districtDated, postcode.district],
      ['XY9 9ZZ', postcode.disagreeDated, postcode.disagree],
    ] as const) {
      const contacts = compare({ postcodes: [other], ...dated('2024-05-01') }, dated('2023-02-01'));
      const plain = compare({ postcodes: [other] });
      // Everything else is alike: the two differ by the postcode level's weight alone.
      expect(contacts.weight - plain.weight).toBeCloseTo(
        Math.log2(level.m / level.u) - Math.log2(undated.m / undated.u),
        6,
      );
      expect(contacts.weight).toBeLessThan(plain.weight);
    }
  });
});

describe('weights', () => {
  it('orders levels by strength of evidence: exact > nickname > similar > disagree', () => {
    const exact = compare({}).weight;
    const nickname = compare({ forename: 'Bill' }).weight;
    const disagree = compare({ forename: 'Gideon' }).weight;
    expect(exact).toBeGreaterThan(nickname);
    expect(nickname).toBeGreaterThan(disagree);
  });
});
