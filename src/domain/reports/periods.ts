/**
 * Periods for reports: validated date ranges and the calendar months they touch. Pure.
 */
import {
  addDays,
  addMonths,
  FIRST_SUPPORTED_YEAR,
  isIsoDate,
  LAST_SUPPORTED_YEAR,
  type IsoDate,
} from '../rules/index.ts';

/** The longest period one report may cover: bounds the upstream reads one query can cause. */
export const MAX_PERIOD_MONTHS = 36;

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** A date a report may be judged at or cover: real, and in a year whose bank holidays are known. */
export function checkReportDate(date: string, name: string): IsoDate {
  if (!isIsoDate(date)) throw new ReportInputError(`\`${name}\` must be a date (YYYY-MM-DD).`);
  const year = Number(date.slice(0, 4));
  if (year < FIRST_SUPPORTED_YEAR + 1 || year > LAST_SUPPORTED_YEAR - 1)
    throw new ReportInputError(
      `\`${name}\` must fall in ${FIRST_SUPPORTED_YEAR + 1}-${LAST_SUPPORTED_YEAR - 1} (the years whose bank holidays are known).`,
    );
  return date;
}

/** Checks a requested period: real dates, `from` not after `to`, at most {@link MAX_PERIOD_MONTHS}. */
export function checkPeriod(from: string, to: string): Period {
  if (!isIsoDate(from) || !isIsoDate(to))
    throw new ReportInputError('`from` and `to` must be dates (YYYY-MM-DD).');
  checkReportDate(from, 'from');
  checkReportDate(to, 'to');
  if (from > to) throw new ReportInputError('`from` must not be after `to`.');
  if (addMonths(from, MAX_PERIOD_MONTHS) < to) {
    throw new ReportInputError(`A period may cover at most ${MAX_PERIOD_MONTHS} months.`);
  }
  return { from, to };
}

/** `YYYY-MM` of a date. */
export const monthOf = (date: IsoDate): string => date.slice(0, 7);

/** Every `YYYY-MM` from the month of `from` to the month of `to`, in order. */
export function monthsBetween(from: IsoDate, to: IsoDate): string[] {
  const months: string[] = [];
  let cursor = `${monthOf(from)}-01`;
  while (monthOf(cursor) <= monthOf(to)) {
    months.push(monthOf(cursor));
    cursor = addMonths(cursor, 1);
  }
  return months;
}

/** First and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): Period {
  const from = `${month}-01`;
  return { from, to: addDays(addMonths(from, 1), -1) };
}

/** The earlier of two dates. */
export const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);

/** `date` is within the period, both ends inclusive. */
export const within = (date: string | null | undefined, period: Period): boolean =>
  date !== null && date !== undefined && date >= period.from && date <= period.to;

/**
 * A plan, episode or involvement is open on a date when it started on or before it and did not end
 * on or before it (the returns' "at 31 March": a plan ending that day is not counted).
 */
export const openOn = (start: string, end: string | null, date: string): boolean =>
  start <= date && (end === null || end > date);
