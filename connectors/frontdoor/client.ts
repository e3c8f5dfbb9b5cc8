/** Typed calls to the front door (C-SPA / L-SPA) through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/upstream/options.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet } from '../shared/scopedGet.ts';
import type { Batch, FrontDoorContact, Page } from './types.ts';

export const FRONTDOOR_BATCH_LIMIT = 100;
export const FRONTDOOR_PAGE_LIMIT = 500;

export function createFrontDoorClient(http: ResilientUpstreamClient) {
  const get = scopedGet(http);
  return {
    contactsByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<FrontDoorContact>>('/contacts', scope, { ids: ids.join(',') }),
    contactsPage: (
      cursor: string | null,
      scope: RequestScope,
      filter: { from?: string; to?: string; updatedSince?: string } = {},
    ) =>
      get<Page<FrontDoorContact>>('/contacts', scope, {
        ...filter,
        limit: FRONTDOOR_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    contact: (contactId: string, scope: RequestScope) =>
      get<FrontDoorContact>(`/contacts/${encodeURIComponent(contactId)}`, scope),
  };
}

export type FrontDoorClient = ReturnType<typeof createFrontDoorClient>;
