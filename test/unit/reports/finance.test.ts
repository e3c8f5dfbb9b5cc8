import { describe, expect, it } from 'vitest';
import { costBetween, projectAgreement } from '../../../src/domain/rules/index.ts';
import {
  budgetOn,
  checkScenario,
  childrenOf,
  costFinance,
  financeReport,
  forecastOutlook,
  profileByDays,
  ReportInputError,
  sendCostsOf,
  spendBy,
  type AgreementFact,
  type BudgetLineFact,
  type SendCostFact,
} from '../../../src/domain/reports/index.ts';

const ASOF = '2026-10-31'; // financial year 2026/27; previous 2025/26

function agreement(overrides: Partial<AgreementFact> & { agreementId: string }): AgreementFact {
  return {
    lcsPersonId: 'P1',
    serviceType: 'PLACEMENT',
    placementType: 'K2',
    providerId: 'PRV1',
    providerName: 'Provider One',
    providerType: 'PR4',
    teamId: 'T1',
    status: 'ACTIVE',
    serviceLine: 'RESIDENTIAL',
    costCentre: 'CC-T1',
    startDate: '2025-01-01',
    plannedEndDate: null,
    endDate: null,
    rates: [{ effectiveFrom: '2025-01-01', amountPence: 70_000, unit: 'WEEKLY', recordedAt: '2025-01-01' }],
    ...overrides,
  };
}

describe('finance report', () => {
  it('splits an open-ended weekly placement into spent this year, committed to 31 March and last year, in exact pence', () => {
    const report = financeReport([agreement({ agreementId: 'A1' })], ASOF);
    // 1 April to 31 October is 214 days; 1 November to 31 March is 151 days; 2025/26 is 365 days.
    expect(report.totals.thisFinancialYearPence).toBe(Math.round((70_000 * 214) / 7));
    expect(report.totals.committedPence).toBe(
      Math.round((70_000 * (214 + 151)) / 7) - Math.round((70_000 * 214) / 7),
    );
    expect(report.totals.forecastYearPence).toBe(
      report.totals.thisFinancialYearPence + report.totals.committedPence,
    );
    expect(report.totals.previousYearPence).toBe(
      costBetween(agreement({ agreementId: 'A1' }), '2025-04-01', '2026-03-31', ASOF),
    );
    expect(report.totals.openEndedAgreements).toBe(1);
    // Open-ended: nothing "to planned end".
    expect(report.totals.projectedToPlannedEndPence).toBe(0);
    expect(report.financialYear.label).toBe('2026/27');
    expect(report.previousFinancialYear.label).toBe('2025/26');
  });

  it('costs a mid-year rate change, a backdated change and an early end as the domain rules do', () => {
    const changed = agreement({
      agreementId: 'A1',
      rates: [
        { effectiveFrom: '2025-01-01', amountPence: 10_000, unit: 'DAILY', recordedAt: '2025-01-01' },
        { effectiveFrom: '2026-06-01', amountPence: 12_000, unit: 'DAILY', recordedAt: '2026-05-20' },
        // recorded later, applies from an earlier day: replaces both from 2026-05-01
        { effectiveFrom: '2026-05-01', amountPence: 11_000, unit: 'DAILY', recordedAt: '2026-07-01' },
      ],
    });
    const endedEarly = agreement({
      agreementId: 'A2',
      lcsPersonId: 'P2',
      plannedEndDate: '2027-06-30',
      endDate: '2026-09-30',
      status: 'ENDED',
    });
    const report = financeReport([changed, endedEarly], ASOF);
    const a1 = projectAgreement(changed, ASOF);
    const a2 = projectAgreement(endedEarly, ASOF);
    expect(a1.thisFinancialYearPence).toBe(30 * 10_000 + 184 * 11_000); // April at 10,000, then 11,000 a day
    expect(report.totals.thisFinancialYearPence).toBe(a1.thisFinancialYearPence + a2.thisFinancialYearPence);
    expect(a2.committedPence).toBe(0);
    expect(report.totals.committedPence).toBe(a1.committedPence);
    expect(report.totals.weeklyRateNowPence).toBe(77_000);
  });

  it('commits a fixed-term agreement to 31 March only; beyond it is projected to its planned end', () => {
    const fixed = agreement({ agreementId: 'A1', plannedEndDate: '2027-06-30' });
    const report = financeReport([fixed], ASOF);
    const projection = projectAgreement(fixed, ASOF);
    expect(report.totals.committedPence).toBe(costBetween(fixed, '2026-11-01', '2027-03-31', ASOF));
    expect(report.totals.projectedToPlannedEndPence).toBe(projection.projectedToPlannedEndPence);
    expect(report.totals.projectedToPlannedEndPence).toBeGreaterThan(report.totals.committedPence);
  });

  it('commits an ACTIVE agreement past its planned end to 31 March and counts it as running on', () => {
    const overrun = agreement({ agreementId: 'A1', plannedEndDate: '2026-08-31' });
    const report = financeReport([overrun], ASOF);
    expect(report.totals.runningOnPastPlannedEnd).toBe(1);
    expect(report.totals.openEndedAgreements).toBe(1);
    // 1 November to 31 March at £700 a week: 151 days, counted on from the rate's first day.
    expect(report.totals.committedPence).toBe(
      Math.round((70_000 * (669 + 151)) / 7) - Math.round((70_000 * 669) / 7),
    );
    const ended = financeReport([{ ...overrun, status: 'ENDED', endDate: '2026-09-15' }], ASOF);
    expect(ended.totals).toMatchObject({ committedPence: 0, runningOnPastPlannedEnd: 0 });
  });

  it('groups by service, placement, provider type, provider, team and child; each grouping sums to the totals', () => {
    const agreements = [
      agreement({ agreementId: 'A1' }),
      agreement({
        agreementId: 'A2',
        serviceType: 'TRANSPORT',
        placementType: null,
        providerType: 'PR1',
        teamId: null,
        providerId: 'PRV2',
        providerName: 'Two',
      }),
      agreement({ agreementId: 'A3', lcsPersonId: 'P2', providerType: 'PR5', teamId: 'T2' }),
      agreement({ agreementId: 'A4', lcsPersonId: 'P3', status: 'CANCELLED' }),
    ];
    const report = financeReport(agreements, ASOF);
    for (const grouping of [
      report.byServiceType,
      report.byPlacementType,
      report.byProviderType,
      report.byProvider,
      report.byTeam,
      report.children,
    ]) {
      expect(grouping.reduce((sum, g) => sum + g.forecastYearPence, 0)).toBe(report.totals.forecastYearPence);
      expect(grouping.reduce((sum, g) => sum + g.agreements, 0)).toBe(3);
    }
    expect(report.totals.children).toBe(2);
    expect(report.byPlacementType.map((g) => g.key).sort()).toEqual(['K2', 'NONE']);
    expect(report.byTeam.map((g) => g.key).sort()).toEqual(['NONE', 'T1', 'T2']);
    expect(report.byProvider.find((g) => g.key === 'PRV2')?.label).toBe('Two');
    expect(report.children[0]).toMatchObject({ childKey: 'P1', agreements: 2 });
  });

  it('lists every month of the financial year, spent up to asOf and committed after, summing to the forecast', () => {
    const report = financeReport([agreement({ agreementId: 'A1' })], ASOF);
    expect(report.byMonth.map((m) => m.month)).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
    ]);
    expect(report.byMonth.find((m) => m.month === '2026-10')).toMatchObject({ committedPence: 0 });
    expect(report.byMonth.find((m) => m.month === '2026-11')).toMatchObject({ spentPence: 0 });
    const total = report.byMonth.reduce((sum, m) => sum + m.spentPence + m.committedPence, 0);
    expect(total).toBe(report.totals.forecastYearPence);
  });

  it('joins a child’s duplicate records under one key and leaves hidden children out of the ranking only', () => {
    const agreements = [
      agreement({ agreementId: 'A1', lcsPersonId: 'P1' }),
      agreement({ agreementId: 'A2', lcsPersonId: 'P1-duplicate' }),
      agreement({
        agreementId: 'A3',
        lcsPersonId: 'HIDDEN',
        rates: [
          { effectiveFrom: '2025-01-01', amountPence: 999_999, unit: 'WEEKLY', recordedAt: '2025-01-01' },
        ],
      }),
    ];
    const report = financeReport(agreements, ASOF, {
      childKeyOf: (id) => (id === 'HIDDEN' ? null : 'CHILD-1'),
    });
    expect(report.children).toHaveLength(1);
    expect(report.children[0]).toMatchObject({ childKey: 'CHILD-1', agreements: 2, children: 2 });
    expect(report.totals.agreements).toBe(3);
  });

  it('ranks one costing for each viewer by that viewer’s names, equal forecasts in the order of those names', () => {
    const costed = costFinance(
      [
        agreement({ agreementId: 'A1', lcsPersonId: 'P1' }),
        agreement({ agreementId: 'A2', lcsPersonId: 'P2' }),
      ],
      ASOF,
    );
    const named = (names: Record<string, string | null>) =>
      childrenOf(costed, (id) => names[id] ?? null).map((c) => c.childKey);
    expect(named({ P1: 'B', P2: 'A' })).toEqual(['A', 'B']);
    expect(named({ P1: 'A', P2: 'B' })).toEqual(['A', 'B']);
    expect(named({ P1: 'A', P2: null })).toEqual(['A']);
    expect(childrenOf(costed, () => 'ONE')).toMatchObject([{ childKey: 'ONE', agreements: 2, children: 2 }]);
  });

  it('change against the previous year is forecast minus last year', () => {
    const started = agreement({
      agreementId: 'A1',
      startDate: '2025-10-01',
      rates: [{ effectiveFrom: '2025-10-01', amountPence: 700, unit: 'DAILY', recordedAt: '2025-10-01' }],
    });
    const report = financeReport([started], ASOF);
    expect(report.totals.previousYearPence).toBe(182 * 700); // 1 October 2025 to 31 March 2026
    expect(report.totals.forecastYearPence).toBe(365 * 700);
    expect(report.totals.changePence).toBe((365 - 182) * 700);
  });

  it('breaks one child’s agreements down by any key (the per-child breakdown)', () => {
    const groups = spendBy(
      [agreement({ agreementId: 'A1' }), agreement({ agreementId: 'A2', serviceType: 'ALLOWANCE' })],
      ASOF,
      (a) => a.serviceType,
    );
    expect(groups.map((g) => g.key).sort()).toEqual(['ALLOWANCE', 'PLACEMENT']);
    expect(groups[0]!.toDatePence).toBe(projectAgreement(agreement({ agreementId: 'A1' }), ASOF).toDatePence);
  });
});

const line = (overrides: Partial<BudgetLineFact>): BudgetLineFact => ({
  budgetLineId: 'BL1',
  financialYear: '2026/27',
  serviceLine: 'RESIDENTIAL',
  costCentre: 'CC-T1',
  teamId: 'T1',
  placementType: 'K2',
  fundingStream: 'GENERAL_FUND',
  originalBudgetPence: 3_650_000,
  virements: [],
  ...overrides,
});

describe('budgets and variance', () => {
  it('spreads a budget over the months by days, summing exactly, across a leap February', () => {
    const months = profileByDays(3_660_001, { start: '2027-04-01', end: '2028-03-31', label: '2027/28' });
    expect(months.get('2028-02')).toBe(
      Math.round((3_660_001 * 335) / 366) - Math.round((3_660_001 * 306) / 366),
    );
    expect([...months.values()].reduce((a, b) => a + b, 0)).toBe(3_660_001);
    expect(months.get('2027-04')).toBe(300_000);
    const negative = profileByDays(-1_000, { start: '2026-04-01', end: '2027-03-31', label: '2026/27' });
    expect([...negative.values()].reduce((a, b) => a + b, 0)).toBe(-1_000);
  });

  it('counts virements in effect on or before asOf, not later ones', () => {
    const withVirements = line({
      virements: [
        { effectiveDate: '2026-06-01', amountPence: 200_000 },
        { effectiveDate: '2026-10-31', amountPence: -50_000 },
        { effectiveDate: '2026-11-01', amountPence: 999_000 },
      ],
    });
    expect(budgetOn(withVirements, ASOF)).toEqual({ original: 3_650_000, virements: 150_000 });
  });

  it('shows budget, spend to date, committed, forecast and variance, and the months a line overspends', () => {
    // £100 a day from 1 April: 365 days cost 3,650,000 against a budget of 3,000,000 + 100,000 virement.
    const daily = agreement({
      agreementId: 'A1',
      startDate: '2026-04-01',
      rates: [{ effectiveFrom: '2026-04-01', amountPence: 10_000, unit: 'DAILY', recordedAt: '2026-04-01' }],
    });
    const unbudgeted = agreement({
      agreementId: 'A2',
      serviceLine: 'TRANSPORT',
      placementType: null,
      teamId: 'T2',
      costCentre: 'CC-T2',
    });
    const report = financeReport([daily, unbudgeted], ASOF, {
      budgetLines: [
        line({
          originalBudgetPence: 3_000_000,
          virements: [{ effectiveDate: '2026-05-01', amountPence: 100_000 }],
        }),
        line({ budgetLineId: 'OLD', financialYear: '2025/26', originalBudgetPence: 1 }),
      ],
    });
    const residential = report.budget.byServiceLine.find((r) => r.key === 'RESIDENTIAL')!;
    expect(residential).toMatchObject({
      budgetLines: 1,
      originalBudgetPence: 3_000_000,
      virementsPence: 100_000,
      budgetPence: 3_100_000,
      spentYearToDatePence: 214 * 10_000,
      committedPence: 151 * 10_000,
      forecastPence: 3_650_000,
      variancePence: 550_000,
      variancePercent: 17.7,
    });
    // Each month costs more than its share of 3.1m (days × 8,493), so every month is over; the
    // whole budget is used up in February (cumulative 3,340,000 by January, 3,620,000 by February).
    expect(residential.overBudgetMonths).toHaveLength(12);
    expect(residential.budgetExceededIn).toBe('2027-02');
    expect(residential.months.reduce((t, m) => t + m.budgetPence, 0)).toBe(3_100_000);
    const transport = report.budget.byServiceLine.find((r) => r.key === 'TRANSPORT')!;
    expect(transport).toMatchObject({ budgetLines: 0, budgetPence: 0, variancePercent: null });
    expect(transport.forecastPence).toBeGreaterThan(0);
    expect(report.budget.totals.forecastPence).toBe(report.totals.forecastYearPence);
    expect(report.budget.byTeam.map((r) => r.key).sort()).toEqual(['T1', 'T2']);
    expect(report.budget.byPlacementType.map((r) => r.key).sort()).toEqual(['K2', 'NONE']);
  });

  it('charges an agreement to its placement type’s line, else to its service line’s line without one', () => {
    const k2 = agreement({ agreementId: 'A1' });
    const r1 = agreement({ agreementId: 'A2', placementType: 'R1' });
    const report = financeReport([k2, r1], ASOF, {
      budgetLines: [line({}), line({ budgetLineId: 'BL2', placementType: null, originalBudgetPence: 10 })],
    });
    const byType = new Map(report.budget.byPlacementType.map((r) => [r.key, r]));
    expect(byType.get('K2')!.forecastPence).toBe(
      projectAgreement(k2, ASOF).thisFinancialYearPence + projectAgreement(k2, ASOF).committedPence,
    );
    expect(byType.get('NONE')!.budgetPence).toBe(10);
    expect(byType.get('NONE')!.forecastPence).toBe(byType.get('K2')!.forecastPence);
  });
});

describe('unit costs and the forecast outlook', () => {
  const weekly = (from: string, amountPence: number) => [
    { effectiveFrom: from, amountPence, unit: 'WEEKLY' as const, recordedAt: from },
  ];

  it('averages the weekly cost per child by placement type and provider type, rounding half up', () => {
    const report = financeReport(
      [
        agreement({ agreementId: 'A1', lcsPersonId: 'P1', rates: weekly('2025-01-01', 100_001) }),
        agreement({
          agreementId: 'A2',
          lcsPersonId: 'P1',
          serviceType: 'TRANSPORT',
          rates: weekly('2025-01-01', 2),
        }),
        agreement({ agreementId: 'A3', lcsPersonId: 'P2', rates: weekly('2025-01-01', 200_000) }),
        agreement({ agreementId: 'A4', lcsPersonId: 'P3', status: 'ENDED', endDate: '2026-01-01' }),
      ],
      ASOF,
    );
    expect(report.unitCosts.byPlacementType).toEqual([
      { key: 'K2', children: 2, weeklyCostPence: 300_003, averageWeeklyCostPence: 150_002 },
    ]);
    expect(report.unitCosts.byProviderType[0]).toMatchObject({ key: 'PR4', children: 2 });
  });

  it('projects new placements from last year’s starts and step-downs from last year’s endings, apart from committed', () => {
    // Twelve K2 placements started in the trailing twelve months (1 Nov 2025 – 31 Oct 2026), one a month.
    const starts = Array.from({ length: 12 }, (_, i) => {
      const start = `${i < 2 ? 2025 : 2026}-${String(((i + 10) % 12) + 1).padStart(2, '0')}-15`;
      return agreement({
        agreementId: `S${i}`,
        lcsPersonId: `C${i}`,
        startDate: start,
        rates: weekly(start, 70_000),
      });
    });
    const report = financeReport(starts, ASOF);
    const outlook = forecastOutlook(report.outlookBasis);
    const basis = report.outlookBasis.byPlacementType.get('K2')!;
    expect(basis).toMatchObject({ starts: 12, endings: 0, averageWeeklyCostPence: 70_000 });
    // 151 days to 31 March; 12 starts over 365 days; each costs £700 a week to 31 March.
    expect(outlook.newPlacementsPence).toBe(Math.round((12 * 70_000 * (151 * 152)) / 2 / 7 / 365));
    expect(outlook.stepDownsPence).toBe(0);
    expect(report.totals.committedPence).toBe(
      starts.reduce((t, a) => t + projectAgreement(a, ASOF).committedPence, 0),
    );

    const ending = [
      ...starts,
      agreement({
        agreementId: 'E1',
        lcsPersonId: 'X1',
        startDate: '2025-12-01',
        status: 'ENDED',
        endDate: '2026-06-30',
        rates: weekly('2025-12-01', 70_000),
      }),
    ];
    const withEndings = forecastOutlook(financeReport(ending, ASOF).outlookBasis);
    expect(withEndings.stepDownsPence).toBeGreaterThan(0);
    // Never more than stopping every agreement without a known end tomorrow would save.
    expect(withEndings.stepDownsPence).toBeLessThan(report.totals.committedPence);
  });

  it('costs a scenario from its start (or tomorrow) to 31 March and checks it', () => {
    const report = financeReport([agreement({ agreementId: 'A1' })], ASOF);
    const basis = report.outlookBasis;
    const ten = forecastOutlook(
      basis,
      checkScenario([{ placementType: 'K2', count: 10, from: '2027-01-01' }], basis),
    );
    expect(ten.scenarioPence).toBe(10 * Math.round((70_000 * 90) / 7));
    const early = forecastOutlook(basis, [
      { placementType: 'R1', count: 1, from: '2026-04-01', weeklyCostPence: 7 },
    ]);
    expect(early.scenarioPence).toBe(151); // from tomorrow, not from April
    for (const bad of [
      { placementType: 'K2', count: 0, from: '2027-01-01' },
      { placementType: 'K2', count: 1, from: '2027-04-01' },
      { placementType: 'k2;', count: 1, from: '2027-01-01' },
      { placementType: 'R1', count: 1, from: '2027-01-01' },
      { placementType: 'K2', count: 1, from: '2027-01-01', weeklyCostPence: 0.5 },
    ])
      expect(() => checkScenario([bad], basis)).toThrow(ReportInputError);
  });
});

describe('SEND and high needs', () => {
  const send = (overrides: Partial<SendCostFact> & { sendCostId: string }): SendCostFact => ({
    pupilId: 'PU1',
    costType: 'TOP_UP',
    fundingStream: 'HIGH_NEEDS_BLOCK',
    serviceLine: 'TOP_UP',
    costCentre: 'CC-HIGH-NEEDS',
    status: 'ACTIVE',
    startDate: '2025-09-01',
    plannedEndDate: null,
    endDate: null,
    rates: [{ effectiveFrom: '2025-09-01', amountPence: 7_000, unit: 'DAILY', recordedAt: '2025-09-01' }],
    ...overrides,
  });

  it('costs SEND lines per pupil and in aggregate, and the High Needs Block against its own budget lines only', () => {
    const costs = [
      send({ sendCostId: 'S1' }),
      send({ sendCostId: 'S2', pupilId: 'PU2' }),
      send({
        sendCostId: 'S3',
        costType: 'SEN_TRANSPORT',
        fundingStream: 'GENERAL_FUND',
        serviceLine: 'SEN_TRANSPORT',
        costCentre: 'CC-SEN-TRANSPORT',
      }),
      send({ sendCostId: 'S4', pupilId: 'PU3', status: 'CANCELLED' }),
      // Overran its planned end in July: still ACTIVE, so it runs on to 31 March.
      send({
        sendCostId: 'S5',
        pupilId: 'PU4',
        costType: 'PERSONAL_BUDGET',
        serviceLine: 'PERSONAL_BUDGET',
        plannedEndDate: '2026-07-31',
      }),
    ];
    const report = financeReport([], ASOF, {
      sendCosts: costs,
      budgetLines: [
        line({
          serviceLine: 'TOP_UP',
          costCentre: 'CC-HIGH-NEEDS',
          teamId: null,
          placementType: null,
          fundingStream: 'HIGH_NEEDS_BLOCK',
          originalBudgetPence: 5_000_000,
        }),
        line({
          serviceLine: 'SEN_TRANSPORT',
          costCentre: 'CC-SEN-TRANSPORT',
          teamId: null,
          placementType: null,
          originalBudgetPence: 9_999,
        }),
      ],
    });
    const year = 365 * 7_000; // 1 April 2026 to 31 March 2027 at £70 a day
    const byType = new Map(report.highNeeds.byCostType.map((r) => [r.key, r]));
    expect(byType.get('TOP_UP')).toMatchObject({
      fundingStream: 'HIGH_NEEDS_BLOCK',
      pupils: 2,
      costs: 2,
      spentYearToDatePence: 2 * 214 * 7_000,
      committedPence: 2 * 151 * 7_000,
      forecastPence: 2 * year,
      forecastPerPupilPence: year,
      weeklyCostNowPence: 2 * 49_000,
    });
    expect(byType.get('PERSONAL_BUDGET')!.forecastPence).toBe(year);
    expect(report.highNeeds.totals).toMatchObject({
      pupils: 3,
      costs: 4,
      forecastPence: 4 * year,
      fundingStream: 'MIXED',
    });
    expect(report.highNeeds.highNeedsBlock).toEqual({
      budgetPence: 5_000_000,
      forecastPence: 3 * year,
      variancePence: 3 * year - 5_000_000,
      variancePercent: Math.round(((3 * year - 5_000_000) / 5_000_000) * 1000) / 10,
    });
    // SEND lines sit in the budget table beside care, charged to their own lines.
    expect(report.budget.byServiceLine.find((r) => r.key === 'SEN_TRANSPORT')).toMatchObject({
      budgetPence: 9_999,
      forecastPence: year,
    });
    expect(
      sendCostsOf(
        costs.filter((c) => c.pupilId === 'PU1'),
        ASOF,
      )
        .map((r) => r.key)
        .sort(),
    ).toEqual(['SEN_TRANSPORT', 'TOP_UP']);
  });
});
