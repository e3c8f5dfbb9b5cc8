/**
 * Interning of repeated strings (names, postcodes, identifiers): each distinct value is stored once
 * and records refer to it by a small integer, which keeps a county's half a million records in
 * typed arrays instead of objects, and makes equality a single integer comparison.
 */
import { CheckpointError, writeLists, type CheckpointReader, type CheckpointWriter } from './bytes.ts';

/** FNV-1a's offset basis: the hash of no text. */
export const FNV_SEED = 0x811c9dc5;

/**
 * FNV-1a over `text` from `from`, continuing from `hash`: a text hashed in parts (a record key's
 * system, then its local id) gives what the whole would. For the identity index's hash tables.
 */
export function fnv1a(text: string, from = 0, hash = FNV_SEED): number {
  let h = hash;
  for (let i = from; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}

function stringHash(value: string): number {
  const h = fnv1a(value);
  return h ^ (h >>> 16);
}

/**
 * Each value is held once, in `values`, and found again through an open-addressing table of ids
 * (linear probing, at most half full) compared with the values themselves: a Map beside the values
 * held every value again as a key, and a county's identifier interners (hundreds of thousands of
 * NHS numbers, UPNs and ULNs) took ~25 MB of heap in their hash tables alone.
 */
export class Interner {
  /** Id + 1 of each entry, 0 where none. */
  private table = new Int32Array(0);
  readonly values: string[] = [];

  intern(value: string): number {
    const held = this.idOf(value);
    if (held !== undefined) return held;
    const id = this.values.length;
    this.values.push(value);
    if (this.values.length * 2 > this.table.length) this.rehash(this.values.length);
    else this.place(id);
    return id;
  }

  idOf(value: string): number | undefined {
    const mask = this.table.length - 1;
    if (mask < 0) return undefined;
    for (let at = stringHash(value) & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry === 0) return undefined;
      if (this.values[entry - 1] === value) return entry - 1;
    }
  }

  get size(): number {
    return this.values.length;
  }

  save(w: CheckpointWriter): void {
    w.strings(this.values);
  }

  /** Into an empty interner: the values saved, each under the id it had. */
  load(r: CheckpointReader): void {
    const values = r.strings();
    this.rehash(this.values.length + values.length);
    for (const value of values) {
      this.values.push(value);
      if (!this.place(this.values.length - 1))
        throw new CheckpointError('an interned list holds a value twice');
    }
  }

  /** Puts a held value's id in the table; false (nothing put) when the value is held under another id. */
  private place(id: number): boolean {
    const mask = this.table.length - 1;
    const value = this.values[id]!;
    let at = stringHash(value) & mask;
    for (let entry = this.table[at]!; entry !== 0; entry = this.table[at]!) {
      if (this.values[entry - 1] === value) return false;
      at = (at + 1) & mask;
    }
    this.table[at] = id + 1;
    return true;
  }

  /** A table for at least `count` values, every value held placed again. */
  private rehash(count: number): void {
    let capacity = Math.max(16, this.table.length);
    while (count * 2 > capacity) capacity *= 2;
    this.table = new Int32Array(capacity);
    for (let id = 0; id < this.values.length; id++) this.place(id);
  }
}

/** A growable per-id counter (how many live records carry each value), for term frequencies. */
export class Counter {
  private counts = new Int32Array(1024);
  total = 0;

  add(id: number, delta: number): void {
    if (id >= this.counts.length) {
      const grown = new Int32Array(Math.max(id + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    this.counts[id] = this.counts[id]! + delta;
    this.total += delta;
  }

  get(id: number): number {
    return id < this.counts.length ? this.counts[id]! : 0;
  }

  save(w: CheckpointWriter): void {
    w.i32(this.counts);
    w.json(this.total);
  }

  load(r: CheckpointReader): void {
    this.counts = r.i32();
    this.total = r.json<number>();
  }
}

/**
 * A counter for sparse keys such as packed dates (yyyymmdd, around 20 million): a dense array
 * indexed by them would reserve tens of megabytes for a few thousand distinct values.
 */
export class SparseCounter {
  private readonly counts = new Map<number, number>();
  total = 0;

  add(key: number, delta: number): void {
    const next = (this.counts.get(key) ?? 0) + delta;
    if (next === 0) this.counts.delete(key);
    else this.counts.set(key, next);
    this.total += delta;
  }

  get(key: number): number {
    return this.counts.get(key) ?? 0;
  }

  save(w: CheckpointWriter): void {
    w.i32(Int32Array.from(this.counts.keys()));
    w.i32(Int32Array.from(this.counts.values()));
    w.json(this.total);
  }

  load(r: CheckpointReader): void {
    const keys = r.i32();
    const counts = r.i32Of(keys.length);
    for (let i = 0; i < keys.length; i++) this.counts.set(keys[i]!, counts[i]!);
    this.total = r.json<number>();
  }
}

/**
 * An identifier (NHS number, UPN, ULN) interned to an integer, with the record slots carrying each
 * value. The integer lets a cluster remember "its" NHS number in a typed array.
 */
export class IdentifierIndex {
  private readonly interner = new Interner();
  /**
   * The slots of each id: most identifiers are one record's, and a county holds hundreds of
   * thousands, so a lone slot is kept as the number itself, not as an array of one (tens of MB).
   */
  private readonly slotsById: (number | number[] | undefined)[] = [];

  add(value: string, slot: number): number {
    const id = this.interner.intern(value);
    const held = this.slotsById[id];
    if (held === undefined) this.slotsById[id] = slot;
    else if (typeof held === 'number') this.slotsById[id] = [held, slot];
    else held.push(slot);
    return id;
  }

  remove(id: number, slot: number): void {
    const held = this.slotsById[id];
    if (held === undefined) return;
    if (typeof held === 'number') {
      if (held === slot) this.slotsById[id] = undefined;
      return;
    }
    const at = held.indexOf(slot);
    if (at >= 0) held.splice(at, 1);
    if (held.length === 1) this.slotsById[id] = held[0];
    else if (held.length === 0) this.slotsById[id] = undefined;
  }

  slotsOf(value: string): readonly number[] {
    const id = this.interner.idOf(value);
    return id === undefined ? [] : this.slotsOfId(id);
  }

  slotsOfId(id: number): readonly number[] {
    const held = this.slotsById[id];
    return held === undefined ? [] : typeof held === 'number' ? [held] : held;
  }

  get size(): number {
    return this.interner.size;
  }

  save(w: CheckpointWriter): void {
    this.interner.save(w);
    writeLists(
      w,
      this.slotsById.map((held) => (typeof held === 'number' ? [held] : held)),
    );
  }

  load(r: CheckpointReader): void {
    this.interner.load(r);
    const offsets = r.i32();
    const slots = r.i32();
    const ids = offsets.length - 1;
    if (ids < 0 || ids > this.interner.size || offsets[ids] !== slots.length)
      throw new CheckpointError('an identifier index does not add up');
    for (let id = 0; id < ids; id++) {
      const from = offsets[id]!;
      const count = offsets[id + 1]! - from;
      this.slotsById.push(
        count === 0 ? undefined : count === 1 ? slots[from] : Array.from(slots.subarray(from, from + count)),
      );
    }
  }
}
