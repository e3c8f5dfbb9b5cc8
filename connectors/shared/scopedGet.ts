import type { ResilientUpstreamClient } from '../../src/platform/upstream/options.ts';
import { keptContract, type Contract, type ContractWatch } from './contract.ts';
import type { RequestScope } from './scope.ts';

export type Query = Record<string, string | number | boolean | undefined>;

/**
 * A GET through the resilient layer carrying the request's deadline and correlation id, whose
 * answer must keep `contract` before the connector sees it (else UPSTREAM_UNAVAILABLE).
 */
export function scopedGet(http: ResilientUpstreamClient, watch: ContractWatch) {
  return async <T>(contract: Contract<T>, path: string, scope: RequestScope, query?: Query): Promise<T> => {
    const payload = await http.get<unknown>({
      path,
      query,
      signal: scope.signal,
      deadlineAt: scope.deadlineAt,
      requestId: scope.requestId,
    });
    return keptContract(contract, payload, watch);
  };
}
