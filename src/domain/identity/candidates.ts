/** The records a record might be: those it scores at or above a threshold with, found by blocking. */
import { BLOCKING_RULES } from './blocking.ts';
import { emptyView, loadView } from './comparison.ts';
import type { LinkState } from './state.ts';

/**
 * Live records that score at or above `threshold` with `slot`, by blocking, with their weights.
 * Records on the restricted side are left out unless `includeRestricted` (restriction.ts needs them).
 */
export function strongCandidates(
  state: LinkState,
  slot: number,
  threshold: number,
  { includeRestricted = false }: { includeRestricted?: boolean } = {},
): Map<number, number> {
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
        if (other === slot || found.has(other) || store.alive[other] !== 1) return;
        if (!includeRestricted && clusters.restricted[other] === 1) return;
        const weight = prior + scorer.fieldWeights(viewA, loadView(store, other, viewB));
        if (weight >= threshold) found.set(other, weight);
      });
    }
  });
  return found;
}
