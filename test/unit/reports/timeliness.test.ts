import { describe, expect, it } from 'vitest';
import { createTimescaleRules, createWorkingDayCalendar } from '../../../src/domain/rules/index.ts';
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
  assessmentsAuthorisedIn,
  assessmentsFromReferralAuthorisedIn,
  childProtectionMeasures,
  ehcpPlansIssuedIn,
  icpcsHeldIn,
  frontDoorMeasures,
  monthlySeries,
  openOn,
  placementStability,
} from '../../../src/domain/reports/index.ts';

const rules = createTimescaleRules({ calendar: createWorkingDayCalendar() });
const period = checkPeriod('2026-01-01', '2026-03-31');
const period2025to26 = checkPeriod('2025-04-01', '2026-03-31');
/** Ids and team a fact carries that these measures do not read. */
const ids = { referralId: 'R0', teamId: null, transferIn: false };
/** Triage fields a contact fact carries that the by-month counts do not read. */
const triage = { route: 'C-SPA', rag: null, decidedDate: null };

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
        { ...ids, personId: '1', startDate: '2026-01-05', authorisationDate: '2026-03-09' }, // on the due day: on time
        { ...ids, personId: '2', startDate: '2026-01-05', authorisationDate: '2026-03-10' }, // late
        { ...ids, personId: '3', startDate: '2026-03-20', authorisationDate: null }, // open, within
        { ...ids, personId: '4', startDate: '2026-01-05', authorisationDate: null }, // open, overdue at asOf
        { ...ids, personId: '5', startDate: '2026-01-05', authorisationDate: '2026-04-20' }, // completed after asOf: still open
        { ...ids, personId: '6', startDate: '2025-12-31', authorisationDate: '2026-01-10' }, // before the period
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
        { ...ids, personId: '1', strategyDiscussionDate: '2026-02-02', conferenceDate: '2026-02-23' },
        { ...ids, personId: '2', strategyDiscussionDate: '2026-02-02', conferenceDate: '2026-02-24' },
        { ...ids, personId: '3', strategyDiscussionDate: '2026-04-01', conferenceDate: null },
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
        { contactDate: '2026-01-03', sourceCode: '6', decision: 'SOCIAL_CARE_REFERRAL', count: 1, ...triage },
        { contactDate: '2026-01-04', sourceCode: '6', decision: 'NFA', count: 2, ...triage },
        { contactDate: '2026-01-30', sourceCode: '2A', decision: null, count: 1, ...triage },
        { contactDate: '2026-03-31', sourceCode: '3A', decision: 'ADVICE', count: 1, ...triage },
        { contactDate: '2026-04-01', sourceCode: '3A', decision: 'ADVICE', count: 1, ...triage },
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
        { ...ids, personId: 'A', referralDate: '2025-02-01' },
        { ...ids, personId: 'A', referralDate: '2026-02-01' }, // exactly 12 months later: re-referral
        { ...ids, personId: 'B', referralDate: '2025-01-31' },
        { ...ids, personId: 'B', referralDate: '2026-02-01' }, // 12 months and a day: not
        { ...ids, personId: 'C', referralDate: '2026-01-10' },
        { ...ids, personId: 'C', referralDate: '2026-03-10' }, // re-referral within the period
        { ...ids, personId: 'D', referralDate: '2026-03-01' },
        { ...ids, personId: 'D', referralDate: '2026-03-01' }, // same day: one referral
      ],
      period,
    );
    expect(measure).toEqual({ referrals: 5, reReferrals: 2, ratio: 0.4 });
  });

  it('counts only the referrals asked for (a team’s) while every referral of the child still counts as history', () => {
    const measure = reReferrals(
      [
        { ...ids, personId: 'A', referralDate: '2025-06-01', teamId: 'OTHER' },
        { ...ids, personId: 'A', referralDate: '2026-02-01', teamId: 'MINE' }, // a re-referral, counted
        { ...ids, personId: 'B', referralDate: '2026-02-01', teamId: 'OTHER' }, // not the team's
      ],
      period,
      (r) => r.teamId === 'MINE',
    );
    expect(measure).toEqual({ referrals: 1, reReferrals: 1, ratio: 1 });
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

describe('timeliness as the returns count it: completed in the period', () => {
  // 2025-12-19 (Friday) + 45 working days, across Christmas 2025 (25, 26 Dec, 1 Jan): 2026-02-25.
  it('counts assessments authorised in the period, from the start, including the period’s first and last day', () => {
    const a = (startDate: string, authorisationDate: string | null, personId = 'P') => ({
      ...ids,
      personId,
      startDate,
      authorisationDate,
    });
    const measure = assessmentsAuthorisedIn(
      rules,
      [
        a('2025-12-19', '2026-02-25'), // 45 working days exactly: on time
        a('2025-12-19', '2026-02-26'), // 46: late
        a('2025-11-03', '2026-01-01'), // authorised on the period's first day (a bank holiday): counted
        a('2026-02-02', '2026-03-31'), // authorised on the period's last day: counted
        a('2025-10-01', '2025-12-31'), // authorised the day before: not counted
        a('2026-03-02', '2026-04-01'), // the day after: not counted
        a('2026-01-05', null), // still open: not in the returns' measure
      ],
      period,
      '2026-03-31',
    );
    expect(measure).toEqual({ completed: 4, onTime: 3, late: 1, excluded: 0, completedOnTimeRatio: 0.75 });
    // Judged on 30 March, the one authorised on the 31st is not yet known.
    expect(
      assessmentsAuthorisedIn(rules, [a('2026-02-02', '2026-03-31')], period, '2026-03-30'),
    ).toMatchObject({ completed: 0 });
  });

  it('offers the same assessments measured from the referral, and sets apart those whose referral is unknown', () => {
    const facts = [
      { ...ids, referralId: 'R1', personId: '1', startDate: '2026-01-07', authorisationDate: '2026-03-06' },
      { ...ids, referralId: 'R2', personId: '2', startDate: '2026-01-07', authorisationDate: '2026-03-06' },
    ];
    // R1 referred Friday 2 January 2026: + 45 working days = Friday 6 March: on time. R2 is unknown.
    expect(
      assessmentsFromReferralAuthorisedIn(
        rules,
        facts,
        new Map([['R1', '2026-01-02']]),
        period,
        '2026-03-31',
      ),
    ).toEqual({ completed: 1, onTime: 1, late: 0, excluded: 1, completedOnTimeRatio: 1 });
    // Referred on Saturday 27 December 2025: the start day never counts; 45 working days end on Monday 2 March.
    expect(
      assessmentsFromReferralAuthorisedIn(
        rules,
        facts,
        new Map([['R1', '2025-12-27']]),
        period,
        '2026-03-31',
      ),
    ).toMatchObject({ completed: 1, late: 1 });
  });

  it('counts ICPCs held in the period from the strategy discussion, with transfer-ins reported apart', () => {
    const i = (strategyDiscussionDate: string, conferenceDate: string | null, transferIn = false) => ({
      ...ids,
      personId: 'P',
      strategyDiscussionDate,
      conferenceDate,
      transferIn,
    });
    // Strategy discussion Wednesday 17 December 2025 + 15 working days (25, 26 Dec and 1 Jan off) = 12 January 2026.
    const measure = icpcsHeldIn(
      rules,
      [
        i('2025-12-17', '2026-01-12'), // started before the period, held in it on the 15th day: on time
        i('2025-12-17', '2026-01-13'), // late
        i('2025-12-17', '2026-01-20', true), // transfer-in: apart
        i('2026-03-20', '2026-04-02'), // held after the period
      ],
      period,
      '2026-03-31',
    );
    expect(measure).toEqual({ completed: 2, onTime: 1, late: 1, excluded: 1, completedOnTimeRatio: 0.5 });
  });

  it('counts EHC plans issued in the period within 20 weeks of the request, exceptions apart', () => {
    const base: EhcpFact = {
      requestDate: '2025-08-25', // + 20 weeks = 2026-01-12
      decisionDate: '2025-10-01',
      decidedToAssess: true,
      finalPlanIssuedDate: null,
      twentyWeekException: false,
    };
    const measure = ehcpPlansIssuedIn(
      rules,
      [
        { ...base, finalPlanIssuedDate: '2026-01-12' }, // on the 20-week day: on time
        { ...base, finalPlanIssuedDate: '2026-02-28' }, // late
        { ...base, finalPlanIssuedDate: '2026-03-01', twentyWeekException: true }, // apart
        { ...base, finalPlanIssuedDate: '2025-12-31' }, // issued before the period
        { ...base, decidedToAssess: false, closedWithoutPlanDate: '2025-10-01' }, // refused: never in it
      ],
      period,
      '2026-03-31',
    );
    expect(measure).toEqual({ completed: 2, onTime: 1, late: 1, excluded: 1, completedOnTimeRatio: 0.5 });
  });
});

describe('open on a date', () => {
  it('is started on or before the date and not ended on or before it', () => {
    expect(openOn('2026-03-31', null, '2026-03-31')).toBe(true); // started that day
    expect(openOn('2026-01-01', '2026-03-31', '2026-03-31')).toBe(false); // ended that day
    expect(openOn('2026-01-01', '2026-04-01', '2026-03-31')).toBe(true);
    expect(openOn('2026-04-01', null, '2026-03-31')).toBe(false);
  });
});

describe('monthly series', () => {
  it('counts plans and episodes open on each month’s last day (a leap February too), and the month’s flows', () => {
    const leap = checkPeriod('2028-01-01', '2028-03-31');
    const cp = (personId: string, startDate: string, endDate: string | null) => ({
      personId,
      startDate,
      endDate,
      initialCategory: 'NEG',
      latestCategory: 'NEG',
      reviewDates: [],
    });
    const series = monthlySeries(rules, leap, '2028-03-15', {
      cpPlans: [
        cp('1', '2027-06-01', '2028-01-31'), // ends on 31 January: not open that day
        cp('2', '2028-02-29', null), // starts on the leap day: open at the end of February
        cp('2', '2027-01-01', '2027-06-01'), // an earlier plan of the same child
        cp('3', '2028-03-15', null), // starts on asOf: counted on asOf
      ],
      claEpisodes: [
        { personId: '9', startDate: '2027-01-01', ceasedDate: null, enteredCareDate: '2027-01-01' },
      ],
      contacts: [
        { contactDate: '2028-02-29', sourceCode: '6', decision: null, count: 3, ...triage },
        { contactDate: '2028-03-16', sourceCode: '6', decision: null, count: 5, ...triage }, // after asOf
      ],
      // 2028-01-03 + 45 working days = 2028-03-06.
      assessments: [
        { ...ids, personId: '1', startDate: '2028-01-03', authorisationDate: '2028-03-06' },
        { ...ids, personId: '1', startDate: '2028-01-03', authorisationDate: '2028-03-07' },
      ],
    });
    expect(series).toEqual([
      {
        month: '2028-01',
        countedOn: '2028-01-31',
        onChildProtectionPlans: 0,
        lookedAfter: 1,
        contacts: 0,
        assessmentsCompleted: 0,
        assessmentsCompletedOnTime: 0,
      },
      {
        month: '2028-02',
        countedOn: '2028-02-29',
        onChildProtectionPlans: 1,
        lookedAfter: 1,
        contacts: 3,
        assessmentsCompleted: 0,
        assessmentsCompletedOnTime: 0,
      },
      {
        month: '2028-03',
        countedOn: '2028-03-15',
        onChildProtectionPlans: 2,
        lookedAfter: 1,
        contacts: 0,
        assessmentsCompleted: 2,
        assessmentsCompletedOnTime: 1,
      },
    ]);
  });
});

describe('child protection measures', () => {
  it('counts categories, second or subsequent plans, plans of two years or more and reviews on time, to the day', () => {
    const cp = (
      personId: string,
      startDate: string,
      endDate: string | null,
      initialCategory = 'NEG',
      latestCategory = initialCategory,
      reviewDates: string[] = [],
    ) => ({
      personId,
      startDate,
      endDate,
      initialCategory,
      latestCategory,
      reviewDates,
    });
    const measures = childProtectionMeasures(
      rules,
      [
        // From a leap day: two years end on 28 February 2026; its first review (due 29 May 2024) was before the period.
        cp('1', '2024-02-29', '2026-02-28', 'PHY', 'PHY', ['2024-05-29']),
        cp('1', '2026-03-02', null, 'NEG', 'EMO'), // second plan, started in the period
        // Open two years on 31 March 2026 exactly; its fourth review, due 30 December 2025, held late on 2 January 2026.
        cp('2', '2024-03-31', null, 'NEG', 'NEG', ['2024-06-30', '2024-12-30', '2025-06-30', '2026-01-02']),
        // Started on the first day, ended on the last; first review due 1 April, held on 31 March: on time.
        cp('3', '2026-01-01', '2026-03-31', 'SAB', 'SAB', ['2026-03-31']),
        cp('4', '2026-04-01', null, 'NEG'), // after asOf: unknown
      ],
      period,
      '2026-03-31',
    );
    expect(measures).toEqual({
      started: 2,
      startedByInitialCategory: [
        { category: 'NEG', plans: 1 },
        { category: 'SAB', plans: 1 },
      ],
      openByLatestCategory: [
        { category: 'EMO', plans: 1 },
        { category: 'NEG', plans: 1 },
      ],
      secondOrSubsequent: 1,
      ended: 2,
      endedAfterTwoYearsOrMore: 1,
      open: 2,
      openTwoYearsOrMore: 1,
      reviews: { completed: 2, onTime: 1, late: 1, excluded: 0, completedOnTimeRatio: 0.5 },
    });
  });
});

describe('front door', () => {
  it('counts routes, RAG, decisions within one working day (the contact day never counted) and conversion', () => {
    const contact = (contactDate: string, decidedDate: string | null, extra: object = {}) => ({
      contactDate,
      sourceCode: '6',
      decision: decidedDate === null ? null : 'ADVICE',
      count: 1,
      route: 'C-SPA',
      rag: decidedDate === null ? null : 'GREEN',
      decidedDate,
      ...extra,
    });
    const winter = checkPeriod('2026-12-01', '2026-12-31');
    const measures = frontDoorMeasures(
      rules,
      [
        contact('2026-12-26', '2026-12-29'), // Saturday; Monday 28th is the Boxing Day substitute: on time
        contact('2026-12-26', '2026-12-30', { count: 2, route: 'L-SPA' }), // late
        contact('2026-12-24', '2026-12-29', { decision: 'SOCIAL_CARE_REFERRAL', rag: 'RED' }), // Thursday; Friday is Christmas: on time
        contact('2026-12-30', null), // undecided, due 31st: not yet overdue
        contact('2026-12-29', null), // undecided, due 30th: overdue on the 31st
        contact('2026-11-30', '2026-12-01'), // before the period
      ],
      winter,
      '2026-12-31',
    );
    expect(measures).toEqual({
      contacts: 6,
      byRoute: [
        { key: 'C-SPA', count: 4 },
        { key: 'L-SPA', count: 2 },
      ],
      byRag: [
        { key: 'GREEN', count: 3 },
        { key: 'UNTRIAGED', count: 2 },
        { key: 'RED', count: 1 },
      ],
      decided: 4,
      decidedWithinOneWorkingDay: 2,
      undecidedOverdue: 1,
      socialCareReferrals: 1,
    });
  });

  it('counts repeat contacts with the re-referral rule: another within the 12 months before, one per child per day', () => {
    expect(
      reReferrals(
        [
          { personId: 'child-1', referralDate: '2025-02-28' },
          { personId: 'child-1', referralDate: '2026-02-28' }, // 12 months exactly: a repeat
          { personId: 'child-2', referralDate: '2026-03-01' },
          { personId: 'child-2', referralDate: '2026-03-01' }, // same day: one contact
        ],
        period,
      ),
    ).toEqual({ referrals: 2, reReferrals: 1, ratio: 0.5 });
  });
});

describe('placement stability', () => {
  it('counts three or more placements in the period, the under-16 long-term cohort to the day, and placements over 20 miles', () => {
    const on = '2026-03-31';
    const episode = (personId: string, enteredCareDate: string, ceasedDate: string | null = null) => ({
      personId,
      startDate: enteredCareDate,
      ceasedDate,
      enteredCareDate,
    });
    const placement = (
      personId: string,
      startDate: string,
      endDate: string | null,
      miles: number | null = 5,
    ) => ({
      personId,
      startDate,
      endDate,
      distanceFromHomeMiles: miles,
    });
    const born: Record<string, string> = {
      A: '2015-01-01',
      B: '2010-03-31', // 16 on the day counted: out of the under-16 cohort
      C: '2010-04-01', // 16 tomorrow: in
      D: '2012-06-01',
    };
    const measures = placementStability(
      [
        episode('A', '2025-05-01'),
        episode('B', '2020-01-01'),
        episode('C', '2023-09-30'), // 2.5 years exactly on 31 March 2026: in the cohort
        episode('D', '2023-10-01'), // a day short of 2.5 years
        episode('E', '2020-01-01', '2026-03-31'), // ceased on the day: not looked after
      ],
      [
        placement('A', '2025-05-01', '2025-06-01'), // ended 1 June 2025, inside the period
        placement('A', '2025-06-01', '2025-12-01'),
        placement('A', '2025-12-01', null, 21), // over 20 miles
        placement('B', '2020-01-01', null),
        placement('C', '2024-03-31', null, 20), // two years on the day; exactly 20 miles is not over
        placement('D', '2023-10-01', null),
      ],
      period2025to26,
      on,
      (id) => born[id] ?? null,
    );
    expect(measures).toEqual({
      lookedAfter: 4,
      threeOrMorePlacements: 1,
      longTermCohort: 1,
      samePlacementTwoYearsOrMore: 1,
      placedOver20Miles: 1,
    });
  });
});
