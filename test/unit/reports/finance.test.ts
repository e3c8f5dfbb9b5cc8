import { describe, expect, it } from 'vitest';
import { costBetween, projectAgreement } from '../../../src/domain/index.ts';
import { financeReport, spendBy, type AgreementFact } from '../../../src/reports/index.ts';

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
    startDate: '2025-01-01',
    plannedEndDate: null,
    endDate: null,
    rates: [{ effectiveFrom: '2025-01-01', amountPence: 70_000, unit: 'WEEKLY', recordedAt: '2025-01-01' }],
    ...overrides,
  };
}

describe('finance report', () => {
  it('splits an open-ended weekly placement into spent this year, projected to 31 March and last year, in exact pence', () => {
    const report = financeReport([agreement({ agreementId: 'A1' })], ASOF);
    // 1 April to 31 October is 214 days; 1 November to 31 March is 151 days; 2025/26 is 365 days.
    expect(report.totals.thisFinancialYearPence).toBe(Math.round((70_000 * 214) / 7));
    expect(report.totals.projectedToYearEndPence).toBe(
      Math.round((70_000 * (214 + 151)) / 7) - Math.round((70_000 * 214) / 7),
    );
    expect(report.totals.forecastYearPence).toBe(
      report.totals.thisFinancialYearPence + report.totals.projectedToYearEndPence,
    );
    expect(report.totals.previousYearPence).toBe(
      costBetween(agreement({ agreementId: 'A1' }), '2025-04-01', '2026-03-31'),
    );
    expect(report.totals.openEndedAgreements).toBe(1);
    // Open-ended: committed to 31 March only, and nothing "to planned end".
    expect(report.totals.committedPence).toBe(report.totals.projectedToYearEndPence);
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
    expect(a2.projectedToYearEndPence).toBe(0);
    expect(report.totals.projectedToYearEndPence).toBe(a1.projectedToYearEndPence);
    expect(report.totals.weeklyRateNowPence).toBe(77_000);
  });

  it('counts a fixed-term agreement as committed to its planned end, beyond the year end', () => {
    const fixed = agreement({ agreementId: 'A1', plannedEndDate: '2027-06-30' });
    const report = financeReport([fixed], ASOF);
    const projection = projectAgreement(fixed, ASOF);
    expect(report.totals.committedPence).toBe(projection.projectedToPlannedEndPence);
    expect(report.totals.projectedToPlannedEndPence).toBeGreaterThan(report.totals.projectedToYearEndPence);
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

  it('lists every month of the financial year, spent up to asOf and projected after, summing to the forecast', () => {
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
    expect(report.byMonth.find((m) => m.month === '2026-10')).toMatchObject({ projectedPence: 0 });
    expect(report.byMonth.find((m) => m.month === '2026-11')).toMatchObject({ spentPence: 0 });
    const total = report.byMonth.reduce((sum, m) => sum + m.spentPence + m.projectedPence, 0);
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
