/**
 * The register's naming rule, apart from SQL: which id each cluster keeps, which ids merge, split
 * or retire. Every expectation is worked out by hand from the rule in plan.ts's header.
 */
import { describe, expect, it } from 'vitest';
import {
  planIds,
  type IdRow,
  type PlanInput,
  type ProposedCluster,
} from '../../../src/platform/register/plan.ts';

const row = (hubId: string, issuedAt = 0, restricted = false): [string, IdRow] => [
  hubId,
  { hubId, restricted, issuedAt },
];

function plan(
  clusters: ProposedCluster[],
  current: Record<string, string>,
  ids: [string, IdRow][],
  emptied: string[] = [],
) {
  let n = 0;
  const input: PlanInput = {
    clusters,
    current: new Map(Object.entries(current)),
    ids: new Map(ids),
    outside: new Map(),
    emptied,
    newId: async () => `NEW${++n}`,
  };
  return planIds(input);
}

const visible = (...records: string[]): ProposedCluster => ({ records, restricted: false });

describe('planIds', () => {
  it('keeps every id whose records did not move, issuing nothing', async () => {
    const result = await plan(
      [visible('lcs:1', 'eyes:A'), visible('lcs:2')],
      { 'lcs:1': 'X', 'eyes:A': 'X', 'lcs:2': 'Y' },
      [row('X'), row('Y')],
    );
    expect(result).toEqual({ assigned: ['X', 'Y'], issued: [], merged: [], retired: [], splits: [] });
  });

  it('in a merge the id with more records survives; an equal count goes to the earlier issued', async () => {
    const bigger = await plan(
      [visible('lcs:1', 'eyes:A', 'frontdoor:F')],
      { 'lcs:1': 'Y', 'eyes:A': 'Y', 'frontdoor:F': 'X' },
      [row('X', 0), row('Y', 5)],
    );
    expect(bigger.assigned).toEqual(['Y']);
    expect(bigger.merged).toEqual([{ from: 'X', to: 'Y' }]);
    const tie = await plan([visible('lcs:1', 'frontdoor:F')], { 'lcs:1': 'Y', 'frontdoor:F': 'X' }, [
      row('X', 9),
      row('Y', 5),
    ]);
    expect(tie.merged).toEqual([{ from: 'X', to: 'Y' }]);
  });

  it('in a split the larger part keeps the id and the smaller gets a new one, recorded as a split', async () => {
    const result = await plan(
      [visible('lcs:1'), visible('eyes:A', 'frontdoor:F')],
      { 'lcs:1': 'X', 'eyes:A': 'X', 'frontdoor:F': 'X' },
      [row('X')],
    );
    expect(result.assigned).toEqual(['NEW1', 'X']);
    expect(result.splits).toEqual([{ from: 'X', to: 'NEW1', records: 1 }]);
  });

  it('never lets an id follow its records across the restriction line: it is retired', async () => {
    const result = await plan(
      [{ records: ['lcs:1', 'eyes:A'], restricted: true }],
      { 'lcs:1': 'X', 'eyes:A': 'X' },
      [row('X')],
    );
    expect(result.assigned).toEqual(['NEW1']);
    expect(result.issued).toEqual([{ hubId: 'NEW1', restricted: true }]);
    expect(result.retired).toEqual(['X']);
    expect(result.splits).toEqual([]);
  });

  it('retires an id whose records are all gone', async () => {
    const result = await plan([], {}, [row('X')], ['X']);
    expect(result.retired).toEqual(['X']);
  });
});
