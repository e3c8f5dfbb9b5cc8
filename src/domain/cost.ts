/**
 * What a service agreement costs, in integer pence.
 *
 * Days: an agreement runs from `startDate` to its last day inclusive. The last day is `endDate`
 * when the agreement has ended (early or late, the actual end wins), else `plannedEndDate`.
 * An open-ended agreement (neither) is assumed to continue at its latest rate to whatever horizon
 * is asked for. Days before the earliest rate's `effectiveFrom` cost nothing (nothing can be paid
 * without a rate). Which rate applies on a day is decided by rateTimeline.ts.
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
import { resolveRateSegments, type Rate, type RateSegment } from './rateTimeline.ts';

export type { Rate, RateUnit } from './rateTimeline.ts';

export interface CostedAgreement {
  readonly startDate: IsoDate;
  /** null for an open-ended agreement. */
  readonly plannedEndDate: IsoDate | null;
  /** The actual end, once ended (possibly before the planned end). */
  readonly endDate: IsoDate | null;
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
  /** The day after `asOf` to 31 March. */
  readonly projectedToYearEndPence: number;
  /** The day after `asOf` to the agreement's last day (actual end, else planned end); null when open-ended. */
  readonly projectedToPlannedEndPence: number | null;
  /**
   * Spent to date plus what the agreement commits from tomorrow: to its last day, or, when
   * open-ended, to the end of the current financial year (the horizon a council commits to).
   */
  readonly committedPence: number;
  /** The rate in force at `asOf` as pence per week (a daily rate × 7); 0 when not running at `asOf`. */
  readonly weeklyRateNowPence: number;
}

/** An agreement parsed once: day numbers, and rate segments clipped to the agreement's days. */
interface PricedDays {
  readonly firstDay: DayNumber;
  /** Infinity when open-ended. */
  readonly lastDay: DayNumber;
  readonly segments: readonly RateSegment[];
}

function parseAgreement(agreement: CostedAgreement): PricedDays {
  const firstDay = toDayNumber(agreement.startDate, 'startDate');
  const end = agreement.endDate ?? agreement.plannedEndDate;
  const lastDay =
    end === null ? Infinity : toDayNumber(end, agreement.endDate !== null ? 'endDate' : 'plannedEndDate');
  const segments: RateSegment[] = [];
  for (const segment of resolveRateSegments(agreement.rates)) {
    const from = Math.max(segment.from, firstDay);
    const to = Math.min(segment.to, lastDay);
    if (from <= to) segments.push({ ...segment, from, to });
  }
  return { firstDay, lastDay, segments };
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

/**
 * Cost of the agreement over `from`..`to` inclusive, in pence. Days outside the agreement cost
 * nothing; an empty range (`to` before `from`) costs 0. Open-ended agreements cost up to `to`.
 */
export function costBetween(agreement: CostedAgreement, from: IsoDate, to: IsoDate): number {
  return costOfDays(parseAgreement(agreement), toDayNumber(from, 'from'), toDayNumber(to, 'to'));
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

/**
 * Cost per calendar month over `from`..`to` inclusive: a Map from `YYYY-MM` to pence, holding
 * every month the range touches in order (0 where nothing was spent). The months sum exactly to
 * {@link costBetween} over the same range.
 */
export function costByMonth(agreement: CostedAgreement, from: IsoDate, to: IsoDate): Map<string, number> {
  const priced = parseAgreement(agreement);
  const first = toDayNumber(from, 'from');
  const last = toDayNumber(to, 'to');
  const months = new Map<string, number>();
  let monthStart = first;
  while (monthStart <= last) {
    const { year, month } = civilDateOf(monthStart);
    const monthEnd = Math.min(dayNumberOf(year, month, daysInMonth(year, month)), last);
    months.set(monthKeyOf(monthStart), costOfDays(priced, monthStart, monthEnd));
    monthStart = monthEnd + 1;
  }
  return months;
}

function weeklyRateOn(priced: PricedDays, day: DayNumber): number {
  const segment = priced.segments.find((candidate) => candidate.from <= day && day <= candidate.to);
  if (!segment) return 0;
  return segment.unit === 'WEEKLY' ? segment.amountPence : segment.amountPence * 7;
}

/** Spend to date, this financial year and projected, as at `asOf` (see {@link AgreementProjection}). */
export function projectAgreement(agreement: CostedAgreement, asOf: IsoDate): AgreementProjection {
  const priced = parseAgreement(agreement);
  const today = toDayNumber(asOf, 'asOf');
  const financialYear = financialYearOf(asOf);
  const yearStart = toDayNumber(financialYear.start);
  const yearEnd = toDayNumber(financialYear.end);

  const toDatePence = costOfDays(priced, priced.firstDay, today);
  const projectedToYearEndPence = costOfDays(priced, today + 1, yearEnd);
  const projectedToPlannedEndPence =
    priced.lastDay === Infinity ? null : costOfDays(priced, today + 1, priced.lastDay);

  return {
    financialYear,
    toDatePence,
    thisFinancialYearPence: costOfDays(priced, yearStart, today),
    projectedToYearEndPence,
    projectedToPlannedEndPence,
    committedPence: toDatePence + (projectedToPlannedEndPence ?? projectedToYearEndPence),
    weeklyRateNowPence: weeklyRateOn(priced, today),
  };
}
