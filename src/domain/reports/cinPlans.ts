/**
 * Child-in-need plans over a period and their reviews, judged against the due date LCS records for
 * each review (the council's local standard; no return sets one). Pure.
 */
import type { IsoDate } from '../rules/index.ts';
import { openOn, within, type Period } from './periods.ts';
import { completedIn, type CompletionMeasure } from './timeliness.ts';

export interface CinPlanFact {
  readonly personId: string;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate | null;
  readonly reviews: readonly { readonly dueDate: IsoDate; readonly reviewDate: IsoDate | null }[];
}

export interface CinPlanMeasures {
  /** The day `open` is counted on: the earlier of asOf and the period end. */
  readonly countedOn: IsoDate;
  /** Children with a CIN plan open on that day. */
  readonly open: number;
  /** Plans started in the period. */
  readonly started: number;
  /** Plans ended in the period (by asOf). */
  readonly ended: number;
  /** Reviews held in the period: on time when held on or before the day they were due. */
  readonly reviews: CompletionMeasure;
  /** Reviews of plans open at asOf, due before asOf and not held. */
  readonly reviewsOverdue: number;
}

export function cinPlanMeasures(
  plans: Iterable<CinPlanFact>,
  period: Period,
  asOf: IsoDate,
  /** Which plans count (e.g. those a team held); all by default. */
  counts: (plan: CinPlanFact) => boolean = () => true,
): CinPlanMeasures {
  const countedOn = period.to < asOf ? period.to : asOf;
  const open = new Set<string>();
  let started = 0;
  let ended = 0;
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  for (const plan of plans) {
    if (plan.startDate > asOf || !counts(plan)) continue;
    const endKnown = plan.endDate !== null && plan.endDate <= asOf ? plan.endDate : null;
    if (openOn(plan.startDate, endKnown, countedOn)) open.add(plan.personId);
    if (within(plan.startDate, period)) started++;
    if (endKnown !== null && within(endKnown, period)) ended++;
    for (const review of plan.reviews) {
      const held = review.reviewDate !== null && review.reviewDate <= asOf ? review.reviewDate : null;
      if (completedIn(held, period, asOf)) {
        if (held! <= review.dueDate) onTime++;
        else late++;
      } else if (held === null && endKnown === null && review.dueDate < asOf) overdue++;
    }
  }
  const completed = onTime + late;
  return {
    countedOn,
    open: open.size,
    started,
    ended,
    reviews: {
      completed,
      onTime,
      late,
      excluded: 0,
      completedOnTimeRatio: completed === 0 ? null : onTime / completed,
    },
    reviewsOverdue: overdue,
  };
}
