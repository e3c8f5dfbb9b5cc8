/**
 * Apollo plugin enforcing the cost limit. It runs at `didResolveOperation` rather than as a validation
 * rule because validation never sees the request's variables, and `first: $n` with `n = 100000` is
 * exactly the request the limit exists for. Apollo answers a throw here with the error (HTTP 400).
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

import { estimateCost } from './cost.ts';
import { queryTooComplex } from './errors.ts';
import type { CostSettings } from './settings.ts';

export function createCostLimitPlugin<TContext extends BaseContext>(
  settings: CostSettings,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const cost = estimateCost({
            schema,
            document,
            operationName,
            variables: request.variables,
            settings,
          });
          if (cost > settings.maxCost) {
            throw queryTooComplex(`Query cost ${cost} exceeds the maximum of ${settings.maxCost}.`);
          }
        },
      };
    },
  };
}
