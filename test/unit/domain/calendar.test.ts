import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  createWorkingDayCalendar,
  daysBetween,
  toDayNumber,
  toIsoDate,
} from '../../../src/domain/rules/calendar.ts';
import { easterSundayOf } from '../../../src/domain/rules/bankHolidays.ts';
import { londonDateOf } from '../../../src/domain/rules/index.ts';
import { DomainInputError } from '../../../src/domain/rules/errors.ts';

const calendar = createWorkingDayCalendar();
const datesIn = (year: number) => calendar.holidaysIn(year).map((holiday) => holiday.date);

describe('day numbers', () => {
  it('counts days from 1970-01-01 and round-trips across leap days', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11017);
    expect(toIsoDate(19782)).toBe('2024-02-29');
    expect(toIsoDate(toDayNumber('2024-02-29') + 1)).toBe('2024-03-01');
  });

  it('rejects malformed and impossible dates without echoing the value', () => {
    expect(() => toDayNumber('2023-02-29', 'dueDate')).toThrow(DomainInputError);
    expect(() => toDayNumber('2024-13-01')).toThrow(/month/);
    expect(() => toDayNumber('01/02/2024', 'dateOfContact')).toThrow('dateOfContact: expected an ISO date');
    try {
      toDayNumber('2019-04-31', 'startDate');
    } catch (error) {
      expect((error as Error).message).not.toContain('2019');
    }
  });
});

describe('calendar arithmetic', () => {
  it('adds months clamping to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });

  it('adds days and weeks and measures calendar days across a leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addWeeks('2024-02-22', 1)).toBe('2024-02-29');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2024-03-01', '2024-02-01')).toBe(-29);
  });
});

describe('bank holidays', () => {
  it('finds Easter by the Gregorian computus', () => {
    expect(toIsoDate(easterSundayOf(2024))).toBe('2024-03-31');
    expect(toIsoDate(easterSundayOf(2025))).toBe('2025-04-20');
    expect(toIsoDate(easterSundayOf(2038))).toBe('2038-04-25'); // latest possible Easter
    expect(toIsoDate(easterSundayOf(2008))).toBe('2008-03-23');
  });

  it('lists the regular eight holidays of 2024 and 2025', () => {
    expect(datesIn(2024)).toEqual([
      '2024-01-01',
      '2024-03-29',
      '2024-04-01',
      '2024-05-06',
      '2024-05-27',
      '2024-08-26',
      '2024-12-25',
      '2024-12-26',
    ]);
    expect(datesIn(2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('moves the early May holiday to Friday 8 May 2020 and Monday 8 May 1995 for VE Day', () => {
    expect(datesIn(2020)).toContain('2020-05-08');
    expect(datesIn(2020)).not.toContain('2020-05-04');
    expect(datesIn(1995)).toContain('1995-05-08');
    expect(datesIn(1995)).not.toContain('1995-05-01');
    expect(calendar.isWorkingDay('2020-05-04')).toBe(true);
    expect(calendar.isWorkingDay('2020-05-08')).toBe(false);
  });

  it('gives 2022 the moved spring holiday, the platinum jubilee and the state funeral', () => {
    expect(datesIn(2022)).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
    expect(datesIn(2022)).not.toContain('2022-05-30');
  });

  it('includes the other one-off holidays and moved spring holidays', () => {
    expect(datesIn(1999)).toContain('1999-12-31');
    expect(datesIn(2002)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
    expect(datesIn(2002)).not.toContain('2002-05-27');
    expect(datesIn(2011)).toContain('2011-04-29');
    expect(datesIn(2012)).toEqual(expect.arrayContaining(['2012-06-04', '2012-06-05']));
    expect(datesIn(2012)).not.toContain('2012-05-28');
    expect(datesIn(2023)).toEqual(expect.arrayContaining(['2023-05-01', '2023-05-08', '2023-05-29']));
  });

  it('substitutes Monday and Tuesday when Christmas falls on a Saturday (2021)', () => {
    expect(calendar.holidaysIn(2021).slice(-2)).toEqual([
      { date: '2021-12-27', name: 'Christmas Day (substitute day)' },
      { date: '2021-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('keeps Boxing Day on Monday and substitutes Tuesday when Christmas falls on a Sunday (2022)', () => {
    expect(calendar.holidaysIn(2022).slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
  });

  it('substitutes Monday for Boxing Day when Christmas falls on a Friday (2020)', () => {
    expect(datesIn(2020).slice(-2)).toEqual(['2020-12-25', '2020-12-28']);
  });

  it("substitutes New Year's Day when 1 January is a Saturday (2022) or Sunday (2023)", () => {
    expect(datesIn(2022)[0]).toBe('2022-01-03');
    expect(datesIn(2023)[0]).toBe('2023-01-02');
  });

  it('refuses years it cannot know', () => {
    expect(() => calendar.holidaysIn(1989)).toThrow(DomainInputError);
    expect(() => calendar.holidaysIn(2101)).toThrow(DomainInputError);
    expect(() => calendar.isWorkingDay('2101-01-04')).toThrow(/1990-2100/);
    expect(calendar.holidaysIn(2100)).toHaveLength(8);
  });
});

describe('working days', () => {
  it('treats weekends and bank holidays as non-working days', () => {
    expect(calendar.isWorkingDay('2024-06-07')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2024-06-08')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2024-06-09')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2024-02-29')).toBe(true); // leap day, Thursday
    expect(calendar.isWorkingDay('2024-12-25')).toBe(false);
  });

  it('does not count the start day: one working day after Friday is Monday', () => {
    expect(calendar.addWorkingDays('2024-06-07', 1)).toBe('2024-06-10');
    expect(calendar.addWorkingDays('2024-06-07', 0)).toBe('2024-06-07');
    expect(calendar.addWorkingDays('2024-06-03', 10)).toBe('2024-06-17');
  });

  it('never counts the start day, whatever day it is: a Saturday contact is due the next working day but one only if Monday is a holiday', () => {
    // Saturday 8 June 2024: the first working day after it is Monday 10 June.
    expect(calendar.addWorkingDays('2024-06-08', 1)).toBe('2024-06-10');
    expect(calendar.addWorkingDays('2024-06-09', 1)).toBe('2024-06-10'); // Sunday
    expect(calendar.addWorkingDays('2024-06-08', 0)).toBe('2024-06-08');
    // Saturday 26 December 2026: Monday 28th is the Boxing Day substitute, so due Tuesday 29th.
    expect(calendar.addWorkingDays('2026-12-26', 1)).toBe('2026-12-29');
    expect(calendar.workingDaysBetween('2026-12-26', '2026-12-29')).toBe(1);
    // Good Friday 2024 (29 March) + 1: Easter Monday is a holiday too, so Tuesday 2 April.
    expect(calendar.addWorkingDays('2024-03-29', 1)).toBe('2024-04-02');
    // Across a leap day: Wednesday 28 February 2024 + 1 is Thursday 29 February.
    expect(calendar.addWorkingDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('moves a deadline that would fall on a holiday past it', () => {
    // Thursday 23 May 2024 + 2 working days: Friday 24th, then Monday 27th is the spring holiday.
    expect(calendar.addWorkingDays('2024-05-23', 2)).toBe('2024-05-28');
  });

  it('counts working days across Easter 2024 (Good Friday 29 March, Easter Monday 1 April)', () => {
    expect(calendar.addWorkingDays('2024-03-28', 1)).toBe('2024-04-02');
    expect(calendar.workingDaysBetween('2024-03-25', '2024-04-05')).toBe(7);
  });

  it('counts working days across Christmas 2021 substitute days', () => {
    // Friday 24 Dec 2021; 27th and 28th are substitutes, so the next working day is Wednesday 29th.
    expect(calendar.addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
    expect(calendar.nextWorkingDay('2021-12-24')).toBe('2021-12-29');
    // 29, 30, 31 Dec, then 3 January 2022 is the New Year substitute, 4 January counts.
    expect(calendar.addWorkingDays('2021-12-24', 4)).toBe('2022-01-04');
  });

  it('gives the 45-working-day assessment deadline across Christmas 2024', () => {
    // From Monday 4 Nov 2024, counted by hand: Nov 5-29 = 19, Dec 2-24 = 17 (36), Dec 27 = 37, Dec 30-31 = 39,
    // Jan 2-3 2025 = 41, Jan 6-9 = 45.
    expect(calendar.addWorkingDays('2024-11-04', 45)).toBe('2025-01-09');
    expect(calendar.workingDaysBetween('2024-11-04', '2025-01-09')).toBe(45);
  });

  it('counts the working days of a whole year', () => {
    // 2024: 262 weekdays less 8 holidays; 1 January is itself a holiday, so (1 Jan, 31 Dec] holds 254.
    expect(calendar.workingDaysBetween('2024-01-01', '2024-12-31')).toBe(254);
    expect(calendar.workingDaysBetween('2024-12-31', '2024-01-01')).toBe(-254);
    expect(calendar.workingDaysBetween('2024-06-07', '2024-06-07')).toBe(0);
  });

  it('counts back with a negative number of working days', () => {
    expect(calendar.addWorkingDays('2024-04-02', -1)).toBe('2024-03-28');
    expect(calendar.addWorkingDays('2024-06-09', -1)).toBe('2024-06-07'); // Sunday: the working day before is Friday
    expect(calendar.addWorkingDays('2026-12-26', -1)).toBe('2026-12-24'); // Christmas Day is Friday
  });

  it('gives the Nth working day after the start, counted day by day, for every start from 2020 to 2030', () => {
    // Independent of the calendar's arithmetic: weekday and holiday-list checks only.
    const holidays = new Set<number>();
    for (let year = 2020; year <= 2031; year++)
      for (const h of calendar.holidaysIn(year)) holidays.add(toDayNumber(h.date));
    const working = (day: number) => {
      const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
      return weekday < 5 && !holidays.has(day);
    };
    const days = calendar.days;
    for (let start = toDayNumber('2020-01-01'); start <= toDayNumber('2030-12-31'); start++) {
      let expected = start;
      for (let count = 1; count <= 25; count++) {
        do expected++;
        while (!working(expected));
        if (count <= 20 || count === 25) {
          const due = days.addWorkingDays(start, count);
          if (due !== expected)
            expect(toIsoDate(due), `${toIsoDate(start)} + ${count}`).toBe(toIsoDate(expected));
        }
      }
    }
  });

  it('addWorkingDays and workingDaysBetween agree on every date from 2020 to 2030', () => {
    const days = calendar.days;
    for (let start = toDayNumber('2020-01-01'); start <= toDayNumber('2030-12-31'); start++) {
      for (const count of [1, 2, 5, 10, 15, 20, 45, 65]) {
        const due = days.addWorkingDays(start, count);
        const between = days.workingDaysBetween(start, due);
        // The deadline is a working day, exactly `count` working days after the start, and the first such day.
        if (
          between !== count ||
          !days.isWorkingDay(due) ||
          days.workingDaysBetween(start, due - 1) !== count - 1
        )
          expect({ start: toIsoDate(start), count, due: toIsoDate(due), between }).toBeNull();
        const back = days.addWorkingDays(due, -count);
        if (days.workingDaysBetween(back, due) !== count || !days.isWorkingDay(back))
          expect({ due: toIsoDate(due), count, back: toIsoDate(back) }).toBeNull();
      }
    }
  });

  it('applies extra and removed holidays', () => {
    const local = createWorkingDayCalendar({
      extraHolidays: ['2024-12-27'],
      removedHolidays: ['2024-08-26'],
    });
    expect(local.isWorkingDay('2024-12-27')).toBe(false);
    expect(local.isWorkingDay('2024-08-26')).toBe(true);
    expect(local.holidaysIn(2024).map((holiday) => holiday.date)).toContain('2024-12-27');
    expect(local.holidaysIn(2024).map((holiday) => holiday.date)).not.toContain('2024-08-26');
    expect(local.addWorkingDays('2024-12-24', 1)).toBe('2024-12-30');
    expect(calendar.addWorkingDays('2024-12-24', 1)).toBe('2024-12-27');
  });
});

describe('today', () => {
  it('is the Europe/London date, not the UTC date', () => {
    // 23:30 UTC on 30 June 2026 is 00:30 on 1 July in British Summer Time.
    expect(londonDateOf(Date.parse('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDateOf(Date.parse('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    // In winter London is on UTC: 23:30 on 31 December 2026 is still that day.
    expect(londonDateOf(Date.parse('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    // The clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonDateOf(Date.parse('2026-03-28T23:30:00Z'))).toBe('2026-03-28');
    expect(londonDateOf(Date.parse('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(londonDateOf(Date.parse('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(londonDateOf(Date.parse('2026-10-25T23:30:00Z'))).toBe('2026-10-25');
    // A leap day falls in GMT: the date rolls at midnight UTC.
    expect(londonDateOf(Date.parse('2028-02-29T23:59:59Z'))).toBe('2028-02-29');
  });

  it('changes at the first instant of the new day, asked second by second across midnight', () => {
    // The date is remembered per minute: the last second before midnight and the first after it
    // must still differ, in summer time (midnight at 23:00 UTC) and in winter.
    expect(londonDateOf(Date.parse('2026-06-30T22:59:59.999Z'))).toBe('2026-06-30');
    expect(londonDateOf(Date.parse('2026-06-30T23:00:00.000Z'))).toBe('2026-07-01');
    expect(londonDateOf(Date.parse('2026-06-30T23:00:59.999Z'))).toBe('2026-07-01');
    expect(londonDateOf(Date.parse('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
    expect(londonDateOf(Date.parse('2027-01-01T00:00:00.000Z'))).toBe('2027-01-01');
    // Going back in time is answered too (a test clock, or the clock stepped back).
    expect(londonDateOf(Date.parse('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
  });
});
