/**
 * Field-duplication limit (graphql-cop's "field duplication" check): the same response key repeated
 * hundreds of times in one selection set is merged into one result, but graphql's overlap validation and
 * field collection still do work for every copy. Legitimate documents repeat a key at most a few times
 * (e.g. `id` written beside a fragment that also selects it).
 *
 * Counted as execution sees the selection set: after inline fragments and fragment spreads are
 * expanded, so copies spread across `... { x } ... { x }` or `...A ...B` count together. Each named
 * fragment's counts are worked out once per document and reused (a fragment spread many times, or
 * fragments nesting others, cost no more than their text); counts saturate instead of overflowing.
 */
import { Kind } from 'graphql';
import type { SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

import { queryTooComplex } from '../errors.ts';

type KeyCounts = ReadonlyMap<string, number>;

export function createFieldDuplicationLimitRule(maxFieldDuplicates: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragmentCounts = new Map<string, KeyCounts>();
    const expanding = new Set<string>();

    /** Response keys a selection set contributes, through its fragments, with how often each appears. */
    function countKeys(selectionSet: SelectionSetNode): KeyCounts {
      const counts = new Map<string, number>();
      const add = (key: string, n: number) =>
        counts.set(key, Math.min(Number.MAX_SAFE_INTEGER, (counts.get(key) ?? 0) + n));
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          add(selection.alias?.value ?? selection.name.value, 1);
        } else {
          const nested =
            selection.kind === Kind.INLINE_FRAGMENT
              ? countKeys(selection.selectionSet)
              : fragmentKeys(selection.name.value);
          for (const [key, n] of nested) add(key, n);
        }
      }
      return counts;
    }

    function fragmentKeys(name: string): KeyCounts {
      const known = fragmentCounts.get(name);
      if (known) return known;
      const fragment = context.getFragment(name);
      // Unknown and cyclic fragments are other rules' errors; they count for nothing here.
      if (!fragment || expanding.has(name)) return new Map();
      expanding.add(name);
      const counts = countKeys(fragment.selectionSet);
      expanding.delete(name);
      fragmentCounts.set(name, counts);
      return counts;
    }

    function check(selectionSet: SelectionSetNode): void {
      let worst = 0;
      for (const n of countKeys(selectionSet).values()) if (n > worst) worst = n;
      if (worst > maxFieldDuplicates) {
        context.reportError(
          queryTooComplex(
            `A selection set repeats one field ${worst} times; the maximum is ${maxFieldDuplicates}.`,
            selectionSet,
          ),
        );
      }
    }

    // Fragments are checked where they are expanded: in the selection set of a field or operation.
    return {
      OperationDefinition: (operation) => check(operation.selectionSet),
      Field: (field) => {
        if (field.selectionSet) check(field.selectionSet);
      },
    };
  };
}
