/**
 * The record store finds each record by its key (`system:localId`) with no key string kept: through
 * removals (which move entries within its table), slots taken again, records replaced in place and
 * growth, it answers as a Map of keys would.
 */
import { describe, expect, it } from 'vitest';
import { RecordStore } from '../../../src/domain/identity/record-store.ts';
import { SYSTEMS } from '../../../src/platform/systems.ts';
import { person } from './records.ts';

describe('RecordStore keys', () => {
  it('answers every key as a Map would, through removals, reused slots and replacements', () => {
    const store = new RecordStore();
    const model = new Map<string, number>();
    let seed = 11;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let step = 0; step < 6000; step++) {
      const system = SYSTEMS[Math.floor(random() * SYSTEMS.length)]!;
      const localId = String(Math.floor(random() * 1500));
      const key = `${system}:${localId}`;
      if (random() < 0.65) {
        const slot = store.put(person({ system, localId, forename: 'Kit', surname: 'Keys' }));
        if (model.has(key)) expect(slot).toBe(model.get(key));
        model.set(key, slot);
      } else {
        expect(store.delete(key)).toBe(model.get(key));
        model.delete(key);
      }
    }
    for (const system of SYSTEMS)
      for (let id = 0; id < 1500; id++) {
        const key = `${system}:${id}`;
        expect(store.slotOf(key)).toBe(model.get(key));
      }
    for (const [key, slot] of model) expect(store.key(slot)).toBe(key);
    expect(store.slotOf('lcs:')).toBeUndefined();
    expect(store.slotOf('nowhere:1')).toBeUndefined();
    expect(store.slotOf('lcs1')).toBeUndefined();
    expect(store.liveCount).toBe(model.size);
  });
});
