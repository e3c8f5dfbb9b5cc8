import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  bankHolidays,
  fromIso,
  isWorkingDay,
  toIso,
} from '../../../simulators/county/dates.ts';
import { englandAndWalesBankHolidays } from '../../../src/domain/rules/bankHolidays.ts';
import { toIsoDate } from '../../../src/domain/rules/dates.ts';

describe('the county calendar', () => {
  it('holds exactly the domain calendar’s England and Wales bank holidays, one-offs included, 1995-2035', () => {
    for (let year = 1995; year <= 2035; year++) {
      const simulator = [...bankHolidays(year)].map(toIso).sort();
      const domain = englandAndWalesBankHolidays(year)
        .map((h) => toIsoDate(h.dayNumber))
        .sort();
      expect(simulator, String(year)).toEqual(domain);
    }
  });

  it('treats the proclaimed one-off holidays as non-working days, so LCS target dates match statutory ones', () => {
    for (const day of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08'])
      expect(isWorkingDay(fromIso(day)), day).toBe(false);
    // An ICPC target 15 working days after a strategy discussion on 2022-09-12 skips the state funeral.
    expect(toIso(addWorkingDays(fromIso('2022-09-12'), 15))).toBe('2022-10-04');
  });
});
