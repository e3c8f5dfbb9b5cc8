import { describe, expect, it } from 'vitest';
import {
  isValidNhsNumber,
  isValidUln,
  isValidUpn,
  isTemporaryUpn,
} from '../../../simulators/county/identifiers.ts';
import { ageOn, fromIso } from '../../../simulators/county/dates.ts';
import { RECORDING_HABITS } from '../../../simulators/county/identity.ts';
import type { FlawedRecord, RecordFlaw } from '../../../simulators/county/types.ts';
import { all, county } from './fixtures.ts';
import type { Agreement, Client, Contact, Person, Pupil, SocialCare } from './types.ts';

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

// Generating a county takes 10-15 s on a quiet machine and several times that on a busy one: the
// timeout leaves room for a busy machine; it is not a speed target.
const COUNTY_TIMEOUT_MS = 300_000;
const SYSTEMS = ['lcs', 'eyes', 'lift', 'frontdoor'] as const;

/** Day and month exchanged, read from two ISO dates without the generator's helpers. */
const transposed = (a: string, b: string) =>
  a !== b &&
  a.slice(0, 4) === b.slice(0, 4) &&
  a.slice(5, 7) === b.slice(8, 10) &&
  a.slice(8, 10) === b.slice(5, 7);

/** Levenshtein distance: a typo is one edit, a spelling variant often more. */
function edits(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

describe('a county-scale county carries each data-quality flaw at its documented rate, in its ground truth', () => {
  const c = county('county', 'flaws-county');
  const truth = [...c.groundTruth()];
  const flawed = [...c.recordFlaws()];
  const people = new Map((all(c.lcs.people) as unknown as Person[]).map((p) => [p.personId, p]));
  const clients = all(c.lift.clients) as unknown as Client[];
  const clientByRef = new Map(clients.map((x) => [x.clientRef, x]));
  const flawsOf = new Map(flawed.map((f) => [`${f.system}:${f.id}`, f.flaws]));
  /** The child's main LCS record when it carries no flaw of its own: the reference to compare with. */
  const cleanPersonOf = new Map<string, Person>();
  for (const t of truth) {
    const main = t.lcs[0];
    if (main !== undefined && !flawsOf.has(`lcs:${main}`)) {
      const person = people.get(main)!;
      if (person.aliases.length === 0 && person.dateOfBirth !== null) cleanPersonOf.set(t.child, person);
    }
  }
  const sizes = {
    lcs: c.lcs.people.size,
    eyes: c.eyes.pupils.size,
    lift: c.lift.clients.size,
    frontdoor: c.frontdoor.contacts.size,
  };
  const share = (system: FlawedRecord['system'], flaw: RecordFlaw) =>
    flawed.filter((f) => f.system === system && f.flaws.includes(flaw)).length / sizes[system];
  /** LIFT clients whose only flaw is `flaw`, beside the clean LCS record of the same child. */
  const liftBesideLcs = (flaw: RecordFlaw) =>
    flawed.flatMap((f) => {
      const person = cleanPersonOf.get(f.child);
      return f.system === 'lift' && f.flaws.length === 1 && f.flaws[0] === flaw && person
        ? [{ client: clientByRef.get(f.id)!, person }]
        : [];
    });

  it(
    'every system swaps forename and surname in a share of its records near its documented rate',
    () => {
      for (const system of SYSTEMS) {
        const rate = RECORDING_HABITS[system].swapRate;
        expect(share(system, 'NAMES_SWAPPED'), system).toBeGreaterThan(rate * 0.6);
        expect(share(system, 'NAMES_SWAPPED'), system).toBeLessThan(rate * 1.4);
      }
      // The record reads as the child's LCS record with the two names exchanged.
      const swapped = liftBesideLcs('NAMES_SWAPPED');
      expect(swapped.length).toBeGreaterThan(10);
      for (const { client, person } of swapped)
        expect(client.name).toBe(`${person.surname} ${person.forename}`);
      const pupils = flawed.filter((f) => f.system === 'eyes' && f.flaws.join() === 'NAMES_SWAPPED');
      let checked = 0;
      for (const f of pupils) {
        const pupil = c.eyes.pupils.get(f.id) as unknown as Pupil;
        const person = cleanPersonOf.get(f.child);
        if (!person || pupil.preferredSurname !== null) continue;
        checked++;
        expect([pupil.forename, pupil.surname]).toEqual([person.surname, person.forename]);
      }
      expect(checked).toBeGreaterThan(10);
    },
    COUNTY_TIMEOUT_MS,
  );

  it('LIFT spells a name differently from LCS in a share of clients: spelling variants, not only one-letter typos', () => {
    expect(share('lift', 'SPELLING_VARIANT')).toBeGreaterThan(RECORDING_HABITS.lift.variantRate * 0.5);
    expect(share('lift', 'SPELLING_VARIANT')).toBeLessThan(RECORDING_HABITS.lift.variantRate * 1.4);
    const variants = liftBesideLcs('SPELLING_VARIANT');
    expect(variants.length).toBeGreaterThan(20);
    let moreThanOneEdit = 0;
    for (const { client, person } of variants) {
      const lcsWords = [person.forename, person.surname];
      const liftWords = client.name.split(' ');
      const differing = lcsWords.filter((word, n) => word !== liftWords[n]);
      expect(differing).toHaveLength(1);
      const n = lcsWords.indexOf(differing[0]!);
      if (edits(lcsWords[n]!, liftWords[n]!) > 1) moreThanOneEdit++;
    }
    expect(moreThanOneEdit).toBeGreaterThan(0);
  });

  it('every system transposes day and month of birth in some records, and the record holds the exchanged date', () => {
    for (const system of SYSTEMS) {
      expect(share(system, 'DOB_TRANSPOSED'), system).toBeGreaterThan(0);
      // Only dates with a day of 12 or less and unequal to the month can be transposed: about a third.
      expect(share(system, 'DOB_TRANSPOSED'), system).toBeLessThan(
        RECORDING_HABITS[system].transposeRate * 0.6,
      );
    }
    const dated = [
      ...liftBesideLcs('DOB_TRANSPOSED').map(({ client, person }) => [
        client.dateOfBirth!,
        person.dateOfBirth!,
      ]),
      ...flawed.flatMap((f) => {
        const person = cleanPersonOf.get(f.child);
        if (f.system !== 'eyes' || f.flaws.join() !== 'DOB_TRANSPOSED' || !person) return [];
        return [[(c.eyes.pupils.get(f.id) as unknown as Pupil).dateOfBirth, person.dateOfBirth!]];
      }),
    ];
    expect(dated.length).toBeGreaterThan(20);
    for (const [recorded, real] of dated)
      expect(transposed(recorded!, real!), `${recorded} ${real}`).toBe(true);
  });

  it('LIFT holds some children twice, a client per provider, each carrying the LCS person id', () => {
    const liftChildren = truth.filter((t) => t.lift.length > 0);
    const twice = liftChildren.filter((t) => t.lift.length > 1);
    expect(twice.length / liftChildren.length).toBeGreaterThan(0.005);
    expect(twice.length / liftChildren.length).toBeLessThan(0.06);
    const providersOf = new Map<string, Set<string>>();
    for (const a of all(c.lift.agreements) as unknown as Agreement[]) {
      if (!providersOf.has(a.clientRef)) providersOf.set(a.clientRef, new Set());
      providersOf.get(a.clientRef)!.add(a.providerId);
    }
    for (const t of twice) {
      const [first, ...later] = t.lift.map((ref) => clientByRef.get(ref)!);
      for (const duplicate of later) {
        expect(duplicate.lcsPersonId).toBe(first!.lcsPersonId);
        expect(t.lcs).toContain(duplicate.lcsPersonId);
        expect(flawsOf.get(`lift:${duplicate.clientRef}`)).toContain('DUPLICATE');
        // Set up for a placement with a provider the first client was not paying then.
        expect(providersOf.get(duplicate.clientRef)?.size).toBeGreaterThan(0);
      }
      expect(flawsOf.get(`lift:${first!.clientRef}`) ?? []).not.toContain('DUPLICATE');
    }
  });

  it('the flaws are the same for the same seed, and listed once per flawed record', () => {
    const again = [...county('county', 'flaws-county').recordFlaws()];
    expect(again).toEqual(flawed);
    expect(new Set(flawed.map((f) => `${f.system}:${f.id}`)).size).toBe(flawed.length);
    expect(flawed.every((f) => f.flaws.length > 0)).toBe(true);
  });
});
