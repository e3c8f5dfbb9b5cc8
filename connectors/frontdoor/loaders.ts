/** Per-request front-door loaders: contacts in batches. */
import type { EntityCache } from '../../src/cache/types.ts';
import { cachedLoader, fetchInChunks } from '../shared/loaderKit.ts';
import { byId } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { FRONTDOOR_BATCH_LIMIT, type FrontDoorClient } from './client.ts';
import type { FrontDoorContact } from './types.ts';

export function createFrontDoorLoaders(client: FrontDoorClient, cache: EntityCache, scope: RequestScope) {
  return {
    contact: cachedLoader<FrontDoorContact>({
      cache,
      system: 'frontdoor',
      resource: 'contact',
      maxBatchSize: FRONTDOOR_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, FRONTDOOR_BATCH_LIMIT, async (chunk) =>
          byId((await client.contactsByIds(chunk, scope)).items, (c) => c.contactId),
        ),
    }),
  };
}

export type FrontDoorLoaders = ReturnType<typeof createFrontDoorLoaders>;
