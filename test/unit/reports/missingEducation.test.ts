import { describe, expect, it } from 'vitest';
import {
  checkPeriod,
  daysMissing,
  median,
  missingEducationMeasures,
  openReferrals,
  type CmeEpisodeFact,
} from '../../../src/domain/reports/index.ts';

let n = 0;
const cme = (reportedMissingDate: string, closedDate: string | null = null, outcome: string | null = null) =>
  ({
    cmeId: `C${++n}`,
    pupilId: 'P1',
    reportedMissingDate,
    closedDate,
    outcome: closedDate === null ? null : (outcome ?? 'FOUND_IN_SCHOOL'),
  }) satisfies CmeEpisodeFact;

describe('children missing education', () => {
  const period = checkPeriod('2024-01-01', '2024-03-31');

  it('counts referrals reported on the period’s first and last days, not the days either side', () => {
    const m = missingEducationMeasures(
      [cme('2023-12-31'), cme('2024-01-01'), cme('2024-03-31'), cme('2024-04-01')],
      period,
      '2024-06-30',
    );
    expect(m.newInPeriod).toBe(2);
  });

  it('counts closures on the first and last days by outcome, largest first', () => {
    const m = missingEducationMeasures(
      [
        cme('2023-11-01', '2024-01-01', 'MOVED_OUT_OF_AREA'),
        cme('2023-11-01', '2024-03-31', 'FOUND_IN_SCHOOL'),
        cme('2024-02-01', '2024-02-10', 'FOUND_IN_SCHOOL'),
        cme('2023-11-01', '2023-12-31', 'LEFT_ENGLAND'),
        cme('2024-03-01', '2024-04-01', 'LEFT_ENGLAND'),
      ],
      period,
      '2024-06-30',
    );
    expect(m.closedInPeriod).toBe(3);
    expect(m.closedByOutcome).toEqual([
      { outcome: 'FOUND_IN_SCHOOL', count: 2 },
      { outcome: 'MOVED_OUT_OF_AREA', count: 1 },
    ]);
  });

  it('is open on asOf when reported on or before it and not closed on or before it', () => {
    const m = missingEducationMeasures(
      [
        cme('2024-03-31'), // reported on asOf: open
        cme('2024-01-01', '2024-03-31'), // closed on asOf: not open
        cme('2024-01-01', '2024-04-01'), // closed after asOf: open on asOf
        cme('2024-04-01'), // reported after asOf: unknown
      ],
      period,
      '2024-03-31',
    );
    expect(m.openAtAsOf).toBe(2);
    expect(m.newInPeriod).toBe(3);
    expect(m.closedInPeriod).toBe(1);
  });

  it('takes the median days missing over closures in the period (leap day counted), mean of the middle two', () => {
    expect(daysMissing(cme('2024-02-28', '2024-03-01'))).toBe(2);
    expect(daysMissing(cme('2024-02-28'))).toBeNull();
    const m = missingEducationMeasures(
      [
        cme('2024-02-28', '2024-03-01'), // 2
        cme('2024-01-01', '2024-01-11'), // 10
        cme('2023-12-01', '2024-01-05'), // 35
        cme('2023-10-01', '2024-03-31'), // 182
      ],
      period,
      '2024-06-30',
    );
    expect(m.medianDaysMissing).toBe(22.5);
    expect(median([])).toBeNull();
    expect(median([7, 1, 3])).toBe(3);
    expect(missingEducationMeasures([], period, '2024-06-30').medianDaysMissing).toBeNull();
  });
});

describe('the children behind the open count', () => {
  it('lists referrals open on asOf, longest missing first: reported on asOf is open, closed on asOf is not', () => {
    const a = cme('2024-03-31');
    const b = cme('2024-01-01', '2024-03-31');
    const c = cme('2023-12-01', '2024-04-02');
    const d = cme('2024-04-01');
    expect(openReferrals([a, b, c, d], '2024-03-31')).toEqual([c, a]);
  });
});
