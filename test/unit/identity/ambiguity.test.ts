import { describe, expect, it } from 'vitest';
import { AMBIGUITY_MARGIN_BITS } from '../../../src/domain/identity/ambiguity.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { UPN_A, UPN_B, background, person } from './records.ts';

const child = { forename: 'William', surname: 'Ashdown', dateOfBirth: '2015-03-07', sex: 'M' as const };
const population = background(400);
/** Two pupils of one name and birthday: their UPNs say they are two children. */
const namesakes: SourceRecord[] = [
  person({ system: 'eyes', localId: 'P1', ...child, upn: UPN_A, postcodes: ['AB1 2CD'] }),
  person({ system: 'eyes', localId: 'P2', ...child, upn: UPN_B, postcodes: ['XY9 9ZZ'] }),
];
/** A contact giving only what both namesakes share. */
const contact = person({ system: 'frontdoor', localId: 'F1', ...child });

describe('a record that fits two different children about equally', () => {
  it('joins neither, and both are offered to it as possible matches', () => {
    const index = buildLinkIndex([...population, ...namesakes, contact]);
    const cluster = index.resolve('frontdoor:F1')!;
    expect(cluster.records).toMatchObject({ eyes: [], frontdoor: ['F1'] });
    expect(index.possibleMatches(cluster.hubId).map((m) => m.hubId)).toEqual(
      expect.arrayContaining([index.resolve('eyes:P1')!.hubId, index.resolve('eyes:P2')!.hubId]),
    );
  });

  it('joins the child it fits clearly better (its postcode is one namesake’s)', () => {
    const index = buildLinkIndex([...population, ...namesakes, { ...contact, postcodes: ['AB1 2CD'] }]);
    expect(index.resolve('frontdoor:F1')!.records.eyes).toEqual(['P1']);
  });

  it('is left for a person while the likelier child is under 19 times as likely (a slip in the other’s forename)', () => {
    const slipped = { ...namesakes[1]!, forename: 'Wiliam' };
    const index = buildLinkIndex([...population, namesakes[0]!, slipped, contact]);
    const [exact, similar] = ['P1', 'P2'].map(
      (id) =>
        index.comparePair({ system: 'frontdoor', localId: 'F1' }, { system: 'eyes', localId: id })!.score,
    );
    expect(exact! - similar!).toBeGreaterThan(1);
    expect(exact! - similar!).toBeLessThan(AMBIGUITY_MARGIN_BITS);
    expect(index.resolve('frontdoor:F1')!.records.eyes).toEqual([]);
  });

  it('joins one of two records that may be one child (a duplicate pupil record, no identifier apart)', () => {
    const duplicates = namesakes.map((pupil) => ({ ...pupil, upn: null, postcodes: ['AB1 2CD'] }));
    const index = buildLinkIndex([...population, ...duplicates, contact]);
    expect(index.resolve('frontdoor:F1')!.records.eyes).toHaveLength(1);
  });

  it('is left for a person when the second child arrives later, as a full build would leave it', () => {
    const index = buildLinkIndex([...population, namesakes[0]!, contact]);
    expect(index.resolve('frontdoor:F1')!.records.eyes).toEqual(['P1']);
    index.upsert(namesakes[1]!);
    expect(index.resolve('frontdoor:F1')!.records.eyes).toEqual([]);
    // And joins again once the second child's record says it is someone else after all.
    index.upsert({ ...namesakes[1]!, forename: 'Gideon' });
    expect(index.resolve('frontdoor:F1')!.records.eyes).toEqual(['P1']);
  });
});
