/**
 * Child-in-need plan reviews (local standard: the first within 3 months of the plan, then at most
 * 3-monthly; most on time, some late, a few overdue at asOf), and the children with disabilities:
 * a child-in-need case held by a Disabilities team was referred for the child's disability (N2).
 */
import { Rng } from './prng.ts';
import { addMonths, fromIso, toIso } from './dates.ts';
import type { LcsIdSequence } from './socialCare.ts';
import type { Workforce } from './workforce.ts';
import type { LcsCinPlanReviewRecord, LcsSocialCareRecordShape } from './records.ts';

/** Months between CIN plan reviews (the county's local standard). */
export const CIN_REVIEW_MONTHS = 3;
const DISABILITY_NEED = 'N2';

export function addCinPlanReviews(
  seed: string,
  asOf: number,
  workforce: Workforce,
  ids: LcsIdSequence,
  socialCare: ReadonlyMap<string, LcsSocialCareRecordShape>,
): void {
  const disabilityTeams = new Set(
    workforce.teams.filter((t) => t.service === 'Disabilities').map((t) => t.teamId),
  );
  for (const [personId, record] of socialCare) {
    const rng = new Rng(seed, 'cin-reviews', personId);
    for (const plan of record.cinPlans) {
      plan.reviews = reviews(
        rng,
        ids,
        fromIso(plan.startDate),
        plan.endDate ? fromIso(plan.endDate) : null,
        asOf,
      );
    }
    for (const held of record.involvements) {
      if (held.caseStatus !== 'CIN' || !disabilityTeams.has(held.teamId)) continue;
      const referral = caseReferral(record, held.startDate);
      if (referral) referral.primaryNeedCode = DISABILITY_NEED;
    }
  }
}

function reviews(
  rng: Rng,
  ids: LcsIdSequence,
  start: number,
  end: number | null,
  asOf: number,
): LcsCinPlanReviewRecord[] {
  const list: LcsCinPlanReviewRecord[] = [];
  const stop = Math.min(end ?? asOf, asOf);
  let due = addMonths(start, CIN_REVIEW_MONTHS);
  while (due <= stop) {
    if (end === null && due > asOf - 45 && rng.chance(0.08)) {
      list.push({ reviewId: ids.next('CV'), dueDate: toIso(due), reviewDate: null });
      return list;
    }
    const held = Math.min(rng.chance(0.85) ? due - rng.int(0, 12) : due + rng.int(1, 30), stop);
    list.push({
      reviewId: ids.next('CV'),
      dueDate: toIso(due),
      reviewDate: toIso(Math.max(held, start + 1)),
    });
    due = addMonths(Math.max(held, start + 1), CIN_REVIEW_MONTHS);
  }
  if (end === null) list.push({ reviewId: ids.next('CV'), dueDate: toIso(due), reviewDate: null });
  return list;
}

/** The referral that opened the case an involvement belongs to: the latest on or before its start. */
export function caseReferral<R extends { referralDate: string }>(
  record: { referrals: R[] },
  involvementStart: string,
): R | undefined {
  let found: R | undefined;
  for (const referral of record.referrals)
    if (referral.referralDate <= involvementStart && (!found || referral.referralDate > found.referralDate))
      found = referral;
  return found;
}
