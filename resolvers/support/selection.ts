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

/** Whether @skip / @include leave a selection in this request (as execution decides). */
function included(
  info: GraphQLResolveInfo,
  node: FieldNode | FragmentSpreadNode | InlineFragmentNode,
): boolean {
  if (!node.directives?.length) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node, info.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues);
  return include?.if !== false;
}

/** Every field node directly in these selection sets, fragments (named and inline) followed, as executed. */
function fieldsOf(info: GraphQLResolveInfo, sets: readonly (SelectionSetNode | undefined)[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>) => {
    if (!set) return;
    for (const selection of set.selections) {
      // A selection @skip or @include leaves out was not asked for: recording it would log a refusal.
      if (!included(info, selection)) continue;
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
 * The fields asked of this field's value, or, given a path of field names, of the value found
 * along it (`['nodes']`: the fields asked of each node of a connection).
 */
export function requestedFields(info: GraphQLResolveInfo, path: readonly string[] = []): string[] {
  let sets = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of path) {
    sets = fieldsOf(info, sets)
      .filter((field) => field.name.value === name)
      .map((field) => field.selectionSet);
  }
  const fields = new Set(fieldsOf(info, sets).map((field) => field.name.value));
  fields.delete('__typename');
  return [...fields];
}
