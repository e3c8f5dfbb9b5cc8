/** Typed calls to the front door (C-SPA / L-SPA) through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/platform/upstream/options.ts';
import type { ContractWatch } from '../shared/contract.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet } from '../shared/scopedGet.ts';
import { FRONTDOOR_CONTRACTS as c } from './contracts.ts';

export const FRONTDOOR_BATCH_LIMIT = 100;
export const FRONTDOOR_PAGE_LIMIT = 500;

/**
 * Every answer is checked against its contract before it is returned (`watch` hears of those that
 * break it); a broken one fails as the front door being unavailable.
 */
export function createFrontDoorClient(http: ResilientUpstreamClient, watch: ContractWatch) {
  const get = scopedGet(http, watch);
  return {
    contactsByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.contactBatch, '/contacts', scope, { ids: ids.join(',') }),
    contactsPage: (
      cursor: string | null,
      scope: RequestScope,
      filter: { from?: string; to?: string; updatedSince?: string } = {},
    ) =>
      get(c.contactPage, '/contacts', scope, {
        ...filter,
        limit: FRONTDOOR_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    contact: (contactId: string, scope: RequestScope) =>
      get(c.contact, `/contacts/${encodeURIComponent(contactId)}`, scope),
  };
}

export type FrontDoorClient = ReturnType<typeof createFrontDoorClient>;
