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
import { isHubIdShape } from './hub-id.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CODE_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE32.length; i++) CODE_OF[BASE32.charCodeAt(i)] = i;
/** Words per hub id: characters 1-6, 7-12 (30 bits each) and 13-16 (20 bits). */
const WORDS = 3;
const EMPTY = 0;
/** First words that no id has (an id's is 30 bits): a value not of the hub id shape, a freed handle. */
const ODD = 0xffff_ffff;
const FREE = 0xffff_fffe;

/** Characters `from`..`from + count` of the id's 16 base32 ones as a number (5 bits each). */
function wordOf(id: string, from: number, count: number): number {
  let word = 0;
  for (let i = from; i < from + count; i++) word = word * 32 + CODE_OF[id.charCodeAt(1 + i)]!;
  return word;
}

function textOf(word: number, count: number, out: string[]): void {
  for (let i = count - 1; i >= 0; i--) {
    out.push(BASE32[Math.floor(word / 32 ** i) % 32]!);
  }
}

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
    if (!isHubIdShape(id)) return this.odd.get(id);
    const w0 = wordOf(id, 0, 6);
    const w1 = wordOf(id, 6, 6);
    const w2 = wordOf(id, 12, 4);
    const mask = this.slots.length - 1;
    if (mask < 0) return undefined;
    for (let at = this.home(w0, w1, w2); ; at = (at + 1) & mask) {
      const entry = this.slots[at]!;
      if (entry === EMPTY) return undefined;
      const handle = entry - 1;
      const w = handle * WORDS;
      if (this.words[w] === w0 && this.words[w + 1] === w1 && this.words[w + 2] === w2) return handle;
    }
  }

  /** The id's handle, adding it when it is not held. */
  add(id: string): number {
    const held = this.handleOf(id);
    if (held !== undefined) return held;
    const handle = this.freeHandles.pop() ?? this.handles++;
    if ((handle + 1) * WORDS > this.words.length) {
      const grown = new Uint32Array(Math.max(1024, this.words.length * 2));
      grown.set(this.words);
      this.words = grown;
    }
    this.live++;
    const w = handle * WORDS;
    if (!isHubIdShape(id)) {
      this.words[w] = ODD;
      this.odd.set(id, handle);
      this.oddText.set(handle, id);
      return handle;
    }
    this.words[w] = wordOf(id, 0, 6);
    this.words[w + 1] = wordOf(id, 6, 6);
    this.words[w + 2] = wordOf(id, 12, 4);
    if (this.live * 2 > this.slots.length) this.rehash(Math.max(1024, this.slots.length * 2));
    else this.place(handle);
    return handle;
  }

  /** The id of a handle held (a handle deleted or never given: a RangeError). */
  idOf(handle: number): string {
    if (!this.holds(handle)) throw new RangeError('not a hub id handle held');
    const w = handle * WORDS;
    if (this.words[w] === ODD) return this.oddText.get(handle)!;
    const out = ['C'];
    textOf(this.words[w]!, 6, out);
    textOf(this.words[w + 1]!, 6, out);
    textOf(this.words[w + 2]!, 4, out);
    return out.join('');
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
