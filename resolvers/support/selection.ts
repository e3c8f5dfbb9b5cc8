/** The fields a query asks of an object, one level deep (fragments followed), for audit records. */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

export function requestedFields(info: GraphQLResolveInfo): string[] {
  return requestedFieldsAt(info, []);
}

/**
 * The fields a query asks at `path` below this field (fragments followed), e.g.
 * `['socialCareContact', 'allocatedWorker']` from the child field. Empty when the path is not asked.
 */
export function requestedFieldsAt(info: GraphQLResolveInfo, path: readonly string[]): string[] {
  let sets: SelectionSetNode[] = info.fieldNodes.flatMap((node) =>
    node.selectionSet ? [node.selectionSet] : [],
  );
  for (const name of path) {
    const next: SelectionSetNode[] = [];
    for (const set of sets)
      collect(info, set, new Set(), (field) => {
        if (field.name.value === name && field.selectionSet) next.push(field.selectionSet);
      });
    sets = next;
  }
  const fields = new Set<string>();
  for (const set of sets) collect(info, set, new Set(), (field) => fields.add(field.name.value));
  fields.delete('__typename');
  return [...fields];
}

function collect(
  info: GraphQLResolveInfo,
  set: SelectionSetNode,
  seen: Set<string>,
  visit: (field: FieldNode) => void,
): void {
  for (const selection of set.selections) {
    if (selection.kind === 'Field') visit(selection);
    else if (selection.kind === 'InlineFragment') collect(info, selection.selectionSet, seen, visit);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment) collect(info, fragment.selectionSet, seen, visit);
    }
  }
}
