/**
 * Counting timescale results for a team, a service or a return: how many on time, late, due and
 * overdue, and the share of completed items done on time (the figure published as, e.g., "EHCPs
 * issued within 20 weeks": exceptions excluded, open items not yet in the denominator).
 */
import type { TimescaleResult } from './timescaleStatus.ts';

export interface TimescaleSummary {
  readonly onTime: number;
  readonly late: number;
  readonly due: number;
  readonly overdue: number;
  /** Results flagged `includedInOnTimeMeasure: false` (e.g. the EHCP 20-week exception); not in the counts above. */
  readonly excluded: number;
  /** onTime ÷ (onTime + late), between 0 and 1; null when nothing has been completed. */
  readonly completedOnTimeRatio: number | null;
}

export function summariseTimescales(
  results: Iterable<TimescaleResult & { readonly includedInOnTimeMeasure?: boolean }>,
): TimescaleSummary {
  const counts = { onTime: 0, late: 0, due: 0, overdue: 0, excluded: 0 };
  for (const result of results) {
    if (result.includedInOnTimeMeasure === false) {
      counts.excluded++;
      continue;
    }
    switch (result.status) {
      case 'ON_TIME':
        counts.onTime++;
        break;
      case 'LATE':
        counts.late++;
        break;
      case 'DUE':
        counts.due++;
        break;
      case 'OVERDUE':
        counts.overdue++;
        break;
    }
  }
  const completed = counts.onTime + counts.late;
  return { ...counts, completedOnTimeRatio: completed === 0 ? null : counts.onTime / completed };
}
