/**
 * The full build: deterministic links, then Fellegi–Sunter scoring of the pairs blocking brings
 * together, then greedy clustering from the strongest edge down (so a strong link is never blocked
 * by a weaker one through the constraints; a record that fits two different children, neither 19
 * times likelier, joins neither, ambiguity.ts), restricted records included; then restriction.ts draws
 * the line around each restricted child and the same links are laid again inside it. Every step
 * runs in canonical record order, so the result does not depend on the order records arrived in.
 */
import { ambiguousRecords } from './ambiguity.ts';
import { BLOCKING_RULES, BlockIndex, MAX_SLOTS } from './blocking.ts';
import { emptyView, loadView } from './comparison.ts';
import { nhsPartners } from './deterministic.ts';
import { NONE } from './record-store.ts';
import { drawRestrictionLine } from './restriction.ts';
import type { LinkState } from './state.ts';

/** Candidate links at or above the join threshold, kept as parallel arrays. */
class Edges {
  readonly weights: number[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];

  push(weight: number, a: number, b: number): void {
    this.weights.push(weight);
    this.from.push(a);
    this.to.push(b);
  }

  *list(): Generator<{ weight: number; a: number; b: number }> {
    for (let index = 0; index < this.weights.length; index++)
      yield { weight: this.weights[index]!, a: this.from[index]!, b: this.to[index]! };
  }
}

export function linkAll(state: LinkState): void {
  const started = performance.now();
  const { store, clusters } = state;
  clusters.ensureCapacity(store.slotCount);

  const order: number[] = [];
  for (let slot = 0; slot < store.slotCount; slot++) if (store.alive[slot] === 1) order.push(slot);
  order.sort((a, b) => state.compareSlots(a, b));
  const rank = new Int32Array(store.slotCount);
  order.forEach((slot, index) => (rank[slot] = index));

  for (const slot of order) {
    state.resetSlot(slot);
    clusters.restricted[slot] = 0;
  }

  linkDeterministically(state, order);
  const edges = scoreBlocks(state);
  const byStrength = edges.weights.map((_, index) => index);
  const key = (index: number) => Math.min(rank[edges.from[index]!]!, rank[edges.to[index]!]!);
  const key2 = (index: number) => Math.max(rank[edges.from[index]!]!, rank[edges.to[index]!]!);
  byStrength.sort((x, y) => edges.weights[y]! - edges.weights[x]! || key(x) - key(y) || key2(x) - key2(y));
  const unionEdges = () => {
    // Asked once the deterministic links are laid: they say which candidates are different children.
    const ambiguous = ambiguousRecords(state, edges.list());
    for (const index of byStrength) {
      const a = edges.from[index]!;
      const b = edges.to[index]!;
      if (!ambiguous.has(a) && !ambiguous.has(b)) clusters.unionScored(a, b);
    }
  };
  unionEdges();
  drawRestrictionLine(state, order, () => {
    linkDeterministically(state, order);
    unionEdges();
  });

  const seenRoot = new Uint8Array(store.slotCount);
  for (const slot of order) {
    const root = clusters.find(slot);
    if (seenRoot[root] === 0) {
      seenRoot[root] = 1;
      state.registerAnchor(slot);
    }
  }
  state.buildMs = performance.now() - started;
}

function linkDeterministically(state: LinkState, order: readonly number[]): void {
  const { store, clusters } = state;
  for (const slot of order) {
    // An NHS number joins only the records that corroborate it (deterministic.ts), pair by pair.
    if (store.nhs[slot] !== NONE) {
      const earlier = (other: number) => state.compareSlots(other, slot) < 0;
      const partners = nhsPartners(state, slot, earlier).corroborated;
      for (const other of partners.sort((a, b) => state.compareSlots(a, b))) clusters.union(other, slot);
    }
    // UPN and ULN groups join through their canonical first member: linear even for a placeholder
    // value shared by thousands of records.
    for (const [idOf, index] of [
      [store.upn, store.upnIndex],
      [store.uln, store.ulnIndex],
    ] as const) {
      const id = idOf[slot]!;
      if (id === NONE) continue;
      let first = slot;
      for (const other of index.slotsOfId(id)) if (state.compareSlots(other, first) < 0) first = other;
      if (first !== slot) clusters.union(first, slot);
    }
    for (const ref of store.crossRefs.get(slot) ?? []) {
      const target = store.slotOf(ref);
      if (target !== undefined) clusters.union(target, slot);
    }
  }
}

function scoreBlocks(state: LinkState): Edges {
  const { store, clusters, scorer, settings } = state;
  const prior = state.prior;
  const edges = new Edges();
  const primaryKeys: Float64Array[] = [];
  const viewA = emptyView();
  const viewB = emptyView();
  const keys: number[] = [];
  const block: number[] = [];

  BLOCKING_RULES.forEach((rule, ruleIndex) => {
    const primary = new Float64Array(store.slotCount).fill(NaN);
    let packed = new Float64Array(store.liveCount + 1024);
    let count = 0;
    for (let slot = 0; slot < store.slotCount; slot++) {
      if (store.alive[slot] !== 1) continue;
      keys.length = 0;
      rule.keys(loadView(store, slot, viewA), store.names, keys);
      if (keys.length > 0) primary[slot] = keys[0]!;
      for (const key of keys) {
        if (count === packed.length) {
          const grown = new Float64Array(packed.length * 2);
          grown.set(packed);
          packed = grown;
        }
        packed[count++] = BlockIndex.pack(key, slot);
      }
    }
    const index = state.blocks[ruleIndex]!;
    index.load(packed.slice(0, count));
    if (!rule.forLinking) return;

    const entries = index.entries;
    for (let start = 0; start < entries.length;) {
      const key = BlockIndex.keyOf(entries[start]!);
      const limit = (key + 1) * MAX_SLOTS;
      let end = start;
      block.length = 0;
      while (end < entries.length && entries[end]! < limit) block.push(BlockIndex.slotOf(entries[end++]!));
      start = end;
      if (block.length < 2) continue;
      if (block.length > settings.maxBlockSize) {
        state.oversizedBlocks++;
        // These pairs were not compared here, so later rules must not skip them as already seen.
        for (const slot of block) if (primary[slot] === key) primary[slot] = NaN;
        continue;
      }
      for (let x = 0; x < block.length; x++) {
        const a = block[x]!;
        loadView(store, a, viewA);
        for (let y = x + 1; y < block.length; y++) {
          const b = block[y]!;
          if (primaryKeys.some((earlier) => earlier[a] === earlier[b])) continue;
          if (clusters.find(a) === clusters.find(b)) continue;
          state.comparisons++;
          const weight = prior + scorer.fieldWeights(viewA, loadView(store, b, viewB));
          if (weight >= settings.joinThreshold) edges.push(weight, a, b);
        }
      }
    }
    primaryKeys.push(primary);
  });
  return edges;
}
