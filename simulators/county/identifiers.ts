/**
 * Check-digit rules for the identifiers children carry across systems (NHS number, UPN, ULN), and
 * generators that make valid ones. The hub keeps its own copies: simulators share no code with it.
 */
import type { Rng } from './prng.ts';

const NHS_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** Check digit for the first nine digits of an NHS number, or null when the nine can never be valid (11 − r = 10). */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('nhsCheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (NHS_WEIGHTS[i] as number);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const check = nhsCheckDigit(value.slice(0, 9));
  return check !== null && check === Number(value[9]);
}

/** A valid NHS number in the 4xx/6xx/7xx ranges England issues (9xx is reserved for tests). */
export function generateNhsNumber(rng: Rng): string {
  for (;;) {
    let nine = String(rng.pick([4, 6, 7]));
    for (let i = 0; i < 8; i++) nine += String(rng.int(0, 9));
    const check = nhsCheckDigit(nine);
    if (check !== null) return nine + String(check);
  }
}

/** Multiplier of the bijection below: odd and not a multiple of 5, so coprime with 10^8. */
const NHS_TAIL_MULTIPLIER = 73_939_133;
const NHS_TAIL_SPACE = 100_000_000;
const NHS_ATTEMPTS_PER_CHILD = 16;

/**
 * The NHS number of the child at `index`: a valid number no other index receives. Eight of the
 * nine leading digits come from an affine bijection of (index, attempt), so two children can never
 * share a number, however large the county; `offset` (from the seed) varies the numbers per county.
 */
export function uniqueNhsNumber(index: number, offset: number): string {
  for (let attempt = 0; attempt < NHS_ATTEMPTS_PER_CHILD; attempt++) {
    const slot = index * NHS_ATTEMPTS_PER_CHILD + attempt;
    const tail = (slot * NHS_TAIL_MULTIPLIER + offset) % NHS_TAIL_SPACE;
    const nine = String([4, 6, 7][index % 3]) + String(tail).padStart(8, '0');
    const check = nhsCheckDigit(nine);
    if (check !== null) return nine + String(check);
  }
  throw new Error('uniqueNhsNumber: no valid check digit in the slots of this index');
}

/** A keying error: the same number with its check digit changed, so it fails the check. */
export function corruptNhsNumber(valid: string, rng: Rng): string {
  const current = Number(valid[9]);
  const replacement = (current + rng.int(1, 9)) % 10;
  return valid.slice(0, 9) + String(replacement);
}

/** The UPN check-letter alphabet: 23 letters, I, O and S left out. Index = value. */
export const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

function upnCharValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return Number(ch);
  const index = UPN_LETTERS.indexOf(ch);
  if (index < 0) throw new Error('not a UPN character');
  return index;
}

/** Check letter for characters 2–13 of a UPN (a temporary UPN's final letter counts by its table value). */
export function upnCheckLetter(body: string): string {
  if (!/^\d{11}[0-9A-HJ-NP-RT-Z]$/.test(body))
    throw new Error('upnCheckLetter needs 11 digits and a digit or letter');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += upnCharValue(body[i] as string) * (i + 2);
  return UPN_LETTERS[sum % 23] as string;
}

export function isValidUpn(value: string): boolean {
  if (!/^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(value)) return false;
  return upnCheckLetter(value.slice(1)) === value[0];
}

export function isTemporaryUpn(value: string): boolean {
  return isValidUpn(value) && /[A-Z]$/.test(value);
}

/**
 * A permanent UPN from its parts: LA code (3 digits), establishment number (4), two-digit year of
 * allocation, serial (0–999). Unique when (establishment, year, serial) is.
 */
export function makeUpn(laCode: string, establishment: string, year: number, serial: number): string {
  const body = `${laCode}${establishment}${String(year % 100).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return upnCheckLetter(body) + body;
}

/** A temporary UPN: the final serial digit replaced by a letter from the check alphabet. */
export function makeTemporaryUpn(
  laCode: string,
  establishment: string,
  year: number,
  serial: number,
  letterIndex: number,
): string {
  const body = `${laCode}${establishment}${String(year % 100).padStart(2, '0')}${String(serial % 100).padStart(2, '0')}${UPN_LETTERS[letterIndex % 23]}`;
  return upnCheckLetter(body) + body;
}

export function isValidUln(value: string): boolean {
  if (!/^[1-9]\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(value[i]) * (10 - i);
  return sum % 11 === 10;
}

/** A valid ULN: nine random digits (first non-zero) and the one final digit that makes Σ d×(10..1) ≡ 10 (mod 11). */
export function generateUln(rng: Rng): string {
  for (;;) {
    let nine = String(rng.int(1, 9));
    for (let i = 0; i < 8; i++) nine += String(rng.int(0, 9));
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
    const last = (((10 - sum) % 11) + 11) % 11;
    if (last < 10) return nine + String(last);
  }
}

/** LCS person ids: numeric strings of at most 20 characters, never reused. */
export function isValidLcsPersonId(value: string): boolean {
  return /^[0-9]{1,20}$/.test(value);
}
