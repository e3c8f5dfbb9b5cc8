/**
 * Normalisation of the free-text fields linking compares: names, postcodes, dates. Every system
 * spells these differently (case, accents, apostrophes, spaces in postcodes), so comparison only
 * ever sees the normalised forms.
 */

/** Lower-case letters only: "O'Brien" -> "obrien", "Zoë" -> "zoe", "Smith-Jones" -> "smithjones". */
export function normaliseName(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * The separately meaningful parts of a name, normalised: "Smith-Jones" -> ["smith", "jones"],
 * "Mary Ann" -> ["mary", "ann"]. A double-barrelled surname is often recorded with one half only.
 */
export function nameParts(raw: string): string[] {
  return raw
    .split(/[\s-]+/)
    .map(normaliseName)
    .filter((part) => part.length > 0);
}

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/;

/** "sw1a 1aa" -> "SW1A1AA"; null for anything that is not shaped like a UK postcode. */
export function normalisePostcode(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return POSTCODE.test(compact) ? compact : null;
}

/** The outward code (district): everything before the final digit-letter-letter. */
export function postcodeDistrict(normalised: string): string {
  return normalised.slice(0, -3);
}

/**
 * A date packed as yyyymmdd (an integer, cheap to store in typed arrays and compare), or -1 for
 * missing or malformed values (including impossible dates such as 2020-02-30).
 */
export function packDate(raw: string | null | undefined): number {
  if (!raw) return -1;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!match) return -1;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return -1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return -1;
  return year * 10000 + month * 100 + day;
}

export function unpackDate(packed: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(dateYear(packed), 4)}-${pad(dateMonth(packed), 2)}-${pad(dateDay(packed), 2)}`;
}

export const dateYear = (packed: number): number => Math.floor(packed / 10000);
export const dateMonth = (packed: number): number => Math.floor(packed / 100) % 100;
export const dateDay = (packed: number): number => packed % 100;

/**
 * The same key for a date and its day/month transposition (2015-03-07 and 2015-07-03), so a
 * transposed date still lands in the same block.
 */
export function transpositionInsensitiveDate(packed: number): number {
  const day = dateDay(packed);
  const month = dateMonth(packed);
  return dateYear(packed) * 10000 + Math.min(day, month) * 100 + Math.max(day, month);
}

/** Days since 1970-01-01 of a packed date (NONE, -1, stays -1): dates a few days apart, by subtraction. */
export function epochDay(packed: number): number {
  if (packed < 0) return -1;
  return Date.UTC(dateYear(packed), dateMonth(packed) - 1, dateDay(packed)) / 86_400_000;
}
