/**
 * Which rate is in force on each day of a service agreement.
 *
 * Finance systems record rate changes with two dates: when the rate applies from (`effectiveFrom`)
 * and when it was keyed in (`recordedAt`). A backdated change has an `effectiveFrom` earlier than a
 * rate already recorded. The rule: for any day, among the rates already effective that day, the one
 * recorded last wins. So a backdated change replaces earlier-recorded rates from its
 * `effectiveFrom` onwards, including later-dated ones recorded before it. Ties on `recordedAt` go to
 * the later `effectiveFrom` (a planned uplift keyed in on the same day as the base rate), then to
 * the later entry in the list.
 */
import { toDayNumber, type DayNumber, type IsoDate } from './dates.ts';
import { DomainInputError } from './errors.ts';

export type RateUnit = 'WEEKLY' | 'DAILY';

export interface Rate {
  readonly effectiveFrom: IsoDate;
  /** Integer pence per unit. */
  readonly amountPence: number;
  readonly unit: RateUnit;
  readonly recordedAt: IsoDate;
}

/** A run of days at one rate: `from`..`to` inclusive; `to` is Infinity for the rate still in force. */
export interface RateSegment {
  readonly from: DayNumber;
  readonly to: DayNumber;
  readonly amountPence: number;
  readonly unit: RateUnit;
}

interface ParsedRate {
  readonly from: DayNumber;
  readonly recorded: DayNumber;
  readonly amountPence: number;
  readonly unit: RateUnit;
  readonly position: number;
}

function parseRate(rate: Rate, position: number, parameter: string): ParsedRate {
  const at = `${parameter}[${position}]`;
  if (rate.unit !== 'WEEKLY' && rate.unit !== 'DAILY') {
    throw new DomainInputError(`${at}.unit`, 'expected WEEKLY or DAILY');
  }
  if (!Number.isSafeInteger(rate.amountPence) || rate.amountPence < 0) {
    throw new DomainInputError(`${at}.amountPence`, 'expected a whole number of pence, zero or more');
  }
  return {
    from: toDayNumber(rate.effectiveFrom, `${at}.effectiveFrom`),
    recorded: toDayNumber(rate.recordedAt, `${at}.recordedAt`),
    amountPence: rate.amountPence,
    unit: rate.unit,
    position,
  };
}

function recordedLater(candidate: ParsedRate, current: ParsedRate): boolean {
  if (candidate.recorded !== current.recorded) return candidate.recorded > current.recorded;
  if (candidate.from !== current.from) return candidate.from > current.from;
  return candidate.position > current.position;
}

/** The rate in force on `day` among `parsed`: of those already effective, the one recorded last. */
function winnerOn(parsed: readonly ParsedRate[], day: DayNumber): ParsedRate | undefined {
  let winner: ParsedRate | undefined;
  for (const rate of parsed) {
    if (rate.from <= day && (winner === undefined || recordedLater(rate, winner))) winner = rate;
  }
  return winner;
}

/**
 * The rate in force on `date` by the rule above, as recorded (null before the earliest
 * `effectiveFrom`). The costing engine's segments are built from this same rule, so what a screen
 * shows as the current rate is always the rate the costs were computed at.
 */
export function rateInForce<R extends Rate>(
  rates: readonly R[],
  date: IsoDate,
  parameter = 'rates',
): R | null {
  const parsed = rates.map((rate, position) => parseRate(rate, position, parameter));
  const winner = winnerOn(parsed, toDayNumber(date, 'date'));
  return winner === undefined ? null : rates[winner.position]!;
}

/**
 * The agreement's rate history as non-overlapping segments in day order, adjacent segments at the
 * same amount and unit merged. Days before the earliest `effectiveFrom` have no rate (no segment).
 */
export function resolveRateSegments(rates: readonly Rate[], parameter = 'rates'): RateSegment[] {
  const parsed = rates.map((rate, position) => parseRate(rate, position, parameter));
  const changeDays = [...new Set(parsed.map((rate) => rate.from))].sort((a, b) => a - b);

  const segments: RateSegment[] = [];
  for (const [index, from] of changeDays.entries()) {
    // Every change day is some rate's effectiveFrom, so a winner always exists.
    const { amountPence, unit } = winnerOn(parsed, from)!;
    const to = (changeDays[index + 1] ?? Infinity) - 1;
    const previous = segments.at(-1);
    if (previous && previous.amountPence === amountPence && previous.unit === unit) {
      segments[segments.length - 1] = { ...previous, to };
    } else {
      segments.push({ from, to, amountPence, unit });
    }
  }
  return segments;
}
