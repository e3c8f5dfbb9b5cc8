/**
 * Deterministic evidence that two records are the same child: a shared valid NHS number,
 * permanent UPN or ULN, or an explicit cross-reference (either direction).
 */
import { NONE, type RecordStore } from './record-store.ts';

/** Slots sharing an identifier with `slot`, or referenced by / referencing it (live slots only). */
export function deterministicNeighbours(store: RecordStore, slot: number): number[] {
  const out = new Set<number>();
  const addGroup = (group: readonly number[]) => {
    for (const other of group) if (other !== slot) out.add(other);
  };
  if (store.nhs[slot] !== NONE) addGroup(store.nhsIndex.slotsOfId(store.nhs[slot]!));
  if (store.upn[slot] !== NONE) addGroup(store.upnIndex.slotsOfId(store.upn[slot]!));
  if (store.uln[slot] !== NONE) addGroup(store.ulnIndex.slotsOfId(store.uln[slot]!));
  for (const ref of store.crossRefs.get(slot) ?? []) {
    const target = store.slotOf(ref);
    if (target !== undefined && target !== slot) out.add(target);
  }
  addGroup(store.referrersOf(store.key(slot)));
  return [...out].filter((other) => store.alive[other] === 1);
}
