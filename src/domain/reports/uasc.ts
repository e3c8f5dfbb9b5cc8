/**
 * Unaccompanied asylum-seeking children looked after on a day (SSDA903: the UASC flag of a child
 * looked after "at 31 March"), with how their age assessments stand. Pure.
 */
import type { IsoDate } from '../rules/index.ts';
import { openOn } from './periods.ts';

export interface UascFact {
  readonly personId: string;
  readonly arrivalDate: IsoDate;
  /** The day the young person stopped being a UASC (at 18, or on a decision); null while one. */
  readonly uascCeasedDate: IsoDate | null;
  readonly ageAssessmentRequested: IsoDate | null;
  readonly ageAssessmentCompleted: IsoDate | null;
}

export interface UascMeasure {
  readonly countedOn: IsoDate;
  /** Children looked after on the day. */
  readonly lookedAfter: number;
  /** Of those, unaccompanied asylum-seeking children on the day. */
  readonly unaccompanied: number;
  /** Of those, whose age assessment was completed by the day. */
  readonly ageAssessed: number;
  /** Of those, whose age assessment was requested and not completed by the day. */
  readonly ageAssessmentInProgress: number;
}

/** `lookedAfter`: the person ids looked after on `on` (one per episode open; repeats are one child). */
export function uascLookedAfterOn(
  uasc: Iterable<UascFact>,
  lookedAfter: Iterable<string>,
  on: IsoDate,
): UascMeasure {
  const children = new Set(lookedAfter);
  let unaccompanied = 0;
  let assessed = 0;
  let inProgress = 0;
  const seen = new Set<string>();
  for (const u of uasc) {
    if (!children.has(u.personId) || seen.has(u.personId)) continue;
    if (!openOn(u.arrivalDate, u.uascCeasedDate, on)) continue;
    seen.add(u.personId);
    unaccompanied++;
    if (u.ageAssessmentCompleted !== null && u.ageAssessmentCompleted <= on) assessed++;
    else if (u.ageAssessmentRequested !== null && u.ageAssessmentRequested <= on) inProgress++;
  }
  return {
    countedOn: on,
    lookedAfter: children.size,
    unaccompanied,
    ageAssessed: assessed,
    ageAssessmentInProgress: inProgress,
  };
}
