/**
 * Per-request front-door loaders: contacts in batches, each mapped to its domain model once, as it
 * is fetched (the cache holds the model).
 */
import type { EntityCache } from '../../src/platform/cache/types.ts';
import type { FrontDoorContact } from '../../src/domain/models/frontDoor.ts';
import { cachedLoader, fetchInChunks } from '../shared/loaderKit.ts';
import { byId } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { FRONTDOOR_BATCH_LIMIT, type FrontDoorClient } from './client.ts';
import { toFrontDoorContact } from './map.ts';
import { FRONTDOOR_RESOURCES } from './resources.ts';

export function createFrontDoorLoaders(client: FrontDoorClient, cache: EntityCache, scope: RequestScope) {
  return {
    contact: cachedLoader<FrontDoorContact>({
      cache,
      system: 'frontdoor',
      resource: FRONTDOOR_RESOURCES.contact,
      maxBatchSize: FRONTDOOR_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, FRONTDOOR_BATCH_LIMIT, async (chunk) =>
          byId((await client.contactsByIds(chunk, scope)).items.map(toFrontDoorContact), (c) => c.contactId),
        ),
    }),
  };
}

export type FrontDoorLoaders = ReturnType<typeof createFrontDoorLoaders>;
