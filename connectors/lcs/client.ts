/** Typed calls to LCS through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/platform/upstream/options.ts';
import type { Contract, ContractWatch } from '../shared/contract.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet, type Query } from '../shared/scopedGet.ts';
import { LCS_CONTRACTS as c } from './contracts.ts';
import type { Page } from './types.ts';

export const LCS_BATCH_LIMIT = 100;
export const LCS_PAGE_LIMIT = 500;

export interface PeriodQuery {
  from?: string;
  to?: string;
  activeOn?: string;
}

/**
 * Every answer is checked against its contract before it is returned (`watch` hears of those that
 * break it); a broken one fails as LCS being unavailable.
 */
export function createLcsClient(http: ResilientUpstreamClient, watch: ContractWatch) {
  const get = scopedGet(http, watch);
  const page = <T>(
    contract: Contract<Page<T>>,
    path: string,
    scope: RequestScope,
    cursor: string | null,
    query: Query = {},
  ) => get(contract, path, scope, { ...query, limit: LCS_PAGE_LIMIT, cursor: cursor ?? undefined });

  return {
    peopleByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.personBatch, '/people', scope, { ids: ids.join(',') }),
    peoplePage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      page(c.personPage, '/people', scope, cursor, { updatedSince }),
    person: (personId: string, scope: RequestScope) =>
      get(c.person, `/people/${encodeURIComponent(personId)}`, scope),
    socialCare: (personId: string, scope: RequestScope) =>
      get(c.socialCare, `/people/${encodeURIComponent(personId)}/social-care`, scope),
    workersByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.workerBatch, '/workers', scope, { ids: ids.join(',') }),
    workersPage: (cursor: string | null, scope: RequestScope, teamId?: string) =>
      page(c.workerPage, '/workers', scope, cursor, { teamId }),
    teamsByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.teamBatch, '/teams', scope, { ids: ids.join(',') }),
    teamsPage: (cursor: string | null, scope: RequestScope) => page(c.teamPage, '/teams', scope, cursor),
    involvementsPage: (
      cursor: string | null,
      scope: RequestScope,
      filter: { workerId?: string; teamId?: string; open?: boolean },
    ) => page(c.involvementPage, '/involvements', scope, cursor, filter),
    referralsPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page(c.referralPage, '/referrals', scope, cursor, { ...period }),
    assessmentsPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page(c.assessmentPage, '/assessments', scope, cursor, { ...period }),
    s47Page: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page(c.s47Page, '/s47-enquiries', scope, cursor, { ...period }),
    cpPlansPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page(c.cpPlanPage, '/cp-plans', scope, cursor, { ...period }),
    claEpisodesPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page(c.claEpisodePage, '/cla-episodes', scope, cursor, { ...period }),
    placementsPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page(c.placementPage, '/placements', scope, cursor, { ...period }),
    cinPlansPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      page(c.cinPlanPage, '/cin-plans', scope, cursor, { ...period }),
    careLeaversPage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      page(c.careLeaverPage, '/care-leavers', scope, cursor, { updatedSince }),
    uascPage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      page(c.uascPage, '/uasc', scope, cursor, { updatedSince }),
  };
}

export type LcsClient = ReturnType<typeof createLcsClient>;
