/**
 * Judging a deadline at a point in time, once for a single event and once for a chain of recurring
 * events (reviews, visits) where each deadline runs from the previous event.
 *
 * Rules shared by every timescale:
 * - The due date is the last permitted day: completing ON the due date is ON_TIME, and an open item
 *   whose due date is `asOf` is still DUE.
 * - Everything is judged as known at `asOf`: a completion dated after `asOf` is not yet known, so
 *   the item reads as open (`completedDate: null`). This makes historical "as at" reports honest.
 * - `daysLate` is in working days (whatever unit the timescale is set in: the schema and the
 *   returns speak of working days) and is present only for LATE (due to completion) and OVERDUE
 *   (due to asOf, or to the end of the plan; see below). The caller supplies the count.
 */
import { toIsoDate, type DayNumber, type IsoDate } from './dates.ts';

export type TimescaleStatus = 'ON_TIME' | 'LATE' | 'DUE' | 'OVERDUE';

export interface TimescaleResult {
  readonly dueDate: IsoDate;
  readonly completedDate: IsoDate | null;
  readonly status: TimescaleStatus;
  /** Working days past the due date; only for LATE and OVERDUE. */
  readonly daysLate?: number;
}

/** A recurring requirement (reviews, visits) judged at `asOf`. */
export interface RecurringTimescale {
  /**
   * Every occurrence that fell due, oldest first: those held (ON_TIME or LATE), then at most one
   * not held: the outstanding one (DUE or OVERDUE), or one missed before the plan ended (OVERDUE,
   * lateness counted to the end date).
   */
  readonly occurrences: readonly TimescaleResult[];
  readonly lastCompletedDate: IsoDate | null;
  /** When the next occurrence is due; null once the plan, episode or placement has ended. */
  readonly nextDueDate: IsoDate | null;
  /** The outstanding occurrence is past due at `asOf` (false once ended). */
  readonly overdue: boolean;
  /** Working days the outstanding occurrence is overdue; only when `overdue`. */
  readonly daysOverdue?: number;
}

/** Days from a due date to a later day, in the unit lateness is reported in (working days). */
export type LatenessCounter = (due: DayNumber, later: DayNumber) => number;

/** Judge one deadline. `completed` after `asOf` counts as not yet completed. */
export function judgeDeadline(
  due: DayNumber,
  completed: DayNumber | null,
  asOf: DayNumber,
  lateBy: LatenessCounter,
): TimescaleResult {
  const dueDate = toIsoDate(due);
  if (completed !== null && completed <= asOf) {
    const completedDate = toIsoDate(completed);
    return completed <= due
      ? { dueDate, completedDate, status: 'ON_TIME' }
      : { dueDate, completedDate, status: 'LATE', daysLate: lateBy(due, completed) };
  }
  return asOf <= due
    ? { dueDate, completedDate: null, status: 'DUE' }
    : { dueDate, completedDate: null, status: 'OVERDUE', daysLate: lateBy(due, asOf) };
}

export interface ChainInput {
  /** The day the first deadline runs from (plan start, becoming looked after, placement start). */
  readonly start: DayNumber;
  /** When the plan/episode/placement ended; null while open. */
  readonly end: DayNumber | null;
  /** The events held, in any order; duplicates, and events before start, after end or after asOf are ignored. */
  readonly events: readonly DayNumber[];
  readonly asOf: DayNumber;
  /** The deadline of occurrence `index` (0-based) given the day it runs from (start or the previous event). */
  readonly dueAfter: (previous: DayNumber, index: number) => DayNumber;
  readonly lateBy: LatenessCounter;
}

/**
 * Walk a chain of recurring deadlines. Each deadline runs from the previous event actually held,
 * so a late review moves the next one later ("then every 6 months from the previous review").
 * An end date after `asOf` is not yet known, so the chain is treated as open.
 */
export function judgeChain({ start, end, events, asOf, dueAfter, lateBy }: ChainInput): RecurringTimescale {
  const endKnown = end !== null && end <= asOf ? end : null;
  const lastCounted = endKnown ?? asOf;
  const held = [...new Set(events)].filter((day) => day >= start && day <= lastCounted).sort((a, b) => a - b);

  const occurrences: TimescaleResult[] = [];
  let previous = start;
  for (const [index, event] of held.entries()) {
    occurrences.push(judgeDeadline(dueAfter(previous, index), event, asOf, lateBy));
    previous = event;
  }
  const lastCompletedDate = held.length > 0 ? toIsoDate(previous) : null;

  const nextDue = dueAfter(previous, held.length);
  if (endKnown !== null) {
    // Ended: nothing further is due, but an occurrence that fell due before the end was missed.
    if (nextDue < endKnown) {
      occurrences.push({
        dueDate: toIsoDate(nextDue),
        completedDate: null,
        status: 'OVERDUE',
        daysLate: lateBy(nextDue, endKnown),
      });
    }
    return { occurrences, lastCompletedDate, nextDueDate: null, overdue: false };
  }

  const outstanding = judgeDeadline(nextDue, null, asOf, lateBy);
  occurrences.push(outstanding);
  return outstanding.status === 'OVERDUE'
    ? {
        occurrences,
        lastCompletedDate,
        nextDueDate: outstanding.dueDate,
        overdue: true,
        daysOverdue: lateBy(nextDue, asOf),
      }
    : { occurrences, lastCompletedDate, nextDueDate: outstanding.dueDate, overdue: false };
}
