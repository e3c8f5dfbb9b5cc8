/**
 * The per-request context: who is asking, this request's loaders (fresh each request, so L1
 * caching never crosses viewers), its deadline, and the hub's shared services.
 */
import type { Viewer } from '../src/domain/access/types.ts';
import type { Loaders } from '../connectors/requestLoaders.ts';
import type { RequestScope } from '../connectors/shared/scope.ts';
import type { HubServices } from './services.ts';

export type { Loaders };

export interface HubContext {
  viewer: Viewer;
  /** The hub's id for this request: the audit trail's and the logs'. */
  requestId: string;
  /** The caller's validated x-request-id, if any: recorded beside requestId, never instead of it. */
  correlationId: string | null;
  scope: RequestScope;
  loaders: Loaders;
  services: HubServices;
  /** Today's date (YYYY-MM-DD) for every rule in this request, fixed once so answers are consistent. */
  today: string;
}
