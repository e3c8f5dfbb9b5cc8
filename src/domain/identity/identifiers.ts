/**
 * Check-digit validation of the national identifiers children carry. Only a valid identifier is
 * trusted for deterministic linking: a keying error that fails its check digit is ignored rather
 * than allowed to join (or split) two children.
 */

const NHS_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const ULN_WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1] as const;
/** UPN check alphabet: the value of a letter is its index (I, O and S are never used). */
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** Strips the spaces and hyphens people type inside identifiers and upper-cases letters. */
export function normaliseIdentifier(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

/**
 * NHS number: ten digits, check digit = 11 − (Σ d1..d9 × 10..2 mod 11), 11 → 0, 10 → never valid.
 * Repeated-digit numbers (0000000000, 1111111111) pass the arithmetic but are placeholders that
 * systems use for "unknown", so they are rejected: they would otherwise join unrelated children.
 */
export function isValidNhsNumber(raw: string): boolean {
  const value = normaliseIdentifier(raw);
  if (!/^\d{10}$/.test(value) || /^(\d)\1{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * NHS_WEIGHTS[i]!;
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === Number(value[9]);
}

export type UpnKind = 'permanent' | 'temporary' | 'invalid';

function upnCharValue(ch: string): number {
  return ch >= '0' && ch <= '9' ? Number(ch) : UPN_LETTERS.indexOf(ch);
}

/**
 * UPN: check letter + LA code (3) + establishment (4) + year (2) + serial (3). The check letter is
 * Σ(value × position) over positions 2–13, mod 23, in the UPN alphabet. A temporary UPN ends in a
 * letter (counted at its alphabet value); it is issued while a permanent one is awaited, so it is
 * not a stable identity and is never used to link.
 */
export function classifyUpn(raw: string): UpnKind {
  const value = normaliseIdentifier(raw);
  if (!/^[A-HJ-NP-RT-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(value)) return 'invalid';
  let sum = 0;
  for (let position = 2; position <= 13; position++) sum += upnCharValue(value[position - 1]!) * position;
  if (UPN_LETTERS[sum % 23] !== value[0]) return 'invalid';
  return /\d$/.test(value) ? 'permanent' : 'temporary';
}

export function isPermanentUpn(raw: string): boolean {
  return classifyUpn(raw) === 'permanent';
}

/** ULN: ten digits, first non-zero, Σ(d × 10..1) mod 11 must be 10. */
export function isValidUln(raw: string): boolean {
  const value = normaliseIdentifier(raw);
  if (!/^[1-9]\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(value[i]) * ULN_WEIGHTS[i]!;
  return sum % 11 === 10;
}

/** The normalised identifier when it may be used for deterministic linking, else null. */
export function linkableNhsNumber(raw: string | null | undefined): string | null {
  return raw && isValidNhsNumber(raw) ? normaliseIdentifier(raw) : null;
}

export function linkableUpn(raw: string | null | undefined): string | null {
  return raw && isPermanentUpn(raw) ? normaliseIdentifier(raw) : null;
}

export function linkableUln(raw: string | null | undefined): string | null {
  return raw && isValidUln(raw) ? normaliseIdentifier(raw) : null;
}

export type IdentifierKind = 'nhsNumber' | 'upn' | 'uln';

/**
 * Every national identifier a searched value could be, by check digit. Ten digits can pass both
 * the NHS and the ULN check, so more than one kind may be returned.
 */
export function recogniseIdentifier(raw: string): { kind: IdentifierKind; value: string }[] {
  const found: { kind: IdentifierKind; value: string }[] = [];
  const nhs = linkableNhsNumber(raw);
  if (nhs) found.push({ kind: 'nhsNumber', value: nhs });
  const upn = linkableUpn(raw);
  if (upn) found.push({ kind: 'upn', value: upn });
  const uln = linkableUln(raw);
  if (uln) found.push({ kind: 'uln', value: uln });
  return found;
}
