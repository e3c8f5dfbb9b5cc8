/**
 * A report's people are resolved to their children once per piece of work while the links stay
 * put, and again as soon as the directory's links change (a merge, a split, a restriction).
 */
import { describe, expect, it } from 'vitest';
import type { ChildDirectory } from '../../../src/domain/identity/directory.ts';
import type { ClusterView } from '../../../src/domain/identity/types.ts';
import { linkedOnce } from '../../../resolvers/support/linkedOnce.ts';

/** A directory whose links are a Map it can be told to change, counting what it was asked. */
function directoryOf(links: Map<string, string>) {
  let generation = 0;
  const asked: string[] = [];
  const directory = {
    generation: () => generation,
    resolve: (id: string): ClusterView | null => {
      asked.push(id);
      const hubId = links.get(id);
      return hubId === undefined
        ? null
        : {
            hubId,
            records: { lcs: [], eyes: [], lift: [], frontdoor: [] },
            restricted: false,
            restrictedBy: [],
          };
    },
  } as unknown as ChildDirectory;
  return { directory, asked, relink: (id: string, hubId: string) => (links.set(id, hubId), generation++) };
}

describe('linkedOnce', () => {
  it('resolves each person once for the same work, whoever asks next', () => {
    const { directory, asked } = directoryOf(
      new Map([
        ['lcs:1', 'CA'],
        ['lcs:2', 'CB'],
      ]),
    );
    const costing = {};
    const first = linkedOnce(directory, costing);
    expect([first('1')?.hubId, first('2')?.hubId, first('3')]).toEqual(['CA', 'CB', null]);
    const second = linkedOnce(directory, costing);
    expect([second('1')?.hubId, second('3')]).toEqual(['CA', null]);
    expect(asked).toEqual(['lcs:1', 'lcs:2', 'lcs:3']);
    // Other work resolves for itself.
    linkedOnce(directory, {})('1');
    expect(asked).toHaveLength(4);
  });

  it('resolves again once the links have changed', () => {
    const { directory, asked, relink } = directoryOf(new Map([['lcs:1', 'CA']]));
    const costing = {};
    expect(linkedOnce(directory, costing)('1')?.hubId).toBe('CA');
    relink('lcs:1', 'CZ');
    expect(linkedOnce(directory, costing)('1')?.hubId).toBe('CZ');
    expect(asked).toEqual(['lcs:1', 'lcs:1']);
  });
});
