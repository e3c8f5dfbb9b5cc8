/**
 * Per-request EYES loaders: pupils in batches, education records by single (capped) reads. Each
 * record is mapped to its domain model once, as it is fetched: the cache holds the model.
 */
import type { EntityCache } from '../../src/platform/cache/types.ts';
import type { EducationRecord, Pupil } from '../../src/domain/models/education.ts';
import { cachedLoader, fetchEach, fetchInChunks } from '../shared/loaderKit.ts';
import { byId, nullIfNotFound } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { EYES_BATCH_LIMIT, type EyesClient } from './client.ts';
import { toEducationRecord, toPupil } from './map.ts';
import { EYES_RESOURCES } from './resources.ts';

export function createEyesLoaders(client: EyesClient, cache: EntityCache, scope: RequestScope) {
  return {
    pupil: cachedLoader<Pupil>({
      cache,
      system: 'eyes',
      resource: EYES_RESOURCES.pupil,
      maxBatchSize: EYES_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, EYES_BATCH_LIMIT, async (chunk) =>
          byId((await client.pupilsByIds(chunk, scope)).items.map(toPupil), (p) => p.pupilId),
        ),
    }),
    record: cachedLoader<EducationRecord>({
      cache,
      system: 'eyes',
      resource: EYES_RESOURCES.record,
      maxBatchSize: 1,
      fetch: (ids) =>
        fetchEach(ids, async (id) => {
          const record = await nullIfNotFound(client.record(id, scope));
          return record && toEducationRecord(record);
        }),
    }),
  };
}

export type EyesLoaders = ReturnType<typeof createEyesLoaders>;
