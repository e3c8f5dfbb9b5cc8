/**
 * Per-request LCS loaders: batch reads where LCS offers them, single reads (capped) where not.
 * Each record is mapped to its domain model once, as it is fetched: the cache holds the model.
 */
import type { EntityCache } from '../../src/platform/cache/types.ts';
import type {
  Involvement,
  SocialCarePerson,
  SocialCareRecord,
  Team,
  Worker,
} from '../../src/domain/models/socialCare.ts';
import { cachedLoader, fetchEach, fetchInChunks, readAllPages } from '../shared/loaderKit.ts';
import { byId, nullIfNotFound } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { LCS_BATCH_LIMIT, type LcsClient } from './client.ts';
import { toInvolvement, toSocialCarePerson, toSocialCareRecord, toTeam, toWorker } from './map.ts';
import { LCS_RESOURCES } from './resources.ts';

export function createLcsLoaders(client: LcsClient, cache: EntityCache, scope: RequestScope) {
  const batch = <W, T>(
    resource: string,
    read: (ids: readonly string[]) => Promise<{ items: W[] }>,
    toModel: (record: W) => T,
    id: (item: T) => string,
  ) =>
    cachedLoader<T>({
      cache,
      system: 'lcs',
      resource,
      maxBatchSize: LCS_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, LCS_BATCH_LIMIT, async (chunk) =>
          byId((await read(chunk)).items.map(toModel), id),
        ),
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
    person: batch<Parameters<typeof toSocialCarePerson>[0], SocialCarePerson>(
      LCS_RESOURCES.person,
      (ids) => client.peopleByIds(ids, scope),
      toSocialCarePerson,
      (p) => p.personId,
    ),
    socialCare: single<SocialCareRecord>(LCS_RESOURCES.socialCare, async (id) =>
      toSocialCareRecord(await client.socialCare(id, scope)),
    ),
    worker: batch<Parameters<typeof toWorker>[0], Worker>(
      LCS_RESOURCES.worker,
      (ids) => client.workersByIds(ids, scope),
      toWorker,
      (w) => w.workerId,
    ),
    team: batch<Parameters<typeof toTeam>[0], Team>(
      LCS_RESOURCES.team,
      (ids) => client.teamsByIds(ids, scope),
      toTeam,
      (t) => t.teamId,
    ),
    openInvolvementsByWorker: single<Involvement[]>(
      LCS_RESOURCES.openInvolvementsByWorker,
      async (workerId) =>
        (
          await readAllPages((cursor) => client.involvementsPage(cursor, scope, { workerId, open: true }))
        ).map(toInvolvement),
    ),
    openInvolvementsByTeam: single<Involvement[]>(LCS_RESOURCES.openInvolvementsByTeam, async (teamId) =>
      (await readAllPages((cursor) => client.involvementsPage(cursor, scope, { teamId, open: true }))).map(
        toInvolvement,
      ),
    ),
    workersByTeam: single<Worker[]>(LCS_RESOURCES.workersByTeam, async (teamId) =>
      (await readAllPages((cursor) => client.workersPage(cursor, scope, teamId))).map(toWorker),
    ),
  };
}

export type LcsLoaders = ReturnType<typeof createLcsLoaders>;
