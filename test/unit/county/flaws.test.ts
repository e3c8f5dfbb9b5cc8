import { describe, expect, it } from 'vitest';
import {
  isValidNhsNumber,
  isValidUln,
  isValidUpn,
  isTemporaryUpn,
} from '../../../simulators/county/identifiers.ts';
import { ageOn, fromIso } from '../../../simulators/county/dates.ts';
import { all, county } from './fixtures.ts';
import type { Contact, Person, Pupil, SocialCare } from './types.ts';

describe('a demo county carries the flaws of real data', () => {
  const c = county('demo');
  const people = all(c.lcs.people) as unknown as Person[];
  const pupils = all(c.eyes.pupils) as unknown as Pupil[];
  const contacts = all(c.frontdoor.contacts) as unknown as Contact[];
  const asOf = fromIso(c.asOf);
  const truth = [...c.groundTruth()];

  it('most LCS records of contacts and early help lack an NHS number, most of CP and looked-after children hold one; the ones present are valid but for a small invalid share', () => {
    const present = people.filter((p) => p.nhsNumber !== null);
    const emptyShare = 1 - present.length / people.length;
    expect(emptyShare).toBeGreaterThan(0.5);
    expect(emptyShare).toBeLessThan(0.8);
    const onPlanOrInCare = people.filter((p) => {
      const record = c.lcs.socialCare.get(p.personId) as unknown as SocialCare;
      return (
        p.dateOfBirth !== null &&
        (record.cpPlans.some((x) => x.endDate === null) ||
          record.claEpisodes.some((x) => x.ceasedDate === null))
      );
    });
    const held = onPlanOrInCare.filter((p) => p.nhsNumber !== null).length;
    expect(held / onPlanOrInCare.length).toBeGreaterThan(0.8);
    const all = [
      ...present.map((p) => p.nhsNumber!),
      ...pupils.flatMap((p) => (p.nhsNumber ? [p.nhsNumber] : [])),
      ...contacts.flatMap((x) => (x.subject.nhsNumber ? [x.subject.nhsNumber] : [])),
    ];
    const invalid = all.filter((n) => !isValidNhsNumber(n)).length;
    expect(all.every((n) => /^\d{10}$/.test(n))).toBe(true);
    expect(invalid / all.length).toBeLessThan(0.02);
  });

  it('some NHS numbers fail their check digit across a county (the invalid share is present)', () => {
    const big = county('demo', 'invalid-nhs-hunt');
    let invalid = 0;
    for (const seedCounty of [c, big]) {
      for (const id of seedCounty.lcs.people.ids()) {
        const nhs = (seedCounty.lcs.people.get(id) as unknown as Person).nhsNumber;
        if (nhs && !isValidNhsNumber(nhs)) invalid++;
      }
      for (const id of seedCounty.frontdoor.contacts.ids()) {
        const nhs = (seedCounty.frontdoor.contacts.get(id) as unknown as Contact).subject.nhsNumber;
        if (nhs && !isValidNhsNumber(nhs)) invalid++;
      }
      for (const id of seedCounty.eyes.pupils.ids()) {
        const nhs = (seedCounty.eyes.pupils.get(id) as unknown as Pupil).nhsNumber;
        if (nhs && !isValidNhsNumber(nhs)) invalid++;
      }
    }
    expect(invalid).toBeGreaterThan(0);
  });

  it('UPNs have valid check letters, a few are temporary, and most under-threes have none (with a UN reason)', () => {
    const upns = pupils.flatMap((p) => (p.upn ? [p.upn] : []));
    expect(upns.every(isValidUpn)).toBe(true);
    expect(new Set(upns).size).toBe(upns.length);
    expect(upns.some(isTemporaryUpn)).toBe(true);
    const underThree = pupils.filter((p) => ageOn(fromIso(p.dateOfBirth), asOf) < 3);
    expect(underThree.filter((p) => p.upn === null).length / underThree.length).toBeGreaterThan(0.5);
    expect(
      pupils.filter((p) => p.upn === null).every((p) => /^UN([1-9]|10)$/.test(p.upnUnknownReason ?? '')),
    ).toBe(true);
    const ulns = pupils.flatMap((p) => (p.uln ? [p] : []));
    expect(ulns.length).toBeGreaterThan(0);
    // 14 and over; 13 by a recorded date of birth whose day and month were transposed.
    expect(ulns.every((p) => isValidUln(p.uln!) && ageOn(fromIso(p.dateOfBirth), asOf) >= 13)).toBe(true);
  });

  it('about 1% of LCS children have a duplicate person record with slightly different details', () => {
    const dups = truth.filter((t) => t.lcs.length > 1);
    const lcsChildren = truth.filter((t) => t.lcs.length > 0).length;
    expect(dups.length / lcsChildren).toBeGreaterThan(0.005);
    expect(dups.length / lcsChildren).toBeLessThan(0.02);
    const byId = new Map(people.map((p) => [p.personId, p]));
    for (const d of dups) {
      const [a, b] = d.lcs.map((id) => byId.get(id)!);
      expect(
        a!.forename !== b!.forename || a!.surname !== b!.surname || a!.dateOfBirth !== b!.dateOfBirth,
      ).toBe(true);
    }
  });

  it('names differ across systems for the same child: nicknames, typos and changed surnames', () => {
    const pupilById = new Map(pupils.map((p) => [p.pupilId, p]));
    const personById = new Map(people.map((p) => [p.personId, p]));
    let forenameDiffers = 0;
    let surnameDiffers = 0;
    let dobDiffers = 0;
    for (const t of truth) {
      if (t.lcs.length === 0 || t.eyes.length === 0) continue;
      const person = personById.get(t.lcs[0]!)!;
      const pupil = pupilById.get(t.eyes[0]!)!;
      if (person.forename !== pupil.forename) forenameDiffers++;
      if (person.surname !== pupil.surname) surnameDiffers++;
      if (person.dateOfBirth !== pupil.dateOfBirth) dobDiffers++;
    }
    expect(forenameDiffers).toBeGreaterThan(0);
    expect(surnameDiffers).toBeGreaterThan(0);
    expect(dobDiffers).toBeGreaterThan(0);
    expect(people.some((p) => p.aliases.length > 0)).toBe(true);
  });

  it('restricted records exist for each kind of restriction, and unborn children have only an expected date of birth', () => {
    const reasons = new Set(people.flatMap((p) => (p.restriction ? [p.restriction.reason] : [])));
    expect(reasons.has('ADOPTION')).toBe(true);
    expect(reasons.size).toBeGreaterThanOrEqual(3);
    const unborn = people.filter((p) => p.dateOfBirth === null);
    expect(unborn.length).toBeGreaterThan(0);
    expect(unborn.every((p) => p.expectedDateOfBirth !== null && p.expectedDateOfBirth > c.asOf)).toBe(true);
  });

  it('many front-door contacts carry only name, date of birth and postcode; some have an NHS number or LCS id', () => {
    const bare = contacts.filter(
      (x) =>
        x.subject.nhsNumber === null &&
        x.subject.lcsPersonId === null &&
        x.subject.dateOfBirth &&
        x.subject.postcode,
    );
    expect(bare.length / contacts.length).toBeGreaterThan(0.5);
    expect(contacts.some((x) => x.subject.lcsPersonId !== null)).toBe(true);
    expect(contacts.some((x) => x.subject.nhsNumber !== null)).toBe(true);
    const known = truth
      .filter((t) => t.frontdoor.length > 0 && (t.lcs.length > 0 || t.eyes.length > 0))
      .reduce((n, t) => n + t.frontdoor.length, 0);
    expect(known / contacts.length).toBeGreaterThan(0.4);
    expect(known / contacts.length).toBeLessThan(0.6);
  });

  it('children move house: some address histories have several spells, ending in one open spell', () => {
    expect(people.some((p) => p.addresses.length > 1)).toBe(true);
    expect(people.every((p) => p.addresses.filter((a) => a.to === null).length === 1)).toBe(true);
  });
});
