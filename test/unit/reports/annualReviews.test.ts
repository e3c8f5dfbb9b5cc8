import { describe, expect, it } from 'vitest';
import {
  annualReviewMeasures,
  checkPeriod,
  decidedWithinFourWeeks,
  heldOnTime,
  nextReviewDue,
  overdueReviews,
  packPlanReviews,
  unpackPlanReviews,
  reviewCycle,
  reviewPosition,
  type AnnualReviewFact,
  type EhcpPlanReviewsFact,
} from '../../../src/domain/reports/index.ts';

const review = (meetingDate: string, decisionDate: string | null = null, decision: string | null = null) =>
  ({ meetingDate, decisionDate, decision }) satisfies AnnualReviewFact;
const plan = (
  startDate: string,
  reviews: AnnualReviewFact[] = [],
  ceasedDate: string | null = null,
  planId = 'PL1',
): EhcpPlanReviewsFact => ({ planId, pupilId: 'P1', startDate, ceasedDate, reviews });

describe('the annual review due date: 12 months to the day', () => {
  it('is the same day a year after the plan was issued or the last review meeting', () => {
    expect(nextReviewDue('2025-03-15')).toBe('2026-03-15');
    expect(nextReviewDue('2025-12-31')).toBe('2026-12-31');
  });

  it('clamps a plan issued on 29 February to 28 February, and 28 February in a leap year stays the 28th', () => {
    expect(nextReviewDue('2024-02-29')).toBe('2025-02-28');
    expect(nextReviewDue('2023-02-28')).toBe('2024-02-28');
    expect(nextReviewDue('2027-02-28')).toBe('2028-02-28');
  });

  it('is on time when held on the due date, late the day after', () => {
    expect(heldOnTime('2026-03-15', '2026-03-15')).toBe(true);
    expect(heldOnTime('2026-03-15', '2026-03-16')).toBe(false);
    expect(heldOnTime('2025-02-28', '2025-03-01')).toBe(false);
  });

  it('is overdue on asOf only after the due date has passed', () => {
    const p = plan('2025-03-15');
    expect(reviewPosition(p, '2026-03-14')).toMatchObject({ nextDue: '2026-03-15', overdue: false });
    expect(reviewPosition(p, '2026-03-15')).toMatchObject({ nextDue: '2026-03-15', overdue: false });
    expect(reviewPosition(p, '2026-03-16')).toMatchObject({ nextDue: '2026-03-15', overdue: true });
  });
});

describe('the decision within 4 weeks of the meeting', () => {
  it('is in time on day 28 and late on day 29; none recorded is not in time', () => {
    expect(decidedWithinFourWeeks('2026-01-05', '2026-02-02')).toBe(true);
    expect(decidedWithinFourWeeks('2026-01-05', '2026-02-03')).toBe(false);
    expect(decidedWithinFourWeeks('2026-01-05', '2026-01-05')).toBe(true);
    expect(decidedWithinFourWeeks('2026-01-05', null)).toBe(false);
  });

  it('counts 28 days across the end of February in a leap year', () => {
    expect(decidedWithinFourWeeks('2028-02-10', '2028-03-09')).toBe(true);
    expect(decidedWithinFourWeeks('2028-02-10', '2028-03-10')).toBe(false);
  });
});

describe('a plan’s review cycle', () => {
  it('chains each due date from the previous meeting, however late, and ends with the review outstanding', () => {
    const p = plan('2023-01-10', [review('2024-03-01'), review('2025-02-20')]);
    expect(reviewCycle(p, '2026-06-01')).toEqual([
      { dueDate: '2024-01-10', review: review('2024-03-01') },
      { dueDate: '2025-03-01', review: review('2025-02-20') },
      { dueDate: '2026-02-20', review: null },
    ]);
    expect(reviewPosition(p, '2026-06-01')).toEqual({
      nextDue: '2026-02-20',
      overdue: true,
      lastHeld: review('2025-02-20'),
    });
  });

  it('knows nothing of meetings after asOf', () => {
    const p = plan('2023-01-10', [review('2024-01-05')]);
    expect(reviewPosition(p, '2024-01-04')).toMatchObject({ nextDue: '2024-01-10', lastHeld: null });
  });

  it('owes no review after the plan ceased: a plan ceasing on its due date owes none', () => {
    expect(reviewCycle(plan('2025-01-10', [], '2026-01-10'), '2026-06-01')).toEqual([]);
    expect(reviewCycle(plan('2025-01-10', [], '2026-01-11'), '2026-06-01')).toEqual([
      { dueDate: '2026-01-10', review: null },
    ]);
    expect(reviewPosition(plan('2025-01-10', [], '2026-01-11'), '2026-06-01')).toMatchObject({
      nextDue: null,
      overdue: false,
    });
  });
});

describe('annual review measures over a period', () => {
  const period = checkPeriod('2026-01-01', '2026-03-31');

  it('counts reviews due from the period’s first to its last day, held, on time and decided within 4 weeks', () => {
    const plans = [
      // Due on the period's first day, held that day, decided on day 28.
      plan('2025-01-01', [review('2026-01-01', '2026-01-29', 'MAINTAIN')], null, 'A'),
      // Due on its last day, held late in April (after the period), so held but not on time.
      plan('2025-03-31', [review('2026-04-02', '2026-04-10', 'AMEND')], null, 'B'),
      // Due the day before the period: not due in it; its meeting in January is counted as a meeting.
      plan('2024-12-31', [review('2026-01-15', '2026-02-13', 'AMEND')], null, 'C'),
      // Due the day after the period: not counted; never reviewed, not yet overdue on asOf.
      plan('2025-04-01', [], null, 'D'),
      // Due in February, not held: overdue on asOf.
      plan('2025-02-14', [], null, 'E'),
      // Ceased before its review fell due.
      plan('2025-02-01', [], '2026-01-31', 'F'),
    ];
    const m = annualReviewMeasures(plans, period, '2026-04-30');
    expect(m).toMatchObject({
      due: 3, // A, B, E
      held: 2, // A, B
      heldOnTime: 1, // A
      meetingsHeld: 2, // A and C
      decisionsWithinFourWeeks: 1, // A (28 days); C took 29
      decisionsLate: 1,
      decisionsAwaited: 0,
      plansInForce: 5,
      overdue: 2, // D fell due 2026-04-01; E in February
    });
    expect(m.byDecision).toEqual([
      { decision: 'AMEND', count: 1 },
      { decision: 'MAINTAIN', count: 1 },
    ]);
  });

  it('judges at asOf: nothing due or held after it is counted, and a decision after it is awaited', () => {
    const plans = [
      plan('2025-01-10', [review('2026-01-05', '2026-02-20', 'MAINTAIN')], null, 'A'),
      plan('2025-03-20', [review('2026-03-10')], null, 'B'),
    ];
    const m = annualReviewMeasures(plans, period, '2026-02-10');
    expect(m).toMatchObject({
      due: 1,
      held: 1,
      heldOnTime: 1,
      meetingsHeld: 1,
      decisionsWithinFourWeeks: 0,
      decisionsAwaited: 1,
      decisionsOverdue: 1, // 36 days after the meeting
      plansInForce: 2,
      overdue: 0,
    });
  });
});

describe('a plan packed for the shared cache', () => {
  it('unpacks to the same plan: no reviews, a ceased plan, an awaited decision', () => {
    const plans = [
      plan('2025-01-10'),
      plan('2023-01-10', [review('2024-01-05', '2024-01-20', 'AMEND'), review('2025-01-03')], '2025-06-30'),
    ];
    for (const p of plans) expect(unpackPlanReviews(packPlanReviews(p))).toEqual(p);
  });
});

describe('the children behind the overdue count', () => {
  it('lists plans in force whose review is overdue on asOf, longest overdue first, with the last review', () => {
    const plans = [
      plan('2025-03-15', [], null, 'A'), // due 2026-03-15: overdue from the 16th
      plan('2024-01-10', [review('2025-01-08')], null, 'B'), // due 2026-01-08
      plan('2025-03-16', [], null, 'C'), // due on asOf: not yet overdue
      plan('2024-01-10', [review('2025-01-08')], '2026-02-01', 'D'), // ceased
    ];
    expect(overdueReviews(plans, '2026-03-16')).toEqual([
      { planId: 'B', pupilId: 'P1', dueDate: '2026-01-08', daysOverdue: 67, lastReviewDate: '2025-01-08' },
      { planId: 'A', pupilId: 'P1', dueDate: '2026-03-15', daysOverdue: 1, lastReviewDate: null },
    ]);
  });
});
