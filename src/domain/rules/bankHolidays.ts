/**
 * England and Wales bank holidays, computed by rule for 1990-2100.
 *
 * The regular pattern (Banking and Financial Dealings Act 1971 plus the early May holiday from 1978):
 * New Year's Day, Good Friday, Easter Monday, the first Monday of May, the last Monday of May, the
 * last Monday of August, Christmas Day and Boxing Day. When New Year's Day, Christmas Day or Boxing
 * Day falls at a weekend the following weekday(s) become substitute days. Royal proclamations moved
 * some holidays and added one-offs; those are listed explicitly below. Years outside 1990-2100 are
 * refused rather than guessed, because proclamations cannot be predicted and older years are not
 * needed by any statutory measure.
 */
import { dayNumberOf, isoWeekdayOf, daysInMonth, type DayNumber } from './dates.ts';
import { DomainInputError } from './errors.ts';

export const FIRST_SUPPORTED_YEAR = 1990;
export const LAST_SUPPORTED_YEAR = 2100;

export interface DatedHoliday {
  readonly dayNumber: DayNumber;
  readonly name: string;
}

type MonthDay = readonly [month: number, day: number];

/** Early May bank holiday moved to 8 May for the VE Day anniversaries. */
const EARLY_MAY_MOVED: Readonly<Record<number, MonthDay>> = { 1995: [5, 8], 2020: [5, 8] };

/** Spring bank holiday moved for the golden (2002), diamond (2012) and platinum (2022) jubilees. */
const SPRING_MOVED: Readonly<Record<number, MonthDay>> = { 2002: [6, 4], 2012: [6, 4], 2022: [6, 2] };

/** Holidays granted once by proclamation, on top of the regular pattern. */
const ONE_OFF_HOLIDAYS: ReadonlyArray<readonly [year: number, month: number, day: number, name: string]> = [
  [1999, 12, 31, 'Millennium celebrations'],
  [2002, 6, 3, 'Golden Jubilee bank holiday'],
  [2011, 4, 29, 'Royal wedding'],
  [2012, 6, 5, 'Diamond Jubilee bank holiday'],
  [2022, 6, 3, 'Platinum Jubilee bank holiday'],
  [2022, 9, 19, 'State Funeral of Queen Elizabeth II'],
  [2023, 5, 8, 'Coronation of King Charles III'],
];

const SATURDAY = 6;
const SUNDAY = 7;
const MONDAY = 1;

export function requireSupportedYear(year: number, parameter = 'year'): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new DomainInputError(
      parameter,
      `bank holidays are known for ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR} only`,
    );
  }
}

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
export function easterSundayOf(year: number): DayNumber {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberOf(year, month, day);
}

function firstMondayOf(year: number, month: number): DayNumber {
  const first = dayNumberOf(year, month, 1);
  return first + ((MONDAY - isoWeekdayOf(first) + 7) % 7);
}

function lastMondayOf(year: number, month: number): DayNumber {
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - ((isoWeekdayOf(last) - MONDAY + 7) % 7);
}

function newYearHolidays(year: number): DatedHoliday[] {
  const day = dayNumberOf(year, 1, 1);
  const weekday = isoWeekdayOf(day);
  if (weekday === SATURDAY) return [{ dayNumber: day + 2, name: "New Year's Day (substitute day)" }];
  if (weekday === SUNDAY) return [{ dayNumber: day + 1, name: "New Year's Day (substitute day)" }];
  return [{ dayNumber: day, name: "New Year's Day" }];
}

/**
 * Christmas and Boxing Day with substitutes. A holiday that falls at a weekend moves to the first
 * weekday not already a holiday, so: Friday Christmas gives Boxing Day on Monday 28th; Saturday
 * Christmas gives Monday 27th and Tuesday 28th; Sunday Christmas keeps Boxing Day on Monday 26th and
 * gives Christmas on Tuesday 27th.
 */
function christmasHolidays(year: number): DatedHoliday[] {
  const christmas = dayNumberOf(year, 12, 25);
  const boxingDay = christmas + 1;
  switch (isoWeekdayOf(christmas)) {
    case 5:
      return [
        { dayNumber: christmas, name: 'Christmas Day' },
        { dayNumber: christmas + 3, name: 'Boxing Day (substitute day)' },
      ];
    case SATURDAY:
      return [
        { dayNumber: christmas + 2, name: 'Christmas Day (substitute day)' },
        { dayNumber: christmas + 3, name: 'Boxing Day (substitute day)' },
      ];
    case SUNDAY:
      return [
        { dayNumber: boxingDay, name: 'Boxing Day' },
        { dayNumber: christmas + 2, name: 'Christmas Day (substitute day)' },
      ];
    default:
      return [
        { dayNumber: christmas, name: 'Christmas Day' },
        { dayNumber: boxingDay, name: 'Boxing Day' },
      ];
  }
}

function movedOr(moved: Readonly<Record<number, MonthDay>>, year: number, regular: DayNumber): DayNumber {
  const override = moved[year];
  return override ? dayNumberOf(year, override[0], override[1]) : regular;
}

function computeYear(year: number): readonly DatedHoliday[] {
  const easter = easterSundayOf(year);
  const holidays: DatedHoliday[] = [
    ...newYearHolidays(year),
    { dayNumber: easter - 2, name: 'Good Friday' },
    { dayNumber: easter + 1, name: 'Easter Monday' },
    { dayNumber: movedOr(EARLY_MAY_MOVED, year, firstMondayOf(year, 5)), name: 'Early May bank holiday' },
    { dayNumber: movedOr(SPRING_MOVED, year, lastMondayOf(year, 5)), name: 'Spring bank holiday' },
    { dayNumber: lastMondayOf(year, 8), name: 'Summer bank holiday' },
    ...christmasHolidays(year),
  ];
  for (const [oneOffYear, month, day, name] of ONE_OFF_HOLIDAYS) {
    if (oneOffYear === year) holidays.push({ dayNumber: dayNumberOf(year, month, day), name });
  }
  holidays.sort((left, right) => left.dayNumber - right.dayNumber);
  return Object.freeze(holidays.map((holiday) => Object.freeze(holiday)));
}

const byYear = new Map<number, readonly DatedHoliday[]>();

/** The statutory England and Wales bank holidays of `year`, in date order (memoised per year). */
export function englandAndWalesBankHolidays(year: number): readonly DatedHoliday[] {
  requireSupportedYear(year);
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = computeYear(year);
    byYear.set(year, holidays);
  }
  return holidays;
}
