/**
 * Local relinking after a change notification: only the clusters the changed record touches are
 * taken apart and linked again (deterministic links, then scored pairs from the blocks, strongest
 * first), never the whole index. The affected set is the record's old cluster, every cluster it
 * has a deterministic link to, and every cluster holding a record it now scores above the join
 * threshold with.
 */
import { BLOCKING_RULES } from './blocking.ts';
import { emptyView, loadView } from './comparison.ts';
import { deterministicNeighbours, restrictedIdentities } from './deterministic.ts';
import type { LinkState } from './state.ts';

/** Slots of every cluster reachable from `seeds` by cluster membership and deterministic links. */
function closure(state: LinkState, seeds: Iterable<number>): Set<number> {
  const { store, clusters } = state;
  const affected = new Set<number>();
  const stack = [...seeds].filter((slot) => store.alive[slot] === 1);
  while (stack.length > 0) {
    const slot = stack.pop()!;
    if (affected.has(slot)) continue;
    for (const member of clusters.members(slot)) {
      if (affected.has(member)) continue;
      affected.add(member);
      for (const other of deterministicNeighbours(store, member)) if (!affected.has(other)) stack.push(other);
    }
  }
  return affected;
}

/** Live, unrestricted records that score at or above `threshold` with `slot`, by blocking. */
export function strongCandidates(state: LinkState, slot: number, threshold: number): Map<number, number> {
  const { store, clusters, scorer } = state;
  const found = new Map<number, number>();
  const keys: number[] = [];
  const viewA = loadView(store, slot, emptyView());
  const viewB = emptyView();
  const prior = state.prior;
  BLOCKING_RULES.forEach((rule, index) => {
    if (!rule.forLinking) return;
    keys.length = 0;
    rule.keys(viewA, store.names, keys);
    for (const key of keys) {
      state.blocks[index]!.forEach(key, (other) => {
        if (
          other === slot ||
          found.has(other) ||
          store.alive[other] !== 1 ||
          clusters.restricted[other] === 1
        )
          return;
        const weight = prior + scorer.fieldWeights(viewA, loadView(store, other, viewB));
        if (weight >= threshold) found.set(other, weight);
      });
    }
  });
  return found;
}

/**
 * Takes apart the clusters around `seeds` (slots already updated in the store) and links them
 * again; `formerMembers` are slots that shared a cluster with a changed record before the change.
 */
export function relinkAround(state: LinkState, seeds: number[], formerMembers: number[]): void {
  const { store, clusters, settings } = state;
  clusters.ensureCapacity(store.slotCount);
  // Take the changed records out of their old clusters first, so closure() sees the new state.
  const formerLive = formerMembers.filter((slot) => store.alive[slot] === 1);
  for (const slot of new Set([...seeds, ...formerMembers]))
    clusters.reset(slot, store.nhs[slot]!, store.upn[slot]!);
  for (const slot of seeds) clusters.restricted[slot] = 0;

  const touched = closure(state, [...seeds, ...formerLive]);
  for (const seed of seeds) {
    if (store.alive[seed] !== 1 || store.declaredRestricted[seed] === 1) continue;
    for (const other of strongCandidates(state, seed, settings.joinThreshold).keys()) {
      for (const member of closure(state, [other])) touched.add(member);
    }
  }

  const slots = [...touched].sort((a, b) => state.compareSlots(a, b));
  const rank = new Map(slots.map((slot, index) => [slot, index]));
  for (const slot of slots) clusters.reset(slot, store.nhs[slot]!, store.upn[slot]!);
  const restricted = restrictedIdentities(store, slots);
  for (const slot of slots) clusters.restricted[slot] = restricted.has(slot) ? 1 : 0;

  for (const slot of slots) {
    if (clusters.restricted[slot] === 1) continue;
    for (const other of deterministicNeighbours(store, slot).sort((a, b) => state.compareSlots(a, b))) {
      if (rank.has(other) && clusters.restricted[other] === 0) clusters.union(slot, other);
    }
  }

  const edges: { weight: number; a: number; b: number }[] = [];
  for (const slot of slots) {
    if (clusters.restricted[slot] === 1) continue;
    for (const [other, weight] of strongCandidates(state, slot, settings.joinThreshold)) {
      if (rank.has(other) && rank.get(other)! > rank.get(slot)!) edges.push({ weight, a: slot, b: other });
    }
  }
  edges.sort(
    (x, y) => y.weight - x.weight || rank.get(x.a)! - rank.get(y.a)! || rank.get(x.b)! - rank.get(y.b)!,
  );
  for (const edge of edges) clusters.union(edge.a, edge.b);

  for (const slot of slots) if (clusters.find(slot) === slot) state.registerAnchor(state.anchorOf(slot));
}
