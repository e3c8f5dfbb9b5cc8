/**
 * Calendar dates as day numbers.
 *
 * At the API boundary a date is an ISO `YYYY-MM-DD` string. Inside the rules it is a day number:
 * whole days since 1970-01-01 in the proleptic Gregorian calendar, with no time of day and no time
 * zone. Day numbers make "the next day" `+ 1`, make ranges cheap to compare, and never meet the
 * daylight-saving and time-zone traps of `Date`. The conversions are Howard Hinnant's
 * `days_from_civil` / `civil_from_days`, which are exact integer arithmetic.
 */
import { DomainInputError } from './errors.ts';

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

/** Whole days since 1970-01-01 (negative before). */
export type DayNumber = number;

export interface CivilDate {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  /** 1-31 */
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const length = MONTH_LENGTHS[month - 1];
  if (length === undefined) throw new DomainInputError('month', 'expected 1-12');
  return length;
}

/** Day number of a civil date; the fields must already be valid (see {@link dayNumberOf}). */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number. */
export function civilDateOf(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of year/month/day, rejecting impossible dates such as 31 April or 29 February 2023. */
export function dayNumberOf(year: number, month: number, day: number, parameter = 'date'): DayNumber {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new DomainInputError(parameter, 'expected a year between 0001 and 9999');
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new DomainInputError(parameter, 'expected a month between 01 and 12');
  }
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) {
    throw new DomainInputError(parameter, 'expected a day that exists in its month');
  }
  return daysFromCivil(year, month, day);
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parse an ISO `YYYY-MM-DD` date into a day number.
 * @param parameter names the input in the error message (the value itself is never echoed).
 */
export function toDayNumber(date: IsoDate, parameter = 'date'): DayNumber {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new DomainInputError(parameter, 'expected an ISO date YYYY-MM-DD');
  return dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3]), parameter);
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

function pad4(value: number): string {
  return String(value).padStart(4, '0');
}

/** The ISO `YYYY-MM-DD` form of a day number. */
export function toIsoDate(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilDateOf(dayNumber);
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** `YYYY-MM`, the key used for monthly buckets. */
export function monthKeyOf(dayNumber: DayNumber): string {
  const { year, month } = civilDateOf(dayNumber);
  return `${pad4(year)}-${pad2(month)}`;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. (Day 0, 1970-01-01, was a Thursday.) */
export function isoWeekdayOf(dayNumber: DayNumber): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  return isoWeekdayOf(dayNumber) >= 6;
}

function requireWholeNumber(value: number, parameter: string): void {
  if (!Number.isSafeInteger(value)) throw new DomainInputError(parameter, 'expected a whole number');
}

/**
 * Add calendar months, clamping to the end of a shorter month: 31 January + 1 month is 28 February
 * (29 in a leap year), and 29 February + 12 months is 28 February. This is how "within 3 months of"
 * is read for statutory reviews: the same day-of-month, or the month's last day if it has none.
 */
export function addMonthsToDay(dayNumber: DayNumber, months: number): DayNumber {
  requireWholeNumber(months, 'months');
  const { year, month, day } = civilDateOf(dayNumber);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  requireWholeNumber(days, 'days');
  return toIsoDate(toDayNumber(date) + days);
}

/** `date` plus `weeks` × 7 calendar days. */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  requireWholeNumber(weeks, 'weeks');
  return toIsoDate(toDayNumber(date) + weeks * 7);
}

/** `date` plus `months` calendar months, clamped to month end (see {@link addMonthsToDay}). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return toIsoDate(addMonthsToDay(toDayNumber(date), months));
}

/** Calendar days from `from` to `to`: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The Europe/London calendar date of an instant (ms since the epoch): "today" for every statutory
 * clock. Between midnight and 1 am in British Summer Time the UTC date is still yesterday's.
 */
export function londonDateOf(instantMs: number): IsoDate {
  // Every request asks for today, and formatting through Intl cost about 1% of a view's CPU. London's
  // offset is a whole number of hours, so its date cannot change inside one UTC minute.
  const minute = Math.floor(instantMs / 60_000);
  if (minute !== lastLondonMinute) {
    lastLondonMinute = minute;
    lastLondonDate = LONDON_DATE.format(instantMs);
  }
  return lastLondonDate;
}
let lastLondonMinute = Number.NaN;
let lastLondonDate = '';
