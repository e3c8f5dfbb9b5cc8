/**
 * An independent costing of LIFT's records for the finance tests, written day by day from the rules
 * the schema states and sharing no code with the hub (no src/domain): which rate is
 * in force on a day, when an agreement stops, how a weekly rate becomes pence, and how a budget is
 * spread over the months. Dates are whole UTC days.
 */
export interface Rate {
  effectiveFrom: string;
  amountPence: number;
  unit: 'WEEKLY' | 'DAILY';
  recordedAt: string;
}

export interface Agreement {
  agreementId: string;
  lcsPersonId: string;
  serviceType: string;
  placementType: string | null;
  providerType: string;
  teamId: string | null;
  serviceLine: string;
  costCentre: string;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  status: string;
  rates: Rate[];
}

/** A SEND cost costs as an agreement does (same dates, status and rates). */
export interface SendCost extends Omit<
  Agreement,
  'agreementId' | 'lcsPersonId' | 'serviceType' | 'placementType' | 'providerType' | 'teamId'
> {
  sendCostId: string;
  pupilId: string;
  costType: string;
  fundingStream: string;
}

export interface BudgetLine {
  financialYear: string;
  fundingStream: string;
  serviceLine: string;
  costCentre: string;
  teamId: string | null;
  placementType: string | null;
  originalBudgetPence: number;
  virements: { effectiveDate: string; amountPence: number }[];
}

const MS_PER_DAY = 86_400_000;
export const dayOf = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
export const isoOf = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

/** Among the rates already effective on `day`, the one recorded last (ties: later effective, then later listed). */
export function rateOn(rates: readonly Rate[], day: number): Rate | null {
  let best: Rate | null = null;
  let bestIndex = -1;
  rates.forEach((rate, index) => {
    if (dayOf(rate.effectiveFrom) > day) return;
    const wins =
      best === null ||
      rate.recordedAt > best.recordedAt ||
      (rate.recordedAt === best.recordedAt &&
        (rate.effectiveFrom > best.effectiveFrom ||
          (rate.effectiveFrom === best.effectiveFrom && index > bestIndex)));
    if (wins) {
      best = rate;
      bestIndex = index;
    }
  });
  return best;
}

/** The agreement's last day as known on asOf; Infinity when it runs on; -Infinity when cancelled. */
export function lastDayOf(a: Pick<Agreement, 'status' | 'endDate' | 'plannedEndDate'>, asOf: string): number {
  if (a.status === 'CANCELLED') return -Infinity;
  if (a.endDate !== null) return dayOf(a.endDate);
  if (a.plannedEndDate === null) return Infinity;
  if (a.status === 'ACTIVE' && a.plannedEndDate < asOf) return Infinity;
  return dayOf(a.plannedEndDate);
}

/**
 * Pence per day from the agreement's start to `horizon`: a daily rate costs its amount each day; a
 * weekly rate costs, on the k-th day of a run of days at the same rate, round(amount·k/7) −
 * round(amount·(k−1)/7), so a run costs its rounded total exactly.
 */
export function dailyPence(
  a: Pick<Agreement, 'status' | 'endDate' | 'plannedEndDate' | 'startDate' | 'rates'>,
  asOf: string,
  horizon: string,
): Map<number, number> {
  const costs = new Map<number, number>();
  const last = Math.min(lastDayOf(a, asOf), dayOf(horizon));
  let runRate: Rate | null = null;
  let runDay = 0;
  for (let day = dayOf(a.startDate); day <= last; day++) {
    const rate = rateOn(a.rates, day);
    if (rate === null) {
      runRate = null;
      continue;
    }
    const sameRun =
      runRate !== null && runRate.amountPence === rate.amountPence && runRate.unit === rate.unit;
    runDay = sameRun ? runDay + 1 : 1;
    runRate = rate;
    costs.set(
      day,
      rate.unit === 'DAILY'
        ? rate.amountPence
        : Math.round((rate.amountPence * runDay) / 7) - Math.round((rate.amountPence * (runDay - 1)) / 7),
    );
  }
  return costs;
}

export function sumDays(costs: ReadonlyMap<number, number>, from: string, to: string): number {
  let total = 0;
  for (let day = dayOf(from); day <= dayOf(to); day++) total += costs.get(day) ?? 0;
  return total;
}

/** Weekly pence of the rate in force on asOf, or 0 when the agreement does not run then. */
export function weeklyRateOn(
  a: Pick<Agreement, 'status' | 'endDate' | 'plannedEndDate' | 'startDate' | 'rates'>,
  asOf: string,
): number {
  const day = dayOf(asOf);
  if (day < dayOf(a.startDate) || day > lastDayOf(a, asOf)) return 0;
  const rate = rateOn(a.rates, day);
  return rate === null ? 0 : rate.unit === 'DAILY' ? rate.amountPence * 7 : rate.amountPence;
}

export const runsOnAsOf = (a: Agreement, asOf: string) =>
  dayOf(a.startDate) <= dayOf(asOf) &&
  dayOf(asOf) <= lastDayOf(a, asOf) &&
  rateOn(a.rates, dayOf(asOf)) !== null;

/** A budget's monthly shares by days: cumulative rounding so the months add up to the budget. */
export function monthlyShares(budget: number, yearStart: string, yearEnd: string): Map<string, number> {
  const shares = new Map<string, number>();
  const days = dayOf(yearEnd) - dayOf(yearStart) + 1;
  let given = 0;
  for (let day = dayOf(yearStart); day <= dayOf(yearEnd); day++) {
    const next = isoOf(day + 1);
    if (next.slice(0, 7) === isoOf(day).slice(0, 7) && day !== dayOf(yearEnd)) continue;
    const elapsed = day - dayOf(yearStart) + 1;
    const upToHere = Math.sign(budget) * Math.round((Math.abs(budget) * elapsed) / days);
    shares.set(isoOf(day).slice(0, 7), upToHere - given);
    given = upToHere;
  }
  return shares;
}

/** Reads every page of a simulator list. */
export async function readAll<T>(
  base: string,
  path: string,
  query: Record<string, string> = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(path, base);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    url.searchParams.set('limit', '500');
    if (cursor) url.searchParams.set('cursor', cursor);
    const page = (await (await fetch(url)).json()) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
