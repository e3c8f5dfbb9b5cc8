/**
 * Deterministic evidence that two records are the same child: a shared valid NHS number,
 * permanent UPN or ULN, or an explicit cross-reference (either direction). An NHS number joins
 * only when the two records corroborate it (date of birth or names agree, Scorer.corroborates):
 * a number keyed against the wrong child is the commonest way two children end up as one, and an
 * uncorroborated pair is offered as a possible match instead.
 */
import { emptyView, loadView } from './comparison.ts';
import { NONE, type RecordStore } from './record-store.ts';
import type { LinkState } from './state.ts';

/**
 * A "valid" NHS number held by more records than this is a placeholder some system keys for
 * unknown, not one child's: it joins nothing (checking it pairwise would also be quadratic).
 */
export const MAX_NHS_GROUP = 256;

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

const viewA = emptyView();
const viewB = emptyView();

/**
 * Live slots sharing `slot`'s NHS number (those `include` accepts, when given), split by whether
 * the two records corroborate it.
 */
export function nhsPartners(
  state: LinkState,
  slot: number,
  include?: (other: number) => boolean,
): { corroborated: number[]; uncorroborated: number[] } {
  const { store, scorer } = state;
  const corroborated: number[] = [];
  const uncorroborated: number[] = [];
  if (store.nhs[slot] === NONE) return { corroborated, uncorroborated };
  const group = store.nhsIndex.slotsOfId(store.nhs[slot]!);
  if (group.length > MAX_NHS_GROUP) return { corroborated, uncorroborated };
  loadView(store, slot, viewA);
  for (const other of group) {
    if (other === slot || store.alive[other] !== 1 || (include && !include(other))) continue;
    if (scorer.corroborates(viewA, loadView(store, other, viewB))) corroborated.push(other);
    else uncorroborated.push(other);
  }
  return { corroborated, uncorroborated };
}

/** The slots `slot` is joined to without a score: UPN, ULN, cross-references, corroborated NHS number. */
export function deterministicLinks(state: LinkState, slot: number): number[] {
  const { store } = state;
  const nhs = store.nhs[slot]!;
  const corroborated = new Set(nhsPartners(state, slot).corroborated);
  return deterministicNeighbours(store, slot).filter(
    (other) =>
      nhs === NONE ||
      store.nhs[other] !== nhs ||
      corroborated.has(other) ||
      sharesAnotherTie(store, slot, other),
  );
}

/** Whether two records are tied by a UPN, a ULN or a cross-reference (either way). */
function sharesAnotherTie(store: RecordStore, a: number, b: number): boolean {
  if (store.upn[a] !== NONE && store.upn[a] === store.upn[b]) return true;
  if (store.uln[a] !== NONE && store.uln[a] === store.uln[b]) return true;
  const refersTo = (x: number, y: number) =>
    (store.crossRefs.get(x) ?? []).some((ref) => store.slotOf(ref) === y);
  return refersTo(a, b) || refersTo(b, a);
}
