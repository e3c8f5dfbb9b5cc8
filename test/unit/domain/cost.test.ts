import { describe, expect, it } from 'vitest';
import {
  costBetween,
  costByMonth,
  financialYearOf,
  projectAgreement,
  type CostedAgreement,
  type Rate,
} from '../../../src/domain/cost.ts';
import {
  sumBy,
  sumMonthlyCosts,
  totalProjections,
  totalProjectionsBy,
} from '../../../src/domain/aggregate.ts';
import { DomainInputError } from '../../../src/domain/errors.ts';

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
  rates,
});

describe('costBetween', () => {
  it('costs two weeks the same at £700 a week and £100 a day', () => {
    expect(
      costBetween(openEnded('2025-04-07', [weekly('2025-04-07', 70_000)]), '2025-04-07', '2025-04-20'),
    ).toBe(140_000);
    expect(
      costBetween(openEnded('2025-04-07', [daily('2025-04-07', 10_000)]), '2025-04-07', '2025-04-20'),
    ).toBe(140_000);
  });

  it('rounds a weekly rate once per range, half up, never summing fractions', () => {
    const agreement = openEnded('2025-04-01', [weekly('2025-04-01', 100)]);
    expect(costBetween(agreement, '2025-04-01', '2025-04-01')).toBe(14); // 100/7 = 14.29
    expect(costBetween(agreement, '2025-04-01', '2025-04-03')).toBe(43); // 300/7 = 42.86
    expect(costBetween(agreement, '2025-04-01', '2025-04-10')).toBe(143); // 1000/7 = 142.86, not 10 × 14
  });

  it('splits at a rate change mid-agreement', () => {
    const agreement = openEnded('2025-04-01', [
      weekly('2025-04-01', 70_000, '2025-03-20'),
      weekly('2025-04-15', 84_000, '2025-04-10'),
    ]);
    // 14 days at £700/week + 14 days at £840/week
    expect(costBetween(agreement, '2025-04-01', '2025-04-28')).toBe(140_000 + 168_000);
  });

  it('lets a backdated change supersede every earlier-recorded rate from its effective date', () => {
    const agreement = openEnded('2025-04-01', [
      weekly('2025-04-01', 70_000, '2025-03-20'),
      weekly('2025-04-15', 84_000, '2025-04-10'),
      weekly('2025-04-08', 77_000, '2025-05-01'), // recorded last, effective before the £840 rate
    ]);
    // 7 days at £700/week, then 21 days at £770/week: the £840 rate never applies.
    expect(costBetween(agreement, '2025-04-01', '2025-04-28')).toBe(70_000 + 231_000);
  });

  it('keeps a later change that was recorded after an earlier-dated one', () => {
    const agreement = openEnded('2025-04-01', [
      weekly('2025-04-01', 70_000, '2025-03-20'),
      weekly('2025-04-15', 84_000, '2025-04-10'),
      weekly('2025-04-08', 77_000, '2025-04-05'),
    ]);
    expect(costBetween(agreement, '2025-04-01', '2025-04-28')).toBe(70_000 + 77_000 + 168_000);
  });

  it('stops cost at an early end date', () => {
    const agreement: CostedAgreement = {
      startDate: '2025-04-01',
      plannedEndDate: '2025-09-30',
      endDate: '2025-05-10',
      rates: [weekly('2025-04-01', 70_000)],
    };
    // 1 Apr to 10 May inclusive is 40 days: 70,000 × 40 / 7 = 400,000
    expect(costBetween(agreement, '2025-04-01', '2025-09-30')).toBe(400_000);
    expect(costBetween(agreement, '2025-05-11', '2025-09-30')).toBe(0);
  });

  it('costs nothing before the start or before any rate applies', () => {
    const agreement = openEnded('2025-04-01', [daily('2025-04-06', 1_000)]);
    expect(costBetween(agreement, '2025-03-01', '2025-04-10')).toBe(5_000); // 6-10 April only
    expect(costBetween(agreement, '2025-04-10', '2025-04-01')).toBe(0);
  });

  it('counts 29 days in February of a leap year', () => {
    const agreement = openEnded('2023-01-01', [daily('2023-01-01', 1_000)]);
    expect(costBetween(agreement, '2024-02-01', '2024-02-29')).toBe(29_000);
    expect(costBetween(agreement, '2023-02-01', '2023-02-28')).toBe(28_000);
    expect(costBetween(agreement, '2024-01-01', '2024-12-31')).toBe(366_000);
  });

  it('refuses a fractional amount without echoing it', () => {
    const agreement = openEnded('2025-04-01', [weekly('2025-04-01', 700.5)]);
    expect(() => costBetween(agreement, '2025-04-01', '2025-04-02')).toThrow(DomainInputError);
    expect(() => costBetween(agreement, '2025-04-01', '2025-04-02')).toThrow(/^rates\[0\]\.amountPence: /);
    expect(() => costBetween(agreement, '2025-04-01', '2025-04-02')).not.toThrow(/700/);
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
      const whole = costBetween(agreement, from, to);
      const before = costBetween(agreement, from, split);
      const after = costBetween(agreement, split, to) - costBetween(agreement, split, split);
      expect(Number.isInteger(whole) && Number.isInteger(before) && Number.isInteger(after)).toBe(true);
      expect(before + after).toBe(whole);
    }
  });
});

describe('costByMonth', () => {
  it('buckets a leap-year February and sums exactly to the range cost', () => {
    const agreement = openEnded('2024-02-01', [weekly('2024-02-01', 10_000)]);
    const months = costByMonth(agreement, '2024-02-01', '2024-03-31');
    // Running totals from 1 Feb: 29 days = 290,000/7 = 41,428.57 -> 41,429; 60 days = 85,714.29 -> 85,714.
    expect([...months]).toEqual([
      ['2024-02', 41_429],
      ['2024-03', 85_714 - 41_429],
    ]);
    expect(costBetween(agreement, '2024-03-01', '2024-03-31')).toBe(44_285);
    expect(costBetween(agreement, '2024-02-01', '2024-03-31')).toBe(85_714);
  });

  it('lists every month the range touches, including months without cost', () => {
    const agreement: CostedAgreement = {
      startDate: '2024-01-15',
      plannedEndDate: '2024-03-10',
      endDate: null,
      rates: [weekly('2024-01-15', 7_000)],
    };
    expect([...costByMonth(agreement, '2023-12-20', '2024-04-05')]).toEqual([
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
  it('projects an open-ended agreement at its latest rate to the year end', () => {
    const projection = projectAgreement(openEnded('2025-01-01', [daily('2025-01-01', 5_000)]), '2025-06-30');
    expect(projection).toEqual({
      financialYear: { start: '2025-04-01', end: '2026-03-31', label: '2025/26' },
      toDatePence: 181 * 5_000, // 1 Jan - 30 Jun 2025
      thisFinancialYearPence: 91 * 5_000, // 1 Apr - 30 Jun
      projectedToYearEndPence: 274 * 5_000, // 1 Jul - 31 Mar 2026
      projectedToPlannedEndPence: null,
      committedPence: (181 + 274) * 5_000,
      weeklyRateNowPence: 35_000,
    });
  });

  it('projects to the planned end and commits to it', () => {
    const agreement: CostedAgreement = {
      startDate: '2025-04-01',
      plannedEndDate: '2025-04-30',
      endDate: null,
      rates: [daily('2025-04-01', 1_000)],
    };
    expect(projectAgreement(agreement, '2025-04-10')).toMatchObject({
      toDatePence: 10_000,
      thisFinancialYearPence: 10_000,
      projectedToYearEndPence: 20_000,
      projectedToPlannedEndPence: 20_000,
      committedPence: 30_000,
      weeklyRateNowPence: 7_000,
    });
  });

  it('stops at an early end: nothing more projected, no current rate', () => {
    const agreement: CostedAgreement = {
      startDate: '2025-04-01',
      plannedEndDate: '2025-09-30',
      endDate: '2025-05-10',
      rates: [weekly('2025-04-01', 70_000)],
    };
    expect(projectAgreement(agreement, '2025-06-01')).toMatchObject({
      toDatePence: 400_000,
      projectedToYearEndPence: 0,
      projectedToPlannedEndPence: 0,
      committedPence: 400_000,
      weeklyRateNowPence: 0,
    });
  });

  it('splits at the financial year boundary on 31 March and 1 April', () => {
    const agreement = openEnded('2025-01-01', [daily('2025-01-01', 1_000)]);
    expect(projectAgreement(agreement, '2026-03-31')).toMatchObject({
      thisFinancialYearPence: 365_000,
      projectedToYearEndPence: 0,
    });
    expect(projectAgreement(agreement, '2026-04-01')).toMatchObject({
      financialYear: { label: '2026/27' },
      thisFinancialYearPence: 1_000,
      projectedToYearEndPence: 364_000,
    });
  });

  it('reports a weekly rate now after a rate change, and a daily rate as seven days', () => {
    const agreement = openEnded('2025-04-01', [
      daily('2025-04-01', 10_000, '2025-03-20'),
      weekly('2025-05-01', 84_000, '2025-04-20'),
    ]);
    expect(projectAgreement(agreement, '2025-04-30').weeklyRateNowPence).toBe(70_000);
    expect(projectAgreement(agreement, '2025-05-01').weeklyRateNowPence).toBe(84_000);
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

  it('totals projections by provider type, counting open-ended agreements', () => {
    const asOf = '2025-04-10';
    const agreements = [
      { providerType: 'PR4', agreement: openEnded('2025-04-01', [daily('2025-04-01', 1_000)]) },
      {
        providerType: 'PR4',
        agreement: {
          startDate: '2025-04-01',
          plannedEndDate: '2025-04-30',
          endDate: null,
          rates: [daily('2025-04-01', 2_000)],
        },
      },
      { providerType: 'PR1', agreement: openEnded('2025-04-01', [weekly('2025-04-01', 7_000)]) },
    ];
    const byProvider = totalProjectionsBy(
      agreements,
      (a) => a.providerType,
      (a) => projectAgreement(a.agreement, asOf),
    );
    // PR4: 10 days to date at £10 + £20 a day; £10/day open-ended runs 355 days to 31 Mar 2026; the
    // £20/day one runs 20 more days to its planned end.
    expect(byProvider.get('PR4')).toEqual({
      agreements: 2,
      openEndedAgreements: 1,
      toDatePence: 30_000,
      thisFinancialYearPence: 30_000,
      projectedToYearEndPence: 355_000 + 40_000,
      projectedToPlannedEndPence: 40_000,
      committedPence: 10_000 + 355_000 + 20_000 + 40_000,
      weeklyRateNowPence: 21_000,
    });
    expect(totalProjections(agreements.map((a) => projectAgreement(a.agreement, asOf))).agreements).toBe(3);
  });
});
