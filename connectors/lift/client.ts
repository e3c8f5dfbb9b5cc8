/** Typed calls to LIFT through the shared resilient HTTP layer. */
import type { ResilientUpstreamClient } from '../../src/platform/upstream/options.ts';
import type { ContractWatch } from '../shared/contract.ts';
import type { RequestScope } from '../shared/scope.ts';
import { scopedGet } from '../shared/scopedGet.ts';
import { LIFT_CONTRACTS as c } from './contracts.ts';

export const LIFT_BATCH_LIMIT = 100;
export const LIFT_PAGE_LIMIT = 500;

/**
 * Every answer is checked against its contract before it is returned (`watch` hears of those that
 * break it); a broken one fails as LIFT being unavailable.
 */
export function createLiftClient(http: ResilientUpstreamClient, watch: ContractWatch) {
  const get = scopedGet(http, watch);
  return {
    clientsPage: (cursor: string | null, scope: RequestScope) =>
      get(c.clientPage, '/clients', scope, { limit: LIFT_PAGE_LIMIT, cursor: cursor ?? undefined }),
    /** Agreements by agreement id (at most LIFT_BATCH_LIMIT), in request order; unknown ids in `missing`. */
    agreementsByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.agreementBatch, '/agreements', scope, { ids: ids.join(',') }),
    agreementsByClientRefs: (clientRefs: readonly string[], scope: RequestScope) =>
      get(c.agreementBatch, '/agreements', scope, { clientRefs: clientRefs.join(',') }),
    agreementsPage: (
      cursor: string | null,
      scope: RequestScope,
      period: { activeOn?: string; from?: string; to?: string },
    ) =>
      get(c.agreementPage, '/agreements', scope, {
        ...period,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    paymentsPage: (clientRef: string, cursor: string | null, scope: RequestScope) =>
      get(c.paymentPage, `/clients/${encodeURIComponent(clientRef)}/payments`, scope, {
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** Payments by payment id (at most LIFT_BATCH_LIMIT), in request order; unknown ids in `missing`. */
    paymentsByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.paymentBatch, '/payments', scope, { ids: ids.join(',') }),
    allPaymentsPage: (cursor: string | null, scope: RequestScope, period: { from?: string; to?: string }) =>
      get(c.paymentPage, '/payments', scope, {
        ...period,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** The budget lines of one financial year (e.g. `2026/27`), with their virements. */
    budgetLinesPage: (cursor: string | null, scope: RequestScope, financialYear: string) =>
      get(c.budgetLinePage, '/budget-lines', scope, {
        financialYear,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
    /** SEND costs by SEND cost id (at most LIFT_BATCH_LIMIT), in request order; unknown ids in `missing`. */
    sendCostsByIds: (ids: readonly string[], scope: RequestScope) =>
      get(c.sendCostBatch, '/send-costs', scope, { ids: ids.join(',') }),
    /** SEND costs of these EYES pupils (at most LIFT_BATCH_LIMIT), grouped by pupil id. */
    sendCostsByPupilIds: (pupilIds: readonly string[], scope: RequestScope) =>
      get(c.sendCostBatch, '/send-costs', scope, { pupilIds: pupilIds.join(',') }),
    sendCostsPage: (cursor: string | null, scope: RequestScope, period: { from?: string; to?: string }) =>
      get(c.sendCostPage, '/send-costs', scope, {
        ...period,
        limit: LIFT_PAGE_LIMIT,
        cursor: cursor ?? undefined,
      }),
  };
}

export type LiftHttpClient = ReturnType<typeof createLiftClient>;
