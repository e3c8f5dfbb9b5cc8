/**
 * Children missing education (Education Act 1996 s.436A): children of compulsory school age not
 * registered at a school and not receiving suitable education otherwise, as the CME service logs
 * their referrals and closures.
 *
 * Volume. The DfE's CME statistics estimate about 143,000 children in England missing education at
 * some point in 2024/25 and about 34,700 at one point (autumn 2025/26), out of roughly 7.9 million
 * children of compulsory school age: about 1.8% a year, 0.44% at a time, so episodes last about
 * three months on average. A county of ~270,000 children has ~165,000 of compulsory school age:
 * ~3,000 children missing at some point in a year. That count includes episodes carried over from
 * the year before (about a quarter again on the year's referrals, at these durations), and children
 * known to social care go missing from education more often (about 2.5 times here), so the base
 * referral rate is 1.15%: ~2,400 referrals a year, ~600 open at once. Referrals go back three years
 * before asOf, like the front door's contacts.
 */
import { Rng } from './prng.ts';
import { ageOn, toIso, toIsoDateTime } from './dates.ts';
import { CareStatus, type Population } from './population.ts';
import type { EyesCmeEpisodeRecord } from './records.ts';

const BASE_RATE_PER_YEAR = 0.0115;
const KNOWN_TO_SOCIAL_CARE_FACTOR = 2.5;
const YEARS = 3;

export const CME_REASONS = [
  ['MOVED_INTO_AREA_NO_PLACE', 0.3],
  ['REMOVED_FROM_ROLL_DESTINATION_UNKNOWN', 0.3],
  ['PLACE_NOT_TAKEN_UP', 0.15],
  ['EHE_UNSUITABLE', 0.1],
  ['EXCLUDED_NO_PROVISION', 0.05],
  ['OTHER', 0.1],
] as const;

export const CME_REFERRERS = [
  ['SCHOOL', 0.45],
  ['ADMISSIONS', 0.2],
  ['SOCIAL_CARE', 0.1],
  ['HEALTH', 0.05],
  ['POLICE', 0.05],
  ['OTHER_LA', 0.1],
  ['PUBLIC', 0.05],
] as const;

export const CME_OUTCOMES = [
  ['FOUND_IN_SCHOOL', 0.45],
  ['MOVED_OUT_OF_AREA', 0.2],
  ['ELECTIVE_HOME_EDUCATION', 0.12],
  ['LEFT_ENGLAND', 0.08],
  ['ALTERNATIVE_PROVISION', 0.1],
  ['ENQUIRIES_EXHAUSTED', 0.05],
] as const;
/** Closed because the child passed compulsory school age while still missing education. */
export const CME_AGED_OUT = 'END_OF_COMPULSORY_SCHOOL_AGE';

/** Days from referral to closure: most found within weeks, a long tail over a year. */
const DURATIONS: readonly (readonly [readonly [number, number], number])[] = [
  [[3, 30], 0.45],
  [[31, 120], 0.35],
  [[121, 420], 0.2],
];

/** One child's CME referrals over the three years before asOf, oldest first. */
export function missingEducationOf(
  seed: string,
  pop: Population,
  child: number,
  pupilId: string,
): EyesCmeEpisodeRecord[] {
  const { asOf } = pop;
  const dob = pop.dob[child]!;
  const care = pop.careStatus[child]!;
  const rng = new Rng(seed, 'cme', child);
  const rate = BASE_RATE_PER_YEAR * (care === CareStatus.NONE ? 1 : KNOWN_TO_SOCIAL_CARE_FACTOR);
  const episodes: EyesCmeEpisodeRecord[] = [];
  let free = asOf - YEARS * 365;
  for (let year = 0; year < YEARS; year++) {
    if (!rng.chance(rate)) continue;
    const reported = asOf - YEARS * 365 + year * 365 + rng.int(0, 364);
    const age = ageOn(dob, reported);
    // Compulsory school age: from five until the end of the school year in which they turn 16.
    if (reported < free || reported > asOf || age < 5 || age > 15) continue;
    const [lo, hi] = rng.weighted(DURATIONS);
    let closed = reported + rng.int(lo, hi);
    let outcome: string = rng.weighted(CME_OUTCOMES);
    const sixteen = ageOn(dob, closed) >= 16 ? closed : null;
    if (sixteen !== null) {
      outcome = CME_AGED_OUT;
      while (ageOn(dob, closed - 1) >= 16) closed--;
    }
    const open = closed > asOf;
    episodes.push({
      cmeId: `${pupilId}-CME${episodes.length + 1}`,
      pupilId,
      reportedMissingDate: toIso(reported),
      reason: rng.weighted(CME_REASONS),
      referredBy: rng.weighted(CME_REFERRERS),
      closedDate: open ? null : toIso(closed),
      outcome: open ? null : outcome,
      updatedAt: toIsoDateTime(open ? Math.min(asOf, reported + rng.int(0, 60)) : closed, rng.int(480, 1050)),
    });
    free = closed + 1;
  }
  return episodes;
}
