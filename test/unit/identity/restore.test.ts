import { describe, expect, it } from 'vitest';
import { buildLinkIndex, type LinkIndex } from '../../../src/domain/identity/linker.ts';
import { LinkIndexRestorer } from '../../../src/domain/identity/restore.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { NHS_A, WILLIAM, background, person } from './records.ts';

const william = WILLIAM;

function records(): SourceRecord[] {
  return [
    ...background(300),
    person({ system: 'lcs', localId: '1', ...william, nhsNumber: NHS_A }),
    person({ system: 'eyes', localId: 'P1', ...william, forename: 'Billy', nhsNumber: NHS_A }),
    // May be William (another surname and address): a possible match, not a link.
    person({ system: 'frontdoor', localId: 'F1', ...william, surname: 'Greystoke', postcodes: ['XY9 1AB'] }),
    // Restricted: the line restriction.ts draws must come back as it was.
    person({
      system: 'lcs',
      localId: '2',
      forename: 'Orla',
      surname: 'Penrose',
      dateOfBirth: '2011-05-05',
      restricted: true,
    }),
    person({
      system: 'eyes',
      localId: 'P2',
      forename: 'Orla',
      surname: 'Penrose',
      dateOfBirth: '2011-05-05',
    }),
  ];
}

/** The index laid out again from each record with the id of the cluster the first index put it in. */
function restored(from: LinkIndex, list: SourceRecord[]): LinkIndex {
  const restorer = new LinkIndexRestorer();
  for (const record of [...list].reverse()) {
    const cluster = from.resolve(`${record.system}:${record.localId}`)!;
    restorer.add({ record, cluster: cluster.hubId, restricted: cluster.restricted });
  }
  return restorer.build();
}

const answers = (index: LinkIndex) => ({
  clusters: [...index.clusters()].sort((a, b) => (a.hubId < b.hubId ? -1 : 1)),
  search: index.search({ name: 'William Ashdown', dateOfBirth: '2015-03-07' }, { first: 5 }),
  nicknames: index.search({ name: 'Billy Ashdown' }, { first: 5 }),
  matches: index.possibleMatches(index.resolve('lcs:1')!.hubId),
  restricted: index.resolve('eyes:P2'),
});

describe('restoring the link index from stored links', () => {
  it('answers as the index that linked the records, without scoring a pair', () => {
    const list = records();
    const linked = buildLinkIndex(list);
    const again = restored(linked, list);
    expect(answers(again)).toEqual(answers(linked));
    expect(answers(again).restricted!.restricted).toBe(true);
    expect(again.stats().comparisons).toBe(0);
  });

  it('keeps linking after: a change relinks around it as in the index that linked', () => {
    const list = records();
    const linked = buildLinkIndex(list);
    const again = restored(linked, list);
    const contact = person({ system: 'frontdoor', localId: 'F1', ...william });
    expect(again.upsert(contact)).toEqual(linked.upsert(contact));
    expect(answers(again)).toEqual(answers(linked));
  });
});
