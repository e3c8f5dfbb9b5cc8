/**
 * The register's clusters: the linker's, with the stewards' decisions applied (decisions.ts).
 * `proposedClusterOf` answers for one record, for the relink around a change; `proposeAll` for
 * every record, at start-up. Both give the same clusters.
 */
import type { ClusterView } from '../../domain/identity/types.ts';
import type { ActiveDecisions } from './decisions.ts';
import { compareKeys, recordKey, type RecordKey } from './keys.ts';
import type { ProposedCluster } from './plan.ts';

/** The linker's cluster of a record (`system:localId`), or null when the record is not linked. */
export type LinkedClusterOf = (record: RecordKey) => ClusterView | null;

export function keysOf(view: ClusterView): RecordKey[] {
  return (Object.keys(view.records) as (keyof ClusterView['records'])[]).flatMap((system) =>
    view.records[system].map((localId) => recordKey(system, localId)),
  );
}

function group(
  linked: LinkedClusterOf,
  decisions: ActiveDecisions,
  record: RecordKey,
): ProposedCluster | null {
  const view = linked(record);
  if (view === null) return null;
  if (decisions.splitOut.has(record)) return { records: [record], restricted: view.restricted };
  return { records: keysOf(view).filter((k) => !decisions.splitOut.has(k)), restricted: view.restricted };
}

export function proposedClusterOf(
  linked: LinkedClusterOf,
  decisions: ActiveDecisions,
  record: RecordKey,
): ProposedCluster | null {
  const first = group(linked, decisions, record);
  if (first === null) return null;
  const members = new Set(first.records);
  const queue = [...first.records];
  while (queue.length > 0) {
    for (const partner of decisions.confirmed.get(queue.pop()!) ?? []) {
      if (members.has(partner)) continue;
      const joined = group(linked, decisions, partner);
      // A confirmation never carries a child across the restriction line.
      if (joined === null || joined.restricted !== first.restricted) continue;
      for (const member of joined.records) {
        if (members.has(member)) continue;
        members.add(member);
        queue.push(member);
      }
    }
  }
  return { records: [...members].sort(compareKeys), restricted: first.restricted };
}

export function* proposeAll(
  clusters: Iterable<ClusterView>,
  linked: LinkedClusterOf,
  decisions: ActiveDecisions,
): Iterable<ProposedCluster> {
  const placed = new Set<RecordKey>();
  const decided = (key: RecordKey) => decisions.splitOut.has(key) || decisions.confirmed.has(key);
  for (const view of clusters) {
    const keys = keysOf(view);
    if (!keys.some(decided)) {
      yield { records: keys.sort(compareKeys), restricted: view.restricted };
      continue;
    }
    for (const key of keys) {
      if (placed.has(key)) continue;
      const cluster = proposedClusterOf(linked, decisions, key)!;
      for (const member of cluster.records) placed.add(member);
      yield cluster;
    }
  }
}
