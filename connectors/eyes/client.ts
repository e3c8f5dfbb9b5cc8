/** Typed calls to EYES through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/upstream/options.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet } from '../shared/scopedGet.ts';
import type { Batch, EyesEducationRecord, EyesEhcpRequest, EyesPupil, EyesSetting, Page } from './types.ts';

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
  };
}

export type EyesClient = ReturnType<typeof createEyesClient>;
