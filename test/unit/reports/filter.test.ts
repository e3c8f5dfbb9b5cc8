import { describe, expect, it } from 'vitest';
import { teamFilter } from '../../../src/domain/reports/index.ts';

const filter = teamFilter(
  ['T1', 'T2'],
  [
    { personId: 'A', teamId: 'T1', startDate: '2026-01-05', endDate: '2026-02-27' },
    { personId: 'A', teamId: 'T9', startDate: '2026-02-27', endDate: null }, // another service's team
    { personId: 'B', teamId: 'T2', startDate: '2024-02-29', endDate: null },
  ],
);

describe('narrowing a report to some teams', () => {
  it('owns records carrying one of its teams, and nothing without a team', () => {
    expect(filter.ownsTeam('T2')).toBe(true);
    expect(filter.ownsTeam('T9')).toBe(false);
    expect(filter.ownsTeam(null)).toBe(false);
  });

  it('holds a child from the day the involvement starts until the day before it ends', () => {
    expect(filter.heldOn('A', '2026-01-04')).toBe(false);
    expect(filter.heldOn('A', '2026-01-05')).toBe(true);
    expect(filter.heldOn('A', '2026-02-26')).toBe(true);
    expect(filter.heldOn('A', '2026-02-27')).toBe(false); // ended that day; T9 holds it now
    expect(filter.heldOn('B', '2024-02-29')).toBe(true); // from a leap day, open
    expect(filter.heldOn('C', '2026-01-10')).toBe(false);
  });

  it('holds a plan when the team held the child at some point during it', () => {
    expect(filter.heldDuring('A', '2025-06-01', '2026-01-05')).toBe(false); // ended as the holding began
    expect(filter.heldDuring('A', '2025-06-01', '2026-01-06')).toBe(true);
    expect(filter.heldDuring('A', '2026-02-27', null)).toBe(false); // began as the holding ended
    expect(filter.heldDuring('A', '2026-02-26', null)).toBe(true);
    expect(filter.heldDuring('A', '2026-01-05', '2026-01-05')).toBe(true); // ended the day it began
  });
});
