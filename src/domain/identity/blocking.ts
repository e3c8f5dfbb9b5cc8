/**
 * Blocking: only records sharing a blocking key are ever compared, so the build does a few
 * million comparisons instead of the ~10^11 pairs of a county. Each rule targets the errors the
 * others miss: a surname change still shares date of birth + forename; a transposed date still
 * shares the forename/surname sounds; a wrong date still shares postcode + forename; a mistyped
 * forename with no date still shares postcode + surname; names keyed the wrong way round still
 * share the date and the two sounds in either order.
 *
 * Keys are 32-bit hashes of interned ids (a collision only adds comparisons, the score decides).
 * A BlockIndex keeps (key, slot) pairs packed into one sorted Float64Array, plus a small overlay
 * for records upserted since; stale entries are harmless (every candidate is re-scored) and are
 * dropped when the overlay is compacted into the sorted base.
 */
import { CheckpointError, type CheckpointReader, type CheckpointWriter } from './bytes.ts';
import type { RecordView } from './comparison.ts';
import type { NameTable } from './record-store.ts';
import { NONE } from './record-store.ts';
import { dateYear, transpositionInsensitiveDate } from './text.ts';
import { isContact, REFERRAL_WITHIN_DAYS, referralDay, referralSource } from './referrals.ts';

export const MAX_SLOTS = 2 ** 21;

function hashKey(rule: number, a: number, b: number): number {
  let h = Math.imul(rule + 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ a, 0xcc9e2d51);
  h ^= h >>> 15;
  h = Math.imul(h ^ b, 0x1b873593);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface BlockingRule {
  readonly name: string;
  /** Linking rules generate the pairs compared at build; search-only rules just find candidates. */
  readonly forLinking: boolean;
  keys(view: RecordView, names: NameTable, out: number[]): void;
}

const surnamesOf = (view: RecordView): number[] =>
  view.surname === NONE ? [] : view.surAlt ? [view.surname, ...view.surAlt] : [view.surname];
const forenamesOf = (view: RecordView): number[] =>
  view.forename === NONE ? [] : view.foreAlt ? [view.forename, ...view.foreAlt] : [view.forename];
const postcodesOf = (view: RecordView): number[] =>
  view.postcode === NONE ? [] : view.altPostcodes ? [view.postcode, ...view.altPostcodes] : [view.postcode];

function pushUnique(out: number[], key: number): void {
  if (!out.includes(key)) out.push(key);
}

/**
 * Keys pairing a name's sound with each referral: a referral under its day, a contact under each day
 * its referral may bear (REFERRAL_WITHIN_DAYS). A source's referrals of one week number dozens at
 * county scale, so the day and source alone would be blocks of thousands of pairs.
 */
function referralKeys(view: RecordView, rule: number, sound: number, out: number[]): void {
  for (const referral of view.referrals ?? []) {
    const day = referralDay(referral);
    const withSound = hashKey(rule, referralSource(referral), sound);
    if (!isContact(referral)) pushUnique(out, hashKey(rule, day, withSound));
    else
      for (let after = 0; after <= REFERRAL_WITHIN_DAYS; after++)
        pushUnique(out, hashKey(rule, day + after, withSound));
  }
}

export const BLOCKING_RULES: readonly BlockingRule[] = [
  {
    name: 'dateOfBirth+surnameSound',
    forLinking: true,
    keys(view, names, out) {
      if (view.dob === NONE) return;
      const date = transpositionInsensitiveDate(view.dob);
      for (const s of surnamesOf(view)) pushUnique(out, hashKey(0, date, names.soundex(s)));
    },
  },
  {
    name: 'dateOfBirth+forenameSound',
    forLinking: true,
    keys(view, names, out) {
      if (view.dob === NONE) return;
      const date = transpositionInsensitiveDate(view.dob);
      for (const f of forenamesOf(view)) pushUnique(out, hashKey(1, date, names.canonicalSoundex(f)));
    },
  },
  {
    name: 'forenameSound+surnameSound',
    forLinking: true,
    keys(view, names, out) {
      if (view.forename === NONE) return;
      const forename = names.canonicalSoundex(view.forename);
      for (const s of surnamesOf(view)) pushUnique(out, hashKey(2, forename, names.soundex(s)));
    },
  },
  {
    name: 'postcode+forenameSound',
    forLinking: true,
    keys(view, names, out) {
      if (view.forename === NONE) return;
      const forename = names.canonicalSoundex(view.forename);
      for (const p of postcodesOf(view)) pushUnique(out, hashKey(3, p, forename));
    },
  },
  {
    // A forename mistyped out of its sound, with no date of birth given: the household and surname still agree.
    name: 'postcode+surnameSound',
    forLinking: true,
    keys(view, names, out) {
      for (const p of postcodesOf(view))
        for (const s of surnamesOf(view)) pushUnique(out, hashKey(11, p, names.soundex(s)));
    },
  },
  {
    name: 'postcode+birthYear',
    forLinking: true,
    keys(view, _names, out) {
      if (view.dob === NONE) return;
      for (const p of postcodesOf(view)) pushUnique(out, hashKey(4, p, dateYear(view.dob)));
    },
  },
  {
    // Forename and surname keyed the wrong way round still share the date and the two sounds.
    name: 'dateOfBirth+nameSoundsEitherWay',
    forLinking: true,
    keys(view, names, out) {
      if (view.dob === NONE) return;
      const date = transpositionInsensitiveDate(view.dob);
      for (const f of forenamesOf(view)) {
        for (const s of surnamesOf(view)) {
          const x = names.soundex(f);
          const y = names.soundex(s);
          pushUnique(out, hashKey(9, date, hashKey(10, Math.min(x, y), Math.max(x, y))));
        }
      }
    },
  },
  {
    // A contact decided as a referral and LCS's referral from the same source days later, where
    // the forename's sound may be all else the two share (no date of birth, no postcode).
    name: 'referral+forenameSound',
    forLinking: true,
    keys(view, names, out) {
      for (const f of forenamesOf(view)) referralKeys(view, 12, names.canonicalSoundex(f), out);
    },
  },
  {
    name: 'referral+surnameSound',
    forLinking: true,
    keys(view, names, out) {
      for (const s of surnamesOf(view)) referralKeys(view, 13, names.soundex(s), out);
    },
  },
  {
    name: 'dateOfBirth',
    forLinking: false,
    keys(view, _names, out) {
      if (view.dob !== NONE) out.push(hashKey(5, transpositionInsensitiveDate(view.dob), 0));
    },
  },
  {
    name: 'postcode',
    forLinking: false,
    keys(view, _names, out) {
      for (const p of postcodesOf(view)) pushUnique(out, hashKey(6, p, 0));
    },
  },
  {
    name: 'surnameSound',
    forLinking: false,
    keys(view, names, out) {
      for (const s of surnamesOf(view)) pushUnique(out, hashKey(7, names.soundex(s), 0));
    },
  },
  {
    name: 'forenameSound',
    forLinking: false,
    keys(view, names, out) {
      for (const f of forenamesOf(view)) pushUnique(out, hashKey(8, names.canonicalSoundex(f), 0));
    },
  },
];

/** (key, slot) pairs of one rule, sorted by key so a block is a contiguous run. */
export class BlockIndex {
  private base: Float64Array = new Float64Array(0);
  private readonly overlay = new Map<number, number[]>();
  private overlaySize = 0;

  /** Replaces the contents with the given packed entries (see `pack`). */
  load(entries: Float64Array): void {
    entries.sort();
    this.base = entries;
    this.overlay.clear();
    this.overlaySize = 0;
  }

  static pack(key: number, slot: number): number {
    return key * MAX_SLOTS + slot;
  }

  static slotOf(packed: number): number {
    return packed % MAX_SLOTS;
  }

  static keyOf(packed: number): number {
    return Math.floor(packed / MAX_SLOTS);
  }

  add(key: number, slot: number): void {
    const list = this.overlay.get(key);
    if (list) list.push(slot);
    else this.overlay.set(key, [slot]);
    this.overlaySize++;
  }

  /** Whether enough has been upserted that the index should be rebuilt from the store. */
  get needsCompaction(): boolean {
    return this.overlaySize > 10_000 && this.overlaySize > this.base.length / 4;
  }

  /** Calls `visit` for each slot filed under `key` (possibly stale or repeated: callers re-check). */
  forEach(key: number, visit: (slot: number) => void): void {
    const base = this.base;
    let low = 0;
    let high = base.length;
    const first = key * MAX_SLOTS;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (base[mid]! < first) low = mid + 1;
      else high = mid;
    }
    const end = first + MAX_SLOTS;
    for (let i = low; i < base.length && base[i]! < end; i++) visit(base[i]! - first);
    for (const slot of this.overlay.get(key) ?? []) visit(slot);
  }

  /** The sorted base, for the build's pass over every block. */
  get entries(): Float64Array {
    return this.base;
  }

  save(w: CheckpointWriter): void {
    w.f64(this.base);
    w.f64(Float64Array.from(this.overlay.keys()));
    const offsets = new Int32Array(this.overlay.size + 1);
    const slots = new Int32Array(this.overlaySize);
    let at = 0;
    let i = 0;
    for (const list of this.overlay.values()) {
      slots.set(list, at);
      at += list.length;
      offsets[++i] = at;
    }
    w.i32(offsets);
    w.i32(slots);
  }

  /** What `save` wrote: the base is sorted already (it is not sorted again). */
  loadSaved(r: CheckpointReader): void {
    this.base = r.f64();
    const keys = r.f64();
    const offsets = r.i32Of(keys.length + 1);
    const slots = r.i32();
    if (offsets[keys.length] !== slots.length) throw new CheckpointError('a block index does not add up');
    this.overlay.clear();
    for (let i = 0; i < keys.length; i++)
      this.overlay.set(keys[i]!, Array.from(slots.subarray(offsets[i]!, offsets[i + 1]!)));
    this.overlaySize = slots.length;
  }
}
