/**
 * EHC plan annual reviews and children missing education in the generated county: dated as the
 * SEND Code of Practice and the CME guidance require, at the rates the module comments state, and
 * the same for the same seed. Demo counties from three seeds, so the rates rest on ~9,000 children.
 */
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../simulators/county/generate.ts';
import { addMonths, ageOn, fromIso, isWorkingDay } from '../../../simulators/county/dates.ts';
import type { EyesCmeEpisodeRecord, EyesEhcpRequestRecord } from '../../../simulators/county/records.ts';
import { all } from './fixtures.ts';

type Plan = NonNullable<EyesEhcpRequestRecord['plan']>;
interface Rec {
  ehcpRequests: EyesEhcpRequestRecord[];
  missingEducation: EyesCmeEpisodeRecord[];
}

const counties = ['send-a', 'send-b', 'send-c'].map((seed) => generateCounty({ seed, scale: 'demo' }));
const asOf = counties[0]!.asOf;
const records = counties.flatMap((c) => all(c.eyes.records) as unknown as Rec[]);
const plans: Plan[] = records.flatMap((r) => r.ehcpRequests.flatMap((q) => (q.plan ? [q.plan] : [])));
const episodes = records.flatMap((r) => r.missingEducation);
const day = fromIso;

describe('EHC plan annual reviews', () => {
  it('are held on working days, in order, after the plan was issued and before it ceased', () => {
    let reviews = 0;
    for (const plan of plans) {
      let previous = plan.startDate;
      for (const review of plan.annualReviews) {
        reviews++;
        expect(review.meetingDate > previous).toBe(true);
        expect(isWorkingDay(day(review.meetingDate))).toBe(true);
        expect(review.meetingDate <= asOf).toBe(true);
        if (plan.ceasedDate) expect(review.meetingDate < plan.ceasedDate).toBe(true);
        if (review.decisionDate !== null) {
          expect(review.decisionDate >= review.meetingDate && review.decisionDate <= asOf).toBe(true);
          expect(review.decision).not.toBeNull();
        } else expect(review.decision).toBeNull();
        previous = review.meetingDate;
      }
    }
    expect(reviews).toBeGreaterThan(500);
  });

  it('decide to cease only plans that ceased, and only at their last review', () => {
    for (const plan of plans) {
      plan.annualReviews.forEach((review, index) => {
        if (review.decision !== 'CEASE') return;
        expect(plan.ceasedDate).not.toBeNull();
        expect(index).toBe(plan.annualReviews.length - 1);
        expect(review.decisionDate! <= plan.ceasedDate!).toBe(true);
      });
    }
    expect(plans.some((p) => p.annualReviews.some((r) => r.decision === 'CEASE'))).toBe(true);
  });

  it('reach nearly every plan in force more than 14 months, none younger than 10 months', () => {
    const old = plans.filter((p) => p.ceasedDate === null && addMonths(day(p.startDate), 14) < day(asOf));
    const reviewed = old.filter((p) => p.annualReviews.length > 0).length;
    expect(reviewed / old.length).toBeGreaterThan(0.85);
    for (const plan of plans) {
      const first = plan.annualReviews[0];
      if (first) expect(day(first.meetingDate)).toBeGreaterThanOrEqual(addMonths(day(plan.startDate), 10));
    }
  });

  it('are mostly on time (12 months to the day), a fifth to a third late, decisions often past 4 weeks', () => {
    let onTime = 0;
    let held = 0;
    let decidedInFourWeeks = 0;
    let decided = 0;
    for (const plan of plans) {
      let anchor = day(plan.startDate);
      for (const review of plan.annualReviews) {
        held++;
        if (day(review.meetingDate) <= addMonths(anchor, 12)) onTime++;
        if (review.decisionDate !== null) {
          decided++;
          if (day(review.decisionDate) - day(review.meetingDate) <= 28) decidedInFourWeeks++;
        }
        anchor = day(review.meetingDate);
      }
    }
    expect(onTime / held).toBeGreaterThan(0.6);
    expect(onTime / held).toBeLessThan(0.85);
    expect(decidedInFourWeeks / decided).toBeGreaterThan(0.55);
    expect(decidedInFourWeeks / decided).toBeLessThan(0.8);
  });
});

describe('children missing education', () => {
  const compulsoryAge = counties.reduce((n, c) => {
    const pop = c.internals.population;
    let count = 0;
    for (const child of pop.eyesChildren) {
      const age = ageOn(pop.dob[child]!, day(asOf));
      if (age >= 5 && age <= 15) count++;
    }
    return n + count;
  }, 0);

  it('are of compulsory school age when reported, closed with an outcome, never overlapping for one child', () => {
    for (const c of counties) {
      const pop = c.internals.population;
      let child = 0;
      for (const truth of c.groundTruth()) {
        const dob = pop.dob[child++]!;
        for (const pupilId of truth.eyes) {
          for (const e of (c.eyes.records.get(pupilId) as unknown as Rec).missingEducation) {
            const age = ageOn(dob, day(e.reportedMissingDate));
            expect(age >= 5 && age <= 15, `${age}`).toBe(true);
            if (e.outcome === 'END_OF_COMPULSORY_SCHOOL_AGE') expect(ageOn(dob, day(e.closedDate!))).toBe(16);
          }
        }
      }
    }
    for (const record of records) {
      let free = '';
      for (const e of record.missingEducation) {
        expect(e.reportedMissingDate > free).toBe(true);
        expect(e.reportedMissingDate <= asOf).toBe(true);
        expect(e.closedDate === null).toBe(e.outcome === null);
        if (e.closedDate !== null) {
          expect(e.closedDate > e.reportedMissingDate && e.closedDate <= asOf).toBe(true);
          free = e.closedDate;
        } else free = asOf;
      }
    }
  });

  it('run at the DfE’s national rates: ~1.8% of compulsory-age children a year, ~0.44% at a time', () => {
    const yearAgo = addMonths(day(asOf), -12);
    const lastYear = episodes.filter((e) => day(e.reportedMissingDate) > yearAgo).length;
    const open = episodes.filter((e) => e.closedDate === null).length;
    expect(lastYear / compulsoryAge).toBeGreaterThan(0.012);
    expect(lastYear / compulsoryAge).toBeLessThan(0.026);
    expect(open / compulsoryAge).toBeGreaterThan(0.002);
    expect(open / compulsoryAge).toBeLessThan(0.008);
  });

  it('are the same for the same seed', () => {
    const again = generateCounty({ seed: 'send-a', scale: 'demo' });
    const ids = counties[0]!.eyes.records.ids().slice(0, 400);
    const pick = (c: typeof again) =>
      ids.map((id) => {
        const r = c.eyes.records.get(id) as unknown as Rec;
        return [r.missingEducation, r.ehcpRequests.map((q) => q.plan?.annualReviews ?? [])];
      });
    expect(JSON.stringify(pick(again))).toBe(JSON.stringify(pick(counties[0]!)));
  });
});
