import { describe, expect, it } from 'vitest';
import {
  birthday,
  careLeaverMeasures,
  cinPlanMeasures,
  isFormerRelevantChild,
  isSuitableAccommodation,
  uascLookedAfterOn,
  type CareLeaverFact,
} from '../../../src/domain/reports/index.ts';

const PERIOD = { from: '2025-04-01', to: '2026-03-31' };

describe('birthdays', () => {
  it('a 29 February birthday falls on 1 March in a common year, on 29 February in a leap year', () => {
    expect(birthday('2008-02-29', 19)).toBe('2027-03-01');
    expect(birthday('2008-02-29', 20)).toBe('2028-02-29');
    expect(birthday('2000-02-29', 100)).toBe('2100-03-01');
    expect(birthday('2007-06-15', 19)).toBe('2026-06-15');
  });
});

describe('former relevant children', () => {
  const dob = '2006-06-15';
  const fourteenth = '2020-06-15';
  it('need 13 weeks (91 days) looked after from the 14th birthday', () => {
    // 2022-03-17 + 91 days = 2022-06-16: the day after the 16th birthday.
    expect(isFormerRelevantChild(dob, [span('2022-03-17', '2022-06-16')], '2025-06-15')).toBe(true);
    expect(isFormerRelevantChild(dob, [span('2022-03-18', '2022-06-16')], '2025-06-15')).toBe(false);
  });
  it('do not count time before the 14th birthday', () => {
    expect(isFormerRelevantChild(dob, [span('2019-01-01', '2020-08-01')], '2025-06-15')).toBe(false);
    expect(isFormerRelevantChild(dob, [span('2019-01-01', '2022-06-16')], '2025-06-15')).toBe(true);
    expect(fourteenth).toBe(birthday(dob, 14));
  });
  it('need some time looked after on or after the 16th birthday', () => {
    expect(isFormerRelevantChild(dob, [span('2020-06-15', '2022-06-15')], '2025-06-15')).toBe(false);
    expect(isFormerRelevantChild(dob, [span('2020-06-15', '2022-06-16')], '2025-06-15')).toBe(true);
  });
  it('are out of care before the day, and count only care up to it', () => {
    expect(isFormerRelevantChild(dob, [span('2021-01-01', null)], '2025-06-15')).toBe(false);
    // Leaving care on the day (the 18th birthday, most often): counted from the next birthday.
    expect(isFormerRelevantChild(dob, [span('2021-01-01', '2025-06-15')], '2025-06-15')).toBe(false);
    expect(isFormerRelevantChild(dob, [span('2021-01-01', '2025-06-14')], '2025-06-15')).toBe(true);
    expect(isFormerRelevantChild(dob, [span('2026-01-01', '2026-05-01')], '2025-06-15')).toBe(false);
  });
});

describe('care leaver measures', () => {
  const leaver = (
    personId: string,
    dateOfBirth: string,
    contacts: CareLeaverFact['contacts'],
  ): CareLeaverFact => ({
    personId,
    dateOfBirth,
    contacts,
  });
  const inCare = (personId: string, dateOfBirth: string) => ({
    personId,
    startDate: birthday(dateOfBirth, 15),
    ceasedDate: birthday(dateOfBirth, 18),
  });
  const contact = (age: number, inTouch: string, activity: string, accommodation: string) => ({
    age,
    inTouch,
    activity,
    accommodation,
  });

  it('counts a birthday on the first and on the last day of the period, not the day before or after', () => {
    const people = [
      leaver('A', '2006-04-01', [contact(20, 'YES', 'F3', 'U1')]),
      leaver('B', '2006-03-31', [contact(20, 'YES', 'F3', 'U1')]),
      leaver('C', '2005-03-31', [contact(21, 'YES', 'F3', 'U1')]),
      leaver('D', '2005-04-01', [contact(21, 'YES', 'F3', 'U1')]),
    ];
    const m = careLeaverMeasures(
      people,
      people.map((p) => inCare(p.personId, p.dateOfBirth)),
      PERIOD,
      '2026-10-31',
    );
    // A turns 19 on 2025-04-01 and 20 on 2026-04-01 (outside); B turns 20 on 2026-03-31 (inside) and
    // 19 on 2025-03-31 (outside); C turns 21 on 2026-03-31; D turns 20 on 2025-04-01.
    const ages = Object.fromEntries(m.byAge.map((g) => [g.age, g.cohort]));
    expect(ages).toEqual({ 17: 0, 18: 0, 19: 1, 20: 2, 21: 1 });
    expect(m.aged19to21.cohort).toBe(4);
  });

  it('stops at asOf when it comes before the period end', () => {
    const people = [leaver('A', '2006-01-10', []), leaver('B', '2006-03-10', [])];
    const m = careLeaverMeasures(
      people,
      people.map((p) => inCare(p.personId, p.dateOfBirth)),
      PERIOD,
      '2026-02-01',
    );
    expect(m.countedTo).toBe('2026-02-01');
    expect(m.aged19to21.cohort).toBe(1);
  });

  it('counts a leap-day birthday on 1 March in a common year', () => {
    const people = [leaver('L', '2004-02-29', [contact(21, 'YES', 'F1', 'D1')])];
    const episodes = [inCare('L', '2004-02-29')];
    expect(
      careLeaverMeasures(people, episodes, { from: '2025-03-01', to: '2025-03-01' }, '2026-01-01').aged19to21
        .cohort,
    ).toBe(1);
    expect(
      careLeaverMeasures(people, episodes, { from: '2025-02-28', to: '2025-02-28' }, '2026-01-01').aged19to21
        .cohort,
    ).toBe(0);
  });

  it('puts 17 and 18 in one band and 19 to 21 in the other, judging each birthday on its own contact', () => {
    const people = [
      leaver('A', '2008-06-01', [contact(17, 'YES', 'F2', 'D1')]),
      leaver('B', '2007-06-01', [contact(18, 'YES', 'G5', 'X2')]),
      leaver('C', '2006-06-01', [contact(19, 'NO', '0', '0')]),
      leaver('D', '2005-06-01', [contact(20, 'YES', 'F3', 'B1'), contact(19, 'YES', 'G5', 'U2')]),
      leaver('E', '2004-06-01', []),
    ];
    // Looked after from the 14th birthday until 19 days after the 16th.
    const after16 = people.map((p) => ({
      personId: p.personId,
      startDate: birthday(p.dateOfBirth, 14),
      ceasedDate: birthday(p.dateOfBirth, 16).slice(0, 8) + '20',
    }));
    const m = careLeaverMeasures(people, after16, PERIOD, '2026-10-31');
    expect(m.aged17to18).toMatchObject({
      cohort: 2,
      inTouch: 2,
      inSuitableAccommodation: 1,
      inEducationEmploymentOrTraining: 1,
    });
    expect(m.aged19to21).toMatchObject({
      cohort: 3,
      inTouch: 1,
      inSuitableAccommodation: 1,
      inEducationEmploymentOrTraining: 1,
    });
    expect(Object.fromEntries(m.aged19to21.byInTouch)).toEqual({ NO: 1, YES: 1, NOT_RECORDED: 1 });
  });

  it('leaves out a young person looked after on the birthday or never a relevant child', () => {
    const people = [
      leaver('A', '2008-06-01', [contact(17, 'YES', 'F2', 'D1')]),
      leaver('B', '2007-06-01', []),
    ];
    const episodes = [
      { personId: 'A', startDate: '2023-01-01', ceasedDate: null },
      { personId: 'B', startDate: '2019-01-01', ceasedDate: '2021-06-01' },
    ];
    expect(careLeaverMeasures(people, episodes, PERIOD, '2026-10-31').aged17to18.cohort).toBe(0);
  });

  it('reads suitability from the ACCOM code’s second character', () => {
    expect(isSuitableAccommodation('U1')).toBe(true);
    expect(isSuitableAccommodation('U2')).toBe(false);
    expect(isSuitableAccommodation('0')).toBe(false);
  });
});

describe('UASC looked after on a day', () => {
  it('counts a child looked after and unaccompanied on the day, once, with assessments as known then', () => {
    const uasc = [
      {
        personId: 'A',
        arrivalDate: '2026-01-01',
        uascCeasedDate: null,
        ageAssessmentRequested: '2026-01-10',
        ageAssessmentCompleted: '2026-03-01',
      },
      {
        personId: 'B',
        arrivalDate: '2026-01-01',
        uascCeasedDate: '2026-03-31',
        ageAssessmentRequested: null,
        ageAssessmentCompleted: null,
      },
      {
        personId: 'C',
        arrivalDate: '2026-04-01',
        uascCeasedDate: null,
        ageAssessmentRequested: null,
        ageAssessmentCompleted: null,
      },
      {
        personId: 'D',
        arrivalDate: '2025-01-01',
        uascCeasedDate: null,
        ageAssessmentRequested: '2026-03-01',
        ageAssessmentCompleted: '2026-04-02',
      },
    ];
    const m = uascLookedAfterOn(uasc, ['A', 'A', 'B', 'C', 'D', 'E'], '2026-03-31');
    expect(m).toEqual({
      countedOn: '2026-03-31',
      lookedAfter: 5,
      unaccompanied: 2,
      ageAssessed: 1,
      ageAssessmentInProgress: 1,
    });
  });
});

describe('CIN plans and their reviews', () => {
  it('counts open on the counted day, starts and ends in the period, reviews held on or before due as on time', () => {
    const plans = [
      {
        personId: 'A',
        startDate: '2025-01-01',
        endDate: null,
        reviews: [
          { dueDate: '2025-04-01', reviewDate: '2025-04-01' },
          { dueDate: '2025-07-01', reviewDate: '2025-07-02' },
          { dueDate: '2025-10-02', reviewDate: null },
        ],
      },
      {
        personId: 'B',
        startDate: '2025-06-01',
        endDate: '2026-03-31',
        reviews: [{ dueDate: '2025-09-01', reviewDate: '2025-08-20' }],
      },
      { personId: 'C', startDate: '2026-04-01', endDate: null, reviews: [] },
    ];
    const m = cinPlanMeasures(plans, PERIOD, '2026-10-31');
    expect(m).toMatchObject({ countedOn: '2026-03-31', open: 1, started: 1, ended: 1, reviewsOverdue: 1 });
    expect(m.reviews).toMatchObject({ completed: 3, onTime: 2, late: 1 });
    expect(cinPlanMeasures(plans, PERIOD, '2026-10-31', (p) => p.personId === 'B').open).toBe(0);
  });
});

function span(startDate: string, ceasedDate: string | null) {
  return { personId: 'P', startDate, ceasedDate };
}
