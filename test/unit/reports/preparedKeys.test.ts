/**
 * Issue 18: reports never start cold. The months kept prepared must hold every month the README's
 * 12-month reports read, look-backs included, or their first asking reads those months upstream.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPLETION_LOOKBACK_MONTHS,
  completionMonths,
  monthsBetween,
  preparedEhcpRequestMonths,
  preparedMonths,
  reReferralMonths,
} from '../../../src/domain/reports/index.ts';

const today = '2026-11-30';
/** The README's period: the twelve months to the end of last month. */
const period = { from: '2025-11-01', to: '2026-10-31' };

describe('the months kept prepared', () => {
  it("hold every month of a 12-month period's assessments, ICPCs, contacts and re-referrals", () => {
    const prepared = new Set(preparedMonths(today));
    const read = [
      ...completionMonths(period, COMPLETION_LOOKBACK_MONTHS.assessments),
      ...completionMonths(period, COMPLETION_LOOKBACK_MONTHS.icpcs),
      ...monthsBetween(period.from, period.to),
      ...reReferralMonths(period),
    ];
    expect(read.filter((m) => !prepared.has(m))).toEqual([]);
  });

  it('hold every month of EHC needs assessment requests whose final plans a 12-month period counts', () => {
    const prepared = new Set(preparedEhcpRequestMonths(today));
    const read = completionMonths(period, COMPLETION_LOOKBACK_MONTHS.ehcpPlans);
    expect(read.filter((m) => !prepared.has(m))).toEqual([]);
    expect(preparedEhcpRequestMonths(today).at(-1)).toBe('2026-11');
  });
});
