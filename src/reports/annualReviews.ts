/**
 * EHC plan annual reviews as the SEND Code of Practice (9.166-9.185) and SEN2 count them. A plan is
 * reviewed at least every 12 months: the first review is due 12 months to the day after the plan
 * was issued, each later one 12 months after the previous review meeting (a shorter month clamps:
 * a plan issued on 29 February is due on 28 February). A review held on its due date is on time.
 * The local authority's decision (maintain, amend, cease) is due within 4 weeks (28 days) of the
 * meeting (SEND Regulations 2014, reg. 20(10)). Pure.
 */
import { addMonths, daysBetween } from '../domain/index.ts';
import { earlier, openOn, within, type Period } from './periods.ts';

/** Months from the plan's issue, or from the previous review meeting, to the next review. */
export const ANNUAL_REVIEW_MONTHS = 12;
/** Days from the review meeting by which the decision is due (4 weeks). */
export const REVIEW_DECISION_DAYS = 28;

export interface AnnualReviewFact {
  readonly meetingDate: string;
  readonly decisionDate: string | null;
  /** MAINTAIN, AMEND or CEASE; null while awaited. */
  readonly decision: string | null;
}

/** An EHC plan and the review meetings held on it, as the annual review measures read it. */
export interface EhcpPlanReviewsFact {
  readonly planId: string;
  readonly pupilId: string;
  readonly startDate: string;
  readonly ceasedDate: string | null;
  readonly reviews: readonly AnnualReviewFact[];
}

/** What a plan's review cycle is computed from. */
export type PlanReviews = Pick<EhcpPlanReviewsFact, 'startDate' | 'ceasedDate' | 'reviews'>;

/** One review falling due, and the meeting that answered it (null: none by asOf). */
export interface ReviewDue {
  readonly dueDate: string;
  readonly review: AnnualReviewFact | null;
}

/** The review due after a plan issued, or a review meeting held, on `anchor`. */
export const nextReviewDue = (anchor: string): string => addMonths(anchor, ANNUAL_REVIEW_MONTHS);

/** The meeting was held on or before the date the review was due. */
export const heldOnTime = (dueDate: string, meetingDate: string): boolean => meetingDate <= dueDate;

/** The decision was issued within 4 weeks (28 days) of the meeting. */
export const decidedWithinFourWeeks = (meetingDate: string, decisionDate: string | null): boolean =>
  decisionDate !== null && daysBetween(meetingDate, decisionDate) <= REVIEW_DECISION_DAYS;

/**
 * A plan's review cycle as known on `asOf`: each due date and the meeting that answered it (the
 * next meeting after the previous anchor, however late), then the review outstanding at `asOf`,
 * if the plan was still in force on its due date. Meetings after `asOf` are not yet known.
 */
export function reviewCycle(plan: PlanReviews, asOf: string): ReviewDue[] {
  const held = plan.reviews
    .filter((r) => r.meetingDate <= asOf && r.meetingDate > plan.startDate)
    .sort((a, b) => (a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0));
  const cycle: ReviewDue[] = [];
  let anchor = plan.startDate;
  for (const review of held) {
    cycle.push({ dueDate: nextReviewDue(anchor), review });
    anchor = review.meetingDate;
  }
  const outstanding = nextReviewDue(anchor);
  if (openOn(plan.startDate, plan.ceasedDate, outstanding))
    cycle.push({ dueDate: outstanding, review: null });
  return cycle;
}

/** The review due next on `asOf` (null once the plan has ceased), and whether it is overdue. */
export function reviewPosition(
  plan: PlanReviews,
  asOf: string,
): { nextDue: string | null; overdue: boolean; lastHeld: AnnualReviewFact | null } {
  const cycle = reviewCycle(plan, asOf);
  const held = cycle.filter((d) => d.review !== null);
  const lastHeld = held[held.length - 1]?.review ?? null;
  const pending = cycle[cycle.length - 1];
  const inForce = openOn(plan.startDate, plan.ceasedDate, asOf);
  const nextDue = inForce ? (pending && pending.review === null ? pending.dueDate : null) : null;
  return { nextDue, overdue: nextDue !== null && nextDue < asOf, lastHeld };
}

export interface DecisionCount {
  readonly decision: string;
  readonly count: number;
}

export interface AnnualReviewMeasures {
  /** Reviews that fell due in the period, up to asOf. */
  readonly due: number;
  /** Of those, answered by a meeting on or before asOf. */
  readonly held: number;
  /** Of those due, held on or before the due date. */
  readonly heldOnTime: number;
  /** Review meetings held in the period, up to asOf. */
  readonly meetingsHeld: number;
  /** Of those meetings, the decision issued within 4 weeks. */
  readonly decisionsWithinFourWeeks: number;
  /** Of those meetings, the decision issued after 4 weeks. */
  readonly decisionsLate: number;
  /** Of those meetings, no decision by asOf. */
  readonly decisionsAwaited: number;
  /** Of those awaited, more than 4 weeks after the meeting on asOf. */
  readonly decisionsOverdue: number;
  /** Decisions on meetings held in the period, by decision. */
  readonly byDecision: DecisionCount[];
  /** Plans in force on asOf. */
  readonly plansInForce: number;
  /** Of those, plans whose review was due before asOf and not held. */
  readonly overdue: number;
}

/** The annual review measures over a period, judged on `asOf`, from every plan in force during it. */
export function annualReviewMeasures(
  plans: Iterable<EhcpPlanReviewsFact>,
  period: Period,
  asOf: string,
): AnnualReviewMeasures {
  const counted: Period = { from: period.from, to: earlier(period.to, asOf) };
  let due = 0;
  let held = 0;
  let onTime = 0;
  let meetings = 0;
  let withinFourWeeks = 0;
  let late = 0;
  let awaited = 0;
  let decisionsOverdue = 0;
  let inForce = 0;
  let overdue = 0;
  const decisions = new Map<string, number>();
  for (const plan of plans) {
    if (plan.startDate > asOf) continue;
    for (const { dueDate, review } of reviewCycle(plan, asOf)) {
      if (within(dueDate, counted)) {
        due++;
        if (review) {
          held++;
          if (heldOnTime(dueDate, review.meetingDate)) onTime++;
        }
      }
      if (review && within(review.meetingDate, counted)) {
        meetings++;
        const decided = review.decisionDate !== null && review.decisionDate <= asOf;
        if (!decided) {
          awaited++;
          if (daysBetween(review.meetingDate, asOf) > REVIEW_DECISION_DAYS) decisionsOverdue++;
        } else if (decidedWithinFourWeeks(review.meetingDate, review.decisionDate)) withinFourWeeks++;
        else late++;
        if (decided && review.decision)
          decisions.set(review.decision, (decisions.get(review.decision) ?? 0) + 1);
      }
    }
    if (openOn(plan.startDate, plan.ceasedDate, asOf)) {
      inForce++;
      if (reviewPosition(plan, asOf).overdue) overdue++;
    }
  }
  return {
    due,
    held,
    heldOnTime: onTime,
    meetingsHeld: meetings,
    decisionsWithinFourWeeks: withinFourWeeks,
    decisionsLate: late,
    decisionsAwaited: awaited,
    decisionsOverdue,
    byDecision: [...decisions]
      .map(([decision, count]) => ({ decision, count }))
      .sort((a, b) => b.count - a.count || (a.decision < b.decision ? -1 : 1)),
    plansInForce: inForce,
    overdue,
  };
}
