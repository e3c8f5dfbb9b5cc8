/**
 * Which hub id each cluster keeps after linking: the register's one rule, pure so it can be read and
 * tested apart from SQL.
 *
 * Each id in use goes with the part of its records that is largest (a tie goes to the records that
 * did not move, then to the cluster that sorts first). A cluster that is the largest part of several
 * ids is a merge: the id with most records there survives (then the earliest issued, then the
 * smallest) and the others redirect to it. A cluster that is nobody's largest part gets a new id;
 * every part of an id's records that went elsewhere is recorded as a split of that id. An id counts
 * only records on its own side of the restriction line: a visible child's id never follows its
 * records into a restricted child (nor the other way), and an id left with no records is retired.
 */
import type { RecordKey } from './keys.ts';
export type { RecordKey };

export interface ProposedCluster {
  /** Member records, `system:localId`; the first is the anchor a new id is derived from. */
  records: RecordKey[];
  restricted: boolean;
}

export interface IdRow {
  hubId: string;
  restricted: boolean;
  issuedAt: number;
}

export interface PlanInput {
  /** In a fixed order (by anchor), so every instance plans the same. */
  clusters: ProposedCluster[];
  /** Current id of every proposed record that has one. */
  current: ReadonlyMap<RecordKey, string>;
  /** Every id in `current` and `outside`. */
  ids: ReadonlyMap<string, IdRow>;
  /** Records an id still holds that are in none of the clusters and stay where they are. */
  outside: ReadonlyMap<string, number>;
  /** Ids no longer holding any record (their records were removed upstream). */
  emptied: Iterable<string>;
  /** A fresh id for a cluster (never one issued before). */
  newId(cluster: ProposedCluster, index: number): Promise<string>;
}

export interface Plan {
  /** The id of each cluster, by index. */
  assigned: string[];
  issued: { hubId: string; restricted: boolean }[];
  merged: { from: string; to: string }[];
  retired: string[];
  splits: { from: string; to: string; records: number }[];
}

const OUTSIDE = -1;

export async function planIds(input: PlanInput): Promise<Plan> {
  const { clusters, current, ids } = input;
  // id -> cluster index -> records of the id in that cluster (same side of the restriction line).
  const parts = new Map<string, Map<number, number>>();
  clusters.forEach((cluster, index) => {
    for (const record of cluster.records) {
      const id = current.get(record);
      const row = id === undefined ? undefined : ids.get(id);
      if (row === undefined || row.restricted !== cluster.restricted) continue;
      const byCluster = parts.get(row.hubId) ?? new Map<number, number>();
      byCluster.set(index, (byCluster.get(index) ?? 0) + 1);
      parts.set(row.hubId, byCluster);
    }
  });

  const home = new Map<string, number>();
  const involved = new Set([...ids.keys()]);
  for (const id of involved) {
    // Parts are in cluster order, so a tie goes to the earlier cluster; the records that stayed win a tie.
    let best = OUTSIDE;
    let bestCount = input.outside.get(id) ?? 0;
    for (const [index, count] of parts.get(id) ?? []) {
      if (count > bestCount) {
        best = index;
        bestCount = count;
      }
    }
    if (bestCount > 0) home.set(id, best);
  }

  const candidates = new Map<number, string[]>();
  for (const [id, index] of home) {
    if (index === OUTSIDE) continue;
    candidates.set(index, [...(candidates.get(index) ?? []), id]);
  }

  const plan: Plan = { assigned: [], issued: [], merged: [], retired: [], splits: [] };
  for (let index = 0; index < clusters.length; index++) {
    const here = candidates.get(index) ?? [];
    if (here.length === 0) {
      const hubId = await input.newId(clusters[index]!, index);
      plan.assigned.push(hubId);
      plan.issued.push({ hubId, restricted: clusters[index]!.restricted });
      continue;
    }
    const count = (id: string) => parts.get(id)!.get(index)!;
    here.sort(
      (a, b) =>
        count(b) - count(a) || ids.get(a)!.issuedAt - ids.get(b)!.issuedAt || (a < b ? -1 : a > b ? 1 : 0),
    );
    plan.assigned.push(here[0]!);
    for (const other of here.slice(1)) plan.merged.push({ from: other, to: here[0]! });
  }

  const finalOf = new Map(plan.merged.map((m) => [m.from, m.to]));
  for (const [id, byCluster] of parts) {
    const kept = finalOf.get(id) ?? id;
    for (const [index, records] of byCluster) {
      const to = plan.assigned[index]!;
      if (to !== kept && home.get(id) !== index) plan.splits.push({ from: id, to, records });
    }
  }
  for (const id of new Set([...involved, ...input.emptied])) if (!home.has(id)) plan.retired.push(id);
  return plan;
}
