/** Per-request EYES loaders: pupils in batches, education records by single (capped) reads. */
import type { EntityCache } from '../../src/cache/types.ts';
import { cachedLoader, fetchEach, fetchInChunks } from '../shared/loaderKit.ts';
import { byId, nullIfNotFound } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { EYES_BATCH_LIMIT, type EyesClient } from './client.ts';
import type { EyesEducationRecord, EyesPupil } from './types.ts';

export function createEyesLoaders(client: EyesClient, cache: EntityCache, scope: RequestScope) {
  return {
    pupil: cachedLoader<EyesPupil>({
      cache,
      system: 'eyes',
      resource: 'pupil',
      maxBatchSize: EYES_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, EYES_BATCH_LIMIT, async (chunk) =>
          byId((await client.pupilsByIds(chunk, scope)).items, (p) => p.pupilId),
        ),
    }),
    record: cachedLoader<EyesEducationRecord>({
      cache,
      system: 'eyes',
      resource: 'record',
      maxBatchSize: 1,
      fetch: (ids) => fetchEach(ids, (id) => nullIfNotFound(client.record(id, scope))),
    }),
  };
}

export type EyesLoaders = ReturnType<typeof createEyesLoaders>;
