import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../simulators/county/generate.ts';
import {
  FOSTER_FOR_ADOPTION_CODES,
  PLACEMENT_KIND_MIN_AGE,
  PLACEMENT_ORDER_ADOPTION_CODES,
  REASON_CEASED,
  YOUTH_JUSTICE_LEGAL_STATUSES,
  placementKind,
  placementTypesOn,
} from '../../../simulators/county/codes.ts';
import { addMonths, ageOn, fromIso } from '../../../simulators/county/dates.ts';
import { isValidUpn } from '../../../simulators/county/identifiers.ts';
import { trueIdentity } from '../../../simulators/county/identity.ts';
import { providerByName } from '../../../simulators/county/providers.ts';
import { all } from './fixtures.ts';
import type { Person, Pupil, SocialCare } from './types.ts';

const county = generateCounty({ seed: 'realism', scale: 'demo' });
const dobOfPerson = new Map<string, number>();
{
  let child = 0;
  for (const truth of county.groundTruth()) {
    // Care leavers are numbered past the children: their LCS record holds their true date of birth.
    for (const id of truth.lcs)
      dobOfPerson.set(
        id,
        county.internals.population.dob[child] ??
          fromIso((county.lcs.people.get(id) as unknown as Person).dateOfBirth!),
      );
    child++;
  }
}
const care = all(county.lcs.socialCare) as unknown as SocialCare[];
const legalOn = (record: SocialCare, day: string) =>
  record.legalStatuses.find((l) => l.startDate <= day && (l.endDate === null || l.endDate > day))?.code;

describe('codes are used by their SSDA903 meaning', () => {
  it('each placement code is in its collection year’s list and fits the provider, the child’s age and legal status', () => {
    let checked = 0;
    for (const record of care) {
      const dob = dobOfPerson.get(record.personId)!;
      for (const p of record.placements) {
        checked++;
        const where = `${p.placementId} ${p.placementType} ${p.providerName}`;
        expect(placementTypesOn(fromIso(p.startDate)), where).toContain(p.placementType);
        // K1 only for a secure children's home, K2 for children's homes, S2/H5 for supported
        // accommodation, S1 for a residential school: the provider's own codes.
        expect(providerByName(p.providerName)!.placementTypes, where).toContain(p.placementType);
        const age = ageOn(dob, fromIso(p.startDate));
        expect(age, where).toBeGreaterThanOrEqual(PLACEMENT_KIND_MIN_AGE[placementKind(p.placementType)]);
        if (FOSTER_FOR_ADOPTION_CODES.includes(p.placementType)) expect(age, where).toBeLessThan(2);
        if (p.placementType === 'R5') {
          expect(age, where).toBeGreaterThanOrEqual(15);
          expect(YOUTH_JUSTICE_LEGAL_STATUSES, where).toContain(legalOn(record, p.startDate));
        }
        if (p.placementType === 'P3') expect(age, where).toBeGreaterThanOrEqual(16);
        if (p.placementType === 'P1') expect(['C1', 'C2'], where).toContain(legalOn(record, p.startDate));
        if (/^A/.test(p.placementType))
          expect(PLACEMENT_ORDER_ADOPTION_CODES.includes(p.placementType), where).toBe(
            legalOn(record, p.startDate) === 'E1',
          );
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('each care period ends for a reason that fits the child’s age and legal status, and by the 18th birthday', () => {
    let ended = 0;
    for (const record of care) {
      const dob = dobOfPerson.get(record.personId)!;
      for (const e of record.claEpisodes) {
        const where = `${e.episodeId} ${e.reasonCeased}`;
        if (e.ceasedDate === null) {
          expect(ageOn(dob, fromIso(county.asOf)), where).toBeLessThan(18);
          continue;
        }
        expect(fromIso(e.ceasedDate), where).toBeLessThanOrEqual(addMonths(dob, 216));
        if (e.reasonCeased === 'X1') continue;
        ended++;
        expect(REASON_CEASED, where).toContain(e.reasonCeased);
        const age = ageOn(dob, fromIso(e.ceasedDate));
        // E17: aged 18 or over and stayed put; E5/E6: independent living; E15: age assessed as
        // 18 or over (unaccompanied children only; the county holds none yet).
        if (e.reasonCeased === 'E17') expect(age, where).toBeGreaterThanOrEqual(18);
        if (e.reasonCeased === 'E5' || e.reasonCeased === 'E6') expect(age, where).toBeGreaterThanOrEqual(16);
        expect(e.reasonCeased, where).not.toBe('E15');
        if (e.reasonCeased === 'E14') {
          const lastDay = fromIso(e.ceasedDate) - 1;
          const status = record.legalStatuses.find(
            (l) => fromIso(l.startDate) <= lastDay && (l.endDate === null || fromIso(l.endDate) > lastDay),
          )?.code;
          expect(YOUTH_JUSTICE_LEGAL_STATUSES, where).toContain(status);
        }
        if (e.reasonCeased === 'E11' || e.reasonCeased === 'E12')
          expect(record.placements.some((p) => /^A/.test(p.placementType))).toBe(true);
      }
    }
    expect(ended).toBeGreaterThan(20);
  });
});

describe('identifiers a Surrey analyst would recognise', () => {
  it('every UPN issued by the county carries Surrey’s LA code 936', () => {
    const pupils = all(county.eyes.pupils) as unknown as Pupil[];
    const upns = pupils.map((p) => p.upn).filter((u): u is string => u !== null && isValidUpn(u));
    expect(upns.length).toBeGreaterThan(1000);
    const local = upns.filter((u) => u.slice(1, 4) === '936');
    expect(local.length / upns.length).toBeGreaterThan(0.8);
    expect(upns.some((u) => u.slice(1, 4) === '938')).toBe(false);
  });

  it('never issues the same NHS number to two children', () => {
    const seen = new Map<string, number>();
    const pop = county.internals.population;
    for (let child = 0; child < pop.size; child++) {
      const nhs = trueIdentity(county.seed, pop, child).nhsNumber;
      expect(seen.get(nhs), nhs).toBeUndefined();
      seen.set(nhs, child);
    }
    // And in the records: a valid number LCS holds belongs to one real child only.
    const owner = new Map<string, string>();
    let child = 0;
    for (const truth of county.groundTruth()) {
      for (const id of truth.lcs) {
        const nhs = (county.lcs.people.get(id) as unknown as Person).nhsNumber;
        if (nhs === null || nhs !== trueIdentity(county.seed, pop, child).nhsNumber) continue;
        expect(owner.get(nhs) ?? truth.child).toBe(truth.child);
        owner.set(nhs, truth.child);
      }
      child++;
    }
  });
});
