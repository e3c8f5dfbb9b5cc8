/**
 * The compact core of the county: one slot per real child, held in typed arrays (a few bytes per
 * child), saying who the child is (sex, date of birth, name indexes), which systems know them and
 * the statuses every system's detail is generated from. Detail is derived from this core later.
 */
import { Rng } from './prng.ts';
import { ageOn } from './dates.ts';
import { ETHNICITY } from './codes.ts';
import { FEMALE_FORENAMES, MALE_FORENAMES, SURNAMES } from './names.ts';
import type { ScaleTargets } from './scales.ts';

/** Membership and flaw flags, one bit each. */
export const Flag = {
  LCS: 1,
  EYES: 2,
  FRONT_DOOR_ONLY: 4,
  LCS_DUPLICATE: 8,
  SURNAME_CHANGED: 16,
  POST_ADOPTION: 32,
  ADOPTED: 64,
  UNBORN: 128,
  RESTRICTED: 256,
  KNOWN_BY_NICKNAME: 512,
} as const;

/** Where a child known to LCS stands on asOf. */
export const CareStatus = {
  NONE: 0,
  CLOSED: 1,
  EARLY_HELP: 2,
  CIN: 3,
  CP: 4,
  CLA: 5,
  ADOPTED: 6,
  POST_ADOPTION: 7,
} as const;
export type CareStatus = (typeof CareStatus)[keyof typeof CareStatus];

/** EYES special educational needs status on asOf. */
export const SenStatus = {
  NONE: 0,
  SEN_SUPPORT: 1,
  EHCP_ACTIVE: 2,
  EHCP_CEASED: 3,
  EHCP_NOT_ISSUED: 4,
  /** An EHC needs assessment requested in the last nine months and not yet concluded. */
  EHCP_IN_ASSESSMENT: 5,
} as const;

/**
 * Children with an EHC needs assessment under way: requests keep arriving at the rate that built
 * the plans in force, so the monthly series stays steady up to asOf instead of collapsing when
 * older requests have all been concluded.
 */
const EHCP_IN_ASSESSMENT_UPTO = 0.036;

export interface Population {
  readonly size: number;
  readonly asOf: number;
  readonly dob: Int32Array;
  /** 0 = male, 1 = female */
  readonly sex: Uint8Array;
  readonly forename: Uint16Array;
  readonly surname: Uint16Array;
  /** Surname before a change (index), meaningful when SURNAME_CHANGED is set. */
  readonly formerSurname: Uint16Array;
  readonly ethnicity: Uint8Array;
  readonly flags: Uint16Array;
  readonly careStatus: Uint8Array;
  readonly senStatus: Uint8Array;
  /** For a post-adoption identity: its pre-adoption child's index; for an adopted child: its post-adoption index; else -1. */
  readonly adoptionPair: Int32Array;
  /** Child indexes in each group, in index order. */
  readonly lcsChildren: Int32Array;
  readonly eyesChildren: Int32Array;
  readonly frontDoorOnlyChildren: Int32Array;
}

const ETHNICITY_WEIGHTS = ETHNICITY.map(([, w], i) => [i, w] as const);

interface Draft {
  status: CareStatus;
  dob: number;
  flags: number;
  pair: number;
}

/** Age (whole years on asOf) drawn with the shape of each care status. */
function dobFor(status: CareStatus, asOf: number, rng: Rng): number {
  const daysOld = (minYears: number, maxYears: number) =>
    asOf - rng.int(Math.round(minYears * 365.25), Math.round(maxYears * 365.25) - 1);
  switch (status) {
    case CareStatus.CLA:
      return rng.chance(0.6) ? daysOld(10, 18) : daysOld(0.3, 10);
    case CareStatus.CP:
      return rng.chance(0.55) ? daysOld(0.1, 6) : daysOld(6, 16);
    case CareStatus.ADOPTED:
      return daysOld(3.5, 14);
    default:
      return daysOld(0.1, 18);
  }
}

function dobForUnknownToCare(asOf: number, rng: Rng): number {
  // EYES knows few babies: weight the youngest years down.
  for (;;) {
    const age = rng.int(0, 17);
    const keep = age === 0 ? 0.3 : age === 1 ? 0.55 : age === 2 ? 0.85 : 1;
    if (rng.chance(keep)) return asOf - rng.int(age * 365 + 1, age * 365 + 364);
  }
}

/** Picks `count` distinct items, each with probability proportional to its weight (Efraimidis–Spirakis). */
function weightedSample(
  candidates: readonly number[],
  weight: (c: number) => number,
  count: number,
  rng: Rng,
): number[] {
  const keyed: { c: number; key: number }[] = [];
  for (const c of candidates) {
    const w = weight(c);
    if (w > 0) keyed.push({ c, key: Math.log(rng.next() + 1e-12) / w });
  }
  keyed.sort((a, b) => b.key - a.key || a.c - b.c);
  return keyed.slice(0, count).map((k) => k.c);
}

export function buildPopulation(seed: string, targets: ScaleTargets, asOf: number): Population {
  const rng = new Rng(seed, 'population');

  // 1. Children known to LCS, by where they stand on asOf.
  const adoptedCount = Math.max(1, Math.round(targets.lcsChildren * 0.004));
  const baseLcs = targets.lcsChildren - adoptedCount; // post-adoption identities are LCS children too
  const open = targets.lookedAfter + targets.onCpPlan + targets.openCin + targets.openEarlyHelp;
  const closed = baseLcs - open - adoptedCount;
  if (closed < 0) throw new Error('scale targets: more open cases than LCS children');
  const statuses: CareStatus[] = [
    ...Array<CareStatus>(targets.lookedAfter).fill(CareStatus.CLA),
    ...Array<CareStatus>(targets.onCpPlan).fill(CareStatus.CP),
    ...Array<CareStatus>(targets.openCin).fill(CareStatus.CIN),
    ...Array<CareStatus>(targets.openEarlyHelp).fill(CareStatus.EARLY_HELP),
    ...Array<CareStatus>(adoptedCount).fill(CareStatus.ADOPTED),
    ...Array<CareStatus>(closed).fill(CareStatus.CLOSED),
  ];
  const drafts: Draft[] = statuses.map((status) => ({
    status,
    dob: dobFor(status, asOf, rng),
    flags: Flag.LCS,
    pair: -1,
  }));

  // Unborn children: pre-birth assessments open as child-in-need work.
  const unbornCount = Math.max(1, Math.round(targets.lcsChildren * 0.002));
  let unbornMade = 0;
  for (const d of drafts) {
    if (unbornMade >= unbornCount) break;
    if (d.status === CareStatus.CIN) {
      d.flags |= Flag.UNBORN;
      d.dob = asOf + rng.int(7, 140); // expected date of birth
      unbornMade++;
    }
  }

  // Each adopted child gets a new, unlinkable identity: appended as its own LCS child.
  const postAdoption: Draft[] = [];
  drafts.forEach((d, i) => {
    if (d.status !== CareStatus.ADOPTED) return;
    d.flags |= Flag.ADOPTED;
    postAdoption.push({
      status: CareStatus.POST_ADOPTION,
      dob: d.dob,
      flags: Flag.LCS | Flag.POST_ADOPTION | Flag.RESTRICTED,
      pair: i,
    });
  });
  const lcsDrafts = [...drafts, ...postAdoption];

  // 2. Which of them EYES knows: nearly every child from two, few babies, never the unborn.
  let lcsInEyes = 0;
  for (const d of lcsDrafts) {
    if (d.flags & Flag.UNBORN) continue;
    const age = ageOn(d.dob, asOf);
    if (rng.chance(age >= 2 ? 0.93 : 0.25)) {
      d.flags |= Flag.EYES;
      lcsInEyes++;
    }
  }
  const eyesOnly = targets.eyesChildren - lcsInEyes;
  // Front-door contacts: about half concern children no other system knows, 1.25 contacts each.
  const frontDoorOnly = Math.round(targets.frontDoorContacts / 2 / 1.25);
  const size = lcsDrafts.length + eyesOnly + frontDoorOnly;

  // 3. Lay the groups out in a shuffled order, so a child's index says nothing about their group.
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[i] = i;
  for (let i = size - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }

  const pop = {
    size,
    asOf,
    dob: new Int32Array(size),
    sex: new Uint8Array(size),
    forename: new Uint16Array(size),
    surname: new Uint16Array(size),
    formerSurname: new Uint16Array(size),
    ethnicity: new Uint8Array(size),
    flags: new Uint16Array(size),
    careStatus: new Uint8Array(size),
    senStatus: new Uint8Array(size),
    adoptionPair: new Int32Array(size).fill(-1),
  };

  for (let slot = 0; slot < size; slot++) {
    const i = order[slot] as number;
    const sex = rng.int(0, 1);
    pop.sex[i] = sex;
    pop.forename[i] = rng.int(0, (sex === 0 ? MALE_FORENAMES.length : FEMALE_FORENAMES.length) - 1);
    pop.surname[i] = rng.int(0, SURNAMES.length - 1);
    pop.ethnicity[i] = rng.weighted(ETHNICITY_WEIGHTS);
    const draft = lcsDrafts[slot];
    if (draft) {
      pop.dob[i] = draft.dob;
      pop.flags[i] = draft.flags;
      pop.careStatus[i] = draft.status;
    } else if (slot < lcsDrafts.length + eyesOnly) {
      pop.dob[i] = dobForUnknownToCare(asOf, rng);
      pop.flags[i] = Flag.EYES;
    } else {
      pop.dob[i] = dobForUnknownToCare(asOf, rng);
      pop.flags[i] = Flag.FRONT_DOOR_ONLY;
    }
    // Real data's flaws that live with the child rather than one system's record.
    const f = pop.flags[i] as number;
    if (rng.chance(0.04) && !(f & (Flag.UNBORN | Flag.POST_ADOPTION))) {
      pop.flags[i] = f | Flag.SURNAME_CHANGED;
      let former = rng.int(0, SURNAMES.length - 1);
      if (former === pop.surname[i]) former = (former + 1) % SURNAMES.length;
      pop.formerSurname[i] = former;
    }
    if (rng.chance(0.15)) pop.flags[i] = (pop.flags[i] as number) | Flag.KNOWN_BY_NICKNAME;
  }

  // Post-adoption identities keep forename, sex, date of birth and ethnicity, but never the surname.
  for (let slot = drafts.length; slot < lcsDrafts.length; slot++) {
    const i = order[slot] as number;
    const pre = order[(lcsDrafts[slot] as Draft).pair] as number;
    pop.adoptionPair[i] = pre;
    pop.adoptionPair[pre] = i;
    pop.sex[i] = pop.sex[pre] as number;
    pop.forename[i] = pop.forename[pre] as number;
    pop.ethnicity[i] = pop.ethnicity[pre] as number;
    const preSurnames = new Set([pop.surname[pre], pop.formerSurname[pre]]);
    while (preSurnames.has(pop.surname[i]))
      pop.surname[i] = ((pop.surname[i] as number) + 7) % SURNAMES.length;
    pop.flags[i] = (pop.flags[i] as number) & ~Flag.SURNAME_CHANGED;
  }

  // A few other restricted records, and ~1% of children recorded twice in LCS.
  const lcsList: number[] = [];
  const eyesList: number[] = [];
  const fdList: number[] = [];
  for (let i = 0; i < size; i++) {
    const f = pop.flags[i] as number;
    if (f & Flag.LCS) lcsList.push(i);
    if (f & Flag.EYES) eyesList.push(i);
    if (f & Flag.FRONT_DOOR_ONLY) fdList.push(i);
  }
  const plain = lcsList.filter(
    (i) => !((pop.flags[i] as number) & (Flag.UNBORN | Flag.POST_ADOPTION | Flag.ADOPTED)),
  );
  const restrictedCount = Math.max(4, Math.round(targets.lcsChildren * 0.002));
  const shuffled = rng.shuffle([...plain]);
  for (const i of shuffled.slice(0, restrictedCount))
    pop.flags[i] = (pop.flags[i] as number) | Flag.RESTRICTED;
  const duplicateCount = Math.max(1, Math.round(targets.lcsChildren * 0.01));
  for (const i of shuffled.slice(restrictedCount, restrictedCount + duplicateCount)) {
    pop.flags[i] = (pop.flags[i] as number) | Flag.LCS_DUPLICATE;
  }

  // 4. SEN: exactly the target number of active EHC plans, most likely for school-age children and
  // for children in care; then SEN support and other EHCP histories at their usual rates.
  const ehcpWeight = (i: number) => {
    const age = ageOn(pop.dob[i] as number, asOf);
    if (age < 2) return 0;
    let w = age < 4 ? 0.3 : age <= 16 ? 1 : 0.7;
    const status = pop.careStatus[i] as number;
    if (status === CareStatus.CLA) w *= 6;
    else if (status === CareStatus.CP || status === CareStatus.CIN) w *= 3;
    return w;
  };
  for (const i of weightedSample(eyesList, ehcpWeight, targets.activeEhcps, rng))
    pop.senStatus[i] = SenStatus.EHCP_ACTIVE;
  for (const i of eyesList) {
    if (pop.senStatus[i] !== SenStatus.NONE || ageOn(pop.dob[i] as number, asOf) < 2) continue;
    const r = rng.next();
    if (r < 0.012) pop.senStatus[i] = SenStatus.EHCP_CEASED;
    else if (r < 0.03) pop.senStatus[i] = SenStatus.EHCP_NOT_ISSUED;
    else if (r < EHCP_IN_ASSESSMENT_UPTO) pop.senStatus[i] = SenStatus.EHCP_IN_ASSESSMENT;
    else if (r < 0.15) pop.senStatus[i] = SenStatus.SEN_SUPPORT;
  }

  return {
    ...pop,
    lcsChildren: Int32Array.from(lcsList),
    eyesChildren: Int32Array.from(eyesList),
    frontDoorOnlyChildren: Int32Array.from(fdList),
  };
}
