import type { ResilientUpstreamClient } from '../../src/upstream/options.ts';
import type { RequestScope } from './scope.ts';

export type Query = Record<string, string | number | boolean | undefined>;

/** A GET through the resilient layer carrying the request's deadline and correlation id. */
export function scopedGet(http: ResilientUpstreamClient) {
  return <T>(path: string, scope: RequestScope, query?: Query) =>
    http.get<T>({
      path,
      query,
      signal: scope.signal,
      deadlineAt: scope.deadlineAt,
      requestId: scope.requestId,
    });
}
