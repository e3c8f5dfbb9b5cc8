/** Per-request LCS loaders: batch reads where LCS offers them, single reads (capped) where not. */
import type { EntityCache } from '../../src/cache/types.ts';
import { cachedLoader, fetchEach, fetchInChunks, readAllPages } from '../shared/loaderKit.ts';
import { byId, nullIfNotFound } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { LCS_BATCH_LIMIT, type LcsClient } from './client.ts';
import type { LcsInvolvement, LcsWorker } from './types.ts';

export function createLcsLoaders(client: LcsClient, cache: EntityCache, scope: RequestScope) {
  const batch = <T>(
    resource: string,
    read: (ids: readonly string[]) => Promise<{ items: T[] }>,
    id: (item: T) => string,
  ) =>
    cachedLoader<T>({
      cache,
      system: 'lcs',
      resource,
      maxBatchSize: LCS_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, LCS_BATCH_LIMIT, async (chunk) => byId((await read(chunk)).items, id)),
    });
  const single = <T>(resource: string, read: (id: string) => Promise<T>) =>
    cachedLoader<T>({
      cache,
      system: 'lcs',
      resource,
      maxBatchSize: 1,
      fetch: (ids) => fetchEach(ids, (id) => nullIfNotFound(read(id))),
    });

  return {
    person: batch(
      'person',
      (ids) => client.peopleByIds(ids, scope),
      (p) => p.personId,
    ),
    socialCare: single('social-care', (id) => client.socialCare(id, scope)),
    worker: batch(
      'worker',
      (ids) => client.workersByIds(ids, scope),
      (w) => w.workerId,
    ),
    team: batch(
      'team',
      (ids) => client.teamsByIds(ids, scope),
      (t) => t.teamId,
    ),
    openInvolvementsByWorker: single<LcsInvolvement[]>('open-involvements-by-worker', (workerId) =>
      readAllPages((cursor) => client.involvementsPage(cursor, scope, { workerId, open: true })),
    ),
    openInvolvementsByTeam: single<LcsInvolvement[]>('open-involvements-by-team', (teamId) =>
      readAllPages((cursor) => client.involvementsPage(cursor, scope, { teamId, open: true })),
    ),
    workersByTeam: single<LcsWorker[]>('workers-by-team', (teamId) =>
      readAllPages((cursor) => client.workersPage(cursor, scope, teamId)),
    ),
  };
}

export type LcsLoaders = ReturnType<typeof createLcsLoaders>;
