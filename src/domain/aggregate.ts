/**
 * Totals of pence across many agreements: by service type, provider type, team, month.
 * All sums are of integers, so they are exact; a non-integer amount is refused rather than summed.
 */
import type { AgreementProjection } from './cost.ts';
import { DomainInputError } from './errors.ts';

function requirePence(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value)) throw new DomainInputError(parameter, 'expected a whole number of pence');
  return value;
}

/** Sum `penceOf(item)` per `keyOf(item)`, keys in first-seen order. */
export function sumBy<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string,
  penceOf: (item: T) => number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    totals.set(key, (totals.get(key) ?? 0) + requirePence(penceOf(item), 'penceOf'));
  }
  return totals;
}

/** Month buckets (as from costByMonth) added together, keys in `YYYY-MM` order. */
export function sumMonthlyCosts(monthlyCosts: Iterable<ReadonlyMap<string, number>>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const months of monthlyCosts) {
    for (const [month, pence] of months) {
      totals.set(month, (totals.get(month) ?? 0) + requirePence(pence, 'monthlyCosts'));
    }
  }
  return new Map([...totals].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0)));
}

export interface ProjectionTotals {
  readonly agreements: number;
  /** Agreements with no known end; their committed cost runs to the financial year end. */
  readonly openEndedAgreements: number;
  readonly toDatePence: number;
  readonly thisFinancialYearPence: number;
  readonly projectedToYearEndPence: number;
  /** Over the agreements with a known end only. */
  readonly projectedToPlannedEndPence: number;
  readonly committedPence: number;
  readonly weeklyRateNowPence: number;
}

const EMPTY_TOTALS: ProjectionTotals = Object.freeze({
  agreements: 0,
  openEndedAgreements: 0,
  toDatePence: 0,
  thisFinancialYearPence: 0,
  projectedToYearEndPence: 0,
  projectedToPlannedEndPence: 0,
  committedPence: 0,
  weeklyRateNowPence: 0,
});

function addProjection(totals: ProjectionTotals, projection: AgreementProjection): ProjectionTotals {
  return {
    agreements: totals.agreements + 1,
    openEndedAgreements:
      totals.openEndedAgreements + (projection.projectedToPlannedEndPence === null ? 1 : 0),
    toDatePence: totals.toDatePence + projection.toDatePence,
    thisFinancialYearPence: totals.thisFinancialYearPence + projection.thisFinancialYearPence,
    projectedToYearEndPence: totals.projectedToYearEndPence + projection.projectedToYearEndPence,
    projectedToPlannedEndPence:
      totals.projectedToPlannedEndPence + (projection.projectedToPlannedEndPence ?? 0),
    committedPence: totals.committedPence + projection.committedPence,
    weeklyRateNowPence: totals.weeklyRateNowPence + projection.weeklyRateNowPence,
  };
}

/** Totals of many projections (e.g. one child's agreements, or a whole service). */
export function totalProjections(projections: Iterable<AgreementProjection>): ProjectionTotals {
  let totals = EMPTY_TOTALS;
  for (const projection of projections) totals = addProjection(totals, projection);
  return totals;
}

/** Totals of projections grouped by key, e.g. `(a) => a.serviceType` or `(a) => a.providerType`. */
export function totalProjectionsBy<T>(
  items: Iterable<T>,
  keyOf: (item: T) => string,
  projectionOf: (item: T) => AgreementProjection,
): Map<string, ProjectionTotals> {
  const groups = new Map<string, ProjectionTotals>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, addProjection(groups.get(key) ?? EMPTY_TOTALS, projectionOf(item)));
  }
  return groups;
}
