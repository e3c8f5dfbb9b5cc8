/**
 * A child's identity as each system records it. The true identity comes from the population core;
 * each system's copy is derived from it with that system's own flaws (nicknames, typos, transposed
 * day and month, a missing or mistyped NHS number), so linking the systems is as hard as it really is.
 */
import { Rng } from './prng.ts';
import { dateOf, dayOf, monthOf, yearOf } from './dates.ts';
import { NICKNAMES } from './codes.ts';
import {
  FEMALE_FORENAMES,
  MALE_FORENAMES,
  POSTCODE_UNIT_LETTERS,
  STREETS,
  SURNAMES,
  TOWNS,
} from './names.ts';
import { corruptNhsNumber, uniqueNhsNumber } from './identifiers.ts';
import { Flag, type Population } from './population.ts';

export interface TrueIdentity {
  forename: string;
  surname: string;
  /** Surname before a change of name, or null. */
  formerSurname: string | null;
  /** The name the child goes by, when it differs from the formal forename. */
  nickname: string | null;
  sex: 'M' | 'F';
  dob: number;
  nhsNumber: string;
}

export interface AddressSpell {
  line1: string;
  town: string;
  postcode: string;
  from: number;
  to: number | null;
}

const nhsOffsets = new Map<string, number>();
/** Where a county's NHS numbers start in the bijection: fixed per seed. */
export function nhsOffsetOf(seed: string): number {
  let offset = nhsOffsets.get(seed);
  if (offset === undefined) {
    offset = new Rng(seed, 'nhs-numbers', 0).int(0, 99_999_999);
    nhsOffsets.set(seed, offset);
  }
  return offset;
}

export function trueIdentity(seed: string, pop: Population, i: number): TrueIdentity {
  const rng = new Rng(seed, 'identity', i);
  const female = pop.sex[i] === 1;
  const forename = (female ? FEMALE_FORENAMES : MALE_FORENAMES)[pop.forename[i] as number] as string;
  const flags = pop.flags[i] as number;
  const nicknames = NICKNAMES[forename];
  return {
    forename,
    surname: SURNAMES[pop.surname[i] as number] as string,
    formerSurname: flags & Flag.SURNAME_CHANGED ? (SURNAMES[pop.formerSurname[i] as number] as string) : null,
    nickname: flags & Flag.KNOWN_BY_NICKNAME && nicknames ? rng.pick(nicknames) : null,
    sex: female ? 'F' : 'M',
    dob: pop.dob[i] as number,
    nhsNumber: uniqueNhsNumber(i, nhsOffsetOf(seed)),
  };
}

/** A one-character keying error: substitution, deletion, insertion or adjacent swap. */
export function typo(name: string, rng: Rng): string {
  if (name.length < 3) return name + 'e';
  const pos = rng.int(1, name.length - 2);
  const letters = 'aeiourstnlmhcdy';
  switch (rng.int(0, 3)) {
    case 0: {
      const current = name[pos] as string;
      let replacement = rng.pick([...letters]);
      if (replacement === current.toLowerCase()) replacement = replacement === 'e' ? 'a' : 'e';
      return name.slice(0, pos) + replacement + name.slice(pos + 1);
    }
    case 1:
      return name.slice(0, pos) + name.slice(pos + 1);
    case 2:
      return name.slice(0, pos) + rng.pick([...letters]) + name.slice(pos);
    default: {
      const a = name[pos] as string;
      const b = name[pos + 1] as string;
      if (a === b) return name.slice(0, pos) + name.slice(pos + 1);
      return name.slice(0, pos) + b + a + name.slice(pos + 2);
    }
  }
}

/** The date with day and month swapped, when that is a different valid date; else the date itself. */
export function transposeDayMonth(day: number): number {
  const d = dateOf(day);
  const m = monthOf(day);
  if (d > 12 || d === m) return day;
  return dayOf(yearOf(day), d, m);
}

/**
 * A clerk's spelling of a name that is not a slip of the keyboard: the variants one name is commonly
 * written in, then spelling habits (doubled or single letters, -ie/-y, ph/f, a dropped apostrophe).
 */
const SPELLING_GROUPS: readonly (readonly string[])[] = [
  ['Muhammad', 'Mohammed', 'Mohammad', 'Mohamed'],
  ['Jayden', 'Jaden', 'Jaiden'],
  ['Katherine', 'Catherine', 'Kathryn'],
  ['Isabella', 'Isobella'],
  ['Sophia', 'Sofia'],
  ['Phoebe', 'Pheobe'],
  ['Niamh', 'Neve'],
  ['Aisha', 'Ayesha'],
  ['Zofia', 'Sofia'],
  ['Maja', 'Maya'],
  ['Yusuf', 'Yousef'],
  ['Tomasz', 'Tomas'],
  ['Ciaran', 'Kieran'],
  ['Rhys', 'Reece'],
  ['Orla', 'Orlagh'],
  ['Keira', 'Kiera'],
  ['Isla', 'Islay'],
  ['Esme', 'Esmee'],
  ['Clarke', 'Clark'],
  ['Davies', 'Davis'],
  ['Gray', 'Grey'],
  ['Matthews', 'Mathews'],
  ['Phillips', 'Philips'],
  ['Reid', 'Reed', 'Read'],
  ['Smith', 'Smyth'],
  ['Stevens', 'Stephens'],
  ['Thompson', 'Thomson'],
  ['McDonald', 'MacDonald', 'Macdonald'],
  ['McCarthy', 'MacCarthy'],
  ['Nicholls', 'Nichols'],
  ['Hussain', 'Hussein'],
  ['Rahman', 'Rehman'],
  ['Chowdhury', 'Choudhury'],
  ['Begum', 'Begom'],
  ['Ahmed', 'Ahmad'],
  ['Mensah', 'Mensa'],
];
const SPELLING_GROUP_OF = new Map(SPELLING_GROUPS.flatMap((group) => group.map((name) => [name, group])));
const SPELLING_HABITS: readonly [RegExp, string][] = [
  [/'/, ''],
  [/ph/, 'f'],
  [/([lnrst])\1/, '$1'],
  [/ie$/, 'y'],
  [/ey$/, 'y'],
  [/([^aeiouy])y$/, '$1ie'],
  [/^C(?=[aou])/, 'K'],
  [/ck/, 'k'],
  [/ou/, 'ow'],
  [/([aeiou])([lnt])([aeiou])/, '$1$2$2$3'],
];

/** Another spelling of the name, or the name itself when it has none. */
export function spellingVariant(name: string, rng: Rng): string {
  const group = SPELLING_GROUP_OF.get(name);
  if (group) return rng.pick(group.filter((other) => other !== name));
  const habits = SPELLING_HABITS.filter(([pattern]) => pattern.test(name));
  if (habits.length === 0) return name;
  const [pattern, replacement] = rng.pick(habits);
  return name.replace(pattern, replacement);
}

/** Flaws one system introduces into the identity it records, each a share of its records. */
export interface RecordingHabits {
  nicknameRate: number;
  typoRate: number;
  /** A name written another way by a clerk (Mohammed for Muhammad, Smyth for Smith). */
  variantRate: number;
  /** Forename and surname entered the wrong way round. */
  swapRate: number;
  transposeRate: number;
  /** After a change of name, how often the system holds the former surname (EYES: the legal one). */
  formerSurnameRate: number;
}

/**
 * Each system's habits, in one place. Sources for the rates: day-month transposition and other
 * date-of-birth errors run from 0.1% of hospital records checked against the NHS spine (Harron et
 * al. 2017, BMC Medical Research Methodology 17:23) to a few per cent where a date is taken by
 * phone; forename and surname swaps are, after misspellings, the commonest name discrepancy between
 * records of one person (Just et al. 2016, Perspectives in Health Information Management 13:1e);
 * forenames disagree between two collections about one child in 12% of records and surnames in 18%
 * (ALSPAC synthetic identifiers, IJPDS 2023, article 2389), most by spelling rather than by typo.
 * LIFT's clerks key clients from placement paperwork into one name field, so LIFT spells names its
 * own way more often than LCS and sometimes puts the surname first.
 */
export const RECORDING_HABITS = {
  lcs: {
    nicknameRate: 0.1,
    typoRate: 0.02,
    variantRate: 0,
    swapRate: 0.003,
    transposeRate: 0.015,
    formerSurnameRate: 0,
  },
  eyes: {
    nicknameRate: 0.05,
    typoRate: 0.01,
    variantRate: 0,
    swapRate: 0.002,
    transposeRate: 0.01,
    formerSurnameRate: 0.5,
  },
  lift: {
    nicknameRate: 0.05,
    typoRate: 0.01,
    variantRate: 0.05,
    swapRate: 0.01,
    transposeRate: 0.005,
    formerSurnameRate: 0,
  },
  frontdoor: {
    nicknameRate: 0.3,
    typoRate: 0.06,
    variantRate: 0.03,
    swapRate: 0.01,
    transposeRate: 0.03,
    formerSurnameRate: 0.4,
  },
} as const satisfies Record<string, RecordingHabits>;

export type RecordingSystem = keyof typeof RECORDING_HABITS;

/** How a recorded identity departs from the true one; the county's ground truth lists them per record. */
export type RecordFlaw =
  'NICKNAME' | 'TYPO' | 'SPELLING_VARIANT' | 'NAMES_SWAPPED' | 'DOB_TRANSPOSED' | 'DUPLICATE';

export interface RecordedName {
  forename: string;
  surname: string;
  dob: number;
  /** Whether the surname recorded (before any flaw) is the child's former one. */
  formerSurname: boolean;
  flaws: RecordFlaw[];
}

/** The identity as a system with these habits records it, drawing from `rng`. */
export function recordIdentity(identity: TrueIdentity, habits: RecordingHabits, rng: Rng): RecordedName {
  const flaws: RecordFlaw[] = [];
  const formerSurname = identity.formerSurname !== null && rng.chance(habits.formerSurnameRate);
  let surname = formerSurname ? identity.formerSurname! : identity.surname;
  const nickname = identity.nickname !== null && rng.chance(habits.nicknameRate);
  let forename = nickname ? identity.nickname! : identity.forename;
  if (nickname) flaws.push('NICKNAME');
  if (rng.chance(habits.variantRate)) {
    // Either name, whichever has another spelling (the first tried at random).
    const forenameFirst = rng.chance(0.5);
    const variantForename = () => (forename = spellingVariant(forename, rng));
    const variantSurname = () => (surname = spellingVariant(surname, rng));
    const before = `${forename} ${surname}`;
    if (forenameFirst) variantForename();
    else variantSurname();
    if (`${forename} ${surname}` === before) {
      if (forenameFirst) variantSurname();
      else variantForename();
    }
    if (`${forename} ${surname}` !== before) flaws.push('SPELLING_VARIANT');
  }
  if (rng.chance(habits.typoRate)) {
    if (rng.chance(0.5)) forename = typo(forename, rng);
    else surname = typo(surname, rng);
    flaws.push('TYPO');
  }
  if (rng.chance(habits.swapRate) && forename !== surname) {
    [forename, surname] = [surname, forename];
    flaws.push('NAMES_SWAPPED');
  }
  let dob = identity.dob;
  if (rng.chance(habits.transposeRate)) {
    dob = transposeDayMonth(identity.dob);
    if (dob !== identity.dob) flaws.push('DOB_TRANSPOSED');
  }
  return { forename, surname, dob, formerSurname, flaws };
}

/**
 * The identity as `system` records it in one record (`record`: the child index for LCS and EYES,
 * the client ref for LIFT, the contact's number for the front door). Drawn from the record's own
 * stream, so the ground truth can name a record's flaws without building the record.
 */
export const recordedIn = (
  seed: string,
  system: RecordingSystem,
  record: string | number,
  identity: TrueIdentity,
): RecordedName =>
  recordIdentity(identity, RECORDING_HABITS[system], new Rng(seed, 'recorded-identity', system, record));

/** The NHS number as a system holds it: often absent, rarely mistyped (failing its check digit). */
export function recordNhsNumber(identity: TrueIdentity, presentRate: number, rng: Rng): string | null {
  if (!rng.chance(presentRate)) return null;
  return rng.chance(0.006) ? corruptNhsNumber(identity.nhsNumber, rng) : identity.nhsNumber;
}

function postcode(rng: Rng): { town: string; postcode: string } {
  const town = rng.pick(TOWNS);
  const district = rng.pick(town.districts);
  const unit = `${rng.int(1, 9)}${rng.pick([...POSTCODE_UNIT_LETTERS])}${rng.pick([...POSTCODE_UNIT_LETTERS])}`;
  return { town: town.name, postcode: `CX${district} ${unit}` };
}

/**
 * Where the child has lived, oldest first, the last spell open. Most children never move; some move
 * once or more, which is why one system's postcode often differs from another's.
 */
export function addressHistory(seed: string, pop: Population, i: number): AddressSpell[] {
  const rng = new Rng(seed, 'address', i);
  const born = Math.min(pop.dob[i] as number, pop.asOf);
  const moves = rng.weighted([
    [0, 60],
    [1, 25],
    [2, 10],
    [3, 5],
  ] as const);
  const span = Math.max(1, pop.asOf - born);
  const moveDays = Array.from({ length: moves }, () => born + rng.int(1, span)).sort((a, b) => a - b);
  const starts = [born - rng.int(0, 400), ...moveDays];
  return starts.map((from, n) => {
    const place = postcode(rng);
    const next = starts[n + 1];
    return {
      line1: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
      town: place.town,
      postcode: place.postcode,
      from,
      to: next === undefined ? null : next - 1,
    };
  });
}

export function addressOn(history: readonly AddressSpell[], day: number): AddressSpell {
  let current = history[0] as AddressSpell;
  for (const spell of history) if (spell.from <= day) current = spell;
  return current;
}

export function toContractAddress(spell: AddressSpell, isoOf: (day: number) => string) {
  return {
    line1: spell.line1,
    town: spell.town,
    postcode: spell.postcode,
    from: isoOf(spell.from),
    to: spell.to === null ? null : isoOf(spell.to),
  };
}
