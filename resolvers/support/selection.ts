/** The fields a query asks of an object, one level deep (fragments followed), for audit records. */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  getDirectiveValues,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLResolveInfo,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

/** What a walk met: a directive makes its answer depend on the request's variables. */
interface Walk {
  directives: boolean;
}

/** Whether @skip / @include leave a selection in this request (as execution decides). */
function included(
  info: GraphQLResolveInfo,
  node: FieldNode | FragmentSpreadNode | InlineFragmentNode,
  walk: Walk,
): boolean {
  if (!node.directives?.length) return true;
  walk.directives = true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

/** Every field node directly in these selection sets, fragments (named and inline) followed, as executed. */
function fieldsOf(
  info: GraphQLResolveInfo,
  sets: readonly (SelectionSetNode | undefined)[],
  walk: Walk,
): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    if (!set) return;
    for (const selection of set.selections) {
      // A selection @skip or @include leaves out was not asked for: recording it would log a refusal.
      if (!included(info, selection, walk)) continue;
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment: FragmentDefinitionNode | undefined = info.fragments[selection.name.value];
        visit(fragment?.selectionSet, seen);
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return fields;
}

/**
 * Answers per field node of a document, by path: documents are parsed once and kept, so the same
 * node comes back with every request sending that document, and a child view asks five times.
 * Answers that depended on @skip / @include are never kept (they depend on the variables).
 */
const known = new WeakMap<FieldNode, Map<string, readonly string[]>>();

/**
 * The fields asked of this field's value, or, given a path of field names, of the value found
 * along it (`['nodes']`: the fields asked of each node of a connection).
 */
export function requestedFields(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const pathKey = path.join('.');
  const remembered = node === undefined ? undefined : known.get(node)?.get(pathKey);
  if (remembered !== undefined) return [...remembered];
  const walk: Walk = { directives: false };
  let sets = info.fieldNodes.map((field) => field.selectionSet);
  for (const name of path) {
    sets = fieldsOf(info, sets, walk)
      .filter((field) => field.name.value === name)
      .map((field) => field.selectionSet);
  }
  const fields = new Set(fieldsOf(info, sets, walk).map((field) => field.name.value));
  fields.delete('__typename');
  const answer = [...fields];
  if (node !== undefined && !walk.directives) {
    let byPath = known.get(node);
    if (byPath === undefined) known.set(node, (byPath = new Map()));
    byPath.set(pathKey, answer);
    return [...answer];
  }
  return answer;
}
