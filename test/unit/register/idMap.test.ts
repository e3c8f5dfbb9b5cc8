/**
 * The register's id map over the link index's slots: each record's id and each id's records, as a
 * Map of record keys to ids would answer, including records the index does not hold and records it
 * removes (their slot then holds another record, which must not inherit the id).
 */
import { describe, expect, it } from 'vitest';
import { hubIdFor } from '../../../src/domain/identity/hub-id.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { RegisterIdMap } from '../../../src/platform/register/idMap.ts';
import { person } from '../identity/records.ts';

const child = (system: SourceRecord['system'], localId: string, forename: string): SourceRecord =>
  person({ system, localId, forename, surname: 'Idmap', dateOfBirth: '2015-01-02', sex: 'F' });

const A = hubIdFor('lcs', 'a');
const B = hubIdFor('lcs', 'b');
const sorted = (keys: string[] | undefined) => (keys ? [...keys].sort() : keys);

describe('RegisterIdMap', () => {
  it('answers each record with its id and each id with its records, held in the index or not', () => {
    const index = buildLinkIndex([
      child('lcs', '1', 'Ann'),
      child('eyes', 'P1', 'Bea'),
      child('lift', 'L1', 'Cy'),
    ]);
    const ids = new RegisterIdMap(index.slots);
    ids.set('lcs:1', A);
    ids.set('eyes:P1', A);
    ids.set('frontdoor:F9', A); // not in the index
    ids.set('lift:L1', B);
    expect(ids.get('lcs:1')).toBe(A);
    expect(ids.get('frontdoor:F9')).toBe(A);
    expect(ids.get('lcs:2')).toBeUndefined();
    expect(sorted(ids.members(A))).toEqual(['eyes:P1', 'frontdoor:F9', 'lcs:1']);
    expect(ids.members(hubIdFor('lcs', 'c'))).toBeUndefined();

    ids.set('eyes:P1', B);
    ids.set('frontdoor:F9', B);
    expect(sorted(ids.members(A))).toEqual(['lcs:1']);
    expect(sorted(ids.members(B))).toEqual(['eyes:P1', 'frontdoor:F9', 'lift:L1']);
    expect([...ids.hubIds()].sort()).toEqual([A, B].sort());

    ids.deleteId(B);
    expect(ids.get('eyes:P1')).toBeUndefined();
    expect(ids.get('frontdoor:F9')).toBeUndefined();
    expect(ids.members(B)).toBeUndefined();
    expect(ids.size).toBe(1);
  });

  it('keeps a removed record by its key, and gives its slot no id when another record takes it', () => {
    const index = buildLinkIndex([child('lcs', '1', 'Ann'), child('lcs', '2', 'Dot')]);
    const ids = new RegisterIdMap(index.slots);
    index.slots.onRelease((slot, key) => ids.released(slot, key));
    ids.set('lcs:1', A);
    ids.set('lcs:2', B);
    const slot = index.slots.slotOf('lcs:1');
    index.remove('lcs', '1');
    // Until the register takes it out of its child, the record keeps its id.
    expect(ids.get('lcs:1')).toBe(A);
    expect(ids.members(A)).toEqual(['lcs:1']);
    index.upsert(child('eyes', 'P7', 'Eve'));
    expect(index.slots.slotOf('eyes:P7')).toBe(slot);
    expect(ids.get('eyes:P7')).toBeUndefined();
    expect(ids.members(A)).toEqual(['lcs:1']);
    // The record back in the index (another slot), then moved: found and moved once.
    index.upsert(child('lcs', '1', 'Ann'));
    ids.set('lcs:1', B);
    expect(sorted(ids.members(B))).toEqual(['lcs:1', 'lcs:2']);
    expect(ids.members(A)).toEqual([]);
    ids.deleteId(A);
    expect(ids.members(A)).toBeUndefined();
  });
});
