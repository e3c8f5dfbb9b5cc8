/**
 * Children missing education (Education Act 1996 s.436A), as a CME service reports its caseload:
 * referrals open on a date, new and closed over a period (closures by outcome), and how long the
 * closed ones were missing. A referral is open on a date when it was reported on or before it and
 * not closed on or before it (the returns' "open on"). Pure.
 */
import { daysBetween } from '../rules/index.ts';
import type { CmeEpisode } from '../models/education.ts';
import { earlier, openOn, within, type Period } from './periods.ts';

/** A CME referral as the measures read it. */
export interface CmeEpisodeFact {
  readonly cmeId: string;
  readonly pupilId: string;
  readonly reportedMissingDate: string;
  readonly closedDate: string | null;
  /** How it closed (FOUND_IN_SCHOOL, MOVED_OUT_OF_AREA, ELECTIVE_HOME_EDUCATION…); null while open. */
  readonly outcome: string | null;
}

export const cmeEpisodeFact = (c: CmeEpisode): CmeEpisodeFact => ({
  cmeId: c.cmeId,
  pupilId: c.pupilId,
  reportedMissingDate: c.reportedMissingDate,
  closedDate: c.closedDate,
  outcome: c.outcome,
});

export interface OutcomeCount {
  readonly outcome: string;
  readonly count: number;
}

export interface MissingEducationMeasures {
  /** Referrals open on asOf. */
  readonly openAtAsOf: number;
  /** Referrals reported in the period, up to asOf. */
  readonly newInPeriod: number;
  /** Referrals closed in the period, up to asOf. */
  readonly closedInPeriod: number;
  /** Those closures by outcome, largest first. */
  readonly closedByOutcome: OutcomeCount[];
  /** Median calendar days from reported missing to closed, over closures in the period; null if none. */
  readonly medianDaysMissing: number | null;
}

/** Days a closed referral was open: from the day reported missing to the day closed. */
export const daysMissing = (episode: CmeEpisodeFact): number | null =>
  episode.closedDate === null ? null : daysBetween(episode.reportedMissingDate, episode.closedDate);

/** The median of a list of numbers (the mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The CME measures over a period, judged on `asOf` (nothing dated after asOf is known). */
export function missingEducationMeasures(
  episodes: Iterable<CmeEpisodeFact>,
  period: Period,
  asOf: string,
): MissingEducationMeasures {
  const counted: Period = { from: period.from, to: earlier(period.to, asOf) };
  let open = 0;
  let reported = 0;
  const outcomes = new Map<string, number>();
  const durations: number[] = [];
  for (const e of episodes) {
    if (e.reportedMissingDate > asOf) continue;
    const closed = e.closedDate !== null && e.closedDate <= asOf ? e.closedDate : null;
    if (openOn(e.reportedMissingDate, closed, asOf)) open++;
    if (within(e.reportedMissingDate, counted)) reported++;
    if (closed !== null && within(closed, counted)) {
      const outcome = e.outcome ?? 'NOT_RECORDED';
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      durations.push(daysBetween(e.reportedMissingDate, closed));
    }
  }
  return {
    openAtAsOf: open,
    newInPeriod: reported,
    closedInPeriod: durations.length,
    closedByOutcome: [...outcomes]
      .map(([outcome, count]) => ({ outcome, count }))
      .sort((a, b) => b.count - a.count || (a.outcome < b.outcome ? -1 : 1)),
    medianDaysMissing: median(durations),
  };
}

/** CME referrals open on asOf, longest missing first (then by referral id). */
export function openReferrals(episodes: Iterable<CmeEpisodeFact>, asOf: string): CmeEpisodeFact[] {
  const open: CmeEpisodeFact[] = [];
  for (const e of episodes) {
    const closed = e.closedDate !== null && e.closedDate <= asOf ? e.closedDate : null;
    if (openOn(e.reportedMissingDate, closed, asOf)) open.push(e);
  }
  return open.sort((a, b) =>
    a.reportedMissingDate < b.reportedMissingDate
      ? -1
      : a.reportedMissingDate > b.reportedMissingDate
        ? 1
        : a.cmeId < b.cmeId
          ? -1
          : 1,
  );
}
