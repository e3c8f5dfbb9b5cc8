/**
 * A restriction covers the whole child, and then some ("when in doubt, hide").
 *
 * Restricted records are linked like any other record (pass one), so the restricted child's records
 * in every system end up in its cluster. Then the line is drawn: the cluster's members, and every
 * record deterministically tied to one of them or scoring at or above the possible-match threshold
 * against one, are withheld with it. Pass two links again with that set pinned to the restricted
 * side: a withheld record never sits in a visible child, and a visible record never joins a
 * restricted one. Records known to be a different child (a different NHS number or UPN, or the
 * other identity of an adoption) are not pulled in: an adopted child's birth identity stays
 * visible, and is never joined, matched or searched together with the adoptive identity.
 */
import { deterministicNeighbours } from './deterministic.ts';
import { strongCandidates } from './candidates.ts';
import type { LinkState } from './state.ts';

/**
 * Marks the restricted side among `slots` (already linked once by `link`, every restriction flag
 * cleared) and, when anything is restricted, links them again with `link` inside that line.
 * `slots` must hold every record within the possible-match threshold of a restricted one.
 */
export function drawRestrictionLine(state: LinkState, slots: readonly number[], link: () => void): void {
  const { store, clusters, settings } = state;
  const inScope = new Set(slots);
  // slot -> the declared-restricted record it is withheld with.
  const withheldWith = new Map<number, number>();
  for (const slot of slots) {
    if (store.declaredRestricted[slot] !== 1) continue;
    for (const member of clusters.members(slot))
      if (!withheldWith.has(member)) withheldWith.set(member, slot);
  }
  if (withheldWith.size === 0) return;

  for (const member of [...withheldWith.keys()]) {
    const restricted = withheldWith.get(member)!;
    const root = clusters.find(restricted);
    const pull = (other: number, knownDifferent: boolean) => {
      if (withheldWith.has(other) || !inScope.has(other) || knownDifferent) return;
      withheldWith.set(other, restricted);
    };
    // An explicit reference or a shared identifier says "this child", unless it is the other
    // identity of an adoption.
    for (const other of deterministicNeighbours(store, member))
      pull(other, clusters.adoptionConflict(root, clusters.find(other)));
    for (const other of strongCandidates(state, member, settings.possibleThreshold, {
      includeRestricted: true,
    }).keys())
      pull(other, clusters.conflict(root, clusters.find(other)));
  }

  for (const slot of slots) {
    state.resetSlot(slot);
    clusters.restricted[slot] = withheldWith.has(slot) ? 1 : 0;
  }
  for (const [slot, restricted] of withheldWith) clusters.union(restricted, slot);
  link();
}
