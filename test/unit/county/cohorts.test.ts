/**
 * The groups the statutory returns count apart, as the county generates them: care leavers (former
 * relevant children with a pathway plan and SSDA903 birthday contacts), unaccompanied asylum-seeking
 * children, and child-in-need plan reviews with the Disabilities service's children.
 */
import { describe, expect, it } from 'vitest';
import { birthdayOn } from '../../../simulators/county/birthdays.ts';
import { qualifiesAsCareLeaver } from '../../../simulators/county/careLeavers.ts';
import {
  ACTIVITY_CODES,
  ACCOMMODATION_TYPES,
  IN_TOUCH_CODES,
  AGE_ASSESSMENT_OUTCOMES,
} from '../../../simulators/county/careLeaverCodes.ts';
import { ageOn, dayOf, fromIso, toIso } from '../../../simulators/county/dates.ts';
import { countCounty, generateCounty } from '../../../simulators/county/generate.ts';
import { addCinPlanReviews } from '../../../simulators/county/cinReviews.ts';
import { LcsIdSequence } from '../../../simulators/county/socialCare.ts';
import type { Workforce } from '../../../simulators/county/workforce.ts';
import type { LcsTeamRecord as Team } from '../../../simulators/county/records.ts';
import { SCALE_TARGETS } from '../../../simulators/county/scales.ts';
import { all, county } from './fixtures.ts';
import type { Person, SocialCare } from './types.ts';

describe('birthdays and the former-relevant-child rule', () => {
  it('a 29 February birthday falls on 1 March in a common year and on 29 February in a leap year', () => {
    const leapDay = dayOf(2008, 2, 29);
    expect(toIso(birthdayOn(leapDay, 18))).toBe('2026-03-01');
    expect(toIso(birthdayOn(leapDay, 16))).toBe('2024-02-29');
    expect(toIso(birthdayOn(dayOf(2008, 3, 1), 18))).toBe('2026-03-01');
  });

  it('needs 13 weeks looked after from the 14th birthday, some of it on or after the 16th, and out of care before the day', () => {
    const dob = dayOf(2006, 6, 15);
    const sixteenth = toIso(birthdayOn(dob, 16));
    const fourteenth = birthdayOn(dob, 14);
    const after = dayOf(2026, 1, 1);
    // 91 days from the 14th birthday, ending after the 16th: qualifies; 90 days does not.
    const ends = birthdayOn(dob, 16) + 1;
    expect(
      qualifiesAsCareLeaver(dob, [{ startDate: toIso(ends - 91), ceasedDate: toIso(ends) }], after),
    ).toBe(true);
    expect(
      qualifiesAsCareLeaver(dob, [{ startDate: toIso(ends - 90), ceasedDate: toIso(ends) }], after),
    ).toBe(false);
    // Years in care that ended on the 16th birthday: nothing on or after it.
    expect(
      qualifiesAsCareLeaver(dob, [{ startDate: toIso(fourteenth - 400), ceasedDate: sixteenth }], after),
    ).toBe(false);
    // Time before the 14th birthday does not count.
    expect(
      qualifiesAsCareLeaver(
        dob,
        [
          { startDate: toIso(fourteenth - 300), ceasedDate: toIso(fourteenth + 10) },
          { startDate: toIso(birthdayOn(dob, 16) - 30), ceasedDate: toIso(birthdayOn(dob, 16) + 30) },
        ],
        after,
      ),
    ).toBe(false);
    // Leaving care on the day itself: not yet (counted from the next birthday).
    expect(
      qualifiesAsCareLeaver(dob, [{ startDate: toIso(fourteenth), ceasedDate: toIso(after) }], after),
    ).toBe(false);
    // Still looked after on the day: not a care leaver yet.
    expect(qualifiesAsCareLeaver(dob, [{ startDate: toIso(fourteenth), ceasedDate: null }], after)).toBe(
      false,
    );
  });
});

describe('care leavers, UASC and CIN plan reviews in a demo county', () => {
  const c = county('demo');
  const asOf = c.asOf;
  const people = new Map((all(c.lcs.people) as unknown as Person[]).map((p) => [p.personId, p]));
  const care = all(c.lcs.socialCare) as unknown as SocialCare[];
  const leavers = care.filter((r) => r.careLeaver);

  it('holds care leavers of 17 to 25 at about 0.9 per looked-after child for 17-21, each a former relevant child', () => {
    const target = SCALE_TARGETS.demo.lookedAfter;
    let seventeenToTwentyOne = 0;
    for (const r of leavers) {
      const dob = fromIso(people.get(r.personId)!.dateOfBirth!);
      const age = ageOn(dob, fromIso(asOf));
      expect(age).toBeGreaterThanOrEqual(17);
      expect(age).toBeLessThanOrEqual(25);
      if (age <= 21) seventeenToTwentyOne++;
      expect(r.careLeaver!.dateOfBirth).toBe(people.get(r.personId)!.dateOfBirth);
      expect(qualifiesAsCareLeaver(dob, r.claEpisodes, fromIso(asOf))).toBe(true);
    }
    expect(seventeenToTwentyOne).toBeGreaterThanOrEqual(Math.round(target * 0.7));
    expect(seventeenToTwentyOne).toBeLessThanOrEqual(Math.round(target * 0.95));
    expect(countCounty(c).careLeavers).toBeGreaterThan(0);
  });

  it('records each birthday contact from 17 to 21 after leaving care, within 3 months before to 1 month after, in SSDA903 codes', () => {
    let contacts = 0;
    let inTouch = 0;
    for (const r of leavers) {
      const dob = fromIso(r.careLeaver!.dateOfBirth);
      const left = Math.max(...r.claEpisodes.map((e) => fromIso(e.ceasedDate!)));
      const ages = new Set<number>();
      for (const contact of r.careLeaver!.contacts) {
        contacts++;
        expect(ages.has(contact.age)).toBe(false);
        ages.add(contact.age);
        const birthday = birthdayOn(dob, contact.age);
        expect(birthday).toBeGreaterThan(left);
        const day = fromIso(contact.contactDate);
        expect(day).toBeLessThanOrEqual(fromIso(asOf));
        expect(day).toBeGreaterThan(left);
        expect(day - birthday).toBeLessThanOrEqual(31);
        expect(birthday - day).toBeLessThanOrEqual(92);
        expect(IN_TOUCH_CODES).toContain(contact.inTouch);
        expect(ACTIVITY_CODES).toContain(contact.activity);
        if (contact.accommodation !== '0') {
          expect(ACCOMMODATION_TYPES).toContain(contact.accommodation[0]);
          expect(['1', '2']).toContain(contact.accommodation.slice(1));
        }
        if (contact.inTouch === 'YES') inTouch++;
        else expect([contact.activity, contact.accommodation]).toEqual(['0', '0']);
        if (contact.inTouch === 'RHOM') expect(contact.age).toBeLessThanOrEqual(18);
      }
      const plan = r.careLeaver!.pathwayPlan!;
      expect(plan.startDate <= asOf).toBe(true);
      if (plan.latestReviewDate) expect(plan.latestReviewDate >= plan.startDate).toBe(true);
      if (plan.personalAdviserWorkerId) expect(c.lcs.workers.get(plan.personalAdviserWorkerId)).toBeDefined();
    }
    expect(contacts).toBeGreaterThan(leavers.length);
    expect(inTouch / contacts).toBeGreaterThan(0.75);
  });

  it('marks UASC among the looked-after: 15 to 17, in care since arrival under section 20, mostly boys, some with age assessments', () => {
    const uasc = care.filter((r) => r.uasc);
    const lookedAfter = uasc.filter((r) => r.claEpisodes.some((e) => e.ceasedDate === null));
    expect(lookedAfter.length).toBeGreaterThanOrEqual(1);
    for (const r of lookedAfter) {
      const person = people.get(r.personId)!;
      const age = ageOn(fromIso(person.dateOfBirth!), fromIso(asOf));
      expect(age).toBeGreaterThanOrEqual(15);
      expect(age).toBeLessThanOrEqual(17);
      expect(r.uasc!.uascCeasedDate).toBeNull();
      expect(r.cpPlans).toHaveLength(0);
      expect(r.legalStatuses.every((l) => l.code === 'V2')).toBe(true);
      expect(r.contacts.every((x) => x.contactDate >= r.uasc!.arrivalDate)).toBe(true);
    }
    for (const r of uasc) {
      const a = r.uasc!.ageAssessment;
      if (a?.outcome) expect(AGE_ASSESSMENT_OUTCOMES).toContain(a.outcome);
      if (a?.completedDate) expect(a.completedDate >= a.requestedDate).toBe(true);
      if (r.careLeaver)
        expect(r.uasc!.uascCeasedDate).toBe(toIso(birthdayOn(fromIso(r.careLeaver.dateOfBirth), 18)));
    }
  });

  it('reviews every CIN plan within 3 months, then 3-monthly, with some late and the next one pending on an open plan', () => {
    let reviews = 0;
    let late = 0;
    for (const r of care)
      for (const plan of r.cinPlans) {
        const list = plan.reviews!;
        expect(list.length).toBeGreaterThanOrEqual(plan.endDate === null ? 1 : 0);
        for (const review of list) {
          reviews++;
          if (review.reviewDate === null) continue;
          expect(review.reviewDate >= plan.startDate).toBe(true);
          expect(review.reviewDate <= asOf).toBe(true);
          if (review.reviewDate > review.dueDate) late++;
        }
        if (plan.endDate === null) expect(list[list.length - 1]!.reviewDate).toBeNull();
      }
    expect(reviews).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(0);
    expect(late / reviews).toBeLessThan(0.3);
  });
});

describe('children with disabilities', () => {
  it('a child-in-need case held by a Disabilities team began with a referral for the child’s disability (N2)', () => {
    // The demo workforce has no Disabilities team: give one team that service, as the county's has.
    const c = generateCounty({ seed: 'disabilities', scale: 'demo' });
    const teams = (all(c.lcs.teams) as unknown as Team[]).map((t) =>
      t.service === 'Assessment' ? { ...t, service: 'Disabilities' } : t,
    );
    const disabilityTeams = new Set(teams.filter((t) => t.service === 'Disabilities').map((t) => t.teamId));
    const records = new Map((all(c.lcs.socialCare) as unknown as SocialCare[]).map((r) => [r.personId, r]));
    const workforce = { teams, workers: all(c.lcs.workers), socialWorkers: [], earlyHelpWorkers: [] };
    addCinPlanReviews(
      'disabilities',
      fromIso(c.asOf),
      workforce as unknown as Workforce,
      new LcsIdSequence(),
      records,
    );
    let held = 0;
    for (const r of records.values())
      for (const involvement of r.involvements)
        if (involvement.caseStatus === 'CIN' && disabilityTeams.has(involvement.teamId)) {
          held++;
          const before = r.referrals.filter((x) => x.referralDate <= involvement.startDate);
          const latest = before.reduce((d, x) => (x.referralDate > d ? x.referralDate : d), '');
          const opened = before.filter((x) => x.referralDate === latest);
          expect(opened.map((x) => x.primaryNeedCode)).toContain('N2');
        }
    expect(held).toBeGreaterThan(0);
  });
});
