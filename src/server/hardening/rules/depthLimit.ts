/**
 * Depth limit: rejects operations whose field nesting, followed through fragments, is deeper than
 * `maxDepth` (a root field is depth 1; an introspection root field counts as 1). Fragment depths are memoised, so a document that spreads the same
 * fragment many times costs one walk of it, and a fragment cycle (reported by graphql's own
 * NoFragmentCyclesRule) ends the walk instead of recursing forever.
 */
import { Kind } from 'graphql';
import type { SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

import { queryTooComplex } from '../errors.ts';

/**
 * Introspection is measured by graphql's MaxIntrospectionDepthRule instead: the standard introspection
 * query GraphiQL sends is 15 levels deep (nested `ofType`), yet reads only the in-memory schema.
 */
const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

export function createDepthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragmentDepths = new Map<string, number>();
    const fragmentsBeingMeasured = new Set<string>();

    function fragmentDepth(name: string): number {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      if (!fragment || fragmentsBeingMeasured.has(name)) return 0;
      fragmentsBeingMeasured.add(name);
      const depth = selectionSetDepth(fragment.selectionSet);
      fragmentsBeingMeasured.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    }

    function selectionSetDepth(selectionSet: SelectionSetNode): number {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        let depth = 0;
        if (selection.kind === Kind.FIELD) {
          const descend = selection.selectionSet && !INTROSPECTION_ROOT_FIELDS.has(selection.name.value);
          depth = 1 + (descend && selection.selectionSet ? selectionSetDepth(selection.selectionSet) : 0);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = selectionSetDepth(selection.selectionSet);
        } else {
          depth = fragmentDepth(selection.name.value);
        }
        if (depth > deepest) deepest = depth;
      }
      return deepest;
    }

    return {
      OperationDefinition(operation) {
        const depth = selectionSetDepth(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            queryTooComplex(`Query depth ${depth} exceeds the maximum of ${maxDepth}.`, operation),
          );
        }
      },
    };
  };
}
