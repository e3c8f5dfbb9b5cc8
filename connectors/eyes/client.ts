/** Typed calls to EYES through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/upstream/options.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet } from '../shared/scopedGet.ts';
import type {
  Batch,
  EyesCmeEpisode,
  EyesEducationRecord,
  EyesEhcpPlanSummary,
  EyesEhcpRequest,
  EyesPupil,
  EyesSetting,
  Page,
} from './types.ts';

/** A period filter of a list of periods: open on a date, or open at some point within [from, to]. */
export interface PeriodQuery {
  from?: string;
  to?: string;
  activeOn?: string;
}

export const EYES_BATCH_LIMIT = 100;
export const EYES_PAGE_LIMIT = 500;

export function createEyesClient(http: ResilientUpstreamClient) {
  const get = scopedGet(http);
  return {
    pupilsByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<EyesPupil>>('/pupils', scope, { ids: ids.join(',') }),
    pupilsPage: (cursor: string | null, scope: RequestScope, updatedSince?: string) =>
      get<Page<EyesPupil>>('/pupils', scope, {
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
        updatedSince,
      }),
    pupil: (pupilId: string, scope: RequestScope) =>
      get<EyesPupil>(`/pupils/${encodeURIComponent(pupilId)}`, scope),
    record: (pupilId: string, scope: RequestScope) =>
      get<EyesEducationRecord>(`/pupils/${encodeURIComponent(pupilId)}/record`, scope),
    settingsByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<EyesSetting>>('/settings', scope, { ids: ids.join(',') }),
    ehcpRequestsPage: (cursor: string | null, scope: RequestScope, period: { from?: string; to?: string }) =>
      get<Page<EyesEhcpRequest>>('/ehcp-requests', scope, {
        ...period,
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** EHC plans (with their annual reviews) open on a date or during a period, by start date. */
    ehcpPlansPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      get<Page<EyesEhcpPlanSummary>>('/ehcp-plans', scope, {
        ...period,
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** Children missing education: CME referrals open on a date or during a period. */
    missingEducationPage: (cursor: string | null, scope: RequestScope, period: PeriodQuery) =>
      get<Page<EyesCmeEpisode>>('/missing-education', scope, {
        ...period,
        limit: EYES_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
  };
}

export type EyesClient = ReturnType<typeof createEyesClient>;
