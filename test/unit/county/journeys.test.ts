import { describe, expect, it } from 'vitest';
import { addMonths, addWorkingDays, fromIso, isWorkingDay } from '../../../simulators/county/dates.ts';
import { MAX_CASELOAD, MIN_CASELOAD } from '../../../simulators/county/workforce.ts';
import { all, county } from './fixtures.ts';
import type { SocialCare } from './types.ts';

/** Working days from a to b (a < b), counting b. */
function workingDaysBetween(a: string, b: string): number {
  let n = 0;
  for (let d = fromIso(a) + 1; d <= fromIso(b); d++) if (isWorkingDay(d)) n++;
  return n;
}

describe('social care journeys in a demo county are internally consistent', () => {
  const c = county('demo');
  const care = all(c.lcs.socialCare) as unknown as SocialCare[];
  const asOf = c.asOf;

  it('referral <= assessment start <= child seen and authorisation, authorised 10-60 working days on, some late', () => {
    let late = 0;
    let authorised = 0;
    for (const r of care) {
      for (const a of r.assessments) {
        const referral = r.referrals.find((x) => x.referralId === a.referralId)!;
        expect(referral).toBeDefined();
        expect(referral.referralDate <= a.startDate).toBe(true);
        if (a.childSeen) expect(a.startDate <= a.childSeen).toBe(true);
        if (a.authorisationDate) {
          authorised++;
          const span = workingDaysBetween(a.startDate, a.authorisationDate);
          expect(span).toBeGreaterThanOrEqual(10);
          expect(span).toBeLessThanOrEqual(60);
          if (span > 45) late++;
          expect(a.authorisationDate <= asOf).toBe(true);
        }
      }
      for (const ref of r.referrals) if (ref.closeDate) expect(ref.referralDate <= ref.closeDate).toBe(true);
    }
    expect(late).toBeGreaterThan(0);
    expect(late / authorised).toBeLessThan(0.3);
  });

  it('strategy discussion <= ICPC, target 15 working days on, some conferences late; a plan starts at each ICPC that decides on one', () => {
    let late = 0;
    let held = 0;
    let withoutConference = 0;
    let withoutPlan = 0;
    for (const r of care) {
      for (const s of r.s47Enquiries) {
        const icpc = s.icpc;
        if (icpc === null) {
          withoutConference++;
          expect(s.outcome === null || ['NFA', 'CIN_PLAN'].includes(s.outcome)).toBe(true);
          continue;
        }
        expect(s.outcome).toBe('ICPC');
        expect(icpc.targetDate).toBe(
          new Date(addWorkingDays(fromIso(s.strategyDiscussionDate), 15) * 86_400_000)
            .toISOString()
            .slice(0, 10),
        );
        expect(s.strategyDiscussionDate <= icpc.conferenceDate!).toBe(true);
        held++;
        if (icpc.conferenceDate! > icpc.targetDate) late++;
        const planStarted = r.cpPlans.some((p) => p.startDate === icpc.conferenceDate);
        expect(planStarted).toBe(icpc.cpPlanOutcome === true);
        if (!icpc.cpPlanOutcome) withoutPlan++;
      }
    }
    // Most s47 enquiries end without a conference, and some conferences decide against a plan.
    expect(withoutConference).toBeGreaterThan(held);
    expect(withoutPlan).toBeGreaterThan(0);
    expect(held).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(held);
  });

  it('CP reviews: first due 3 months after the plan starts, then 6 months after each review; some overdue', () => {
    let overdue = 0;
    for (const r of care) {
      for (const plan of r.cpPlans) {
        const [first, ...rest] = plan.reviews;
        expect(first).toBeDefined();
        expect(first!.dueDate).toBe(
          new Date(addMonths(fromIso(plan.startDate), 3) * 86_400_000).toISOString().slice(0, 10),
        );
        let previous = first!;
        for (const review of rest) {
          expect(previous.reviewDate).not.toBeNull();
          expect(review.dueDate).toBe(
            new Date(addMonths(fromIso(previous.reviewDate!), 6) * 86_400_000).toISOString().slice(0, 10),
          );
          previous = review;
        }
        for (const review of plan.reviews) if (review.reviewDate === null && review.dueDate < asOf) overdue++;
        if (plan.endDate) expect(plan.startDate <= plan.endDate).toBe(true);
      }
    }
    expect(overdue).toBeGreaterThan(0);
  });

  it('CLA episodes run back to back within a period of care; placements and legal statuses lie within care', () => {
    for (const r of care) {
      const periods = new Map<string, typeof r.claEpisodes>();
      for (const e of r.claEpisodes)
        periods.set(e.periodOfCareId, [...(periods.get(e.periodOfCareId) ?? []), e]);
      for (const episodes of periods.values()) {
        for (let n = 1; n < episodes.length; n++) {
          expect(episodes[n - 1]!.ceasedDate).toBe(episodes[n]!.startDate);
          expect(episodes[n - 1]!.reasonCeased).toBe('X1');
        }
        const first = episodes[0]!;
        expect(first.reasonNewEpisode).toBe('S');
        expect(episodes.every((e) => e.enteredCareDate === first.startDate)).toBe(true);
      }
      for (const e of r.claEpisodes) {
        const placement = r.placements.find((p) => p.placementId === e.placementId);
        expect(placement).toBeDefined();
        expect(placement!.startDate <= e.startDate).toBe(true);
      }
      for (const p of r.placements) {
        expect(r.claEpisodes.some((e) => e.episodeId === p.episodeId)).toBe(true);
        if (p.endDate) expect(p.startDate <= p.endDate).toBe(true);
      }
      const starts = r.claEpisodes.map((e) => e.enteredCareDate).sort();
      for (const l of r.legalStatuses) expect(starts[0]! <= l.startDate).toBe(true);
    }
  });

  it('CLA reviews: first due within 20 working days of entering care', () => {
    for (const r of care) {
      if (r.claEpisodes.length === 0) continue;
      const entered = r.claEpisodes.map((e) => e.enteredCareDate).sort()[0]!;
      const firstDue = r.claReviews
        .map((v) => v.dueDate)
        .filter((d) => d >= entered)
        .sort()[0];
      if (firstDue) expect(workingDaysBetween(entered, firstDue)).toBeLessThanOrEqual(20);
    }
  });

  it('every open case has exactly one open involvement, and each case-holding worker carries 10-25 open cases', () => {
    const openCases = new Map<string, number>();
    for (const r of care) {
      const openCla = r.claEpisodes.some((e) => e.ceasedDate === null);
      const openCp = r.cpPlans.some((p) => p.endDate === null);
      const openInvolvements = r.involvements.filter((i) => i.endDate === null);
      if (openCla || openCp) expect(openInvolvements).toHaveLength(1);
      expect(openInvolvements.length).toBeLessThanOrEqual(1);
      for (const inv of openInvolvements) openCases.set(inv.workerId, (openCases.get(inv.workerId) ?? 0) + 1);
      if (openCla) expect(openInvolvements[0]!.caseStatus).toBe('CLA');
      else if (openCp) expect(openInvolvements[0]!.caseStatus).toBe('CP');
    }
    for (const load of openCases.values()) {
      expect(load).toBeGreaterThanOrEqual(MIN_CASELOAD);
      expect(load).toBeLessThanOrEqual(MAX_CASELOAD);
    }
    expect(openCases.size).toBeGreaterThan(0);
  });

  it('nothing is dated after asOf except upcoming review due dates and unborn expected dates', () => {
    for (const r of care) {
      const dated = [
        ...r.contacts.map((x) => x.contactDate),
        ...r.referrals.map((x) => x.referralDate),
        ...r.visits.map((x) => x.visitDate),
        ...r.claEpisodes.map((x) => x.startDate),
        ...r.placements.map((x) => x.startDate),
        ...r.earlyHelpEpisodes.map((x) => x.startDate),
      ];
      expect(dated.every((d) => d <= asOf)).toBe(true);
    }
  });
});
