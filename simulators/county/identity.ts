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

/** Flaws one system introduces into the identity it records, at that system's own rates. */
export interface RecordingHabits {
  nicknameRate: number;
  typoRate: number;
  transposeRate: number;
}

export interface RecordedName {
  forename: string;
  surname: string;
  dob: number;
}

export function recordIdentity(identity: TrueIdentity, habits: RecordingHabits, rng: Rng): RecordedName {
  let forename = identity.nickname && rng.chance(habits.nicknameRate) ? identity.nickname : identity.forename;
  let surname = identity.surname;
  if (rng.chance(habits.typoRate)) {
    if (rng.chance(0.5)) forename = typo(forename, rng);
    else surname = typo(surname, rng);
  }
  const dob = rng.chance(habits.transposeRate) ? transposeDayMonth(identity.dob) : identity.dob;
  return { forename, surname, dob };
}

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
