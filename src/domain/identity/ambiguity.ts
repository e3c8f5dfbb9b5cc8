/**
 * Records that fit two different children without one being clearly likelier: a front-door contact
 * giving the name and date of birth two namesakes share, say. The greedy join would hand it to
 * whichever edge came first, and half the time that is the wrong child; instead it joins neither on
 * a score, and both are offered to it as possible matches for a person to settle.
 *
 * "Different children" is what the clusters already know when scored joins start: the two candidates'
 * deterministic clusters carry different identifiers, one contradicts the other (Scorer.contradicts),
 * or a person has kept them apart. Two candidates that may yet be one child (a duplicate record of
 * one person register, say) are not ambiguous: either join is right.
 */
import type { LinkState } from './state.ts';

/**
 * How close (in bits of match weight) a second child's best edge must come to the first's for the
 * record to be left for a person: within log2(19), the first is under 95% likely of the two. A
 * contact joined to the wrong one of two known children puts one child's concern on another's file.
 */
export const AMBIGUITY_MARGIN_BITS = Math.log2(19);

/**
 * The records (slots) whose scored edges must not be laid: each has edges at or above the join
 * threshold to two clusters known to be different children, the weaker within the margin of the
 * stronger. `edges` are the scored edges about to be laid; the clusters hold the deterministic links.
 */
export function ambiguousRecords(
  state: LinkState,
  edges: Iterable<{ readonly weight: number; readonly a: number; readonly b: number }>,
): Set<number> {
  const { clusters } = state;
  /** Slot -> best weight to each other cluster (by root). */
  const best = new Map<number, Map<number, number>>();
  const note = (slot: number, other: number, weight: number) => {
    const root = clusters.find(other);
    let byRoot = best.get(slot);
    if (!byRoot) best.set(slot, (byRoot = new Map()));
    if ((byRoot.get(root) ?? -Infinity) < weight) byRoot.set(root, weight);
  };
  for (const { weight, a, b } of edges) {
    note(a, b, weight);
    note(b, a, weight);
  }
  const ambiguous = new Set<number>();
  for (const [slot, byRoot] of best) {
    if (byRoot.size < 2) continue;
    const own = clusters.find(slot);
    // Only children the record could join compete: not its own cluster, nor one a rule keeps it from.
    const ranked = [...byRoot]
      .filter(([root]) => root !== own && clusters.mayJoinOnScore(own, root))
      .sort((x, y) => y[1] - x[1]);
    if (ranked.length < 2) continue;
    const [[first, top]] = ranked as [[number, number]];
    for (const [second, weight] of ranked.slice(1)) {
      if (top - weight >= AMBIGUITY_MARGIN_BITS) break;
      if (differentChildren(state, first, second)) {
        ambiguous.add(slot);
        break;
      }
    }
  }
  return ambiguous;
}

function differentChildren(state: LinkState, rootA: number, rootB: number): boolean {
  const { clusters } = state;
  return (
    clusters.conflict(rootA, rootB) ||
    clusters.keptApart(rootA, rootB) ||
    (clusters.contradiction?.(rootA, rootB) ?? false)
  );
}
