/**
 * Field-by-field comparison of two records into agreement levels, and their Fellegi–Sunter weight.
 * Both sides are "views" loaded from the record store (or built from a search query), reused
 * between comparisons so the build's millions of comparisons allocate nothing.
 */
import { jaroWinkler } from './jaro-winkler.ts';
import type { Counter } from './dictionary.ts';
import { areNicknames } from './nicknames.ts';
import { areSurnameVariants } from './surnameVariants.ts';
import { NONE, SEX_UNKNOWN, type RecordStore } from './record-store.ts';
import { dateDay, dateMonth, dateYear } from './text.ts';
import { shareReferral } from './referrals.ts';
import { levelWeight, termFrequencyWeight, type Field, type LinkSettings, FIELDS } from './weights.ts';

export interface RecordView {
  forename: number;
  foreAlt: Int32Array | undefined;
  surname: number;
  surAlt: Int32Array | undefined;
  dob: number;
  sex: number;
  postcode: number;
  altPostcodes: Int32Array | undefined;
  /** Packed dates or NONE (SourceRecord.addressesSince, postcodeDate). */
  addressesSince: number;
  postcodeDate: number;
  /** Packed referral evidence (referrals.ts), or undefined when the record holds none. */
  referrals: Int32Array | undefined;
}

export const emptyView = (): RecordView => ({
  forename: NONE,
  foreAlt: undefined,
  surname: NONE,
  surAlt: undefined,
  dob: NONE,
  sex: SEX_UNKNOWN,
  postcode: NONE,
  altPostcodes: undefined,
  addressesSince: NONE,
  postcodeDate: NONE,
  referrals: undefined,
});

export function loadView(store: RecordStore, slot: number, view: RecordView): RecordView {
  view.forename = store.forename[slot]!;
  view.foreAlt = store.foreAlt.get(slot);
  view.surname = store.surname[slot]!;
  view.surAlt = store.surAlt.get(slot);
  view.dob = store.dob[slot]!;
  view.sex = store.sex[slot]!;
  view.postcode = store.postcode[slot]!;
  view.altPostcodes = store.altPostcodes.get(slot);
  view.addressesSince = store.addressesSince[slot]!;
  view.postcodeDate = store.postcodeDate[slot]!;
  view.referrals = store.referrals.get(slot);
  return view;
}

/** Agreement level names per field, index = level code. */
export const LEVEL_NAMES: Record<Field, readonly string[]> = {
  forename: ['exact', 'nickname', 'similar', 'initial', 'swapped', 'disagree'],
  surname: ['exact', 'similar', 'swapped', 'disagree'],
  dateOfBirth: ['exact', 'transposed', 'oneComponentOff', 'disagree'],
  sex: ['agree', 'disagree'],
  postcode: ['exact', 'district', 'disagree'],
  // Never 'disagree': a referral that is not found is missing evidence, not evidence against.
  referral: ['sameReferral', 'disagree'],
};
export const MISSING = 255;
const FORENAME_SWAPPED = LEVEL_NAMES.forename.indexOf('swapped');
const FORENAME_DISAGREE = LEVEL_NAMES.forename.length - 1;
const SURNAME_SWAPPED = LEVEL_NAMES.surname.indexOf('swapped');
const SURNAME_DISAGREE = LEVEL_NAMES.surname.length - 1;
const FORENAME_SIMILAR = LEVEL_NAMES.forename.indexOf('similar');
const DOB_TRANSPOSED = LEVEL_NAMES.dateOfBirth.indexOf('transposed');
const DOB_DISAGREE = LEVEL_NAMES.dateOfBirth.indexOf('disagree');
const SEX_DISAGREE = LEVEL_NAMES.sex.indexOf('disagree');
const POSTCODE_DISTRICT = LEVEL_NAMES.postcode.indexOf('district');
const POSTCODE_DISAGREE = LEVEL_NAMES.postcode.indexOf('disagree');
const REFERRAL_FIELD = FIELDS.indexOf('referral');

/**
 * Whether `history`'s postcodes are every address its child had when `other`'s postcode was
 * recorded: since birth (whatever the other's date), or since a day on or before the other's
 * dated postcode.
 */
function coversAddressOf(history: RecordView, other: RecordView): boolean {
  const since = history.addressesSince;
  if (since === NONE) return false;
  if (history.dob !== NONE && since <= history.dob) return true;
  return other.postcodeDate !== NONE && since <= other.postcodeDate;
}

const MIN_ONE_EDIT_LENGTH = 4;

/** Whether one substitution, insertion, deletion or swap of adjacent letters turns a into b. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = endA - start;
  const restB = endB - start;
  if (restA <= 1 && restB <= 1) return true;
  return restA === 2 && restB === 2 && a[start] === b[start + 1] && a[start + 1] === b[start];
}

/**
 * How alike two spellings are (1 the same). One slip of the keyboard in a name of four letters or
 * more is a close spelling, however Jaro–Winkler rates it (Mila/Mina: 0.87, below the forename threshold).
 */
function nameSimilarity(x: string, y: string): number {
  return Math.min(x.length, y.length) >= MIN_ONE_EDIT_LENGTH && withinOneEdit(x, y) ? 1 : jaroWinkler(x, y);
}

/** Fewest records that make a spelling an established name, whatever the population. */
const ESTABLISHED_NAME_MIN_RECORDS = 20;
const JW_CACHE_LIMIT = 2_000_000;
const NAME_ID_SPAN = 4_194_304; // 2^22: name ids stay far below this

export class Scorer {
  /** Level code per field (FIELDS order) of the last comparison; MISSING when a side lacked the field. */
  readonly levels = new Uint8Array(FIELDS.length);
  /**
   * Whether the last comparison's postcodes differ where one side holds every address its child
   * had when the other's was recorded (and no postcode is a slip of one character from the other's).
   */
  private postcodeAgainstHistory = false;
  /** The names the last comparison found in exact agreement (NONE when they did not agree exactly). */
  private agreedForename = NONE;
  private agreedSurname = NONE;
  private readonly jwCache = new Map<number, number>();
  private readonly fixed: {
    foreNickname: number;
    foreSimilar: number;
    foreInitial: number;
    foreDisagree: number;
    surSimilar: number;
    surDisagree: number;
    /**
     * log2 of how much rarer a swap is than both names agreeing exactly between one child's records,
     * less log2 of how much rarer it is between different children's.
     */
    swapPenalty: number;
    dobTransposed: number;
    dobOneOff: number;
    dobDisagree: number;
    sexAgree: number;
    sexDisagree: number;
    postDistrict: number;
    postDisagree: number;
    postDisagreeHistory: number;
    postDistrictDated: number;
    postDisagreeDated: number;
    referralAgree: number;
  };

  constructor(
    private readonly store: RecordStore,
    private readonly settings: LinkSettings,
  ) {
    const mu = settings.mu;
    this.fixed = {
      foreNickname: levelWeight(mu.forename.nickname),
      foreSimilar: levelWeight(mu.forename.similar),
      foreInitial: levelWeight(mu.forename.initial),
      foreDisagree: levelWeight(mu.forename.disagree),
      surSimilar: levelWeight(mu.surname.similar),
      surDisagree: levelWeight(mu.surname.disagree),
      swapPenalty: Math.log2(
        mu.namesSwapped.m / (mu.forename.exact.m * mu.surname.exact.m * mu.namesSwapped.crosswiseShare),
      ),
      dobTransposed: levelWeight(mu.dateOfBirth.transposed),
      dobOneOff: levelWeight(mu.dateOfBirth.oneComponentOff),
      dobDisagree: levelWeight(mu.dateOfBirth.disagree),
      sexAgree: levelWeight(mu.sex.agree),
      sexDisagree: levelWeight(mu.sex.disagree),
      postDistrict: levelWeight(mu.postcode.district),
      postDisagree: levelWeight(mu.postcode.disagree),
      postDisagreeHistory: levelWeight(mu.postcode.disagreeWithHistory),
      postDistrictDated: levelWeight(mu.postcode.districtDated),
      postDisagreeDated: levelWeight(mu.postcode.disagreeDated),
      referralAgree: levelWeight(mu.referral.agree),
    };
  }

  /** Σ log2(m/u) over the fields (no prior); fills `levels`. */
  fieldWeights(a: RecordView, b: RecordView): number {
    let names = this.forename(a, b) + this.surname(a, b);
    if (this.levels[0] === FORENAME_DISAGREE && this.levels[1] === SURNAME_DISAGREE && this.swapped(a, b)) {
      this.levels[0] = FORENAME_SWAPPED;
      this.levels[1] = SURNAME_SWAPPED;
      // As exact agreement of the more common reading of the two names, less the swap's rarity.
      names =
        Math.min(
          this.exactName(a.forename, true) + this.exactName(a.surname, false),
          this.exactName(b.forename, true) + this.exactName(b.surname, false),
        ) + this.fixed.swapPenalty;
    } else if (this.levels[0] === 0 && this.levels[1] === 0) {
      // Both records may be keyed surname first ("Saunders Jasmine"): a surname is a rare forename,
      // so the agreement would weigh as if the two shared a rare name, when what they share is a
      // common name and the same slip. Names are read the more common way round, as for a swap.
      names = Math.min(
        names,
        this.exactName(this.agreedForename, false) + this.exactName(this.agreedSurname, true),
      );
    }
    return names + this.dateOfBirth(a, b) + this.sex(a, b) + this.postcode(a, b) + this.referral(a, b);
  }

  /**
   * Whether each side's forename is the other's surname (exactly or as a close spelling): a record
   * keyed surname first. Only asked when both names disagree the right way round.
   */
  private swapped(a: RecordView, b: RecordView): boolean {
    const agrees = (x: number, xAlt: Int32Array | undefined, y: number, yAlt: Int32Array | undefined) => {
      const xs = xAlt ? [x, ...xAlt] : [x];
      const ys = yAlt ? [y, ...yAlt] : [y];
      return xs.some((p) =>
        ys.some((q) => p === q || this.similarity(p, q) >= this.settings.surnameSimilarity),
      );
    };
    return (
      agrees(a.forename, a.foreAlt, b.surname, b.surAlt) && agrees(a.surname, a.surAlt, b.forename, b.foreAlt)
    );
  }

  private similarity(x: number, y: number): number {
    const names = this.store.names;
    // A search's probe id is reused for another name once the search ends: never cached.
    if (names.isProbe(x) || names.isProbe(y)) return nameSimilarity(names.text(x), names.text(y));
    const key = x < y ? x * NAME_ID_SPAN + y : y * NAME_ID_SPAN + x;
    let value = this.jwCache.get(key);
    if (value === undefined) {
      if (this.jwCache.size >= JW_CACHE_LIMIT) this.jwCache.clear();
      value = nameSimilarity(names.text(x), names.text(y));
      this.jwCache.set(key, value);
    }
    return value;
  }

  /**
   * Whether two close spellings are two names: each carried by at least `establishedNameShare` of
   * the records (and by a few dozen, so a small population's chance repeats do not count). A slip
   * of the keyboard makes a spelling few records carry; one landing exactly on another established
   * name is one of the hundreds of edits a name allows, far rarer than two different children
   * carrying the two names (Hall and Hill, Shah and Shaw, Thomas and Thompson). A table saying the
   * two are one name (nicknames, surname variants) is asked before or beside this.
   */
  private twoNames(x: number, y: number, carriers: Counter): boolean {
    const least = Math.max(ESTABLISHED_NAME_MIN_RECORDS, this.settings.establishedNameShare * carriers.total);
    return carriers.get(x) >= least && carriers.get(y) >= least;
  }

  private exactName(id: number, asForename: boolean): number {
    const names = this.store.names;
    const mu = this.settings.mu;
    return asForename
      ? termFrequencyWeight(
          mu.forename.exact,
          names.asForename.get(id),
          names.asForename.total,
          mu.forename.tfFloor,
        )
      : termFrequencyWeight(
          mu.surname.exact,
          names.asSurname.get(id),
          names.asSurname.total,
          mu.surname.tfFloor,
        );
  }

  private forename(a: RecordView, b: RecordView): number {
    const levels = this.levels;
    this.agreedForename = NONE;
    if (a.forename === NONE || b.forename === NONE) {
      levels[0] = MISSING;
      return 0;
    }
    if (a.forename === b.forename) {
      levels[0] = 0;
      this.agreedForename = a.forename;
      return this.exactName(a.forename, true);
    }
    const namesA = a.foreAlt ? [a.forename, ...a.foreAlt] : [a.forename];
    const namesB = b.foreAlt ? [b.forename, ...b.foreAlt] : [b.forename];
    for (const x of namesA) {
      if (namesB.includes(x)) {
        levels[0] = 0;
        this.agreedForename = x;
        return this.exactName(x, true);
      }
    }
    const names = this.store.names;
    for (const x of namesA) {
      if (!names.hasNicknames(x)) continue;
      for (const y of namesB) {
        if (names.hasNicknames(y) && areNicknames(names.text(x), names.text(y))) {
          levels[0] = 1;
          return this.fixed.foreNickname;
        }
      }
    }
    for (const x of namesA) {
      for (const y of namesB) {
        if (
          this.similarity(x, y) >= this.settings.forenameSimilarity &&
          !this.twoNames(x, y, names.asForename)
        ) {
          levels[0] = 2;
          return this.fixed.foreSimilar;
        }
      }
    }
    const textA = names.text(a.forename);
    const textB = names.text(b.forename);
    if ((textA.length === 1 || textB.length === 1) && textA[0] === textB[0]) {
      levels[0] = 3;
      return this.fixed.foreInitial;
    }
    levels[0] = FORENAME_DISAGREE;
    return this.fixed.foreDisagree;
  }

  private surname(a: RecordView, b: RecordView): number {
    const levels = this.levels;
    this.agreedSurname = NONE;
    if (a.surname === NONE || b.surname === NONE) {
      levels[1] = MISSING;
      return 0;
    }
    if (a.surname === b.surname) {
      levels[1] = 0;
      this.agreedSurname = a.surname;
      return this.exactName(a.surname, false);
    }
    const namesA = a.surAlt ? [a.surname, ...a.surAlt] : [a.surname];
    const namesB = b.surAlt ? [b.surname, ...b.surAlt] : [b.surname];
    for (const x of namesA) {
      if (namesB.includes(x)) {
        levels[1] = 0;
        this.agreedSurname = x;
        return this.exactName(x, false);
      }
    }
    const names = this.store.names;
    for (const x of namesA) {
      for (const y of namesB) {
        if (
          this.similarity(x, y) >= this.settings.surnameSimilarity &&
          (!this.twoNames(x, y, names.asSurname) || areSurnameVariants(names.text(x), names.text(y)))
        ) {
          levels[1] = 1;
          return this.fixed.surSimilar;
        }
      }
    }
    levels[1] = SURNAME_DISAGREE;
    return this.fixed.surDisagree;
  }

  private dateOfBirth(a: RecordView, b: RecordView): number {
    const levels = this.levels;
    if (a.dob === NONE || b.dob === NONE) {
      levels[2] = MISSING;
      return 0;
    }
    if (a.dob === b.dob) {
      levels[2] = 0;
      const mu = this.settings.mu.dateOfBirth;
      const counts = this.store.dobCounts;
      return termFrequencyWeight(mu.exact, counts.get(a.dob), counts.total, mu.tfFloor);
    }
    const yearSame = dateYear(a.dob) === dateYear(b.dob);
    const monthSame = dateMonth(a.dob) === dateMonth(b.dob);
    const daySame = dateDay(a.dob) === dateDay(b.dob);
    if (yearSame && dateDay(a.dob) === dateMonth(b.dob) && dateMonth(a.dob) === dateDay(b.dob)) {
      levels[2] = 1;
      return this.fixed.dobTransposed;
    }
    if (Number(yearSame) + Number(monthSame) + Number(daySame) === 2) {
      levels[2] = 2;
      return this.fixed.dobOneOff;
    }
    levels[2] = 3;
    return this.fixed.dobDisagree;
  }

  private sex(a: RecordView, b: RecordView): number {
    if (a.sex === SEX_UNKNOWN || b.sex === SEX_UNKNOWN) {
      this.levels[3] = MISSING;
      return 0;
    }
    const agree = a.sex === b.sex;
    this.levels[3] = agree ? 0 : 1;
    return agree ? this.fixed.sexAgree : this.fixed.sexDisagree;
  }

  private postcode(a: RecordView, b: RecordView): number {
    const levels = this.levels;
    this.postcodeAgainstHistory = false;
    if (a.postcode === NONE || b.postcode === NONE) {
      levels[4] = MISSING;
      return 0;
    }
    const codesA = a.altPostcodes ? [a.postcode, ...a.altPostcodes] : [a.postcode];
    const codesB = b.altPostcodes ? [b.postcode, ...b.altPostcodes] : [b.postcode];
    const postcodes = this.store.postcodes;
    let shared = NONE;
    for (const x of codesA) {
      if (codesB.includes(x) && (shared === NONE || postcodes.counts.get(x) < postcodes.counts.get(shared)))
        shared = x;
    }
    if (shared !== NONE) {
      levels[4] = 0;
      const mu = this.settings.mu.postcode;
      return termFrequencyWeight(mu.exact, postcodes.counts.get(shared), postcodes.counts.total, mu.tfFloor);
    }
    let sameDistrict = false;
    for (const x of codesA) {
      const district = postcodes.district(x);
      if (codesB.some((y) => postcodes.district(y) === district)) {
        sameDistrict = true;
        break;
      }
    }
    // One side holds every address its child has had when the other's was recorded: not a move,
    // whether or not the other address is in the same district (a neighbour's postcode is still
    // another address, and disagrees). A postcode one keystroke from one the other side holds is
    // a slip, not another address, and weighs as an address the history does not cover.
    if (
      (coversAddressOf(a, b) || coversAddressOf(b, a)) &&
      !codesA.some((x) => codesB.some((y) => withinOneEdit(postcodes.text(x), postcodes.text(y))))
    ) {
      levels[4] = POSTCODE_DISAGREE;
      this.postcodeAgainstHistory = true;
      return this.fixed.postDisagreeHistory;
    }
    levels[4] = sameDistrict ? POSTCODE_DISTRICT : POSTCODE_DISAGREE;
    if (a.postcodeDate !== NONE && b.postcodeDate !== NONE)
      return sameDistrict ? this.fixed.postDistrictDated : this.fixed.postDisagreeDated;
    return sameDistrict ? this.fixed.postDistrict : this.fixed.postDisagree;
  }

  private referral(a: RecordView, b: RecordView): number {
    if (a.referrals && b.referrals && shareReferral(a.referrals, b.referrals)) {
      this.levels[REFERRAL_FIELD] = 0;
      return this.fixed.referralAgree;
    }
    this.levels[REFERRAL_FIELD] = MISSING;
    return 0;
  }

  /**
   * Whether two records sharing an NHS number also look like one child: their dates of birth agree
   * (day and month transposed allowed) or both their names do (nicknames, close spellings and a
   * swap allowed). A shared number alone is too often a number keyed against the wrong child
   * (a sibling's, a parent's) to join on.
   */
  corroborates(a: RecordView, b: RecordView): boolean {
    // The usual case, without scoring every field.
    if (a.dob !== NONE && a.dob === b.dob) return true;
    this.fieldWeights(a, b);
    const [forename, surname, dob] = [this.levels[0]!, this.levels[1]!, this.levels[2]!];
    if (dob <= DOB_TRANSPOSED) return true;
    const forenameAgrees = forename <= FORENAME_SIMILAR || forename === FORENAME_SWAPPED;
    return forenameAgrees && surname < SURNAME_DISAGREE;
  }

  /**
   * Whether two records say they are different children, whatever else agrees: a different sex, dates
   * of birth further apart than a slip of one component or a day-month transposition, or a postcode
   * (in the same district or not) absent from every address the other side's child has had since
   * birth or since the day it was given, and not a slip of one character. None of these is seen
   * between two records of one child in the synthetic county's training seeds, or only for a
   * mistyped postcode; between namesakes they are the only evidence that tells them apart.
   */
  contradicts(a: RecordView, b: RecordView): boolean {
    this.fieldWeights(a, b);
    const levels = this.levels;
    return levels[3] === SEX_DISAGREE || levels[2] === DOB_DISAGREE || this.postcodeAgainstHistory;
  }

  /** The last comparison's levels as `field:level` (agreed, fully or partly) and field names (disagreed). */
  explain(): { agreed: string[]; disagreed: string[] } {
    const agreed: string[] = [];
    const disagreed: string[] = [];
    FIELDS.forEach((field, index) => {
      const level = this.levels[index]!;
      if (level === MISSING) return;
      const names = LEVEL_NAMES[field];
      if (level === names.length - 1) disagreed.push(field);
      else agreed.push(`${field}:${names[level]}`);
    });
    return { agreed, disagreed };
  }
}
