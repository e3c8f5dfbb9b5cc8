import { describe, expect, it } from 'vitest';
import { BLOCKING_RULES } from '../../../src/domain/identity/blocking.ts';
import { Scorer, emptyView, loadView } from '../../../src/domain/identity/comparison.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { RecordStore } from '../../../src/domain/identity/record-store.ts';
import type { ReferralEvidence, SourceRecord } from '../../../src/domain/identity/types.ts';
import { DEFAULT_MU, DEFAULT_SETTINGS, levelWeight } from '../../../src/domain/identity/weights.ts';
import { background, person } from './records.ts';

const contactOn = (date: string, source = 'POLICE'): ReferralEvidence[] => [
  { date, source, recorded: 'CONTACT' },
];
const referredOn = (date: string, source = 'POLICE'): ReferralEvidence[] => [
  { date, source, recorded: 'REFERRAL' },
];

/** An LCS child with a referral, and a front-door contact about a child of the same name. */
const lcsChild = (referrals: ReferralEvidence[]) =>
  person({
    system: 'lcs',
    localId: '1',
    forename: 'Amara',
    surname: 'Ashdown',
    dateOfBirth: '2016-05-04',
    sex: 'F',
    postcodes: ['AB1 2CD'],
    referrals,
  });
// A caller who gave only the name: no birth date, no address, no identifier.
const bareContact = (referrals: ReferralEvidence[]) =>
  person({ system: 'frontdoor', localId: 'F1', forename: 'Amara', surname: 'Ashdown', referrals });

function compare(a: SourceRecord, b: SourceRecord) {
  const store = new RecordStore();
  for (const other of background(300)) store.put(other);
  const x = store.put(a);
  const y = store.put(b);
  const scorer = new Scorer(store, DEFAULT_SETTINGS);
  const weight = scorer.fieldWeights(loadView(store, x, emptyView()), loadView(store, y, emptyView()));
  return { ...scorer.explain(), weight };
}

describe('a contact decided as a referral, against LCS referrals', () => {
  const without = compare(lcsChild([]), bareContact([]));

  it('agrees with a referral from the same source recorded on the contact day or within a week after', () => {
    for (const day of ['2026-03-02', '2026-03-03', '2026-03-09']) {
      const result = compare(lcsChild(referredOn(day)), bareContact(contactOn('2026-03-02')));
      expect(result.agreed).toContain('referral:sameReferral');
      expect(result.weight).toBeCloseTo(without.weight + levelWeight(DEFAULT_MU.referral.agree), 6);
    }
  });

  it('does not agree with another source, a referral before the contact, or one more than a week after', () => {
    for (const [referral, contact] of [
      [referredOn('2026-03-02', 'SCHOOL'), contactOn('2026-03-02', 'POLICE')],
      [referredOn('2026-03-01'), contactOn('2026-03-02')],
      [referredOn('2026-03-10'), contactOn('2026-03-02')],
    ] as const) {
      const result = compare(lcsChild([...referral]), bareContact([...contact]));
      expect(result.agreed.some((level) => level.startsWith('referral'))).toBe(false);
      expect(result.weight).toBeCloseTo(without.weight, 6);
    }
  });

  it('never counts a referral not found against a match: it is missing, not disagreeing', () => {
    const result = compare(lcsChild(referredOn('2025-01-10')), bareContact(contactOn('2026-03-02')));
    expect(result.disagreed).not.toContain('referral');
  });

  it('pairs a contact only with a referral: two contacts of one day and source are not one referral', () => {
    const other = person({ ...bareContact(contactOn('2026-03-02')), localId: 'F2' });
    const result = compare(bareContact(contactOn('2026-03-02')), other);
    expect(result.agreed.some((level) => level.startsWith('referral'))).toBe(false);
  });

  it('files a contact and its referral under a shared block when a name sounds alike, up to a week apart', () => {
    const store = new RecordStore();
    const keysOf = (record: SourceRecord, rule: string) => {
      const keys: number[] = [];
      const slot = store.put(record);
      BLOCKING_RULES.find((r) => r.name === rule)!.keys(
        loadView(store, slot, emptyView()),
        store.names,
        keys,
      );
      return keys;
    };
    const contact = keysOf(bareContact(contactOn('2026-03-02')), 'referral+forenameSound');
    const shared = (day: string) =>
      keysOf(lcsChild(referredOn(day)), 'referral+forenameSound').some((key) => contact.includes(key));
    expect(shared('2026-03-02')).toBe(true);
    expect(shared('2026-03-09')).toBe(true);
    expect(shared('2026-03-10')).toBe(false);
  });
});

describe('linking with referral evidence', () => {
  // Several background children share the name, so the name alone fits many.
  const population = [
    ...background(400),
    ...Array.from({ length: 4 }, (_, i) =>
      person({
        system: 'lcs',
        localId: `9${i}`,
        forename: 'Amara',
        surname: 'Ashdown',
        dateOfBirth: `201${i}-01-1${i}`,
        sex: 'F',
        postcodes: [`ZZ${i} 1XY`],
        referrals: referredOn(`2026-0${i + 4}-01`),
      }),
    ),
  ];

  it("joins a bare contact to the child whose LCS referral from the contact's source followed it", () => {
    const index = buildLinkIndex([
      ...population,
      lcsChild(referredOn('2026-03-03')),
      bareContact(contactOn('2026-03-02')),
    ]);
    expect(index.resolve('frontdoor:F1')!.records.lcs).toEqual(['1']);
  });

  it('leaves the same contact apart, as a possible match, when no referral followed it', () => {
    const index = buildLinkIndex([
      ...population,
      lcsChild(referredOn('2026-02-01')),
      bareContact(contactOn('2026-03-02')),
    ]);
    expect(index.resolve('frontdoor:F1')!.records.lcs).toEqual([]);
    const offered = index.possibleMatches(index.resolve('frontdoor:F1')!.hubId);
    expect(offered.map((m) => m.hubId)).toContain(index.resolve('lcs:1')!.hubId);
  });
});
