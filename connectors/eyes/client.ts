/** Typed calls to EYES through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/platform/upstream/options.ts';
import type { ContractWatch } from '../shared/contract.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet } from '../shared/scopedGet.ts';
import { EYES_CONTRACTS as c } from './contracts.ts';

/** A period filter of a list of periods: open on a date, or open at some point within [from, to]. */
export interface PeriodQuery {
  from?: string;
  to?: string;
  activeOn?: string;
}

export const EYES_BATCH_LIMIT = 100;
export const EYES_PAGE_LIMIT = 500;

/**
 * Every answer is checked against its contract before it is returned (`watch` hears of those that
 * break it); a broken one fails as EYES being unavailable.
 */
export function createEyesClient(http: ResilientUpstreamClient, watch: ContractWatch) {
  const get = scopedGet(http, watch);
  return {
    pupilsByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.pupilBatch, '/pupils', scope, { ids: ids.join(',') }),
    pupilsPage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      get(c.pupilPage, '/pupils', scope, {
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
        updatedSince,
      }),
    pupil: (pupilId: string, scope: RequestScope) =>
      get(c.pupil, `/pupils/${encodeURIComponent(pupilId)}`, scope),
    record: (pupilId: string, scope: RequestScope) =>
      get(c.record, `/pupils/${encodeURIComponent(pupilId)}/record`, scope),
    settingsByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.settingBatch, '/settings', scope, { ids: ids.join(',') }),
    ehcpRequestsPage: (cursor: string | null, scope: RequestScope, period: { from?: string; to?: string }) =>
      get(c.ehcpRequestPage, '/ehcp-requests', scope, {
        ...period,
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** EHC plans (with their annual reviews) open on a date or during a period, by start date. */
    ehcpPlansPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      get(c.ehcpPlanPage, '/ehcp-plans', scope, {
        ...period,
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** Children missing education: CME referrals open on a date or during a period. */
    missingEducationPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      get(c.cmeEpisodePage, '/missing-education', scope, {
        ...period,
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
  };
}

export type EyesClient = ReturnType<typeof createEyesClient>;
