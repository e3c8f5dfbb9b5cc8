/**
 * Which keys of the report lists are kept prepared on a day (connectors/reportLists.ts declares the
 * lists, connectors/reportSources.ts reads them): pure date arithmetic, shared by both.
 */
import { addDays, addMonths, financialYearOf } from '../rules/index.ts';
import { MAX_PERIOD_MONTHS, monthOf, monthsBetween } from './periods.ts';
import { COMPLETION_LOOKBACK_MONTHS } from './timeliness.ts';

/**
 * How far back month lists are kept prepared: two years before this month, what a 12-month
 * period and its 12-month look-back (re-referrals, repeat contacts, completions) read.
 */
export const PREPARED_MONTHS = 25;

/** The months kept prepared on `today`, oldest first. */
export const preparedMonths = (today: string): string[] =>
  monthsBetween(addMonths(`${monthOf(today)}-01`, -(PREPARED_MONTHS - 1)), today);

/**
 * The months of EHC needs assessment requests kept prepared on `today`, oldest first: a 12-month
 * period and the look-back its final plans completed in it are read from (two years, longer than
 * the other lists'), so the README's reports find every month prepared.
 */
export const preparedEhcpRequestMonths = (today: string): string[] =>
  monthsBetween(addMonths(`${monthOf(today)}-01`, -(12 + COMPLETION_LOOKBACK_MONTHS.ehcpPlans)), today);

/** The placements window prepared on `today`: as long as the longest report period. */
export const placementsWindow = (today: string) => ({
  from: addMonths(today, -MAX_PERIOD_MONTHS),
  to: today,
});

/** The key of the placements open during a period. */
export const placementsKey = ({ from, to }: { from: string; to: string }) => `${from}..${to}`;

/** The start of the financial year before the one `today` falls in: what the finance report reads from. */
export const previousYearStartOf = (today: string) =>
  financialYearOf(addDays(financialYearOf(today).start, -1)).start;

/**
 * The first day of the EHC plans kept prepared on `today`: plans in force on or after it cover any
 * report period up to the longest, so every later date is narrowed from this one list.
 */
export const ehcpPlansWindowStart = (today: string) => addMonths(today, -MAX_PERIOD_MONTHS);
