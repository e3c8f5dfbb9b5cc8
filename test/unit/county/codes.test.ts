import { describe, expect, it } from 'vitest';
import {
  ALL_PLACEMENT_TYPES,
  ASSESSMENT_FACTORS,
  CATEGORY_OF_ABUSE,
  CLA_PARTICIPATION,
  ETHNICITY_CODES,
  EXCLUSION_REASONS,
  LEGAL_STATUS,
  PRIMARY_NEED,
  PROVIDER_TYPES,
  REASON_CEASED,
  REASON_NEW_EPISODE,
  REFERRAL_SOURCE,
  RETIRED_PLACEMENT_TYPES,
  SEN_NEED_TYPES,
  UPN_UNKNOWN_REASONS,
  codesOf,
  placementTypesOn,
  NICKNAMES,
} from '../../../simulators/county/codes.ts';
import { fromIso } from '../../../simulators/county/dates.ts';
import { all, county } from './fixtures.ts';
import type { Agreement, Contact, EyesRecord, Person, Pupil, SocialCare } from './types.ts';

const inList = (list: readonly string[]) => (code: string | null) => code === null || list.includes(code);

describe('codes in a demo county belong to the code lists', () => {
  const c = county('demo');
  const people = all(c.lcs.people) as unknown as Person[];
  const care = all(c.lcs.socialCare) as unknown as SocialCare[];

  it('LCS: sources, primary need, categories, legal status, placements, providers, ceased reasons, factors', () => {
    const sources = codesOf(REFERRAL_SOURCE);
    const needs = codesOf(PRIMARY_NEED);
    const categories = codesOf(CATEGORY_OF_ABUSE);
    for (const r of care) {
      expect(r.contacts.map((x) => x.sourceCode).every(inList(sources))).toBe(true);
      expect(
        r.referrals.every((x) => sources.includes(x.referralSource) && needs.includes(x.primaryNeedCode)),
      ).toBe(true);
      expect(
        r.cpPlans.every(
          (p) => categories.includes(p.initialCategory) && categories.includes(p.latestCategory),
        ),
      ).toBe(true);
      expect(r.legalStatuses.every((l) => (LEGAL_STATUS as readonly string[]).includes(l.code))).toBe(true);
      expect(
        r.claEpisodes.every(
          (e) =>
            inList(REASON_CEASED)(e.reasonCeased) &&
            (REASON_NEW_EPISODE as readonly string[]).includes(e.reasonNewEpisode),
        ),
      ).toBe(true);
      expect(r.claReviews.every((v) => inList(CLA_PARTICIPATION)(v.participationCode))).toBe(true);
      expect(r.assessments.every((a) => a.factors.every(inList(ASSESSMENT_FACTORS)))).toBe(true);
      for (const p of r.placements) {
        expect(PROVIDER_TYPES).toContain(p.providerType);
        // Each placement's type comes from the code list of the collection year it started in.
        expect(placementTypesOn(fromIso(p.startDate))).toContain(p.placementType);
      }
    }
    expect(people.every((p) => ETHNICITY_CODES.includes(p.ethnicity))).toBe(true);
  });

  it('older placements carry retired codes and newer ones only current codes', () => {
    const placements = care.flatMap((r) => r.placements);
    expect(placements.every((p) => ALL_PLACEMENT_TYPES.includes(p.placementType))).toBe(true);
    const retired = placements.filter((p) =>
      (RETIRED_PLACEMENT_TYPES as readonly string[]).includes(p.placementType),
    );
    expect(retired.length).toBeGreaterThan(0);
    expect(retired.every((p) => p.startDate < '2023-04-01')).toBe(true);
  });

  it('EYES: SEN need types, exclusion reasons, UPN-unknown reasons, ethnicity', () => {
    const pupils = all(c.eyes.pupils) as unknown as Pupil[];
    const records = all(c.eyes.records) as unknown as EyesRecord[];
    expect(
      pupils.every(
        (p) => inList(UPN_UNKNOWN_REASONS)(p.upnUnknownReason) && ETHNICITY_CODES.includes(p.ethnicity),
      ),
    ).toBe(true);
    for (const r of records) {
      expect(
        r.senSupport.every(
          (s) => inList(SEN_NEED_TYPES)(s.primaryNeed) && inList(SEN_NEED_TYPES)(s.secondaryNeed),
        ),
      ).toBe(true);
      expect(
        r.ehcpRequests.every(
          (q) => q.plan === null || (SEN_NEED_TYPES as readonly string[]).includes(q.plan.primaryNeed),
        ),
      ).toBe(true);
      expect(r.exclusions.every((x) => (EXCLUSION_REASONS as readonly string[]).includes(x.reasonCode))).toBe(
        true,
      );
    }
  });

  it('LIFT and the front door: provider types and source codes', () => {
    const agreements = all(c.lift.agreements) as unknown as Agreement[];
    expect(agreements.every((a) => (PROVIDER_TYPES as readonly string[]).includes(a.providerType))).toBe(
      true,
    );
    const contacts = all(c.frontdoor.contacts) as unknown as Contact[];
    expect(contacts.every((x) => codesOf(REFERRAL_SOURCE).includes(x.sourceCode))).toBe(true);
  });

  it('the nickname table maps formal names to distinct shorter forms', () => {
    for (const [formal, nicknames] of Object.entries(NICKNAMES)) {
      expect(nicknames.length).toBeGreaterThan(0);
      expect(nicknames).not.toContain(formal);
    }
  });
});
