/** Typed calls to LIFT through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/upstream/options.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet } from '../shared/scopedGet.ts';
import type {
  Batch,
  LiftAgreement,
  LiftBudgetLine,
  LiftClient,
  LiftPayment,
  LiftSendCost,
  Page,
} from './types.ts';

export const LIFT_BATCH_LIMIT = 100;
export const LIFT_PAGE_LIMIT = 500;

export function createLiftClient(http: ResilientUpstreamClient) {
  const get = scopedGet(http);
  return {
    clientsPage: (cursor: string | null, scope: RequestScope) =>
      get<Page<LiftClient>>('/clients', scope, { limit: LIFT_PAGE_LIMIT, cursor: cursor ?? undefined }),
    /** Agreements by agreement id (at most LIFT_BATCH_LIMIT), in request order; unknown ids in `missing`. */
    agreementsByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<LiftAgreement>>('/agreements', scope, { ids: ids.join(',') }),
    agreementsByClientRefs: (clientRefs: readonly string[], scope: RequestScope) =>
      get<Batch<LiftAgreement>>('/agreements', scope, { clientRefs: clientRefs.join(',') }),
    agreementsPage: (
      cursor: string | null,
      scope: RequestScope,
      period: { activeOn?: string; from?: string; to?: string },
    ) =>
      get<Page<LiftAgreement>>('/agreements', scope, {
        ...period,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    paymentsPage: (clientRef: string, cursor: string | null, scope: RequestScope) =>
      get<Page<LiftPayment>>(`/clients/${encodeURIComponent(clientRef)}/payments`, scope, {
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** Payments by payment id (at most LIFT_BATCH_LIMIT), in request order; unknown ids in `missing`. */
    paymentsByIds: (ids: readonly string[], scope: RequestScope) =>
      get<Batch<LiftPayment>>('/payments', scope, { ids: ids.join(',') }),
    allPaymentsPage: (cursor: string | null, scope: RequestScope, period: { from?: string; to?: string }) =>
      get<Page<LiftPayment>>('/payments', scope, {
        ...period,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** The budget lines of one financial year (e.g. `2026/27`), with their virements. */
    budgetLinesPage: (cursor: string | null, scope: RequestScope, financialYear: string) =>
      get<Page<LiftBudgetLine>>('/budget-lines', scope, {
        financialYear,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** SEND costs of these EYES pupils (at most LIFT_BATCH_LIMIT), grouped by pupil id. */
    sendCostsByPupilIds: (pupilIds: readonly string[], scope: RequestScope) =>
      get<Batch<LiftSendCost>>('/send-costs', scope, { pupilIds: pupilIds.join(',') }),
    sendCostsPage: (cursor: string | null, scope: RequestScope, period: { from?: string; to?: string }) =>
      get<Page<LiftSendCost>>('/send-costs', scope, {
        ...period,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
  };
}

export type LiftHttpClient = ReturnType<typeof createLiftClient>;
