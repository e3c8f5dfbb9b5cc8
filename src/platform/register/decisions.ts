/**
 * The stewards' active decisions, as linking applies them on every instance:
 *   SPLIT r    r is kept on its own (with what a later CONFIRM joins it to), whatever the linker says;
 *   CONFIRM a b  the children holding a and b are one child (never across a restriction line);
 *   REJECT a b   the children holding a and b are never offered as a possible match again, and
 *                the linker never joins a and b automatically (a cannot-link constraint).
 * Later decisions win: a SPLIT of r sets aside the confirmations of r made before it.
 */
import type { RecordKey } from './keys.ts';
import type { Decision } from './store.ts';

export interface ActiveDecisions {
  splitOut: ReadonlySet<RecordKey>;
  confirmed: ReadonlyMap<RecordKey, readonly RecordKey[]>;
  rejected: ReadonlySet<string>;
  /** The rejected pairs themselves, for the linker to keep apart (cannot-link constraints). */
  rejectedPairs: readonly (readonly [RecordKey, RecordKey])[];
}

export const pairKey = (a: RecordKey, b: RecordKey): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function activeDecisions(decisions: readonly Decision[]): ActiveDecisions {
  const splitOut = new Set<RecordKey>();
  const confirms: [RecordKey, RecordKey][] = [];
  const rejected = new Set<string>();
  const rejectedPairs: [RecordKey, RecordKey][] = [];
  const ordered = decisions.filter((d) => d.reversedAt === null).sort((x, y) => Number(x.id) - Number(y.id));
  for (const decision of ordered) {
    if (decision.kind === 'REJECT') {
      rejected.add(pairKey(decision.record, decision.other));
      rejectedPairs.push([decision.record, decision.other]);
    } else if (decision.kind === 'CONFIRM') confirms.push([decision.record, decision.other]);
    else {
      splitOut.add(decision.record);
      for (let i = confirms.length - 1; i >= 0; i--)
        if (confirms[i]!.includes(decision.record)) confirms.splice(i, 1);
    }
  }
  const confirmed = new Map<RecordKey, RecordKey[]>();
  for (const [a, b] of confirms) {
    confirmed.set(a, [...(confirmed.get(a) ?? []), b]);
    confirmed.set(b, [...(confirmed.get(b) ?? []), a]);
  }
  return { splitOut, confirmed, rejected, rejectedPairs };
}
