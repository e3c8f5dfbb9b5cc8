/**
 * The link index's checkpoint encoding (checkpoint.ts): a sequence of sections, each a tag and a
 * length then its bytes, padded to 8 bytes. A typed array is read back as a copy of its own (the
 * buffer read from the register is let go once the index is laid out); typed arrays are written in
 * the machine's byte order (the header says which).
 * A list of strings goes as their lengths and one UTF-8 text of them all, decoded at once and cut:
 * a county's local ids and names as JSON took 300 ms of each restart to parse.
 */
const U8 = 1;
const I32 = 2;
const F64 = 3;
const JSON_TAG = 4;
const TEXT = 5;
const HEAD = 8;
const FIRST_PAGE = 1 << 16;

/**
 * A checkpoint written in steps: each `yield` is a point between sections where the writer may let
 * other work run (the register does, see captureCheckpoint), nothing half written.
 */
export type CheckpointSteps = Generator<undefined, void, undefined>;

export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** Refuses bytes that are not UTF-8, where the lengths would otherwise cut the text wrongly. */
const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** Writes sections into pages of at most `pageSize` bytes (a page is one stored part). */
export class CheckpointWriter {
  private readonly pages: Uint8Array[] = [];
  private page = new Uint8Array(0);
  private at = 0;
  size = 0;

  constructor(private readonly pageSize: number) {
    if (pageSize < HEAD || pageSize % 8 !== 0) throw new RangeError('pageSize: a multiple of 8 bytes');
  }

  private put(bytes: Uint8Array): void {
    let from = 0;
    while (from < bytes.length) {
      if (this.at === this.page.length) this.roomFor(bytes.length - from);
      const n = Math.min(bytes.length - from, this.page.length - this.at);
      this.page.set(bytes.subarray(from, from + n), this.at);
      this.at += n;
      from += n;
      this.size += n;
    }
  }

  /**
   * Grows the first page (doubling, up to pageSize: a small checkpoint stays small) or starts the
   * next one at the full pageSize (a checkpoint past one page is large: growing each page by
   * doubling again copied every byte once more).
   */
  private roomFor(wanted: number): void {
    if (this.pages.length === 0 && this.page.length < this.pageSize) {
      const grown = new Uint8Array(
        Math.min(this.pageSize, Math.max(FIRST_PAGE, this.page.length * 2, this.at + wanted)),
      );
      grown.set(this.page.subarray(0, this.at));
      this.page = grown;
      return;
    }
    this.pages.push(this.page);
    this.page = new Uint8Array(this.pageSize);
    this.at = 0;
  }

  private head(tag: number, count: number): void {
    const head = new Uint8Array(HEAD);
    const view = new DataView(head.buffer);
    view.setUint32(0, tag, true);
    view.setUint32(4, count, true);
    this.put(head);
  }

  private pad(): void {
    const rest = (8 - (this.size % 8)) % 8;
    if (rest > 0) this.put(new Uint8Array(rest));
  }

  private array(tag: number, array: Uint8Array | Int32Array | Float64Array): void {
    this.head(tag, array.length);
    this.put(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    this.pad();
  }

  u8(array: Uint8Array): void {
    this.array(U8, array);
  }

  i32(array: Int32Array): void {
    this.array(I32, array);
  }

  f64(array: Float64Array): void {
    this.array(F64, array);
  }

  /** A list of strings: each one's length (UTF-16 code units), then all of them as one UTF-8 text. */
  strings(values: readonly string[]): void {
    this.array(
      I32,
      Int32Array.from(values, (value) => value.length),
    );
    const bytes = encoder.encode(values.join(''));
    this.head(TEXT, bytes.length);
    this.put(bytes);
    this.pad();
  }

  json(value: unknown): void {
    const bytes = encoder.encode(JSON.stringify(value));
    this.head(JSON_TAG, bytes.length);
    this.put(bytes);
    this.pad();
  }

  /** The pages written (the last one trimmed to what it holds). */
  finish(): Uint8Array[] {
    const pages = [...this.pages];
    // A last page much shorter than its buffer is copied, so the buffer is not kept for it.
    if (this.at > 0)
      pages.push(
        this.at < this.page.length / 2 ? this.page.slice(0, this.at) : this.page.subarray(0, this.at),
      );
    return pages;
  }
}

/** Reads the sections back in the order they were written; anything out of place is a CheckpointError. */
export class CheckpointReader {
  private at = 0;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    // Typed arrays are views of this buffer: it must start on an 8-byte boundary.
    this.bytes = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
  }

  private head(tag: number, width: number): number {
    if (this.at + HEAD > this.bytes.length) throw new CheckpointError('the checkpoint ends early');
    const found = this.view.getUint32(this.at, true);
    const count = this.view.getUint32(this.at + 4, true);
    if (found !== tag) throw new CheckpointError('the checkpoint is not laid out as this version writes it');
    this.at += HEAD;
    if (this.at + count * width > this.bytes.length) throw new CheckpointError('the checkpoint ends early');
    return count;
  }

  private skip(bytes: number): void {
    this.at += bytes + ((8 - (bytes % 8)) % 8);
  }

  u8(): Uint8Array<ArrayBuffer> {
    const count = this.head(U8, 1);
    const array = this.bytes.slice(this.at, this.at + count);
    this.skip(count);
    return array;
  }

  i32(): Int32Array<ArrayBuffer> {
    const count = this.head(I32, 4);
    const array = new Int32Array(this.bytes.buffer, this.bytes.byteOffset + this.at, count).slice();
    this.skip(count * 4);
    return array;
  }

  f64(): Float64Array<ArrayBuffer> {
    const count = this.head(F64, 8);
    const array = new Float64Array(this.bytes.buffer, this.bytes.byteOffset + this.at, count).slice();
    this.skip(count * 8);
    return array;
  }

  json<T>(): T {
    const count = this.head(JSON_TAG, 1);
    let value: T;
    try {
      value = JSON.parse(decoder.decode(this.bytes.subarray(this.at, this.at + count))) as T;
    } catch {
      throw new CheckpointError('the checkpoint holds a section that does not parse');
    }
    this.skip(count);
    return value;
  }

  /** A list `CheckpointWriter.strings` wrote (of exactly `length` entries, when given). */
  strings(length?: number): string[] {
    const lengths = this.i32();
    if (length !== undefined && lengths.length !== length)
      throw new CheckpointError('the checkpoint holds a list of the wrong length');
    const count = this.head(TEXT, 1);
    let text: string;
    try {
      text = fatalDecoder.decode(this.bytes.subarray(this.at, this.at + count));
    } catch {
      throw new CheckpointError('the checkpoint holds text that does not decode');
    }
    this.skip(count);
    const values = new Array<string>(lengths.length);
    let from = 0;
    for (let i = 0; i < lengths.length; i++) {
      const to = from + lengths[i]!;
      if (lengths[i]! < 0 || to > text.length)
        throw new CheckpointError('the checkpoint holds a list that does not add up');
      values[i] = text.slice(from, to);
      from = to;
    }
    if (from !== text.length) throw new CheckpointError('the checkpoint holds a list that does not add up');
    return values;
  }

  /** A list `writeStringList` wrote, of exactly `length` entries. */
  stringList(length: number): string[] {
    if (this.json<unknown>() !== length)
      throw new CheckpointError('the checkpoint holds a list of the wrong length');
    let values: string[] = [];
    while (values.length < length) {
      const part = this.strings();
      if (part.length === 0) throw new CheckpointError('the checkpoint holds a list that does not add up');
      if (values.length === 0) values = part;
      else for (const value of part) values.push(value);
    }
    if (values.length !== length)
      throw new CheckpointError('the checkpoint holds a list of the wrong length');
    return values;
  }

  /** An Int32Array of exactly `length` entries. */
  i32Of(length: number): Int32Array<ArrayBuffer> {
    const array = this.i32();
    if (array.length !== length)
      throw new CheckpointError('the checkpoint holds a column of the wrong length');
    return array;
  }

  u8Of(length: number): Uint8Array<ArrayBuffer> {
    const array = this.u8();
    if (array.length !== length)
      throw new CheckpointError('the checkpoint holds a column of the wrong length');
    return array;
  }

  end(): void {
    if (this.at !== this.bytes.length) throw new CheckpointError('the checkpoint holds more than was read');
  }
}

/** Entries of one section of a long list of strings (see writeStringList). */
const STRING_CHUNK = 65_536;

/**
 * A long list of strings (a county's record ids) as its length then string sections of at most
 * STRING_CHUNK entries, a step after each: one section of the whole list held the event loop
 * for a few hundred milliseconds at county scale. Read back with `CheckpointReader.stringList`.
 */
export function* writeStringList(w: CheckpointWriter, values: readonly string[]): CheckpointSteps {
  w.json(values.length);
  for (let from = 0; from < values.length; from += STRING_CHUNK) {
    w.strings(values.slice(from, from + STRING_CHUNK));
    yield;
  }
}

/** A sparse slot -> Int32Array map as keys, offsets and one values column. */
export function writeSparse(w: CheckpointWriter, map: ReadonlyMap<number, Int32Array>): void {
  const keys = new Int32Array(map.size);
  const offsets = new Int32Array(map.size + 1);
  let total = 0;
  let i = 0;
  for (const [key, values] of map) {
    keys[i] = key;
    total += values.length;
    offsets[++i] = total;
  }
  const values = new Int32Array(total);
  i = 0;
  for (const list of map.values()) values.set(list, offsets[i++]!);
  w.i32(keys);
  w.i32(offsets);
  w.i32(values);
}

export function readSparse(r: CheckpointReader, into: Map<number, Int32Array>): void {
  const keys = r.i32();
  const offsets = r.i32Of(keys.length + 1);
  const values = r.i32();
  if (offsets[keys.length] !== values.length) throw new CheckpointError('a sparse column does not add up');
  for (let i = 0; i < keys.length; i++) into.set(keys[i]!, values.subarray(offsets[i]!, offsets[i + 1]!));
}

/** Lists of numbers (number[][]) as offsets and one column. */
export function writeLists(w: CheckpointWriter, lists: readonly (readonly number[] | undefined)[]): void {
  const offsets = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, i) => {
    total += list?.length ?? 0;
    offsets[i + 1] = total;
  });
  const values = new Int32Array(total);
  lists.forEach((list, i) => {
    if (list) values.set(list, offsets[i]!);
  });
  w.i32(offsets);
  w.i32(values);
}
