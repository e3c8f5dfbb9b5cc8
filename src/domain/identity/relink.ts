/**
 * Local relinking after a change notification: only the clusters the changed record touches are
 * taken apart and linked again (deterministic links, then scored pairs from the blocks, strongest
 * first), never the whole index. The affected set is the record's old cluster, every cluster it
 * has a deterministic link to, every cluster holding a record it now scores above the join
 * threshold with, and around every restricted child among them, whatever might be that child
 * (restriction.ts draws that line again).
 */
import { ambiguousRecords } from './ambiguity.ts';
import { strongCandidates } from './candidates.ts';
import { deterministicLinks, deterministicNeighbours } from './deterministic.ts';
import { drawRestrictionLine } from './restriction.ts';
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

/**
 * Takes apart the clusters around `seeds` (slots already updated in the store) and links them
 * again; `formerMembers` are slots that shared a cluster with a changed record before the change,
 * `formerCandidates` records a changed record scored at or above the join threshold with before
 * it changed (one it made ambiguous may now join, ambiguity.ts).
 */
export function relinkAround(
  state: LinkState,
  seeds: number[],
  formerMembers: number[],
  formerCandidates: number[] = [],
): void {
  const { store, clusters, settings } = state;
  clusters.ensureCapacity(store.slotCount);
  // Take the changed records out of their old clusters first, so closure() sees the new state.
  const formerLive = formerMembers.filter((slot) => store.alive[slot] === 1);
  for (const slot of new Set([...seeds, ...formerMembers])) state.resetSlot(slot);
  for (const slot of seeds) clusters.restricted[slot] = 0;

  const touched = closure(state, [...seeds, ...formerLive, ...formerCandidates]);
  const pullIn = (slot: number) => {
    for (const member of closure(state, [slot])) touched.add(member);
  };
  const near = (slot: number) =>
    strongCandidates(state, slot, settings.possibleThreshold, { includeRestricted: true });
  for (const seed of seeds) {
    if (store.alive[seed] !== 1) continue;
    for (const [other, weight] of near(seed)) {
      // A record it may join, or a restricted child it may be (and so must be withheld with).
      if (weight >= settings.joinThreshold || clusters.restricted[other] === 1) pullIn(other);
    }
  }
  // Everything within the possible-match threshold of a restricted record is relinked with it.
  for (const slot of [...touched]) {
    if (clusters.restricted[slot] !== 1 && store.declaredRestricted[slot] !== 1) continue;
    for (const other of near(slot).keys()) pullIn(other);
  }

  const slots = [...touched].sort((a, b) => state.compareSlots(a, b));
  const rank = new Map(slots.map((slot, index) => [slot, index]));
  for (const slot of slots) {
    state.resetSlot(slot);
    clusters.restricted[slot] = 0;
  }

  const edges: { weight: number; a: number; b: number }[] = [];
  // Every edge of a relinked record, inside or not: whether it is ambiguous depends on them all.
  const candidates: { weight: number; a: number; b: number }[] = [];
  for (const slot of slots) {
    for (const [other, weight] of strongCandidates(state, slot, settings.joinThreshold)) {
      if (!rank.has(other)) candidates.push({ weight, a: slot, b: other });
      else if (rank.get(other)! > rank.get(slot)!) edges.push({ weight, a: slot, b: other });
    }
  }
  candidates.push(...edges);
  edges.sort(
    (x, y) => y.weight - x.weight || rank.get(x.a)! - rank.get(y.a)! || rank.get(x.b)! - rank.get(y.b)!,
  );
  const link = () => {
    for (const slot of slots) {
      for (const other of deterministicLinks(state, slot).sort((a, b) => state.compareSlots(a, b))) {
        if (rank.has(other)) clusters.union(slot, other);
      }
    }
    const ambiguous = ambiguousRecords(state, candidates);
    for (const edge of edges)
      if (!ambiguous.has(edge.a) && !ambiguous.has(edge.b)) clusters.unionScored(edge.a, edge.b);
  };
  link();
  drawRestrictionLine(state, slots, link);

  for (const slot of slots) if (clusters.find(slot) === slot) state.registerAnchor(state.anchorOf(slot));
}
