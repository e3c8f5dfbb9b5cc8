/**
 * Pure domain rules of the hub: the working-day calendar, statutory timescales and cost
 * projection. Nothing here performs I/O, reads the clock or imports from the rest of the hub;
 * "today" is always a parameter, dates are ISO `YYYY-MM-DD` strings and money is integer pence.
 */
export { DomainInputError } from './errors.ts';
export {
  addDays,
  addMonths,
  addWeeks,
  daysBetween,
  isIsoDate,
  londonDateOf,
  toDayNumber,
  toIsoDate,
  type DayNumber,
  type IsoDate,
} from './dates.ts';
export { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './bankHolidays.ts';
export {
  ADDITIONAL_HOLIDAY_NAME,
  createWorkingDayCalendar,
  type BankHoliday,
  type WorkingDayArithmetic,
  type WorkingDayCalendar,
  type WorkingDayCalendarOptions,
} from './calendar.ts';
export {
  DEFAULT_TIMESCALE_SETTINGS,
  resolveTimescaleSettings,
  type Interval,
  type IntervalUnit,
  type TimescaleSettings,
  type TimescaleSettingsOverrides,
} from './timescaleSettings.ts';
export {
  createTimescaleRules,
  type AssessmentRecord,
  type ContactRecord,
  type EhcpRequestRecord,
  type EhcpTimescales,
  type RecurringRecord,
  type RecurringTimescale,
  type Section47Record,
  type TimescaleResult,
  type TimescaleRules,
  type TimescaleRulesOptions,
  type TimescaleStatus,
} from './timescales.ts';
export { summariseTimescales, type TimescaleSummary } from './timescaleSummary.ts';
export {
  costBetween,
  costByMonth,
  currentRateOf,
  financialYearOf,
  PricedAgreement,
  projectAgreement,
  runsOnPastPlannedEnd,
  type AgreementProjection,
  type AgreementStatus,
  type CostedAgreement,
  type FinancialYear,
  type Rate,
  type RateUnit,
} from './cost.ts';
export { sumBy, sumMonthlyCosts } from './aggregate.ts';
export { rateInForce } from './rateTimeline.ts';
