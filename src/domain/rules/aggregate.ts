/**
 * Totals of pence across many agreements: by service type, provider type, team, month. (Figures
 * over many agreements are src/domain/reports/finance.ts's, which builds on these sums.)
 * All sums are of integers, so they are exact; a non-integer amount is refused rather than summed.
 */
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
