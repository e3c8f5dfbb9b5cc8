/**
 * A set of hub ids, each with a small integer handle, held as bits in typed arrays rather than as
 * strings in a Map: a hub id (hub-id.ts: "C" and 16 base32 characters) is 80 bits, 12 bytes here,
 * where a county's few hundred thousand as strings keyed in a Map took about 70 bytes each (a
 * 17-character string and a hash table entry), held as long as the instance runs.
 *
 *   const handle = table.add('CABCDEFGHIJKLMNOP'); table.handleOf('CABCDEFGHIJKLMNOP') === handle
 *   table.idOf(handle) === 'CABCDEFGHIJKLMNOP'; table.delete(handle) // the handle may be given again
 *
 * A value not of the hub id shape is held too (as its string, in a Map): none is issued today.
 */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CODE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE32.length; i++) CODE_OF[BASE32.charCodeAt(i)] = i;
/** Words per hub id: characters 1-6, 7-12 (30 bits each) and 13-16 (20 bits). */
const WORDS = 3;
const EMPTY = 0;
/** First words that no id has (an id's is 30 bits): a value not of the hub id shape, a freed handle. */
const ODD = 0xffff_ffff;
const FREE = 0xffff_fffe;

/** An id's three words, or false when it is not of the hub id shape ("C" and 16 base32 characters). */
const SCRATCH = new Uint32Array(WORDS);
function wordsOfText(id: string, out: Uint32Array): boolean {
  if (id.length !== 17 || id.charCodeAt(0) !== 67) return false;
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  for (let i = 1; i <= 16; i++) {
    const char = id.charCodeAt(i);
    const code = char < 128 ? CODE_OF[char]! : -1;
    if (code < 0) return false;
    if (i <= 6) w0 = w0 * 32 + code;
    else if (i <= 12) w1 = w1 * 32 + code;
    else w2 = w2 * 32 + code;
  }
  out[0] = w0;
  out[1] = w1;
  out[2] = w2;
  return true;
}

/** Whether three words are an id's: characters 1-6 and 7-12 are 30 bits each, 13-16 are 20. */
const areIdWords = (w0: number, w1: number, w2: number): boolean =>
  w0 >= 0 && w0 < 2 ** 30 && w1 >= 0 && w1 < 2 ** 30 && w2 >= 0 && w2 < 2 ** 20;

/** Character codes of the base32 alphabet, by value. */
const CHAR_OF = Uint8Array.from(BASE32, (char) => char.charCodeAt(0));
/** The character of bits `shift`..`shift + 4` of a word. */
const charAt = (word: number, shift: number): number => CHAR_OF[(word >>> shift) & 31]!;

export class HubIdTable {
  private words = new Uint32Array(0);
  /** Open addressing (linear probing) over handles + 1; EMPTY where none. */
  private slots = new Int32Array(0);
  private readonly freeHandles: number[] = [];
  private handles = 0;
  private live = 0;
  private readonly odd = new Map<string, number>();
  private readonly oddText = new Map<number, string>();

  /** How many ids are held. */
  get size(): number {
    return this.live;
  }

  handleOf(id: string): number | undefined {
    if (!wordsOfText(id, SCRATCH)) return this.odd.get(id);
    return this.find(SCRATCH[0]!, SCRATCH[1]!, SCRATCH[2]!);
  }

  /** The id's handle, adding it when it is not held. */
  add(id: string): number {
    if (!wordsOfText(id, SCRATCH)) {
      const held = this.odd.get(id);
      if (held !== undefined) return held;
      const handle = this.newHandle();
      this.words[handle * WORDS] = ODD;
      this.odd.set(id, handle);
      this.oddText.set(handle, id);
      return handle;
    }
    return this.addWords(SCRATCH[0]!, SCRATCH[1]!, SCRATCH[2]!);
  }

  /** The handle of the id whose words (`wordsOf`) these are, adding it when it is not held. */
  addWords(w0: number, w1: number, w2: number): number {
    if (!areIdWords(w0, w1, w2)) throw new RangeError('not the words of a hub id');
    const held = this.find(w0, w1, w2);
    if (held !== undefined) return held;
    const handle = this.newHandle();
    const w = handle * WORDS;
    this.words[w] = w0;
    this.words[w + 1] = w1;
    this.words[w + 2] = w2;
    if (this.live * 2 > this.slots.length) this.rehash(Math.max(1024, this.slots.length * 2));
    else this.place(handle);
    return handle;
  }

  /**
   * A held id's three words, written into `out` at `at` (an id of another shape: false, nothing
   * written): what `addWords` takes back, so a saved table need not spell every id out.
   */
  wordsOf(handle: number, out: Uint32Array, at: number): boolean {
    if (!this.holds(handle)) throw new RangeError('not a hub id handle held');
    const w = handle * WORDS;
    if (this.words[w] === ODD) return false;
    out[at] = this.words[w]!;
    out[at + 1] = this.words[w + 1]!;
    out[at + 2] = this.words[w + 2]!;
    return true;
  }

  /** Room for `count` ids in all, so that adding that many grows nothing on the way. */
  reserve(count: number): void {
    if (count * WORDS > this.words.length) {
      const grown = new Uint32Array(count * WORDS);
      grown.set(this.words);
      this.words = grown;
    }
    let capacity = Math.max(1024, this.slots.length);
    while (count * 2 > capacity) capacity *= 2;
    if (capacity > this.slots.length) this.rehash(capacity);
  }

  /** The id of a handle held (a handle deleted or never given: a RangeError). */
  idOf(handle: number): string {
    if (!this.holds(handle)) throw new RangeError('not a hub id handle held');
    const w = handle * WORDS;
    if (this.words[w] === ODD) return this.oddText.get(handle)!;
    // One string built at once: a report resolving a county's agreements asks for thousands.
    const w0 = this.words[w]!;
    const w1 = this.words[w + 1]!;
    const w2 = this.words[w + 2]!;
    return String.fromCharCode(
      67, // C
      charAt(w0, 25),
      charAt(w0, 20),
      charAt(w0, 15),
      charAt(w0, 10),
      charAt(w0, 5),
      charAt(w0, 0),
      charAt(w1, 25),
      charAt(w1, 20),
      charAt(w1, 15),
      charAt(w1, 10),
      charAt(w1, 5),
      charAt(w1, 0),
      charAt(w2, 15),
      charAt(w2, 10),
      charAt(w2, 5),
      charAt(w2, 0),
    );
  }

  holds(handle: number): boolean {
    return handle >= 0 && handle < this.handles && !this.isFree(handle);
  }

  /** Forgets an id; its handle may be given to the next one added. */
  delete(handle: number): void {
    if (!this.holds(handle)) return;
    const w = handle * WORDS;
    this.live--;
    this.freeHandles.push(handle);
    if (this.words[w] === ODD) {
      this.odd.delete(this.oddText.get(handle)!);
      this.oddText.delete(handle);
      this.markFree(handle);
      return;
    }
    const mask = this.slots.length - 1;
    let at = this.home(this.words[w]!, this.words[w + 1]!, this.words[w + 2]!);
    while (this.slots[at] !== handle + 1) at = (at + 1) & mask;
    // Backward-shift deletion: later entries of the run move up so no lookup stops early.
    for (let next = (at + 1) & mask; this.slots[next] !== EMPTY; next = (next + 1) & mask) {
      const other = this.slots[next]! - 1;
      const o = other * WORDS;
      const home = this.home(this.words[o]!, this.words[o + 1]!, this.words[o + 2]!);
      // Moves when its home is not cyclically within (at, next].
      if (((next - home) & mask) >= ((next - at) & mask)) {
        this.slots[at] = this.slots[next]!;
        at = next;
      }
    }
    this.slots[at] = EMPTY;
    this.markFree(handle);
  }

  /** Every handle held, in handle order. */
  *entries(): IterableIterator<number> {
    for (let handle = 0; handle < this.handles; handle++) if (!this.isFree(handle)) yield handle;
  }

  /** A freed handle's first word says so: `holds` needs no set of its own. */
  private markFree(handle: number): void {
    this.words[handle * WORDS] = FREE;
  }

  private isFree(handle: number): boolean {
    return this.words[handle * WORDS] === FREE;
  }

  private find(w0: number, w1: number, w2: number): number | undefined {
    const mask = this.slots.length - 1;
    if (mask < 0) return undefined;
    for (let at = this.home(w0, w1, w2); ; at = (at + 1) & mask) {
      const entry = this.slots[at]!;
      if (entry === EMPTY) return undefined;
      const w = (entry - 1) * WORDS;
      if (this.words[w] === w0 && this.words[w + 1] === w1 && this.words[w + 2] === w2) return entry - 1;
    }
  }

  /** A handle for one more id (a freed one first), its words' room made. */
  private newHandle(): number {
    const handle = this.freeHandles.pop() ?? this.handles++;
    if ((handle + 1) * WORDS > this.words.length) {
      const grown = new Uint32Array(Math.max(1024, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    this.live++;
    return handle;
  }

  private home(w0: number, w1: number, w2: number): number {
    // The ids are digests: their bits are already uniform, mixed here only so that no one word decides.
    const h = Math.imul(w0 ^ Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca6b), 0xc2b2ae35);
    return (h ^ (h >>> 15)) & (this.slots.length - 1);
  }

  private place(handle: number): void {
    const w = handle * WORDS;
    const mask = this.slots.length - 1;
    let at = this.home(this.words[w]!, this.words[w + 1]!, this.words[w + 2]!);
    while (this.slots[at] !== EMPTY) at = (at + 1) & mask;
    this.slots[at] = handle + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let handle = 0; handle < this.handles; handle++) {
      const first = this.words[handle * WORDS];
      if (first !== ODD && first !== FREE) this.place(handle);
    }
  }
}
