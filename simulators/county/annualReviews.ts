/**
 * EHC plan annual reviews (SEND Code of Practice 9.166-9.185; SEN2). A plan is reviewed at least
 * every 12 months: the first review within 12 months of the plan being issued, each later one
 * within 12 months of the previous review meeting. The local authority then decides to maintain,
 * amend or cease the plan and must tell the family within 4 weeks of the meeting (SEND Regulations
 * 2014, reg. 20(10)).
 *
 * Drawn from a PRNG of its own per child, so adding reviews leaves every other record unchanged.
 * Rates chosen to show what councils report: most reviews on time, a fifth late, some missed
 * altogether (the next meeting a year on reads as a review held very late), and decisions that
 * often outrun the 4 weeks.
 */
import { Rng } from './prng.ts';
import { addMonths, fromIso, isWorkingDay, toIso } from './dates.ts';
import type { EyesEhcpAnnualReviewRecord, EyesEhcpRequestRecord } from './records.ts';

const REVIEW_ON_TIME = 0.7;
const REVIEW_LATE = 0.2; // the rest (10%) are missed
const DECISION_WITHIN_FOUR_WEEKS = 0.65;
const DECISION_LATE = 0.3; // the rest (5%) never recorded
const FOUR_WEEKS = 28;
/** Reasons a plan ceases after a review decided so (a move away ends it without one). */
const CEASED_AT_REVIEW = new Set(['NEEDS_MET', 'EDUCATION_ENDED']);

type Plan = NonNullable<EyesEhcpRequestRecord['plan']>;

const previousWorkingDay = (day: number) => {
  let d = day;
  while (!isWorkingDay(d)) d--;
  return d;
};
const nextWorkingDay = (day: number) => {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
};

/** The review meetings of one plan up to `asOf` (or its cessation), oldest first. */
export function annualReviewsOf(rng: Rng, plan: Plan, asOf: number): EyesEhcpAnnualReviewRecord[] {
  const start = fromIso(plan.startDate);
  const ceased = plan.ceasedDate === null ? null : fromIso(plan.ceasedDate);
  const last = ceased === null ? asOf : Math.min(asOf, ceased - 1);
  const reviews: EyesEhcpAnnualReviewRecord[] = [];
  let anchor = start;
  for (;;) {
    const due = addMonths(anchor, 12);
    const roll = rng.next();
    if (roll >= REVIEW_ON_TIME + REVIEW_LATE) {
      // Missed: nothing happens until the next cycle's meeting.
      anchor = due;
      if (due > last) break;
      continue;
    }
    const meeting =
      roll < REVIEW_ON_TIME
        ? previousWorkingDay(due - rng.int(0, 56))
        : nextWorkingDay(due + rng.int(1, 120));
    if (meeting > last) break;
    const decisionRoll = rng.next();
    const decisionDay =
      decisionRoll < DECISION_WITHIN_FOUR_WEEKS
        ? meeting + rng.int(2, FOUR_WEEKS)
        : decisionRoll < DECISION_WITHIN_FOUR_WEEKS + DECISION_LATE
          ? meeting + rng.int(FOUR_WEEKS + 1, 90)
          : null;
    const decided = decisionDay !== null && decisionDay <= asOf ? decisionDay : null;
    reviews.push({
      reviewId: `${plan.planId}-AR${reviews.length + 1}`,
      meetingDate: toIso(meeting),
      decisionDate: decided === null ? null : toIso(decided),
      decision: decided === null ? null : rng.chance(0.45) ? 'AMEND' : 'MAINTAIN',
    });
    anchor = meeting;
  }
  // A plan that ceased because needs were met or education ended was ceased by a review decision.
  const final = reviews[reviews.length - 1];
  if (
    ceased !== null &&
    final &&
    CEASED_AT_REVIEW.has(plan.ceasedReason ?? '') &&
    ceased - fromIso(final.meetingDate) <= 365
  ) {
    const decided = Math.min(ceased, fromIso(final.meetingDate) + rng.int(2, FOUR_WEEKS + 14));
    final.decision = 'CEASE';
    final.decisionDate = toIso(decided);
  }
  return reviews;
}

/** Every plan in a child's EHCP requests gains its annual reviews (in place). */
export function addAnnualReviews(
  seed: string,
  child: number,
  requests: readonly EyesEhcpRequestRecord[],
  asOf: number,
): void {
  let rng: Rng | null = null; // most children have no plan: no generator for them
  for (const request of requests) {
    if (!request.plan) continue;
    rng ??= new Rng(seed, 'annual-reviews', child);
    request.plan.annualReviews = annualReviewsOf(rng, request.plan, asOf);
  }
}
