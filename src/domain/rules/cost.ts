/**
 * What a service agreement costs, in integer pence.
 *
 * Days: an agreement runs from `startDate` to its last day inclusive, as known on `asOf` ("today"):
 * - `endDate` once LIFT has recorded an end (early or late, the actual end wins);
 * - else, for an ACTIVE agreement whose `plannedEndDate` is already past, no last day at all: the
 *   child is still in the placement, so it runs on at its current rate until LIFT records an end;
 * - else `plannedEndDate`; an open-ended agreement (none of these) runs on at its latest rate.
 * A CANCELLED agreement never ran and costs nothing. Days before the earliest rate's
 * `effectiveFrom` cost nothing (nothing can be paid without a rate). Which rate applies on a day is
 * decided by rateTimeline.ts, the one rule every figure and `currentRate` use.
 *
 * "Committed" (the one meaning, used everywhere): what the agreements in place on `asOf` will cost
 * from the day after `asOf` to 31 March of the current financial year, each to its last day as
 * above. It is the in-year commitment a budget holder adds to spend so far to get the forecast.
 * What an agreement costs beyond 31 March to its known end is `projectedToPlannedEndPence`.
 *
 * Rounding: a DAILY rate costs amount × days exactly. A WEEKLY rate costs amount/7 per day, never
 * accumulated as a float: over one contiguous rate segment of n days the cost is
 * round(amount × n / 7), rounded half up ONCE for the segment. A query covering only part of a
 * segment gets the difference of two such rounded totals counted from the segment's first day:
 *   cost(days a..b) = round(amount × (b − s + 1) / 7) − round(amount × (a − s) / 7)
 * where s is the segment's first day. So costs are exactly additive: any split of a range (by
 * month, by financial year, to-date and still-to-come) sums to the cost of the whole range, and a
 * whole segment costs exactly its single rounded total. (A multiple of 1/7 is never exactly one
 * half, so half-up and half-even rounding can never disagree here.)
 */
import {
  civilDateOf,
  dayNumberOf,
  daysInMonth,
  monthKeyOf,
  toDayNumber,
  toIsoDate,
  type DayNumber,
  type IsoDate,
} from './dates.ts';
import { DomainInputError } from './errors.ts';
import { rateInForce, resolveRateSegments, type Rate, type RateSegment } from './rateTimeline.ts';

export type { Rate, RateUnit } from './rateTimeline.ts';

/** LIFT's agreement statuses. */
export type AgreementStatus = 'ACTIVE' | 'ENDED' | 'PENDING' | 'CANCELLED';

export interface CostedAgreement {
  readonly startDate: IsoDate;
  /** null for an open-ended agreement. */
  readonly plannedEndDate: IsoDate | null;
  /** The actual end, once ended (possibly before or after the planned end). */
  readonly endDate: IsoDate | null;
  /** ACTIVE, ENDED, PENDING or CANCELLED (see the module comment for what each changes). */
  readonly status: string;
  readonly rates: readonly Rate[];
}

export interface FinancialYear {
  /** 1 April. */
  readonly start: IsoDate;
  /** 31 March. */
  readonly end: IsoDate;
  /** e.g. `2026/27`. */
  readonly label: string;
}

export interface AgreementProjection {
  readonly financialYear: FinancialYear;
  /** Start of the agreement to `asOf` inclusive. */
  readonly toDatePence: number;
  /** 1 April of the current financial year to `asOf` inclusive. */
  readonly thisFinancialYearPence: number;
  /** The day after `asOf` to 31 March (see the module comment: the one meaning of "committed"). */
  readonly committedPence: number;
  /**
   * The day after `asOf` to the agreement's known last day (actual end, else planned end), beyond
   * 31 March if need be; null when it has none (open-ended, or running on past its planned end).
   */
  readonly projectedToPlannedEndPence: number | null;
  /** ACTIVE, no end recorded and the planned end already past: running on at its current rate. */
  readonly runningOnPastPlannedEnd: boolean;
  /** The rate in force at `asOf` as pence per week (a daily rate × 7); 0 when not running at `asOf`. */
  readonly weeklyRateNowPence: number;
}

/** An agreement parsed once, as known at `asOf`: day numbers and rate segments clipped to its days. */
interface PricedDays {
  readonly firstDay: DayNumber;
  /** Infinity when it has no known last day; firstDay − 1 when it never ran (cancelled). */
  readonly lastDay: DayNumber;
  readonly runningOn: boolean;
  readonly segments: readonly RateSegment[];
}

/** True when the agreement, as known on `asOf`, is ACTIVE and past its planned end with no end recorded. */
export function runsOnPastPlannedEnd(agreement: CostedAgreement, asOf: IsoDate): boolean {
  return (
    agreement.status === 'ACTIVE' &&
    agreement.endDate === null &&
    agreement.plannedEndDate !== null &&
    agreement.plannedEndDate < asOf
  );
}

function parseAgreement(agreement: CostedAgreement, asOf: IsoDate): PricedDays {
  const firstDay = toDayNumber(agreement.startDate, 'startDate');
  const runningOn = runsOnPastPlannedEnd(agreement, asOf);
  let lastDay: DayNumber;
  if (agreement.status === 'CANCELLED') lastDay = firstDay - 1;
  else if (agreement.endDate !== null) lastDay = toDayNumber(agreement.endDate, 'endDate');
  else if (runningOn || agreement.plannedEndDate === null) lastDay = Infinity;
  else lastDay = toDayNumber(agreement.plannedEndDate, 'plannedEndDate');
  const segments: RateSegment[] = [];
  for (const segment of resolveRateSegments(agreement.rates)) {
    const from = Math.max(segment.from, firstDay);
    const to = Math.min(segment.to, lastDay);
    if (from <= to) segments.push({ ...segment, from, to });
  }
  return { firstDay, lastDay, runningOn, segments };
}

/** n / 7 rounded half up, in exact integer arithmetic for n >= 0. */
function seventhsRoundedHalfUp(numerator: number): number {
  return Math.floor((2 * numerator + 7) / 14);
}

/** Cost of the segment's first `days` days: the rounded running total counted from its first day. */
function runningTotal(segment: RateSegment, days: number): number {
  const amountTimesDays = segment.amountPence * days;
  if (!Number.isSafeInteger(2 * amountTimesDays)) {
    throw new DomainInputError('rates', 'amount × days is too large to cost exactly');
  }
  return segment.unit === 'DAILY' ? amountTimesDays : seventhsRoundedHalfUp(amountTimesDays);
}

/** Cost of days `from`..`to` inclusive (0 when the range is empty). */
function costOfDays(priced: PricedDays, from: DayNumber, to: DayNumber): number {
  let total = 0;
  for (const segment of priced.segments) {
    const first = Math.max(from, segment.from);
    const last = Math.min(to, segment.to);
    if (first > last) continue;
    total += runningTotal(segment, last - segment.from + 1) - runningTotal(segment, first - segment.from);
  }
  return total;
}

function financialYearStartingIn(startYear: number): FinancialYear {
  const endYear = startYear + 1;
  return {
    start: toIsoDate(dayNumberOf(startYear, 4, 1)),
    end: toIsoDate(dayNumberOf(endYear, 3, 31)),
    label: `${startYear}/${String(endYear % 100).padStart(2, '0')}`,
  };
}

/** The April-to-March financial year containing `date`: 31 March 2027 is in 2026/27, 1 April in 2027/28. */
export function financialYearOf(date: IsoDate): FinancialYear {
  const { year, month } = civilDateOf(toDayNumber(date));
  return financialYearStartingIn(month >= 4 ? year : year - 1);
}

let lastYearOfDay: {
  asOf: IsoDate;
  financialYear: FinancialYear;
  yearStart: DayNumber;
  yearEnd: DayNumber;
} | null = null;

/** The financial year of `asOf` and its bounds as day numbers; the last answer is kept (a report asks one day). */
function yearOfDay(asOf: IsoDate) {
  if (lastYearOfDay?.asOf !== asOf) {
    const financialYear = financialYearOf(asOf);
    lastYearOfDay = {
      asOf,
      financialYear,
      yearStart: toDayNumber(financialYear.start),
      yearEnd: toDayNumber(financialYear.end),
    };
  }
  return lastYearOfDay;
}

function weeklyRateOn(priced: PricedDays, day: DayNumber): number {
  const segment = priced.segments.find((candidate) => candidate.from <= day && day <= candidate.to);
  if (!segment) return 0;
  return segment.unit === 'WEEKLY' ? segment.amountPence : segment.amountPence * 7;
}

type MonthRange = readonly [key: string, first: DayNumber, last: DayNumber];
/** Recently asked ranges (a report asks a few ranges of thousands of agreements). */
const recentMonthRanges = new Map<string, readonly MonthRange[]>();
const MONTH_RANGES_KEPT = 8;

/**
 * The calendar months `from`..`to` touches, each clipped to the range. A report asks the same
 * ranges of every agreement, so recent answers are kept (pure: they depend only on the two dates).
 */
function monthRanges(from: IsoDate, to: IsoDate): readonly MonthRange[] {
  const key = `${from}|${to}`;
  const known = recentMonthRanges.get(key);
  if (known) return known;
  const last = toDayNumber(to, 'to');
  const ranges: MonthRange[] = [];
  let monthStart = toDayNumber(from, 'from');
  while (monthStart <= last) {
    const { year, month } = civilDateOf(monthStart);
    const monthEnd = Math.min(dayNumberOf(year, month, daysInMonth(year, month)), last);
    ranges.push([monthKeyOf(monthStart), monthStart, monthEnd]);
    monthStart = monthEnd + 1;
  }
  if (recentMonthRanges.size >= MONTH_RANGES_KEPT) recentMonthRanges.clear();
  recentMonthRanges.set(key, ranges);
  return ranges;
}

/**
 * One agreement as known on `asOf`, parsed once so that many figures (a year, its months, the
 * previous year) can be read from it cheaply. Every costing function below is built on this.
 */
export class PricedAgreement {
  readonly #priced: PricedDays;
  readonly #asOf: DayNumber;

  constructor(
    readonly agreement: CostedAgreement,
    readonly asOf: IsoDate,
  ) {
    this.#asOf = toDayNumber(asOf, 'asOf');
    this.#priced = parseAgreement(agreement, asOf);
  }

  /** Cost of `from`..`to` inclusive; days outside the agreement cost nothing, an empty range 0. */
  cost(from: IsoDate, to: IsoDate): number {
    return costOfDays(this.#priced, toDayNumber(from, 'from'), toDayNumber(to, 'to'));
  }

  /**
   * Cost per calendar month over `from`..`to` inclusive: `YYYY-MM` to pence, every month the range
   * touches in order (0 where nothing was spent). The months sum exactly to {@link cost}.
   */
  byMonth(from: IsoDate, to: IsoDate): Map<string, number> {
    const months = new Map<string, number>();
    for (const [key, first, last] of monthRanges(from, to)) {
      months.set(key, costOfDays(this.#priced, first, last));
    }
    return months;
  }

  /** The rate in force on `date` as pence per week (daily × 7); 0 on a day the agreement does not run. */
  weeklyRateOn(date: IsoDate): number {
    return weeklyRateOn(this.#priced, toDayNumber(date, 'date'));
  }

  /** Whether the agreement runs on `date` (with a rate in force). */
  runsOn(date: IsoDate): boolean {
    const day = toDayNumber(date, 'date');
    return this.#priced.segments.some((segment) => segment.from <= day && day <= segment.to);
  }

  /** See {@link AgreementProjection}. */
  projection(): AgreementProjection {
    const priced = this.#priced;
    const today = this.#asOf;
    const { financialYear, yearStart, yearEnd } = yearOfDay(this.asOf);
    const knownEnd = priced.lastDay !== Infinity;
    return {
      financialYear,
      toDatePence: costOfDays(priced, priced.firstDay, today),
      thisFinancialYearPence: costOfDays(priced, yearStart, today),
      committedPence: costOfDays(priced, today + 1, yearEnd),
      projectedToPlannedEndPence: knownEnd ? costOfDays(priced, today + 1, priced.lastDay) : null,
      runningOnPastPlannedEnd: priced.runningOn,
      weeklyRateNowPence: weeklyRateOn(priced, today),
    };
  }
}

/** Cost of the agreement, as known on `asOf`, over `from`..`to` inclusive, in pence. */
export function costBetween(agreement: CostedAgreement, from: IsoDate, to: IsoDate, asOf: IsoDate): number {
  return new PricedAgreement(agreement, asOf).cost(from, to);
}

/** Cost per calendar month over `from`..`to` inclusive (see {@link PricedAgreement.byMonth}). */
export function costByMonth(
  agreement: CostedAgreement,
  from: IsoDate,
  to: IsoDate,
  asOf: IsoDate,
): Map<string, number> {
  return new PricedAgreement(agreement, asOf).byMonth(from, to);
}

/** Spend to date, this financial year and committed, as at `asOf` (see {@link AgreementProjection}). */
export function projectAgreement(agreement: CostedAgreement, asOf: IsoDate): AgreementProjection {
  return new PricedAgreement(agreement, asOf).projection();
}

/**
 * The rate a screen shows as the agreement's current one: the rate in force today by the costing
 * engine's own rule (rateTimeline.ts), or, once the agreement has ended, on its last day; null
 * before any rate applies or for a cancelled agreement.
 */
export function currentRateOf<R extends Rate>(
  agreement: CostedAgreement & { readonly rates: readonly R[] },
  asOf: IsoDate,
): R | null {
  if (agreement.status === 'CANCELLED') return null;
  const lastDay = parseAgreement(agreement, asOf).lastDay;
  const day = Math.min(toDayNumber(asOf, 'asOf'), lastDay);
  return rateInForce(agreement.rates, toIsoDate(day));
}
