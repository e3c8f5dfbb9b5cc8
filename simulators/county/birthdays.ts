/** Birthdays as English law reckons them. */
import { dateOf, dayOf, monthOf, yearOf } from './dates.ts';

/**
 * The day of the `years`th birthday (negative: that many years before). Someone born on
 * 29 February has it on 1 March in a common year.
 */
export function birthdayOn(dob: number, years: number): number {
  const year = yearOf(dob) + years;
  const month = monthOf(dob);
  const date = dateOf(dob);
  if (month === 2 && date === 29 && monthOf(dayOf(year, 2, 28) + 1) === 3) return dayOf(year, 3, 1);
  return dayOf(year, month, date);
}
