/**
 * Apollo plugin enforcing the cost limit. It runs at `didResolveOperation` rather than as a validation
 * rule because validation never sees the request's variables, and `first: $n` with `n = 100000` is
 * exactly the request the limit exists for. Apollo answers a throw here with the error (HTTP 400).
 *
 * A document's cost depends only on its literal numbers and its numeric variables (paging sizes), so
 * it is computed once per parsed document (Apollo reuses the parsed document across requests) and
 * those variables' values, not on every request.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Kind, type DocumentNode, type TypeNode } from 'graphql';

import { estimateCost } from './cost.ts';
import { queryTooComplex } from './errors.ts';
import type { CostSettings } from './settings.ts';

const MAX_COSTS_PER_DOCUMENT = 64;

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** The names of the document's Int variables: the only variables a cost can depend on. */
function intVariables(document: DocumentNode): string[] {
  const names: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      if (namedType(variable.type) === 'Int') names.push(variable.variable.name.value);
    }
  }
  return names;
}

export function createCostLimitPlugin<TContext extends BaseContext>(
  settings: CostSettings,
): ApolloServerPlugin<TContext> {
  const known = new WeakMap<DocumentNode, { ints: string[]; costs: Map<string, number> }>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          let entry = known.get(document);
          if (!entry) {
            entry = { ints: intVariables(document), costs: new Map() };
            known.set(document, entry);
          }
          const variables = request.variables ?? {};
          let key = operationName ?? '';
          for (const name of entry.ints) key += `|${String(variables[name])}`;
          let cost = entry.costs.get(key);
          if (cost === undefined) {
            cost = estimateCost({ schema, document, operationName, variables, settings });
            if (entry.costs.size >= MAX_COSTS_PER_DOCUMENT) entry.costs.clear();
            entry.costs.set(key, cost);
          }
          if (cost > settings.maxCost) {
            throw queryTooComplex(`Query cost ${cost} exceeds the maximum of ${settings.maxCost}.`);
          }
        },
      };
    },
  };
}
