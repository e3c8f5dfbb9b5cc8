/**
 * Field-duplication limit (graphql-cop's "field duplication" check): the same response key repeated
 * hundreds of times in one selection set is merged into one result, but graphql's overlap validation and
 * field collection still do work for every copy. Legitimate documents repeat a key at most a few times
 * (e.g. `id` written beside a fragment that also selects it).
 */
import { Kind } from 'graphql';
import type { ValidationContext, ValidationRule } from 'graphql';

import { queryTooComplex } from '../errors.ts';

export function createFieldDuplicationLimitRule(maxFieldDuplicates: number): ValidationRule {
  return (context: ValidationContext) => ({
    SelectionSet(selectionSet) {
      const occurrences = new Map<string, number>();
      let worst = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind !== Kind.FIELD) continue;
        const responseKey = selection.alias?.value ?? selection.name.value;
        const count = (occurrences.get(responseKey) ?? 0) + 1;
        occurrences.set(responseKey, count);
        if (count > worst) worst = count;
      }
      if (worst > maxFieldDuplicates) {
        context.reportError(
          queryTooComplex(
            `A selection set repeats one field ${worst} times; the maximum is ${maxFieldDuplicates}.`,
            selectionSet,
          ),
        );
      }
    },
  });
}
