import { describe, expect, it } from 'vitest';
import { createTimescaleRules, createWorkingDayCalendar } from '../../../src/domain/index.ts';
import {
  assessmentTimeliness,
  checkPeriod,
  childrenAtDate,
  contactsByMonth,
  ehcpTimeliness,
  icpcTimeliness,
  monthsBetween,
  reReferralMonths,
  reReferrals,
  ReportInputError,
  type EhcpFact,
} from '../../../src/reports/index.ts';

const rules = createTimescaleRules({ calendar: createWorkingDayCalendar() });
const period = checkPeriod('2026-01-01', '2026-03-31');

describe('periods', () => {
  it('refuses bad dates, reversed periods and periods over 36 months', () => {
    expect(() => checkPeriod('2026-02-30', '2026-03-01')).toThrow(ReportInputError);
    expect(() => checkPeriod('2026-03-01', '2026-02-01')).toThrow(/not be after/);
    expect(() => checkPeriod('2020-01-01', '2026-01-01')).toThrow(/36 months/);
    expect(checkPeriod('2023-01-01', '2026-01-01')).toEqual({ from: '2023-01-01', to: '2026-01-01' });
  });

  it('lists the months a period touches, and the year before it for re-referrals', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(reReferralMonths(period)[0]).toBe('2025-01');
    expect(reReferralMonths(period).at(-1)).toBe('2026-03');
  });
});

describe('timeliness cohorts', () => {
  it('judges assessments started in the period against 45 working days as known at asOf', () => {
    // 2026-01-05 + 45 working days = 2026-03-09 (no bank holidays in between)
    const measure = assessmentTimeliness(
      rules,
      [
        { personId: '1', startDate: '2026-01-05', authorisationDate: '2026-03-09' }, // on the due day: on time
        { personId: '2', startDate: '2026-01-05', authorisationDate: '2026-03-10' }, // late
        { personId: '3', startDate: '2026-03-20', authorisationDate: null }, // open, within
        { personId: '4', startDate: '2026-01-05', authorisationDate: null }, // open, overdue at asOf
        { personId: '5', startDate: '2026-01-05', authorisationDate: '2026-04-20' }, // completed after asOf: still open
        { personId: '6', startDate: '2025-12-31', authorisationDate: '2026-01-10' }, // before the period
      ],
      period,
      '2026-03-31',
    );
    expect(measure).toMatchObject({
      started: 5,
      onTime: 1,
      late: 1,
      due: 1,
      overdue: 2,
      completedOnTimeRatio: 0.5,
    });
  });

  it('judges ICPCs from the strategy discussion against 15 working days', () => {
    // 2026-02-02 + 15 working days = 2026-02-23
    const measure = icpcTimeliness(
      rules,
      [
        { personId: '1', strategyDiscussionDate: '2026-02-02', conferenceDate: '2026-02-23' },
        { personId: '2', strategyDiscussionDate: '2026-02-02', conferenceDate: '2026-02-24' },
        { personId: '3', strategyDiscussionDate: '2026-04-01', conferenceDate: null },
      ],
      period,
      '2026-03-31',
    );
    expect(measure).toMatchObject({ started: 2, onTime: 1, late: 1, completedOnTimeRatio: 0.5 });
  });

  it('leaves requests with no plan due out of the EHCP measure and counts exceptions apart', () => {
    const base: EhcpFact = {
      requestDate: '2026-01-05',
      decisionDate: '2026-02-10',
      decidedToAssess: true,
      finalPlanIssuedDate: null,
      twentyWeekException: false,
    };
    const measure = ehcpTimeliness(
      rules,
      [
        { ...base, finalPlanIssuedDate: '2026-05-25' }, // 20 weeks = 2026-05-25: on time
        { ...base, finalPlanIssuedDate: '2026-05-26' }, // late
        { ...base, finalPlanIssuedDate: '2026-07-01', twentyWeekException: true }, // excluded
        { ...base, decidedToAssess: false }, // refused: no plan due
        { ...base, decidedNotToIssuePlan: true }, // no plan after assessment
      ],
      period,
      '2026-09-30',
    );
    expect(measure).toMatchObject({ started: 3, onTime: 1, late: 1, excluded: 1, completedOnTimeRatio: 0.5 });
  });
});

describe('contacts by month', () => {
  it('counts by source, outcome and both, lists empty months, reads undecided as UNDECIDED and ignores contacts outside the period', () => {
    const months = contactsByMonth(
      [
        { contactDate: '2026-01-03', sourceCode: '6', decision: 'SOCIAL_CARE_REFERRAL', count: 1 },
        { contactDate: '2026-01-04', sourceCode: '6', decision: 'NFA', count: 2 },
        { contactDate: '2026-01-30', sourceCode: '2A', decision: null, count: 1 },
        { contactDate: '2026-03-31', sourceCode: '3A', decision: 'ADVICE', count: 1 },
        { contactDate: '2026-04-01', sourceCode: '3A', decision: 'ADVICE', count: 1 },
      ],
      period,
    );
    expect(months.map((m) => [m.month, m.total])).toEqual([
      ['2026-01', 4],
      ['2026-02', 0],
      ['2026-03', 1],
    ]);
    expect(months[0]!.bySource).toEqual([
      { key: '6', count: 3 },
      { key: '2A', count: 1 },
    ]);
    expect(months[0]!.byOutcome.map((c) => c.key).sort()).toEqual([
      'NFA',
      'SOCIAL_CARE_REFERRAL',
      'UNDECIDED',
    ]);
    expect(months[0]!.bySourceAndOutcome).toContainEqual({ source: '2A', outcome: 'UNDECIDED', count: 1 });
  });
});

describe('re-referrals within 12 months', () => {
  it('counts a referral as a re-referral when the same child was referred in the 12 months before it', () => {
    const measure = reReferrals(
      [
        { personId: 'A', referralDate: '2025-02-01' },
        { personId: 'A', referralDate: '2026-02-01' }, // exactly 12 months later: re-referral
        { personId: 'B', referralDate: '2025-01-31' },
        { personId: 'B', referralDate: '2026-02-01' }, // 12 months and a day: not
        { personId: 'C', referralDate: '2026-01-10' },
        { personId: 'C', referralDate: '2026-03-10' }, // re-referral within the period
        { personId: 'D', referralDate: '2026-03-01' },
        { personId: 'D', referralDate: '2026-03-01' }, // same day: one referral
      ],
      period,
    );
    expect(measure).toEqual({ referrals: 5, reReferrals: 2, ratio: 0.4 });
  });

  it('has no ratio when there were no referrals', () => {
    expect(reReferrals([], period)).toEqual({ referrals: 0, reReferrals: 0, ratio: null });
  });
});

describe('children at a date', () => {
  it('counts distinct children', () => {
    expect(childrenAtDate('2026-03-31', ['1', '2', '2'], ['3'])).toEqual({
      date: '2026-03-31',
      onChildProtectionPlans: 2,
      lookedAfter: 1,
    });
  });
});
