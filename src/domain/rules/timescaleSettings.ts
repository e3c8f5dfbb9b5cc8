/**
 * How long each statutory (or locally set) timescale is, as data, so that configuration can
 * override any of them without touching the rules. Defaults follow /work/shared/DOMAIN.md.
 */
import { addMonthsToDay, type DayNumber } from './dates.ts';
import type { WorkingDayArithmetic } from './calendar.ts';
import { DomainInputError } from './errors.ts';

export type IntervalUnit = 'WORKING_DAYS' | 'DAYS' | 'WEEKS' | 'MONTHS';

/** A span such as "45 working days" or "3 months". */
export interface Interval {
  readonly count: number;
  readonly unit: IntervalUnit;
}

export interface TimescaleSettings {
  /** Contact to referral decision. */
  readonly referralDecision: Interval;
  /** Assessment start to authorisation. */
  readonly childAndFamilyAssessment: Interval;
  /** Strategy discussion (start of the s47) to the initial child protection conference. */
  readonly initialChildProtectionConference: Interval;
  /** From the ICPC (plan start) to the first review, then from each review to the next. */
  readonly childProtectionReviews: { readonly first: Interval; readonly subsequent: Interval };
  /** Local standard: from plan start to the first visit and between visits. */
  readonly childProtectionVisits: Interval;
  /** Local standard: from plan start to the first visit and between visits. */
  readonly childInNeedVisits: Interval;
  /** From becoming looked after to the first review, first to second, then between reviews. */
  readonly lookedAfterReviews: {
    readonly first: Interval;
    readonly second: Interval;
    readonly subsequent: Interval;
  };
  /**
   * From placement start to the first visit; between visits while the previous visit was in the
   * placement's first year; and after that. (Care Planning Regulations 2010 reg 28 lets a long-term
   * placement drop to 3-monthly after a year; whether a placement is long-term is a care-plan fact
   * the hub does not hold, so the default stays 6-weekly.)
   */
  readonly lookedAfterVisits: {
    readonly first: Interval;
    readonly duringFirstYear: Interval;
    readonly afterFirstYear: Interval;
  };
  /** From the EHC needs assessment request. */
  readonly ehcp: { readonly decisionToAssess: Interval; readonly finalPlan: Interval };
}

const workingDays = (count: number): Interval => ({ count, unit: 'WORKING_DAYS' });
const weeks = (count: number): Interval => ({ count, unit: 'WEEKS' });
const months = (count: number): Interval => ({ count, unit: 'MONTHS' });

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

export const DEFAULT_TIMESCALE_SETTINGS: TimescaleSettings = deepFreeze({
  referralDecision: workingDays(1),
  childAndFamilyAssessment: workingDays(45),
  initialChildProtectionConference: workingDays(15),
  childProtectionReviews: { first: months(3), subsequent: months(6) },
  childProtectionVisits: workingDays(10),
  childInNeedVisits: workingDays(20),
  lookedAfterReviews: { first: workingDays(20), second: months(3), subsequent: months(6) },
  lookedAfterVisits: { first: weeks(1), duringFirstYear: weeks(6), afterFirstYear: weeks(6) },
  ehcp: { decisionToAssess: weeks(6), finalPlan: weeks(20) },
});

/** Settings with any part replaced; nested groups may be replaced member by member. */
export type TimescaleSettingsOverrides = {
  readonly [K in keyof TimescaleSettings]?: TimescaleSettings[K] extends Interval
    ? Interval
    : Partial<TimescaleSettings[K]>;
};

const UNITS: ReadonlySet<string> = new Set<IntervalUnit>(['WORKING_DAYS', 'DAYS', 'WEEKS', 'MONTHS']);

function isInterval(value: unknown): value is Interval {
  return typeof value === 'object' && value !== null && 'unit' in value && 'count' in value;
}

export function validateInterval(interval: Interval, parameter: string): void {
  if (!isInterval(interval) || !UNITS.has(interval.unit)) {
    throw new DomainInputError(parameter, 'expected unit WORKING_DAYS, DAYS, WEEKS or MONTHS');
  }
  if (!Number.isSafeInteger(interval.count) || interval.count < 1) {
    throw new DomainInputError(parameter, 'expected a whole number count of at least 1');
  }
}

/**
 * The defaults with `overrides` applied, validated (every count a whole number >= 1, every unit
 * known). Throws {@link DomainInputError} naming the bad setting, e.g. `lookedAfterVisits.first`.
 */
export function resolveTimescaleSettings(overrides: TimescaleSettingsOverrides = {}): TimescaleSettings {
  const merged: Record<string, unknown> = {};
  for (const [key, defaults] of Object.entries(DEFAULT_TIMESCALE_SETTINGS) as [string, object][]) {
    const override = (overrides as Record<string, unknown>)[key];
    if (isInterval(defaults)) {
      const interval = (override ?? defaults) as Interval;
      validateInterval(interval, key);
      merged[key] = { count: interval.count, unit: interval.unit };
      continue;
    }
    const group: Record<string, Interval> = { ...(defaults as Record<string, Interval>) };
    for (const [member, value] of Object.entries((override ?? {}) as Record<string, Interval | undefined>)) {
      if (!(member in group)) throw new DomainInputError(`${key}.${member}`, 'is not a known setting');
      if (value !== undefined) group[member] = value;
    }
    for (const [member, interval] of Object.entries(group)) validateInterval(interval, `${key}.${member}`);
    merged[key] = group;
  }
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_TIMESCALE_SETTINGS)) throw new DomainInputError(key, 'is not a known setting');
  }
  return deepFreeze(merged) as unknown as TimescaleSettings;
}

/**
 * The last day of `interval` counted from `from`: working days per the calendar's
 * `addWorkingDays` semantics; calendar months clamped to month end.
 */
export function addInterval(from: DayNumber, interval: Interval, calendar: WorkingDayArithmetic): DayNumber {
  switch (interval.unit) {
    case 'WORKING_DAYS':
      return calendar.addWorkingDays(from, interval.count);
    case 'DAYS':
      return from + interval.count;
    case 'WEEKS':
      return from + interval.count * 7;
    case 'MONTHS':
      return addMonthsToDay(from, interval.count);
  }
}
