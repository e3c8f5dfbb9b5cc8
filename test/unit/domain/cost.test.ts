import { describe, expect, it } from 'vitest';
import {
  costBetween,
  costByMonth,
  currentRateOf,
  financialYearOf,
  projectAgreement,
  type CostedAgreement,
  type Rate,
} from '../../../src/domain/rules/cost.ts';
import { sumBy, sumMonthlyCosts } from '../../../src/domain/rules/aggregate.ts';
import { DomainInputError } from '../../../src/domain/rules/errors.ts';
import { addDays } from '../../../src/domain/rules/dates.ts';

const weekly = (effectiveFrom: string, amountPence: number, recordedAt = effectiveFrom): Rate => ({
  effectiveFrom,
  amountPence,
  unit: 'WEEKLY',
  recordedAt,
});
const daily = (effectiveFrom: string, amountPence: number, recordedAt = effectiveFrom): Rate => ({
  effectiveFrom,
  amountPence,
  unit: 'DAILY',
  recordedAt,
});
const openEnded = (startDate: string, rates: Rate[]): CostedAgreement => ({
  startDate,
  plannedEndDate: null,
  endDate: null,
  status: 'ACTIVE',
  rates,
});
/** The day these agreements are known as at, before any planned end in this block. */
const KNOWN_ON = '2024-01-01';

describe('costBetween', () => {
  it('costs two weeks the same at £700 a week and £100 a day', () => {
    expect(
      costBetween(
        openEnded('2025-04-07', [weekly('2025-04-07', 70_000)]),
        '2025-04-07',
        '2025-04-20',
        KNOWN_ON,
      ),
    ).toBe(140_000);
    expect(
      costBetween(
        openEnded('2025-04-07', [daily('2025-04-07', 10_000)]),
        '2025-04-07',
        '2025-04-20',
        KNOWN_ON,
      ),
    ).toBe(140_000);
  });

  it('rounds a weekly rate once per range, half up, never summing fractions', () => {
    const agreement = openEnded('2025-04-01', [weekly('2025-04-01', 100)]);
    expect(costBetween(agreement, '2025-04-01', '2025-04-01', KNOWN_ON)).toBe(14); // 100/7 = 14.29
    expect(costBetween(agreement, '2025-04-01', '2025-04-03', KNOWN_ON)).toBe(43); // 300/7 = 42.86
    expect(costBetween(agreement, '2025-04-01', '2025-04-10', KNOWN_ON)).toBe(143); // 1000/7 = 142.86, not 10 × 14
  });

  it('splits at a rate change mid-agreement', () => {
    const agreement = openEnded('2025-04-01', [
      weekly('2025-04-01', 70_000, '2025-03-20'),
      weekly('2025-04-15', 84_000, '2025-04-10'),
    ]);
    // 14 days at £700/week + 14 days at £840/week
    expect(costBetween(agreement, '2025-04-01', '2025-04-28', KNOWN_ON)).toBe(140_000 + 168_000);
  });

  it('lets a backdated change supersede every earlier-recorded rate from its effective date', () => {
    const agreement = openEnded('2025-04-01', [
      weekly('2025-04-01', 70_000, '2025-03-20'),
      weekly('2025-04-15', 84_000, '2025-04-10'),
      weekly('2025-04-08', 77_000, '2025-05-01'), // recorded last, effective before the £840 rate
    ]);
    // 7 days at £700/week, then 21 days at £770/week: the £840 rate never applies.
    expect(costBetween(agreement, '2025-04-01', '2025-04-28', KNOWN_ON)).toBe(70_000 + 231_000);
  });

  it('keeps a later change that was recorded after an earlier-dated one', () => {
    const agreement = openEnded('2025-04-01', [
      weekly('2025-04-01', 70_000, '2025-03-20'),
      weekly('2025-04-15', 84_000, '2025-04-10'),
      weekly('2025-04-08', 77_000, '2025-04-05'),
    ]);
    expect(costBetween(agreement, '2025-04-01', '2025-04-28', KNOWN_ON)).toBe(70_000 + 77_000 + 168_000);
  });

  it('stops cost at an early end date', () => {
    const agreement: CostedAgreement = {
      startDate: '2025-04-01',
      plannedEndDate: '2025-09-30',
      endDate: '2025-05-10',
      status: 'ENDED',
      rates: [weekly('2025-04-01', 70_000)],
    };
    // 1 Apr to 10 May inclusive is 40 days: 70,000 × 40 / 7 = 400,000
    expect(costBetween(agreement, '2025-04-01', '2025-09-30', KNOWN_ON)).toBe(400_000);
    expect(costBetween(agreement, '2025-05-11', '2025-09-30', KNOWN_ON)).toBe(0);
  });

  it('costs nothing before the start or before any rate applies', () => {
    const agreement = openEnded('2025-04-01', [daily('2025-04-06', 1_000)]);
    expect(costBetween(agreement, '2025-03-01', '2025-04-10', KNOWN_ON)).toBe(5_000); // 6-10 April only
    expect(costBetween(agreement, '2025-04-10', '2025-04-01', KNOWN_ON)).toBe(0);
  });

  it('counts 29 days in February of a leap year', () => {
    const agreement = openEnded('2023-01-01', [daily('2023-01-01', 1_000)]);
    expect(costBetween(agreement, '2024-02-01', '2024-02-29', KNOWN_ON)).toBe(29_000);
    expect(costBetween(agreement, '2023-02-01', '2023-02-28', KNOWN_ON)).toBe(28_000);
    expect(costBetween(agreement, '2024-01-01', '2024-12-31', KNOWN_ON)).toBe(366_000);
  });

  it('refuses a fractional amount without echoing it', () => {
    const agreement = openEnded('2025-04-01', [weekly('2025-04-01', 700.5)]);
    expect(() => costBetween(agreement, '2025-04-01', '2025-04-02', KNOWN_ON)).toThrow(DomainInputError);
    expect(() => costBetween(agreement, '2025-04-01', '2025-04-02', KNOWN_ON)).toThrow(
      /^rates\[0\]\.amountPence: /,
    );
    expect(() => costBetween(agreement, '2025-04-01', '2025-04-02', KNOWN_ON)).not.toThrow(/700/);
  });

  it('always returns integers that add up exactly across any split', () => {
    // A fixed pseudo-random walk (no Math.random): odd weekly amounts and awkward splits.
    let seed = 12345;
    const next = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let trial = 0; trial < 200; trial++) {
      const agreement = openEnded('2024-01-01', [
        weekly('2024-01-01', 1 + next(200_000)),
        weekly(`2024-0${1 + next(9)}-1${next(10)}`, 1 + next(200_000), '2024-12-01'),
        daily(`2025-0${1 + next(9)}-0${1 + next(9)}`, next(50_000), '2025-12-01'),
      ]);
      const from = `2024-0${1 + next(9)}-2${next(9)}`;
      const split = `2025-0${1 + next(9)}-1${next(10)}`;
      const to = '2025-12-31';
      const whole = costBetween(agreement, from, to, KNOWN_ON);
      const before = costBetween(agreement, from, split, KNOWN_ON);
      const after =
        costBetween(agreement, split, to, KNOWN_ON) - costBetween(agreement, split, split, KNOWN_ON);
      expect(Number.isInteger(whole) && Number.isInteger(before) && Number.isInteger(after)).toBe(true);
      expect(before + after).toBe(whole);
    }
  });
});

describe('costByMonth', () => {
  it('buckets a leap-year February and sums exactly to the range cost', () => {
    const agreement = openEnded('2024-02-01', [weekly('2024-02-01', 10_000)]);
    const months = costByMonth(agreement, '2024-02-01', '2024-03-31', KNOWN_ON);
    // Running totals from 1 Feb: 29 days = 290,000/7 = 41,428.57 -> 41,429; 60 days = 85,714.29 -> 85,714.
    expect([...months]).toEqual([
      ['2024-02', 41_429],
      ['2024-03', 85_714 - 41_429],
    ]);
    expect(costBetween(agreement, '2024-03-01', '2024-03-31', KNOWN_ON)).toBe(44_285);
    expect(costBetween(agreement, '2024-02-01', '2024-03-31', KNOWN_ON)).toBe(85_714);
  });

  it('lists every month the range touches, including months without cost', () => {
    const agreement: CostedAgreement = {
      startDate: '2024-01-15',
      plannedEndDate: '2024-03-10',
      endDate: null,
      status: 'ACTIVE',
      rates: [weekly('2024-01-15', 7_000)],
    };
    expect([...costByMonth(agreement, '2023-12-20', '2024-04-05', KNOWN_ON)]).toEqual([
      ['2023-12', 0],
      ['2024-01', 17_000],
      ['2024-02', 29_000],
      ['2024-03', 10_000],
      ['2024-04', 0],
    ]);
  });
});

describe('financialYearOf', () => {
  it('puts 31 March in the year ending then and 1 April in the next', () => {
    expect(financialYearOf('2027-03-31')).toEqual({
      start: '2026-04-01',
      end: '2027-03-31',
      label: '2026/27',
    });
    expect(financialYearOf('2027-04-01')).toEqual({
      start: '2027-04-01',
      end: '2028-03-31',
      label: '2027/28',
    });
    expect(financialYearOf('2000-01-15').label).toBe('1999/00');
  });
});

describe('projectAgreement', () => {
  it('commits an open-ended agreement at its latest rate to the year end', () => {
    const projection = projectAgreement(openEnded('2025-01-01', [daily('2025-01-01', 5_000)]), '2025-06-30');
    expect(projection).toEqual({
      financialYear: { start: '2025-04-01', end: '2026-03-31', label: '2025/26' },
      toDatePence: 181 * 5_000, // 1 Jan - 30 Jun 2025
      thisFinancialYearPence: 91 * 5_000, // 1 Apr - 30 Jun
      committedPence: 274 * 5_000, // 1 Jul - 31 Mar 2026
      projectedToPlannedEndPence: null,
      runningOnPastPlannedEnd: false,
      weeklyRateNowPence: 35_000,
    });
  });

  it('commits a fixed-term agreement to its planned end within the year, and projects beyond 31 March apart', () => {
    const agreement: CostedAgreement = {
      startDate: '2025-04-01',
      plannedEndDate: '2025-04-30',
      endDate: null,
      status: 'ACTIVE',
      rates: [daily('2025-04-01', 1_000)],
    };
    expect(projectAgreement(agreement, '2025-04-10')).toMatchObject({
      toDatePence: 10_000,
      thisFinancialYearPence: 10_000,
      committedPence: 20_000,
      projectedToPlannedEndPence: 20_000,
      weeklyRateNowPence: 7_000,
    });
    const longer = { ...agreement, plannedEndDate: '2026-04-30' };
    // Committed stops at 31 March (355 days); the planned end lies 30 days beyond it.
    expect(projectAgreement(longer, '2025-04-10')).toMatchObject({
      committedPence: 355_000,
      projectedToPlannedEndPence: 385_000,
    });
  });

  it('runs an ACTIVE agreement past its planned end on at its current rate until LIFT records an end', () => {
    const overrunning: CostedAgreement = {
      startDate: '2026-01-05',
      plannedEndDate: '2026-09-30',
      endDate: null,
      status: 'ACTIVE',
      rates: [weekly('2026-01-05', 70_000), weekly('2026-06-01', 77_000, '2026-06-20')],
    };
    const projection = projectAgreement(overrunning, '2026-12-06');
    // 7 Dec 2026 to 31 Mar 2027 is 115 days at £770 a week, counted from the segment's first day.
    const segmentDaysToAsOf = 189; // 1 Jun to 6 Dec 2026
    expect(projection.committedPence).toBe(
      Math.round((77_000 * (segmentDaysToAsOf + 115)) / 7) - Math.round((77_000 * segmentDaysToAsOf) / 7),
    );
    expect(projection.committedPence).toBeGreaterThan(0);
    expect(projection.runningOnPastPlannedEnd).toBe(true);
    expect(projection.projectedToPlannedEndPence).toBeNull();
    expect(projection.weeklyRateNowPence).toBe(77_000);
    // The days already overrun were spent too: this year runs 1 Apr to 6 Dec, not to 30 Sep.
    expect(projection.thisFinancialYearPence).toBe(
      costBetween(overrunning, '2026-04-01', '2026-12-06', '2026-12-06'),
    );
    expect(costBetween(overrunning, '2026-10-01', '2026-12-06', '2026-12-06')).toBe(
      Math.round((77_000 * 67) / 7),
    );
    // Known on a day before its planned end, the same agreement is expected to stop there.
    expect(projectAgreement(overrunning, '2026-09-01')).toMatchObject({
      runningOnPastPlannedEnd: false,
      committedPence: costBetween(overrunning, '2026-09-02', '2026-09-30', '2026-09-01'),
    });
  });

  it('stops at the end LIFT records, before or after the planned end', () => {
    const early: CostedAgreement = {
      startDate: '2025-04-01',
      plannedEndDate: '2025-09-30',
      endDate: '2025-05-10',
      status: 'ENDED',
      rates: [weekly('2025-04-01', 70_000)],
    };
    expect(projectAgreement(early, '2025-06-01')).toMatchObject({
      toDatePence: 400_000,
      committedPence: 0,
      projectedToPlannedEndPence: 0,
      weeklyRateNowPence: 0,
    });
    const late = { ...early, endDate: '2025-10-14' }; // overran by two weeks, then ended
    expect(projectAgreement(late, '2025-12-01')).toMatchObject({
      toDatePence: Math.round((70_000 * 197) / 7),
      committedPence: 0,
      runningOnPastPlannedEnd: false,
    });
  });

  it('costs a cancelled agreement nothing, whatever its dates and rates', () => {
    const cancelled: CostedAgreement = {
      ...openEnded('2025-04-01', [daily('2025-04-01', 9_000)]),
      status: 'CANCELLED',
    };
    expect(projectAgreement(cancelled, '2025-06-01')).toMatchObject({
      toDatePence: 0,
      committedPence: 0,
      weeklyRateNowPence: 0,
    });
    expect(currentRateOf(cancelled, '2025-06-01')).toBeNull();
  });

  it('splits at the financial year boundary on 31 March and 1 April', () => {
    const agreement = openEnded('2025-01-01', [daily('2025-01-01', 1_000)]);
    expect(projectAgreement(agreement, '2026-03-31')).toMatchObject({
      thisFinancialYearPence: 365_000,
      committedPence: 0,
    });
    expect(projectAgreement(agreement, '2026-04-01')).toMatchObject({
      financialYear: { label: '2026/27' },
      thisFinancialYearPence: 1_000,
      committedPence: 364_000,
    });
  });

  it('commits 366 days over a financial year holding 29 February', () => {
    const agreement = openEnded('2027-01-01', [daily('2027-01-01', 1_000)]);
    const projection = projectAgreement(agreement, '2027-04-01');
    expect(projection.financialYear.label).toBe('2027/28');
    expect(projection.thisFinancialYearPence + projection.committedPence).toBe(366_000);
  });

  it('costs a rate change in the middle of a week by the day, the week summing exactly', () => {
    // Wednesday 2026-07-15: £700 a week Mon-Tue, £840 a week Wed-Sun.
    const agreement = openEnded('2026-07-13', [weekly('2026-07-13', 70_000), weekly('2026-07-15', 84_000)]);
    expect(costBetween(agreement, '2026-07-13', '2026-07-19', '2026-07-19')).toBe(20_000 + 60_000);
    const projection = projectAgreement(agreement, '2026-07-14');
    expect(projection.weeklyRateNowPence).toBe(70_000);
    expect(projection.toDatePence + costBetween(agreement, '2026-07-15', '2026-07-19', '2026-07-14')).toBe(
      80_000,
    );
  });

  it('keeps spent this year plus committed equal to the whole year as known today', () => {
    const agreement: CostedAgreement = {
      startDate: '2025-11-17',
      plannedEndDate: '2026-06-30',
      endDate: null,
      status: 'ACTIVE',
      rates: [weekly('2025-11-17', 123_457), daily('2026-02-11', 17_777, '2026-03-30')],
    };
    for (const asOf of ['2026-04-01', '2026-06-30', '2026-07-01', '2026-11-05', '2027-03-31']) {
      const p = projectAgreement(agreement, asOf);
      expect(p.thisFinancialYearPence + p.committedPence).toBe(
        costBetween(agreement, p.financialYear.start, p.financialYear.end, asOf),
      );
    }
  });
});

describe('currentRateOf', () => {
  const backdated = openEnded('2025-04-01', [
    weekly('2025-04-01', 70_000, '2025-03-20'),
    weekly('2025-04-15', 84_000, '2025-04-10'),
    weekly('2025-04-08', 77_000, '2025-05-01'), // recorded last: replaces the £840 rate too
  ]);

  it('shows the rate the costs are computed at, a backdated change winning over a later-dated rate', () => {
    expect(currentRateOf(backdated, '2025-05-10')).toEqual(backdated.rates[2]);
    expect(projectAgreement(backdated, '2025-05-10').weeklyRateNowPence).toBe(77_000);
    // Before the backdated change was recorded the £840 rate was in force from 15 April.
    expect(
      currentRateOf({ ...backdated, rates: backdated.rates.slice(0, 2) }, '2025-05-10')?.amountPence,
    ).toBe(84_000);
  });

  it('shows the rate on the last day once the agreement has ended, and none before any rate applies', () => {
    const ended: CostedAgreement = { ...backdated, endDate: '2025-04-10', status: 'ENDED' };
    expect(currentRateOf(ended, '2025-06-01')).toEqual(backdated.rates[2]);
    expect(currentRateOf(backdated, '2025-03-31')).toBeNull();
  });

  it('agrees with the rate costed on every day of a random rate history', () => {
    let seed = 987;
    const next = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let trial = 0; trial < 100; trial++) {
      const rates = Array.from({ length: 1 + next(5) }, () =>
        daily(`2025-0${1 + next(9)}-1${next(10)}`, 1 + next(90_000), `2025-0${1 + next(9)}-2${next(9)}`),
      );
      const agreement = openEnded('2025-01-01', rates);
      for (let day = 0; day < 300; day += 7) {
        const date = addDays('2025-01-01', day);
        const rate = currentRateOf(agreement, date);
        expect((rate?.amountPence ?? 0) * 7).toBe(projectAgreement(agreement, date).weeklyRateNowPence);
      }
    }
  });
});

describe('aggregating', () => {
  const placements = [
    { serviceType: 'PLACEMENT', providerType: 'PR4', pence: 120_000 },
    { serviceType: 'TRANSPORT', providerType: 'PR4', pence: 3_500 },
    { serviceType: 'PLACEMENT', providerType: 'PR1', pence: 60_000 },
  ];

  it('sums pence by a key in first-seen order', () => {
    expect([
      ...sumBy(
        placements,
        (p) => p.serviceType,
        (p) => p.pence,
      ),
    ]).toEqual([
      ['PLACEMENT', 180_000],
      ['TRANSPORT', 3_500],
    ]);
    expect(() =>
      sumBy(
        [{ pence: 0.5 }],
        () => 'x',
        (p) => p.pence,
      ),
    ).toThrow(DomainInputError);
  });

  it('adds month buckets in month order', () => {
    const totals = sumMonthlyCosts([
      new Map([
        ['2025-05', 100],
        ['2025-04', 50],
      ]),
      new Map([['2025-04', 25]]),
    ]);
    expect([...totals]).toEqual([
      ['2025-04', 75],
      ['2025-05', 100],
    ]);
  });
});
