/**
 * The working-day calendar every statutory timescale is measured in.
 *
 * A working day is Monday to Friday and not an England and Wales bank holiday (adjusted by the
 * calendar's `extraHolidays` and `removedHolidays`, for a council's own closure days or a holiday
 * proclaimed after this code was written).
 *
 * Semantics, precisely:
 * - `addWorkingDays(X, N)` is the deadline of "within N working days of X": the Nth working day
 *   after X. The day X itself is never counted, whatever day it is: a contact received on Saturday
 *   2026-12-26 with a 1-working-day decision is due Tuesday 2026-12-29 (Monday being the Boxing Day
 *   substitute). N = 0 gives X. A negative N gives the |N|th working day before X.
 * - `workingDaysBetween(from, to)` counts the working days d with from < d <= to (negated when `to`
 *   is before `from`). For every X and N >= 0, `workingDaysBetween(X, addWorkingDays(X, N)) === N`,
 *   and `addWorkingDays(X, N)` is the first day for which that holds.
 * - `nextWorkingDay(X)` is the first working day strictly after X; `workingDayOnOrAfter(X)` is X
 *   itself when X is a working day.
 * - Dates outside 1990-2100 throw {@link DomainInputError}: holidays there are not known.
 *
 * Holidays are computed once per year into a Set of day numbers, so a working-day test is a weekday
 * calculation and a Set lookup; `addWorkingDays` jumps whole weeks and corrects for the holidays it
 * passed, so its cost grows with the holidays crossed, not with N.
 */
import { englandAndWalesBankHolidays, requireSupportedYear } from './bankHolidays.ts';
import { civilDateOf, isWeekend, toDayNumber, toIsoDate, isoWeekdayOf } from './dates.ts';
import type { DayNumber, IsoDate } from './dates.ts';
import { DomainInputError } from './errors.ts';

export {
  addDays,
  addMonths,
  addWeeks,
  daysBetween,
  isIsoDate,
  toDayNumber,
  toIsoDate,
  type DayNumber,
  type IsoDate,
} from './dates.ts';

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

export interface WorkingDayCalendarOptions {
  /** Further non-working days (a council closure day, a newly proclaimed holiday). */
  readonly extraHolidays?: readonly IsoDate[];
  /** Statutory holidays to treat as working days. Removing a day that is not a holiday does nothing. */
  readonly removedHolidays?: readonly IsoDate[];
}

/** The same operations on day numbers, for rules that already work in day numbers. */
export interface WorkingDayArithmetic {
  isWorkingDay(day: DayNumber): boolean;
  addWorkingDays(day: DayNumber, workingDays: number): DayNumber;
  workingDaysBetween(from: DayNumber, to: DayNumber): number;
  nextWorkingDay(day: DayNumber): DayNumber;
  workingDayOnOrAfter(day: DayNumber): DayNumber;
}

export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  addWorkingDays(date: IsoDate, workingDays: number): IsoDate;
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  nextWorkingDay(date: IsoDate): IsoDate;
  workingDayOnOrAfter(date: IsoDate): IsoDate;
  /** The year's holidays in date order, after the calendar's additions and removals. */
  holidaysIn(year: number): readonly BankHoliday[];
  readonly days: WorkingDayArithmetic;
}

interface YearHolidays {
  readonly all: ReadonlySet<DayNumber>;
  /** Holidays falling Monday-Friday, ascending: the ones that reduce a working-day count. */
  readonly onWeekdays: readonly DayNumber[];
  readonly listed: readonly BankHoliday[];
}

export const ADDITIONAL_HOLIDAY_NAME = 'Additional holiday';

/** Monday 1969-12-29: the origin of the weekday count below. */
const MONDAY_ORIGIN: DayNumber = -3;

/** Weekdays in [MONDAY_ORIGIN, day]; the difference of two values counts weekdays in a range. */
function weekdaysThrough(day: DayNumber): number {
  const elapsed = day - MONDAY_ORIGIN + 1;
  const weeks = Math.floor(elapsed / 7);
  return weeks * 5 + Math.min(elapsed - weeks * 7, 5);
}

/** The weekday `weekdays` weekdays after the weekday `day`, ignoring holidays. */
function addWeekdays(day: DayNumber, weekdays: number): DayNumber {
  const weeks = Math.floor(weekdays / 5);
  const remainder = weekdays - weeks * 5;
  const weekdayIndex = isoWeekdayOf(day) - 1; // 0 = Monday ... 4 = Friday
  return day + weeks * 7 + remainder + (weekdayIndex + remainder > 4 ? 2 : 0);
}

function yearOf(day: DayNumber): number {
  return civilDateOf(day).year;
}

function parseDays(dates: readonly IsoDate[] | undefined, parameter: string): DayNumber[] {
  return (dates ?? []).map((date, index) => {
    const day = toDayNumber(date, `${parameter}[${index}]`);
    requireSupportedYear(yearOf(day), `${parameter}[${index}]`);
    return day;
  });
}

function requireWorkingDayCount(value: number): void {
  if (!Number.isSafeInteger(value)) throw new DomainInputError('workingDays', 'expected a whole number');
}

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const removed = new Set(parseDays(options.removedHolidays, 'removedHolidays'));
  const extrasByYear = new Map<number, DayNumber[]>();
  for (const day of parseDays(options.extraHolidays, 'extraHolidays')) {
    const year = yearOf(day);
    extrasByYear.set(year, [...(extrasByYear.get(year) ?? []), day]);
  }

  const cache = new Map<number, YearHolidays>();

  function holidaysOfYear(year: number): YearHolidays {
    const cached = cache.get(year);
    if (cached) return cached;
    const named = new Map<DayNumber, string>();
    for (const holiday of englandAndWalesBankHolidays(year)) named.set(holiday.dayNumber, holiday.name);
    for (const day of extrasByYear.get(year) ?? []) {
      if (!named.has(day)) named.set(day, ADDITIONAL_HOLIDAY_NAME);
    }
    for (const day of removed) named.delete(day);
    const ordered = [...named.keys()].sort((left, right) => left - right);
    const computed: YearHolidays = {
      all: new Set(ordered),
      onWeekdays: ordered.filter((day) => !isWeekend(day)),
      listed: Object.freeze(
        ordered.map((day) => Object.freeze({ date: toIsoDate(day), name: named.get(day)! })),
      ),
    };
    cache.set(year, computed);
    return computed;
  }

  function isWorkingDay(day: DayNumber): boolean {
    return !isWeekend(day) && !holidaysOfYear(yearOf(day)).all.has(day);
  }

  /** Holidays on weekdays with from < day <= to. */
  function weekdayHolidaysWithin(from: DayNumber, to: DayNumber): number {
    let count = 0;
    for (let year = yearOf(from + 1), last = yearOf(to); year <= last; year++) {
      for (const day of holidaysOfYear(year).onWeekdays) {
        if (day > from && day <= to) count++;
      }
    }
    return count;
  }

  function countWorkingDays(from: DayNumber, to: DayNumber): number {
    if (to < from) return -countWorkingDays(to, from);
    if (to === from) return 0;
    return weekdaysThrough(to) - weekdaysThrough(from) - weekdayHolidaysWithin(from, to);
  }

  function workingDayOnOrAfter(day: DayNumber): DayNumber {
    let current = day;
    while (!isWorkingDay(current)) current++;
    return current;
  }

  function workingDayOnOrBefore(day: DayNumber): DayNumber {
    let current = day;
    while (!isWorkingDay(current)) current--;
    return current;
  }

  function addWorkingDays(day: DayNumber, workingDays: number): DayNumber {
    requireWorkingDayCount(workingDays);
    if (workingDays === 0) return day;
    if (workingDays < 0) {
      let current = day;
      for (let remaining = -workingDays; remaining > 0; remaining--)
        current = workingDayOnOrBefore(current - 1);
      return current;
    }
    // No working day lies between a non-working X and the last working day before it, so the Nth
    // working day after X is the Nth after that working day. Jump by weekdays from there, then make
    // up for the holidays the jump crossed, until a jump crosses none. Each jump ends on a weekday;
    // when it crosses no holiday it ends on a working day.
    let current = workingDayOnOrBefore(day);
    let remaining = workingDays;
    while (remaining > 0) {
      const target = addWeekdays(current, remaining);
      remaining = weekdayHolidaysWithin(current, target);
      current = target;
    }
    return current;
  }

  const days: WorkingDayArithmetic = {
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween: countWorkingDays,
    nextWorkingDay: (day) => workingDayOnOrAfter(day + 1),
    workingDayOnOrAfter,
  };

  return {
    days,
    isWorkingDay: (date) => isWorkingDay(toDayNumber(date)),
    addWorkingDays: (date, workingDays) => toIsoDate(addWorkingDays(toDayNumber(date), workingDays)),
    workingDaysBetween: (from, to) => countWorkingDays(toDayNumber(from, 'from'), toDayNumber(to, 'to')),
    nextWorkingDay: (date) => toIsoDate(days.nextWorkingDay(toDayNumber(date))),
    workingDayOnOrAfter: (date) => toIsoDate(workingDayOnOrAfter(toDayNumber(date))),
    holidaysIn: (year) => {
      requireSupportedYear(year);
      return holidaysOfYear(year).listed;
    },
  };
}
