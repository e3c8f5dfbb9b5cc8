/**
 * EHC plan annual reviews as the SEND Code of Practice (9.166-9.185) and SEN2 count them. A plan is
 * reviewed at least every 12 months: the first review is due 12 months to the day after the plan
 * was issued, each later one 12 months after the previous review meeting (a shorter month clamps:
 * a plan issued on 29 February is due on 28 February). A review held on its due date is on time.
 * The local authority's decision (maintain, amend, cease) is due within 4 weeks (28 days) of the
 * meeting (SEND Regulations 2014, reg. 20(10)). Pure.
 */
import { addDays, addMonths, daysBetween } from '../rules/index.ts';
import type { EhcpAnnualReview } from '../models/education.ts';
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

export const annualReviewFact = (a: EhcpAnnualReview): AnnualReviewFact => ({
  meetingDate: a.meetingDate,
  decisionDate: a.decisionDate,
  decision: a.decision,
});

/** An EHC plan and the review meetings held on it, as the annual review measures read it. */
export interface EhcpPlanReviewsFact {
  readonly planId: string;
  readonly pupilId: string;
  readonly startDate: string;
  readonly ceasedDate: string | null;
  readonly reviews: readonly AnnualReviewFact[];
}

/**
 * A plan as one short string for the shared cache: `planId|pupilId|start|ceased|reviews`, each
 * review `meeting,decisionDate,decision` and `;` between them (a county's plans parse several
 * times faster so than as objects). Ids and codes never contain these separators.
 */
export function packPlanReviews(plan: EhcpPlanReviewsFact): string {
  const reviews = plan.reviews
    .map((r) => `${r.meetingDate},${r.decisionDate ?? ''},${r.decision ?? ''}`)
    .join(';');
  return `${plan.planId}|${plan.pupilId}|${plan.startDate}|${plan.ceasedDate ?? ''}|${reviews}`;
}

export function unpackPlanReviews(packed: string): EhcpPlanReviewsFact {
  const [planId = '', pupilId = '', startDate = '', ceasedDate = '', reviews = ''] = packed.split('|');
  return {
    planId,
    pupilId,
    startDate,
    ceasedDate: ceasedDate || null,
    reviews:
      reviews === ''
        ? []
        : reviews.split(';').map((review) => {
            const [meetingDate = '', decisionDate = '', decision = ''] = review.split(',');
            return { meetingDate, decisionDate: decisionDate || null, decision: decision || null };
          }),
  };
}

/** What a plan's review cycle is computed from. */
export type PlanReviews = Pick<EhcpPlanReviewsFact, 'startDate' | 'ceasedDate' | 'reviews'>;

/** One review falling due, and the meeting that answered it (null: none by asOf). */
export interface ReviewDue {
  readonly dueDate: string;
  readonly review: AnnualReviewFact | null;
}

/**
 * A pure date function remembered by its input: a county's plans share a few thousand dates, and
 * a report walks tens of thousands of reviews. Bounded: forgotten wholesale when full.
 */
function remembered(compute: (date: string) => string): (date: string) => string {
  const known = new Map<string, string>();
  return (date) => {
    let value = known.get(date);
    if (value === undefined) {
      if (known.size >= 20_000) known.clear();
      value = compute(date);
      known.set(date, value);
    }
    return value;
  };
}

/** The review due after a plan issued, or a review meeting held, on `anchor`. */
export const nextReviewDue = remembered((anchor) => addMonths(anchor, ANNUAL_REVIEW_MONTHS));

/** The last day a decision on a meeting held on `meetingDate` is in time. */
const decisionDueBy = remembered((meetingDate) => addDays(meetingDate, REVIEW_DECISION_DAYS));

/** The meeting was held on or before the date the review was due. */
export const heldOnTime = (dueDate: string, meetingDate: string): boolean => meetingDate <= dueDate;

/** The decision was issued within 4 weeks (28 days) of the meeting. */
export const decidedWithinFourWeeks = (meetingDate: string, decisionDate: string | null): boolean =>
  decisionDate !== null && decisionDate <= decisionDueBy(meetingDate);

/**
 * A plan's review cycle as known on `asOf`: each due date and the meeting that answered it (the
 * next meeting after the previous anchor, however late), then the review outstanding at `asOf`,
 * if the plan was still in force on its due date. Meetings after `asOf` are not yet known.
 */
export function reviewCycle(plan: PlanReviews, asOf: string): ReviewDue[] {
  const held = plan.reviews.filter((r) => r.meetingDate <= asOf && r.meetingDate > plan.startDate);
  // Systems list reviews oldest first; sort only when one does not.
  if (held.some((r, i) => i > 0 && r.meetingDate < held[i - 1]!.meetingDate))
    held.sort((a, b) => (a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0));
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
  return positionOf(plan, reviewCycle(plan, asOf), asOf);
}

function positionOf(plan: PlanReviews, cycle: readonly ReviewDue[], asOf: string) {
  let lastHeld: AnnualReviewFact | null = null;
  for (const due of cycle) if (due.review) lastHeld = due.review;
  const pending = cycle[cycle.length - 1];
  const inForce = openOn(plan.startDate, plan.ceasedDate, asOf);
  const nextDue = inForce && pending && pending.review === null ? pending.dueDate : null;
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
    const cycle = reviewCycle(plan, asOf);
    for (const { dueDate, review } of cycle) {
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
          if (asOf > decisionDueBy(review.meetingDate)) decisionsOverdue++;
        } else if (decidedWithinFourWeeks(review.meetingDate, review.decisionDate)) withinFourWeeks++;
        else late++;
        if (decided && review.decision)
          decisions.set(review.decision, (decisions.get(review.decision) ?? 0) + 1);
      }
    }
    if (openOn(plan.startDate, plan.ceasedDate, asOf)) {
      inForce++;
      if (positionOf(plan, cycle, asOf).overdue) overdue++;
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

/** A plan whose annual review is overdue on asOf: the child behind the `overdue` count. */
export interface OverdueReview {
  readonly planId: string;
  readonly pupilId: string;
  readonly dueDate: string;
  /** Calendar days from the due date to asOf. */
  readonly daysOverdue: number;
  /** The last review meeting held; null when none has been since the plan was issued. */
  readonly lastReviewDate: string | null;
}

/** Plans in force on asOf whose review is overdue, longest overdue first (then by plan id). */
export function overdueReviews(plans: Iterable<EhcpPlanReviewsFact>, asOf: string): OverdueReview[] {
  const overdue: OverdueReview[] = [];
  for (const plan of plans) {
    if (plan.startDate > asOf) continue;
    const position = reviewPosition(plan, asOf);
    if (!position.overdue || position.nextDue === null) continue;
    overdue.push({
      planId: plan.planId,
      pupilId: plan.pupilId,
      dueDate: position.nextDue,
      daysOverdue: daysBetween(position.nextDue, asOf),
      lastReviewDate: position.lastHeld?.meetingDate ?? null,
    });
  }
  return overdue.sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.planId < b.planId ? -1 : 1,
  );
}
