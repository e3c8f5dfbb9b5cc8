import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../../src/domain/rules/calendar.ts';
import { DomainInputError } from '../../../src/domain/rules/errors.ts';
import {
  DEFAULT_TIMESCALE_SETTINGS,
  resolveTimescaleSettings,
} from '../../../src/domain/rules/timescaleSettings.ts';
import { createTimescaleRules } from '../../../src/domain/rules/timescales.ts';
import { summariseTimescales } from '../../../src/domain/rules/timescaleSummary.ts';

// 2025 holidays that matter below: Good Friday 18 Apr, Easter Monday 21 Apr, 5 May, 26 May,
// 25-26 Dec; 1 Jan 2026 is a Thursday.
const calendar = createWorkingDayCalendar();
const rules = createTimescaleRules({ calendar });

describe('referral decision (1 working day of contact)', () => {
  it('is on time when decided exactly on the next working day', () => {
    expect(
      rules.referralDecision({ contactDate: '2025-06-02', decisionDate: '2025-06-03' }, '2025-06-30'),
    ).toEqual({ dueDate: '2025-06-03', completedDate: '2025-06-03', status: 'ON_TIME' });
  });

  it('is late by calendar days when a Friday contact is decided on Tuesday', () => {
    expect(
      rules.referralDecision({ contactDate: '2025-06-06', decisionDate: '2025-06-10' }, '2025-06-30'),
    ).toEqual({ dueDate: '2025-06-09', completedDate: '2025-06-10', status: 'LATE', daysLate: 1 });
  });

  it('runs past Easter, and is due on the deadline itself and overdue after it', () => {
    const contact = { contactDate: '2025-04-17', decisionDate: null };
    expect(rules.referralDecision(contact, '2025-04-22')).toEqual({
      dueDate: '2025-04-22',
      completedDate: null,
      status: 'DUE',
    });
    expect(rules.referralDecision(contact, '2025-04-24')).toEqual({
      dueDate: '2025-04-22',
      completedDate: null,
      status: 'OVERDUE',
      daysLate: 2,
    });
  });

  it('is due on Monday for a Saturday contact: the start day is never counted, whatever day it is', () => {
    expect(
      rules.referralDecision({ contactDate: '2025-06-07', decisionDate: null }, '2025-06-07').dueDate,
    ).toBe('2025-06-09');
  });

  it('is due Tuesday 29 December 2026 for a contact on Saturday 26th (Monday 28th is the Boxing Day substitute)', () => {
    expect(
      rules.referralDecision({ contactDate: '2026-12-26', decisionDate: null }, '2026-12-26').dueDate,
    ).toBe('2026-12-29');
  });
});

describe('child and family assessment (45 working days from the start)', () => {
  const started = { startDate: '2025-01-06' }; // due Monday 10 March 2025, no holidays between

  it('counts lateness in working days: authorised 6 working days after the due date is 6 days late, not 8', () => {
    expect(
      rules.childAndFamilyAssessment({ ...started, authorisationDate: '2025-03-18' }, '2025-04-01'),
    ).toEqual({ dueDate: '2025-03-10', completedDate: '2025-03-18', status: 'LATE', daysLate: 6 });
    // Open at Friday 21 March: 9 working days overdue (11 calendar days).
    expect(
      rules.childAndFamilyAssessment({ ...started, authorisationDate: null }, '2025-03-21'),
    ).toMatchObject({ status: 'OVERDUE', daysLate: 9 });
    // Over Easter 2025 (Good Friday 18 April, Easter Monday 21 April): due Thursday 17 April, open on Tuesday 22nd is 1 working day overdue.
    expect(
      rules.childAndFamilyAssessment({ startDate: '2025-02-13', authorisationDate: null }, '2025-04-22'),
    ).toMatchObject({ dueDate: '2025-04-17', status: 'OVERDUE', daysLate: 1 });
  });

  it('is on time when authorised on the 45th working day', () => {
    expect(
      rules.childAndFamilyAssessment({ ...started, authorisationDate: '2025-03-10' }, '2025-04-01'),
    ).toEqual({
      dueDate: '2025-03-10',
      completedDate: '2025-03-10',
      status: 'ON_TIME',
    });
  });

  it('is late when authorised after it', () => {
    expect(
      rules.childAndFamilyAssessment({ ...started, authorisationDate: '2025-03-14' }, '2025-04-01'),
    ).toEqual({
      dueDate: '2025-03-10',
      completedDate: '2025-03-14',
      status: 'LATE',
      daysLate: 4,
    });
  });

  it('is due before the deadline and overdue after it while unauthorised', () => {
    const open = { ...started, authorisationDate: null };
    expect(rules.childAndFamilyAssessment(open, '2025-03-03').status).toBe('DUE');
    expect(rules.childAndFamilyAssessment(open, '2025-03-17')).toMatchObject({
      status: 'OVERDUE',
      daysLate: 5,
    });
  });

  it('ignores an authorisation dated after the as-at day', () => {
    expect(
      rules.childAndFamilyAssessment({ ...started, authorisationDate: '2025-03-12' }, '2025-03-11'),
    ).toEqual({
      dueDate: '2025-03-10',
      completedDate: null,
      status: 'OVERDUE',
      daysLate: 1,
    });
  });

  it('skips Good Friday, Easter Monday and the May holidays', () => {
    // From Tue 1 Apr 2025 counted by hand: Apr 2-17 = 12, Apr 22-30 = 19, May 1-2 = 21, May 6-23 = 35,
    // May 27-30 = 39, Jun 2-6 = 44, Jun 9 = 45.
    expect(
      rules.childAndFamilyAssessment({ startDate: '2025-04-01', authorisationDate: null }, '2025-04-01')
        .dueDate,
    ).toBe('2025-06-09');
  });
});

describe('initial child protection conference (15 working days of the strategy discussion)', () => {
  // From Wed 17 Dec 2025: Dec 18-24 = 5, Dec 29-31 = 8, Jan 2 = 9, Jan 5-9 = 14, Jan 12 = 15.
  const enquiry = { strategyDiscussionDate: '2025-12-17' };

  it('counts across Christmas and New Year and is on time on the deadline', () => {
    expect(
      rules.initialChildProtectionConference({ ...enquiry, conferenceDate: '2026-01-12' }, '2026-02-01'),
    ).toEqual({ dueDate: '2026-01-12', completedDate: '2026-01-12', status: 'ON_TIME' });
  });

  it('is late a day after', () => {
    expect(
      rules.initialChildProtectionConference({ ...enquiry, conferenceDate: '2026-01-13' }, '2026-02-01'),
    ).toMatchObject({ status: 'LATE', daysLate: 1 });
  });

  it('is overdue when not held by the deadline', () => {
    expect(
      rules.initialChildProtectionConference({ ...enquiry, conferenceDate: null }, '2026-01-15'),
    ).toMatchObject({ status: 'OVERDUE', daysLate: 3 });
  });
});

describe('child protection reviews (3 months, then 6-monthly from the previous review)', () => {
  it('judges an on-time first review and runs the next from the day it was held', () => {
    const plan = { startDate: '2025-01-15', endDate: null, eventDates: ['2025-04-10'] };
    expect(rules.childProtectionReviews(plan, '2025-10-10')).toEqual({
      occurrences: [
        { dueDate: '2025-04-15', completedDate: '2025-04-10', status: 'ON_TIME' },
        { dueDate: '2025-10-10', completedDate: null, status: 'DUE' },
      ],
      lastCompletedDate: '2025-04-10',
      nextDueDate: '2025-10-10',
      overdue: false,
    });
    expect(rules.childProtectionReviews(plan, '2025-10-20')).toMatchObject({
      nextDueDate: '2025-10-10',
      overdue: true,
      daysOverdue: 6,
    });
  });

  it('moves the next review later when a review was late', () => {
    const plan = { startDate: '2025-01-15', endDate: null, eventDates: ['2025-04-22'] };
    const result = rules.childProtectionReviews(plan, '2025-05-01');
    expect(result.occurrences[0]).toEqual({
      dueDate: '2025-04-15',
      completedDate: '2025-04-22',
      status: 'LATE',
      daysLate: 3,
    });
    expect(result.nextDueDate).toBe('2025-10-22');
  });

  it('clamps a first review due in a shorter month to its last day', () => {
    expect(
      rules.childProtectionReviews({ startDate: '2024-11-30', endDate: null, eventDates: [] }, '2025-01-01')
        .nextDueDate,
    ).toBe('2025-02-28');
  });

  it('records a review missed before the plan ended and expects nothing after the end', () => {
    const ended = { startDate: '2025-01-15', endDate: '2025-05-01', eventDates: [] };
    expect(rules.childProtectionReviews(ended, '2025-06-01')).toEqual({
      occurrences: [{ dueDate: '2025-04-15', completedDate: null, status: 'OVERDUE', daysLate: 10 }],
      lastCompletedDate: null,
      nextDueDate: null,
      overdue: false,
    });
    const endedEarly = { startDate: '2025-01-15', endDate: '2025-03-01', eventDates: [] };
    expect(rules.childProtectionReviews(endedEarly, '2025-06-01').occurrences).toEqual([]);
  });
});

describe('child protection and child in need visits', () => {
  const plan = { startDate: '2025-06-02', endDate: null, eventDates: ['2025-06-27', '2025-06-10'] };

  it('judges each CP visit against 10 working days from the previous one', () => {
    const result = rules.childProtectionVisits(plan, '2025-07-11');
    expect(result.occurrences).toEqual([
      { dueDate: '2025-06-16', completedDate: '2025-06-10', status: 'ON_TIME' },
      { dueDate: '2025-06-24', completedDate: '2025-06-27', status: 'LATE', daysLate: 3 },
      { dueDate: '2025-07-11', completedDate: null, status: 'DUE' },
    ]);
    expect(result).toMatchObject({
      lastCompletedDate: '2025-06-27',
      nextDueDate: '2025-07-11',
      overdue: false,
    });
  });

  it('is overdue the working week after the due date', () => {
    expect(rules.childProtectionVisits(plan, '2025-07-14')).toMatchObject({ overdue: true, daysOverdue: 1 });
  });

  it('uses a configured local interval', () => {
    const weekly = createTimescaleRules({
      calendar,
      settings: resolveTimescaleSettings({ childProtectionVisits: { count: 5, unit: 'WORKING_DAYS' } }),
    });
    expect(weekly.childProtectionVisits(plan, '2025-07-01').nextDueDate).toBe('2025-07-04');
  });

  it('expects a CIN visit within 20 working days of plan start, across Easter', () => {
    // From Tue 1 Apr 2025: Apr 2-17 = 12, Apr 22-25 = 16, Apr 28 - May 1 = 20.
    const cin = { startDate: '2025-04-01', endDate: null, eventDates: [] };
    expect(rules.childInNeedVisits(cin, '2025-05-02')).toMatchObject({
      lastCompletedDate: null,
      nextDueDate: '2025-05-01',
      overdue: true,
      daysOverdue: 1,
    });
  });

  it('ignores visits before the plan started', () => {
    const withStray = { startDate: '2025-06-02', endDate: null, eventDates: ['2025-05-30'] };
    expect(rules.childProtectionVisits(withStray, '2025-06-03').lastCompletedDate).toBeNull();
  });
});

describe('looked-after reviews (20 working days, then 3 months, then 6-monthly)', () => {
  it('chains the three intervals', () => {
    // From Mon 1 Sep 2025: 20 working days is Mon 29 Sep; 3 months from 25 Sep is 25 Dec;
    // 6 months from 18 Dec is 18 Jun 2026.
    const episode = { startDate: '2025-09-01', endDate: null, eventDates: ['2025-09-25', '2025-12-18'] };
    expect(rules.lookedAfterReviews(episode, '2026-07-01')).toEqual({
      occurrences: [
        { dueDate: '2025-09-29', completedDate: '2025-09-25', status: 'ON_TIME' },
        { dueDate: '2025-12-25', completedDate: '2025-12-18', status: 'ON_TIME' },
        { dueDate: '2026-06-18', completedDate: null, status: 'OVERDUE', daysLate: 9 },
      ],
      lastCompletedDate: '2025-12-18',
      nextDueDate: '2026-06-18',
      overdue: true,
      daysOverdue: 9,
    });
  });
});

describe('looked-after visits (1 week, then 6-weekly in year one)', () => {
  it('expects the first visit within a week and the next within six weeks', () => {
    const placement = { startDate: '2025-03-03', endDate: null, eventDates: ['2025-03-07', '2025-04-25'] };
    expect(rules.lookedAfterVisits(placement, '2025-04-30').occurrences).toEqual([
      { dueDate: '2025-03-10', completedDate: '2025-03-07', status: 'ON_TIME' },
      { dueDate: '2025-04-18', completedDate: '2025-04-25', status: 'LATE', daysLate: 4 },
      { dueDate: '2025-06-06', completedDate: null, status: 'DUE' },
    ]);
  });

  it('switches to the after-first-year interval once the previous visit is past the anniversary', () => {
    const quarterly = createTimescaleRules({
      calendar,
      settings: resolveTimescaleSettings({
        lookedAfterVisits: { afterFirstYear: { count: 3, unit: 'MONTHS' } },
      }),
    });
    const placement = {
      startDate: '2024-01-10',
      endDate: null,
      eventDates: ['2024-01-12', '2024-12-20', '2025-01-30'],
    };
    expect(quarterly.lookedAfterVisits(placement, '2025-02-01').occurrences).toEqual([
      { dueDate: '2024-01-17', completedDate: '2024-01-12', status: 'ON_TIME' },
      { dueDate: '2024-02-23', completedDate: '2024-12-20', status: 'LATE', daysLate: 210 },
      { dueDate: '2025-01-31', completedDate: '2025-01-30', status: 'ON_TIME' },
      { dueDate: '2025-04-30', completedDate: null, status: 'DUE' },
    ]);
  });

  it('expects nothing more once the placement has ended', () => {
    const ended = { startDate: '2025-03-03', endDate: '2025-03-20', eventDates: ['2025-03-07'] };
    expect(rules.lookedAfterVisits(ended, '2025-06-01')).toMatchObject({ nextDueDate: null, overdue: false });
  });
});

describe('EHCP (decision within 6 weeks, final plan within 20 weeks of the request)', () => {
  // Request Mon 6 Jan 2025: decision due 17 Feb; plan due 26 May (calendar weeks, holiday or not).
  const request = { requestDate: '2025-01-06', twentyWeekException: false };

  it('is on time on both deadlines exactly', () => {
    expect(
      rules.ehcp(
        { ...request, decisionDate: '2025-02-17', decidedToAssess: true, finalPlanIssuedDate: '2025-05-26' },
        '2025-06-01',
      ),
    ).toEqual({
      decisionToAssess: { dueDate: '2025-02-17', completedDate: '2025-02-17', status: 'ON_TIME' },
      finalPlan: {
        dueDate: '2025-05-26',
        completedDate: '2025-05-26',
        status: 'ON_TIME',
        includedInOnTimeMeasure: true,
      },
    });
  });

  it('never shows a request closed without a plan as overdue after its outcome date', () => {
    // Withdrawn before any decision, on 2025-02-03: the decision clock stops that day, no plan is due.
    const withdrawn = {
      ...request,
      decisionDate: null,
      decidedToAssess: null,
      finalPlanIssuedDate: null,
      decidedNotToIssuePlan: true,
      closedWithoutPlanDate: '2025-02-03',
    };
    expect(rules.ehcp(withdrawn, '2031-01-01')).toEqual({
      decisionToAssess: { dueDate: '2025-02-17', completedDate: '2025-02-03', status: 'ON_TIME' },
      finalPlan: null,
    });
    // Refused late (after the 6 weeks), recorded only as the outcome date: LATE, never OVERDUE after it.
    const refused = { ...withdrawn, decidedToAssess: false, closedWithoutPlanDate: '2025-02-24' };
    // Before the outcome date it is an open request like any other.
    expect(rules.ehcp(refused, '2025-02-20').decisionToAssess).toMatchObject({
      status: 'OVERDUE',
      daysLate: 3,
    });
    expect(rules.ehcp(refused, '2029-12-31').decisionToAssess).toEqual({
      dueDate: '2025-02-17',
      completedDate: '2025-02-24',
      status: 'LATE',
      daysLate: 5,
    });
  });

  it('does not judge the decision of a request closed without a plan on no recorded date (never OVERDUE)', () => {
    const refusedUndated = {
      ...request,
      decisionDate: null,
      decidedToAssess: false,
      finalPlanIssuedDate: null,
      decidedNotToIssuePlan: true,
      closedWithoutPlan: true,
      closedWithoutPlanDate: null,
    };
    expect(rules.ehcp(refusedUndated, '2031-01-01')).toEqual({ decisionToAssess: null, finalPlan: null });
  });

  it('excludes a late plan with the 20-week exception from the on-time measure', () => {
    const result = rules.ehcp(
      {
        ...request,
        twentyWeekException: true,
        decisionDate: '2025-02-10',
        decidedToAssess: true,
        finalPlanIssuedDate: '2025-06-02',
      },
      '2025-07-01',
    );
    expect(result.finalPlan).toEqual({
      dueDate: '2025-05-26',
      completedDate: '2025-06-02',
      status: 'LATE',
      daysLate: 5,
      includedInOnTimeMeasure: false,
    });
  });

  it('expects no plan after a decision not to assess', () => {
    const result = rules.ehcp(
      { ...request, decisionDate: '2025-02-10', decidedToAssess: false, finalPlanIssuedDate: null },
      '2025-03-01',
    );
    expect(result.finalPlan).toBeNull();
    expect(result.decisionToAssess?.status).toBe('ON_TIME');
  });

  it('keeps the plan clock running while the decision is overdue', () => {
    const result = rules.ehcp(
      { ...request, decisionDate: null, decidedToAssess: null, finalPlanIssuedDate: null },
      '2025-02-20',
    );
    expect(result.decisionToAssess).toMatchObject({ status: 'OVERDUE', daysLate: 3 });
    expect(result.finalPlan).toMatchObject({ dueDate: '2025-05-26', status: 'DUE' });
  });
});

describe('timescale settings', () => {
  it('defaults to the statutory values and cannot be mutated', () => {
    expect(DEFAULT_TIMESCALE_SETTINGS.childAndFamilyAssessment).toEqual({ count: 45, unit: 'WORKING_DAYS' });
    expect(DEFAULT_TIMESCALE_SETTINGS.childInNeedVisits).toEqual({ count: 20, unit: 'WORKING_DAYS' });
    expect(Object.isFrozen(DEFAULT_TIMESCALE_SETTINGS.ehcp.finalPlan)).toBe(true);
  });

  it('overrides one member of a group and keeps the rest', () => {
    const settings = resolveTimescaleSettings({ lookedAfterReviews: { first: { count: 28, unit: 'DAYS' } } });
    expect(settings.lookedAfterReviews).toEqual({
      first: { count: 28, unit: 'DAYS' },
      second: { count: 3, unit: 'MONTHS' },
      subsequent: { count: 6, unit: 'MONTHS' },
    });
  });

  it('names the bad setting when an override is invalid', () => {
    expect(() =>
      resolveTimescaleSettings({ childProtectionVisits: { count: 0, unit: 'WORKING_DAYS' } }),
    ).toThrow('childProtectionVisits: expected a whole number count of at least 1');
    expect(() =>
      resolveTimescaleSettings({ ehcp: { finalPlan: { count: 20, unit: 'FORTNIGHTS' as 'WEEKS' } } }),
    ).toThrow(DomainInputError);
    expect(() => resolveTimescaleSettings({ cpVisits: { count: 5, unit: 'DAYS' } } as never)).toThrow(
      'cpVisits: is not a known setting',
    );
  });
});

describe('deadlines met exactly on the day', () => {
  it('counts a looked-after review on the 20th working day and a visit on day 7 as on time', () => {
    const episode = { startDate: '2025-09-01', endDate: null, eventDates: ['2025-09-29'] };
    expect(rules.lookedAfterReviews(episode, '2025-10-01').occurrences[0]).toEqual({
      dueDate: '2025-09-29',
      completedDate: '2025-09-29',
      status: 'ON_TIME',
    });
    const placement = { startDate: '2025-03-03', endDate: null, eventDates: ['2025-03-10'] };
    expect(rules.lookedAfterVisits(placement, '2025-03-11').occurrences[0]).toMatchObject({
      status: 'ON_TIME',
    });
    expect(rules.lookedAfterVisits(placement, '2025-03-11').nextDueDate).toBe('2025-04-21');
  });
});

describe('summariseTimescales', () => {
  it('counts statuses and the on-time share of completed items, leaving exceptions out', () => {
    const summary = summariseTimescales([
      { dueDate: '2025-05-26', completedDate: '2025-05-20', status: 'ON_TIME' },
      { dueDate: '2025-05-26', completedDate: '2025-05-26', status: 'ON_TIME' },
      { dueDate: '2025-05-26', completedDate: '2025-06-02', status: 'LATE', daysLate: 7 },
      {
        dueDate: '2025-05-26',
        completedDate: '2025-07-02',
        status: 'LATE',
        daysLate: 37,
        includedInOnTimeMeasure: false,
      },
      { dueDate: '2025-06-26', completedDate: null, status: 'DUE' },
      { dueDate: '2025-04-26', completedDate: null, status: 'OVERDUE', daysLate: 30 },
    ]);
    expect(summary).toEqual({
      onTime: 2,
      late: 1,
      due: 1,
      overdue: 1,
      excluded: 1,
      completedOnTimeRatio: 2 / 3,
    });
  });

  it('has no ratio when nothing is completed', () => {
    expect(summariseTimescales([]).completedOnTimeRatio).toBeNull();
  });
});
