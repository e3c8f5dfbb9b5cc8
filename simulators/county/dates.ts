/**
 * Dates as whole day numbers (days since 1970-01-01, UTC): cheap to store in typed arrays and to
 * compare. Working days skip weekends and England's bank holidays, which statutory timescales use.
 */
// Easter is a fact of the calendar, not of the council's systems: one computus serves the hub and the county.
import { easterSundayOf } from '../../src/domain/rules/bankHolidays.ts';

const MS_PER_DAY = 86_400_000;

export function fromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== Number(y) ||
    back.getUTCMonth() !== Number(m) - 1 ||
    back.getUTCDate() !== Number(d)
  ) {
    throw new Error(`not a calendar date: ${iso}`);
  }
  return ms / MS_PER_DAY;
}

const isoCache = new Map<number, string>();

/** Formats a day number; memoised, because a county formats the same few thousand days millions of times. */
export function toIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}

/** An instant on that day, `minutes` after midnight UTC, as ISO 8601 with offset. */
export function toIsoDateTime(day: number, minutes: number): string {
  return new Date(day * MS_PER_DAY + minutes * 60_000).toISOString();
}

export function dayOf(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function monthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function dateOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Same day of month `months` later, clamped to the month's last day. */
export function addMonths(day: number, months: number): number {
  const d = new Date(day * MS_PER_DAY);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return dayOf(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(d.getUTCDate(), lastDay));
}

/** Whole years between a date of birth and a day (age on that day). */
export function ageOn(dob: number, day: number): number {
  const b = new Date(dob * MS_PER_DAY);
  const t = new Date(day * MS_PER_DAY);
  let age = t.getUTCFullYear() - b.getUTCFullYear();
  if (
    t.getUTCMonth() < b.getUTCMonth() ||
    (t.getUTCMonth() === b.getUTCMonth() && t.getUTCDate() < b.getUTCDate())
  ) {
    age--;
  }
  return age;
}

function firstMonday(year: number, month: number): number {
  const first = dayOf(year, month, 1);
  return first + ((8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayOf(year, month + 1, 0);
  return last - ((weekdayOf(last) + 6) % 7);
}

const holidayCache = new Map<number, Set<number>>();

/**
 * Holidays moved or granted by proclamation. The simulator stands in for someone else's system and
 * shares no code with the hub, so it keeps its own copy of the domain calendar's list
 * (src/domain/rules/bankHolidays.ts); a unit test keeps the two calendars in agreement.
 */
const EARLY_MAY_MOVED: Readonly<Record<number, readonly [number, number]>> = { 1995: [5, 8], 2020: [5, 8] };
const SPRING_MOVED: Readonly<Record<number, readonly [number, number]>> = {
  2002: [6, 4],
  2012: [6, 4],
  2022: [6, 2],
};
const ONE_OFF_HOLIDAYS: readonly (readonly [number, number, number])[] = [
  [1999, 12, 31],
  [2002, 6, 3],
  [2011, 4, 29],
  [2012, 6, 5],
  [2022, 6, 3],
  [2022, 9, 19],
  [2023, 5, 8],
];

/** England and Wales bank holidays: the standing rules, moved days and one-off proclamations. */
export function bankHolidays(year: number): Set<number> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const days = new Set<number>();
  let newYear = dayOf(year, 1, 1);
  while (weekdayOf(newYear) === 0 || weekdayOf(newYear) === 6) newYear++;
  days.add(newYear);
  const easter = easterSundayOf(year);
  days.add(easter - 2);
  days.add(easter + 1);
  const earlyMay = EARLY_MAY_MOVED[year];
  days.add(earlyMay ? dayOf(year, earlyMay[0], earlyMay[1]) : firstMonday(year, 5));
  const spring = SPRING_MOVED[year];
  days.add(spring ? dayOf(year, spring[0], spring[1]) : lastMonday(year, 5));
  for (const [y, month, date] of ONE_OFF_HOLIDAYS) if (y === year) days.add(dayOf(year, month, date));
  days.add(lastMonday(year, 8));
  // Christmas and Boxing Day, each moved to the next free weekday when they fall at a weekend.
  let christmas = dayOf(year, 12, 25);
  while (weekdayOf(christmas) === 0 || weekdayOf(christmas) === 6) christmas++;
  days.add(christmas);
  let boxing = Math.max(dayOf(year, 12, 26), christmas + 1);
  while (weekdayOf(boxing) === 0 || weekdayOf(boxing) === 6) boxing++;
  days.add(boxing);
  holidayCache.set(year, days);
  return days;
}

const allHolidays = new Set<number>();
const coveredYears = new Set<number>();

export function isWorkingDay(day: number): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;
  // One flat set of holidays, filled a year at a time, keeps this hot check free of Date objects.
  const approxYear = 1970 + Math.floor(day / 365.2425);
  for (const year of [approxYear - 1, approxYear, approxYear + 1]) {
    if (!coveredYears.has(year)) {
      coveredYears.add(year);
      for (const holiday of bankHolidays(year)) allHolidays.add(holiday);
    }
  }
  return !allHolidays.has(day);
}

/** The n-th working day after `day` (counting from the day after); n = 0 gives the first working day on or after `day`. */
export function addWorkingDays(day: number, n: number): number {
  let current = day;
  if (n === 0) {
    while (!isWorkingDay(current)) current++;
    return current;
  }
  let remaining = n;
  while (remaining > 0) {
    current++;
    if (isWorkingDay(current)) remaining--;
  }
  return current;
}

/** Start of the academic year (1 September) containing `day`. */
export function academicYearStart(day: number): number {
  const y = yearOf(day);
  const sept = dayOf(y, 9, 1);
  return day >= sept ? sept : dayOf(y - 1, 9, 1);
}

/** "2025/26" for the academic year starting in September 2025. */
export function academicYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}
