/** Typed calls to LCS through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/upstream/options.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet, type Query } from '../shared/scopedGet.ts';
import type {
  Batch,
  LcsCareLeaver,
  LcsCinPlan,
  LcsUasc,
  LcsAssessment,
  LcsClaEpisode,
  LcsCpPlan,
  LcsInvolvement,
  LcsPerson,
  LcsPlacement,
  LcsReferral,
  LcsS47,
  LcsSocialCareRecord,
  LcsTeam,
  LcsWorker,
  Page,
} from './types.ts';

export const LCS_BATCH_LIMIT = 100;
export const LCS_PAGE_LIMIT = 500;

export interface PeriodQuery {
  from?: string;
  to?: string;
  activeOn?: string;
}

export function createLcsClient(http: ResilientUpstreamClient) {
  const get = scopedGet(http);
  const page = <T>(path: string, scope: RequestScope, cursor: string | null, query: Query = {}) =>
    get<Page<T>>(path, scope, { ...query, limit: LCS_PAGE_LIMIT, cursor: cursor ?? undefined });

  return {
    peopleByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<LcsPerson>>('/people', scope, { ids: ids.join(',') }),
    peoplePage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      page<LcsPerson>('/people', scope, cursor, { updatedSince }),
    person: (personId: string, scope: RequestScope) =>
      get<LcsPerson>(`/people/${encodeURIComponent(personId)}`, scope),
    socialCare: (personId: string, scope: RequestScope) =>
      get<LcsSocialCareRecord>(`/people/${encodeURIComponent(personId)}/social-care`, scope),
    workersByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<LcsWorker>>('/workers', scope, { ids: ids.join(',') }),
    workersPage: (cursor: string | null, scope: RequestScope, teamId?: string) =>
      page<LcsWorker>('/workers', scope, cursor, { teamId }),
    teamsByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<LcsTeam>>('/teams', scope, { ids: ids.join(',') }),
    teamsPage: (cursor: string | null, scope: RequestScope) => page<LcsTeam>('/teams', scope, cursor),
    involvementsPage: (
      cursor: string | null,
      scope: RequestScope,
      filter: { workerId?: string; teamId?: string; open?: boolean },
    ) => page<LcsInvolvement>('/involvements', scope, cursor, filter),
    referralsPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page<LcsReferral>('/referrals', scope, cursor, { ...period }),
    assessmentsPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page<LcsAssessment>('/assessments', scope, cursor, { ...period }),
    s47Page: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page<LcsS47>('/s47-enquiries', scope, cursor, { ...period }),
    cpPlansPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page<LcsCpPlan>('/cp-plans', scope, cursor, { ...period }),
    claEpisodesPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page<LcsClaEpisode>('/cla-episodes', scope, cursor, { ...period }),
    placementsPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page<LcsPlacement>('/placements', scope, cursor, { ...period }),
    cinPlansPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page<LcsCinPlan>('/cin-plans', scope, cursor, { ...period }),
    careLeaversPage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      page<LcsCareLeaver>('/care-leavers', scope, cursor, { updatedSince }),
    uascPage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      page<LcsUasc>('/uasc', scope, cursor, { updatedSince }),
  };
}

export type LcsClient = ReturnType<typeof createLcsClient>;
