/**
 * Records resolved to their children once per piece of derived work (a costing, a list) and link
 * generation: a county report naming a few thousand children resolved each again for every viewer
 * asking (a fifth of a warm finance report). Whether a viewer may see each child is not kept here:
 * the caller still asks the directory per viewer.
 */
import type { ChildDirectory } from '../../src/domain/identity/directory.ts';
import type { ClusterView } from '../../src/domain/identity/types.ts';

const linked = new WeakMap<object, { generation: number; clusters: Map<string, ClusterView | null> }>();

/**
 * The child (cluster) of each LCS person `work` names, resolved the first time asked while the
 * directory's links stay put (its generation), again after they change.
 */
export function linkedOnce(
  directory: ChildDirectory,
  work: object,
): (personId: string) => ClusterView | null {
  const generation = directory.generation();
  let known = linked.get(work);
  if (known === undefined || known.generation !== generation) {
    known = { generation, clusters: new Map() };
    linked.set(work, known);
  }
  const { clusters } = known;
  return (personId) => {
    let cluster = clusters.get(personId);
    if (cluster === undefined) clusters.set(personId, (cluster = directory.resolve(`lcs:${personId}`)));
    return cluster;
  };
}
