/**
 * The hub id table: every id added is found again by its text and gives its text back, through
 * deletions (which move entries within the hash table) and growth, against a plain Map as the model.
 */
import { describe, expect, it } from 'vitest';
import { hubIdFor } from '../../../src/domain/identity/hub-id.ts';
import { HubIdTable } from '../../../src/domain/identity/hub-id-table.ts';

describe('HubIdTable', () => {
  it('gives each id a handle that answers with the same id, and none for an id not added', () => {
    const table = new HubIdTable();
    const a = table.add(hubIdFor('lcs', '1'));
    const b = table.add(hubIdFor('eyes', 'P1'));
    expect(a).not.toBe(b);
    expect(table.add(hubIdFor('lcs', '1'))).toBe(a);
    expect(table.idOf(a)).toBe(hubIdFor('lcs', '1'));
    expect(table.idOf(b)).toBe(hubIdFor('eyes', 'P1'));
    expect(table.handleOf(hubIdFor('lcs', '2'))).toBeUndefined();
    expect(table.size).toBe(2);
  });

  it('holds a value of another shape as it is', () => {
    const table = new HubIdTable();
    const odd = table.add('not-a-hub-id');
    expect(table.idOf(odd)).toBe('not-a-hub-id');
    expect(table.handleOf('not-a-hub-id')).toBe(odd);
    table.delete(odd);
    expect(table.handleOf('not-a-hub-id')).toBeUndefined();
  });

  it('agrees with a Map through thousands of additions and deletions', () => {
    const table = new HubIdTable();
    const model = new Map<string, number>();
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let step = 0; step < 20_000; step++) {
      const id = hubIdFor('lcs', String(Math.floor(random() * 3000)));
      if (random() < 0.6) {
        const handle = table.add(id);
        if (model.has(id)) expect(handle).toBe(model.get(id));
        model.set(id, handle);
      } else {
        const handle = table.handleOf(id);
        expect(handle).toBe(model.get(id));
        if (handle !== undefined) table.delete(handle);
        model.delete(id);
        expect(table.holds(handle ?? -1)).toBe(false);
      }
    }
    expect(table.size).toBe(model.size);
    for (const [id, handle] of model) {
      expect(table.handleOf(id)).toBe(handle);
      expect(table.idOf(handle)).toBe(id);
    }
    expect([...table.entries()].sort((x, y) => x - y)).toEqual([...model.values()].sort((x, y) => x - y));
  });

  it('gives an id back as three words that another table takes back to the same id', () => {
    const table = new HubIdTable();
    const ids = Array.from({ length: 500 }, (_, i) => hubIdFor('frontdoor', `FD${i}`));
    const words = new Uint32Array(ids.length * 3);
    ids.forEach((id, i) => expect(table.wordsOf(table.add(id), words, i * 3)).toBe(true));
    const copy = new HubIdTable();
    copy.reserve(ids.length);
    ids.forEach((id, i) => {
      const handle = copy.addWords(words[i * 3]!, words[i * 3 + 1]!, words[i * 3 + 2]!);
      expect(copy.idOf(handle)).toBe(id);
      expect(copy.handleOf(id)).toBe(handle);
    });
    expect(copy.size).toBe(ids.length);
    expect(table.wordsOf(table.add('not-a-hub-id'), words, 0)).toBe(false);
  });

  it('refuses words no hub id has, and text that only looks like one', () => {
    const table = new HubIdTable();
    expect(() => table.addWords(2 ** 30, 0, 0)).toThrow(RangeError);
    expect(() => table.addWords(0, 0, 2 ** 20)).toThrow(RangeError);
    for (const text of ['cABCDEFGHIJKLMNOP', 'CABCDEFGHIJKLMNO1', 'CABCDEFGHIJKLMNOPQ', 'CABCDEFGHIJKLMNÖP'])
      expect(table.idOf(table.add(text))).toBe(text);
    expect(table.size).toBe(4);
  });
});
