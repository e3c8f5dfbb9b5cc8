/**
 * Columnar storage of the linked records: one slot per record, fields in typed arrays of interned
 * ids. A county (~500k records) fits in tens of megabytes this way, where the SourceRecord objects
 * themselves would take hundreds; the objects are not kept.
 */
import {
  CheckpointError,
  readSparse,
  writeSparse,
  writeStringList,
  type CheckpointReader,
  type CheckpointSteps,
  type CheckpointWriter,
} from './bytes.ts';
import { Counter, IdentifierIndex, Interner, SparseCounter, fnv1a } from './dictionary.ts';
import { linkableNhsNumber, linkableUln, linkableUpn } from './identifiers.ts';
import { canonicalForename, nicknameGroups } from './nicknames.ts';
import { soundex } from './phonetic.ts';
import {
  nameParts,
  normaliseName,
  normalisePostcode,
  epochDay,
  packDate,
  postcodeDistrict,
  unpackDate,
} from './text.ts';
import { packReferral, REFERRAL_SOURCE_SPAN } from './referrals.ts';
import { type IndexedIdentity, type SourceRecord } from './types.ts';
import { SYSTEMS, type SystemName } from '../../platform/systems.ts';

export const NONE = -1;

/** A slot column grown (doubling, new entries NONE) to hold at least `wanted` entries. */
export function widened(column: Int32Array<ArrayBuffer>, wanted: number): Int32Array<ArrayBuffer> {
  if (wanted <= column.length) return column;
  const next = new Int32Array(Math.max(1024, column.length * 2, wanted)).fill(NONE);
  next.set(column);
  return next;
}
export const SEX_UNKNOWN = 0;
export const SEX_MALE = 1;
export const SEX_FEMALE = 2;

export const systemCode = (system: SystemName): number => SYSTEMS.indexOf(system);
export const qualifiedKey = (system: SystemName, localId: string): string => `${system}:${localId}`;

/** What comparison and blocking need of a name a search typed that no record carries. */
interface ProbedName {
  text: string;
  soundex: number;
  canonicalSoundex: number;
  hasNicknames: boolean;
}

/**
 * Ids handed out for values looked up but not held (see NameTable.probe): past the table's end, in
 * the order interning would have given them, and forgotten by `endProbe`. A value that was never
 * added leaves nothing behind: no growth by searching, nothing typed written into a checkpoint.
 */
class Probes<T> {
  private readonly byValue = new Map<string, number>();
  readonly entries: T[] = [];
  /** The value each entry was probed for. */
  readonly values: string[] = [];

  idOf(value: string, base: number, make: () => T): number {
    let at = this.byValue.get(value);
    if (at === undefined) {
      at = this.entries.length;
      this.entries.push(make());
      this.values.push(value);
      this.byValue.set(value, at);
    }
    return base + at;
  }

  get size(): number {
    return this.entries.length;
  }

  clear(): void {
    this.byValue.clear();
    this.entries.length = 0;
    this.values.length = 0;
  }
}

/** An interned id if the value is held, else a probe id past the interner's end. */
function heldOrProbe(interner: Interner, probes: Probes<null>, value: string): number {
  return interner.idOf(value) ?? probes.idOf(value, interner.size, () => null);
}

/** Names with what comparison and blocking need precomputed once per distinct spelling. */
export class NameTable {
  private readonly interner = new Interner();
  private readonly phonetics = new Interner();
  /** Soundex id of each name. */
  private readonly soundexOf: number[] = [];
  /** Soundex id of the name's nickname-canonical form ("bill" -> soundex("william")). */
  private readonly canonicalSoundexOf: number[] = [];
  private readonly hasNicknamesOf: boolean[] = [];
  private readonly probes = new Probes<ProbedName>();
  private readonly phoneticProbes = new Probes<null>();
  readonly asForename = new Counter();
  readonly asSurname = new Counter();

  intern(name: string): number {
    const before = this.interner.size;
    const id = this.interner.intern(name);
    if (id === before) {
      if (this.probes.size > 0 || this.phoneticProbes.size > 0)
        throw new Error('a name was added while probe ids were out');
      this.soundexOf.push(this.phonetics.intern(soundex(name)));
      this.canonicalSoundexOf.push(this.phonetics.intern(soundex(canonicalForename(name))));
      this.hasNicknamesOf.push(nicknameGroups(name).length > 0);
    }
    return id;
  }

  /**
   * The id of a name without adding it: its own if held, else a probe id (past the table's end) whose
   * sounds and nickname flag are computed here and kept only until `endProbe`. For what a search
   * typed, which may be no child's name and must not stay in memory or reach a checkpoint.
   */
  probe(name: string): number {
    const id = this.interner.idOf(name);
    if (id !== undefined) return id;
    return this.probes.idOf(name, this.interner.size, () => ({
      text: name,
      soundex: heldOrProbe(this.phonetics, this.phoneticProbes, soundex(name)),
      canonicalSoundex: heldOrProbe(this.phonetics, this.phoneticProbes, soundex(canonicalForename(name))),
      hasNicknames: nicknameGroups(name).length > 0,
    }));
  }

  /** Forgets the probe ids handed out; they must not be used after. */
  endProbe(): void {
    this.probes.clear();
    this.phoneticProbes.clear();
  }

  /** Whether the id is a probe's, i.e. of no record (nothing keyed by it may outlive the probe). */
  isProbe(id: number): boolean {
    return id >= this.interner.size;
  }

  private probed(id: number): ProbedName {
    const probed = this.probes.entries[id - this.interner.size];
    if (!probed) throw new Error('a name id that is neither held nor probed');
    return probed;
  }

  idOf(name: string): number | undefined {
    return this.interner.idOf(name);
  }

  text(id: number): string {
    return id < this.interner.size ? this.interner.values[id]! : this.probed(id).text;
  }

  /** Soundex id of the name. */
  soundex(id: number): number {
    return id < this.soundexOf.length ? this.soundexOf[id]! : this.probed(id).soundex;
  }

  /** Soundex id of the name's nickname-canonical form ("bill" -> soundex("william")). */
  canonicalSoundex(id: number): number {
    return id < this.canonicalSoundexOf.length
      ? this.canonicalSoundexOf[id]!
      : this.probed(id).canonicalSoundex;
  }

  hasNicknames(id: number): boolean {
    return id < this.hasNicknamesOf.length ? this.hasNicknamesOf[id]! : this.probed(id).hasNicknames;
  }

  save(w: CheckpointWriter): void {
    this.interner.save(w);
    this.phonetics.save(w);
    w.i32(Int32Array.from(this.soundexOf));
    w.i32(Int32Array.from(this.canonicalSoundexOf));
    w.u8(Uint8Array.from(this.hasNicknamesOf, (has) => (has ? 1 : 0)));
    this.asForename.save(w);
    this.asSurname.save(w);
  }

  load(r: CheckpointReader): void {
    this.interner.load(r);
    this.phonetics.load(r);
    const size = this.interner.size;
    for (const id of r.i32Of(size)) this.soundexOf.push(id);
    for (const id of r.i32Of(size)) this.canonicalSoundexOf.push(id);
    for (const has of r.u8Of(size)) this.hasNicknamesOf.push(has === 1);
    this.asForename.load(r);
    this.asSurname.load(r);
  }
}

export class PostcodeTable {
  private readonly interner = new Interner();
  private readonly districts = new Interner();
  private readonly districtOf: number[] = [];
  /** District id of each probe id (see `probe`). */
  private readonly probes = new Probes<number>();
  private readonly districtProbes = new Probes<null>();
  readonly counts = new Counter();

  intern(postcode: string): number {
    const before = this.interner.size;
    const id = this.interner.intern(postcode);
    if (id === before) {
      if (this.probes.size > 0 || this.districtProbes.size > 0)
        throw new Error('a postcode was added while probe ids were out');
      this.districtOf.push(this.districts.intern(postcodeDistrict(postcode)));
    }
    return id;
  }

  /** As NameTable.probe: the postcode's id if held, else a probe id (with its district) until `endProbe`. */
  probe(postcode: string): number {
    const id = this.interner.idOf(postcode);
    if (id !== undefined) return id;
    return this.probes.idOf(postcode, this.interner.size, () =>
      heldOrProbe(this.districts, this.districtProbes, postcodeDistrict(postcode)),
    );
  }

  endProbe(): void {
    this.probes.clear();
    this.districtProbes.clear();
  }

  idOf(postcode: string): number | undefined {
    return this.interner.idOf(postcode);
  }

  /** The postcode a held or probe id stands for. */
  text(id: number): string {
    if (id < this.interner.size) return this.interner.values[id]!;
    const text = this.probes.values[id - this.interner.size];
    if (text === undefined) throw new Error('a postcode id that is neither held nor probed');
    return text;
  }

  district(id: number): number {
    if (id < this.districtOf.length) return this.districtOf[id]!;
    const district = this.probes.entries[id - this.interner.size];
    if (district === undefined) throw new Error('a postcode id that is neither held nor probed');
    return district;
  }

  save(w: CheckpointWriter): void {
    this.interner.save(w);
    this.districts.save(w);
    w.i32(Int32Array.from(this.districtOf));
    this.counts.save(w);
  }

  load(r: CheckpointReader): void {
    this.interner.load(r);
    this.districts.load(r);
    for (const id of r.i32Of(this.interner.size)) this.districtOf.push(id);
    this.counts.load(r);
  }
}

function uniqueExcluding(ids: number[], exclude: number): Int32Array | undefined {
  const unique = [...new Set(ids)].filter((id) => id !== exclude);
  return unique.length > 0 ? Int32Array.from(unique) : undefined;
}

/**
 * Where the index holds each record, for a column kept beside it (the register's id of each record,
 * src/platform/register/idMap.ts): a slot is a record's while the record is held, and may hold
 * another once it is removed, which `onRelease` says before it can happen.
 */
export interface RecordSlots {
  slotOf(key: string): number | undefined;
  systemOf(slot: number): SystemName;
  localIdOf(slot: number): string;
  /** Calls `listener` with a record's slot and key as the record is removed, before the slot is free. */
  onRelease(listener: (slot: number, key: string) => void): void;
}

/** Each system's `system:` hashed: a key's hash continues from it, the same as the whole key's. */
const SYSTEM_HASH = SYSTEMS.map((system) => fnv1a(`${system}:`));

/**
 * The slot of each record key (`system:localId`), as an open-addressing table of slots over the
 * store's own columns: the key is compared with the slot's system and local id, so no key string is
 * kept. A Map of a county's 471,169 keys took 39 MB of heap (the table and a string per key).
 */
class KeySlots {
  /** Slot + 1 of each entry, 0 where none (linear probing, at most half full). */
  private table = new Int32Array(0);
  private count = 0;

  constructor(
    private readonly systemOf: (slot: number) => number,
    private readonly localIdOf: (slot: number) => string,
  ) {}

  get(key: string): number | undefined {
    const at = key.indexOf(':');
    const system = at < 0 ? -1 : SYSTEMS.indexOf(key.slice(0, at) as SystemName);
    if (system < 0 || this.count === 0) return undefined;
    const mask = this.table.length - 1;
    for (let i = fnv1a(key, at + 1, SYSTEM_HASH[system]!) & mask; ; i = (i + 1) & mask) {
      const entry = this.table[i]!;
      if (entry === 0) return undefined;
      if (this.matches(entry - 1, system, key, at + 1)) return entry - 1;
    }
  }

  /** Room for `count` keys in all without growing again. */
  reserve(count: number): void {
    let capacity = Math.max(1024, this.table.length);
    while (count * 2 > capacity) capacity *= 2;
    if (capacity > this.table.length) this.rehash(capacity);
  }

  /** Files a slot under its record's key (the slot's system and local id are written already). */
  add(slot: number): void {
    if ((this.count + 1) * 2 > this.table.length) this.rehash(Math.max(1024, this.table.length * 2));
    this.place(slot);
    this.count++;
  }

  delete(slot: number): void {
    const mask = this.table.length - 1;
    let at = this.home(slot);
    while (this.table[at] !== slot + 1) {
      if (this.table[at] === 0) return;
      at = (at + 1) & mask;
    }
    // Backward-shift deletion: later entries of the run move up so no lookup stops early.
    for (let next = (at + 1) & mask; this.table[next] !== 0; next = (next + 1) & mask) {
      const home = this.home(this.table[next]! - 1);
      if (((next - home) & mask) >= ((next - at) & mask)) {
        this.table[at] = this.table[next]!;
        at = next;
      }
    }
    this.table[at] = 0;
    this.count--;
  }

  private matches(slot: number, system: number, key: string, from: number): boolean {
    if (this.systemOf(slot) !== system) return false;
    const localId = this.localIdOf(slot);
    if (localId.length !== key.length - from) return false;
    for (let i = 0; i < localId.length; i++)
      if (localId.charCodeAt(i) !== key.charCodeAt(from + i)) return false;
    return true;
  }

  private home(slot: number): number {
    return fnv1a(this.localIdOf(slot), 0, SYSTEM_HASH[this.systemOf(slot)]!) & (this.table.length - 1);
  }

  private place(slot: number): void {
    const mask = this.table.length - 1;
    let at = this.home(slot);
    while (this.table[at] !== 0) at = (at + 1) & mask;
    this.table[at] = slot + 1;
  }

  private rehash(capacity: number): void {
    const old = this.table;
    this.table = new Int32Array(capacity);
    for (const entry of old) if (entry !== 0) this.place(entry - 1);
  }
}

export const ADOPTION_NONE = 0;
export const ADOPTION_BIRTH = 1;
export const ADOPTION_ADOPTIVE = 2;

export class RecordStore implements RecordSlots {
  private capacity = 0;
  /** Slots ever allocated (live or free). */
  slotCount = 0;
  liveCount = 0;
  alive = new Uint8Array(0);
  system = new Uint8Array(0);
  forename = new Int32Array(0);
  surname = new Int32Array(0);
  dob = new Int32Array(0);
  sex = new Uint8Array(0);
  postcode = new Int32Array(0);
  nhs = new Int32Array(0);
  upn = new Int32Array(0);
  uln = new Int32Array(0);
  /** As declared by the source system (the linker widens it to the record's whole child, see restriction.ts). */
  declaredRestricted = new Uint8Array(0);
  /** ADOPTION_NONE, ADOPTION_BIRTH or ADOPTION_ADOPTIVE: which side of an adoption the record is. */
  adoptionSide = new Uint8Array(0);
  /** Packed dates (text.ts) or NONE: SourceRecord.addressesSince and postcodeDate. */
  addressesSince = new Int32Array(0);
  postcodeDate = new Int32Array(0);
  readonly localIds: string[] = [];
  /** Names as the source spelled them (interned), for display; matching uses the normalised forms. */
  displayForename = new Int32Array(0);
  displaySurname = new Int32Array(0);
  readonly displayNames = new Interner();
  /** Other forename forms: further parts of a multi-part forename, alias parts. Sparse. */
  readonly foreAlt = new Map<number, Int32Array>();
  /** Other surname forms: parts of a double-barrelled surname, former/preferred surnames. Sparse. */
  readonly surAlt = new Map<number, Int32Array>();
  readonly altPostcodes = new Map<number, Int32Array>();
  /** Referral evidence (SourceRecord.referrals), each entry packed by `packReferral`. Sparse. */
  readonly referrals = new Map<number, Int32Array>();
  /** Referral source codes (POLICE, SCHOOL...), interned: a county has a few dozen. */
  readonly referralSources = new Interner();
  /** Qualified keys this record explicitly references. Sparse. */
  readonly crossRefs = new Map<number, string[]>();
  readonly names = new NameTable();
  readonly postcodes = new PostcodeTable();
  readonly dobCounts = new SparseCounter();
  readonly nhsIndex = new IdentifierIndex();
  readonly upnIndex = new IdentifierIndex();
  readonly ulnIndex = new IdentifierIndex();
  private readonly slotByKey = new KeySlots(
    (slot) => this.system[slot]!,
    (slot) => this.localIds[slot]!,
  );
  /** Qualified key -> slots referencing it, so a record arriving later finds who points at it. */
  private readonly referrers = new Map<string, number[]>();
  private readonly freeSlots: number[] = [];
  private readonly releaseListeners: ((slot: number, key: string) => void)[] = [];

  slotOf(key: string): number | undefined {
    return this.slotByKey.get(key);
  }

  localIdOf(slot: number): string {
    return this.localIds[slot]!;
  }

  onRelease(listener: (slot: number, key: string) => void): void {
    this.releaseListeners.push(listener);
  }

  key(slot: number): string {
    return qualifiedKey(SYSTEMS[this.system[slot]!]!, this.localIds[slot]!);
  }

  systemOf(slot: number): SystemName {
    return SYSTEMS[this.system[slot]!]!;
  }

  referrersOf(key: string): readonly number[] {
    return this.referrers.get(key) ?? [];
  }

  /** Stores the record (replacing an earlier version with the same key in place) and returns its slot. */
  put(record: SourceRecord): number {
    const key = qualifiedKey(record.system, record.localId);
    let slot = this.slotByKey.get(key);
    if (slot !== undefined) {
      this.clear(slot);
      this.write(slot, record);
    } else {
      slot = this.freeSlots.pop() ?? this.allocate();
      this.write(slot, record);
      this.slotByKey.add(slot);
    }
    return slot;
  }

  /** Removes a record; returns its former slot, or undefined when it was not held. */
  delete(key: string): number | undefined {
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return undefined;
    this.clear(slot);
    this.slotByKey.delete(slot);
    for (const listener of this.releaseListeners) listener(slot, key);
    this.freeSlots.push(slot);
    return slot;
  }

  private allocate(): number {
    if (this.slotCount === this.capacity) this.grow(Math.max(1024, this.capacity * 2));
    return this.slotCount++;
  }

  private grow(capacity: number): void {
    const widen = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(old);
      return next;
    };
    this.alive = widen(this.alive, (n) => new Uint8Array(n));
    this.system = widen(this.system, (n) => new Uint8Array(n));
    this.forename = widen(this.forename, (n) => new Int32Array(n));
    this.surname = widen(this.surname, (n) => new Int32Array(n));
    this.dob = widen(this.dob, (n) => new Int32Array(n));
    this.sex = widen(this.sex, (n) => new Uint8Array(n));
    this.postcode = widen(this.postcode, (n) => new Int32Array(n));
    this.nhs = widen(this.nhs, (n) => new Int32Array(n));
    this.upn = widen(this.upn, (n) => new Int32Array(n));
    this.uln = widen(this.uln, (n) => new Int32Array(n));
    this.declaredRestricted = widen(this.declaredRestricted, (n) => new Uint8Array(n));
    this.adoptionSide = widen(this.adoptionSide, (n) => new Uint8Array(n));
    this.addressesSince = widen(this.addressesSince, (n) => new Int32Array(n));
    this.postcodeDate = widen(this.postcodeDate, (n) => new Int32Array(n));
    this.displayForename = widen(this.displayForename, (n) => new Int32Array(n));
    this.displaySurname = widen(this.displaySurname, (n) => new Int32Array(n));
    this.capacity = capacity;
  }

  private write(slot: number, record: SourceRecord): void {
    const names = this.names;
    this.alive[slot] = 1;
    this.liveCount++;
    this.system[slot] = systemCode(record.system);
    this.localIds[slot] = record.localId;
    this.displayForename[slot] = this.displayNames.intern(record.forename.trim());
    this.displaySurname[slot] = this.displayNames.intern(record.surname.trim());
    this.declaredRestricted[slot] = record.restricted ? 1 : 0;
    this.adoptionSide[slot] =
      record.adoptionIdentity === 'BIRTH'
        ? ADOPTION_BIRTH
        : record.adoptionIdentity === 'ADOPTIVE'
          ? ADOPTION_ADOPTIVE
          : ADOPTION_NONE;
    this.sex[slot] = record.sex === 'M' ? SEX_MALE : record.sex === 'F' ? SEX_FEMALE : SEX_UNKNOWN;

    const aliasParts = record.aliases.flatMap((alias) => nameParts(alias)).map((part) => names.intern(part));
    const foreParts = nameParts(record.forename).map((part) => names.intern(part));
    const forename = foreParts[0] ?? NONE;
    this.forename[slot] = forename;
    if (forename !== NONE) names.asForename.add(forename, 1);
    const foreAlt = uniqueExcluding([...foreParts.slice(1), ...aliasParts], forename);
    if (foreAlt) this.foreAlt.set(slot, foreAlt);

    const fullSurname = normaliseName(record.surname);
    const surname = fullSurname.length > 0 ? names.intern(fullSurname) : NONE;
    this.surname[slot] = surname;
    if (surname !== NONE) names.asSurname.add(surname, 1);
    const surParts = nameParts(record.surname);
    const wholeAliases = record.aliases.map(normaliseName).filter((alias) => alias.length > 0);
    const surAlt = uniqueExcluding(
      [...(surParts.length > 1 ? surParts : []), ...wholeAliases]
        .map((part) => names.intern(part))
        .concat(aliasParts),
      surname,
    );
    if (surAlt) this.surAlt.set(slot, surAlt);

    const dob = packDate(record.dateOfBirth);
    this.dob[slot] = dob;
    if (dob !== NONE) this.dobCounts.add(dob, 1);

    const postcodeIds = [
      ...new Set(record.postcodes.map(normalisePostcode).filter((p): p is string => p !== null)),
    ].map((p) => this.postcodes.intern(p));
    this.postcode[slot] = postcodeIds[0] ?? NONE;
    for (const id of postcodeIds) this.postcodes.counts.add(id, 1);
    if (postcodeIds.length > 1) this.altPostcodes.set(slot, Int32Array.from(postcodeIds.slice(1)));
    this.addressesSince[slot] = postcodeIds.length > 0 ? packDate(record.addressesSince) : NONE;
    this.postcodeDate[slot] = postcodeIds.length > 0 ? packDate(record.postcodeDate) : NONE;

    const nhs = linkableNhsNumber(record.nhsNumber);
    this.nhs[slot] = nhs ? this.nhsIndex.add(nhs, slot) : NONE;
    const upn = linkableUpn(record.upn);
    this.upn[slot] = upn ? this.upnIndex.add(upn, slot) : NONE;
    const uln = linkableUln(record.uln);
    this.uln[slot] = uln ? this.ulnIndex.add(uln, slot) : NONE;

    const referrals = this.packReferrals(record);
    if (referrals) this.referrals.set(slot, referrals);

    const refs = [...new Set(record.crossRefs.map((ref) => qualifiedKey(ref.system, ref.localId)))];
    if (refs.length > 0) {
      this.crossRefs.set(slot, refs);
      for (const ref of refs) {
        const list = this.referrers.get(ref);
        if (list) list.push(slot);
        else this.referrers.set(ref, [slot]);
      }
    }
  }

  private packReferrals(record: SourceRecord): Int32Array | undefined {
    const packed = new Set<number>();
    for (const referral of record.referrals ?? []) {
      const day = epochDay(packDate(referral.date));
      const source = referral.source.trim().toUpperCase();
      // A day before 1970 is no child's referral (and would not pack): dropped like a malformed one.
      if (day < 0 || source.length === 0) continue;
      const sourceId = this.referralSources.intern(source);
      if (sourceId >= REFERRAL_SOURCE_SPAN) continue;
      packed.add(packReferral(day, sourceId, referral.recorded));
    }
    return packed.size > 0 ? Int32Array.from(packed).sort() : undefined;
  }

  private clear(slot: number): void {
    if (this.alive[slot] !== 1) return;
    this.alive[slot] = 0;
    this.liveCount--;
    const names = this.names;
    if (this.forename[slot] !== NONE) names.asForename.add(this.forename[slot]!, -1);
    if (this.surname[slot] !== NONE) names.asSurname.add(this.surname[slot]!, -1);
    if (this.dob[slot] !== NONE) this.dobCounts.add(this.dob[slot]!, -1);
    for (const id of this.postcodesOf(slot)) this.postcodes.counts.add(id, -1);
    if (this.nhs[slot] !== NONE) this.nhsIndex.remove(this.nhs[slot]!, slot);
    if (this.upn[slot] !== NONE) this.upnIndex.remove(this.upn[slot]!, slot);
    if (this.uln[slot] !== NONE) this.ulnIndex.remove(this.uln[slot]!, slot);
    for (const ref of this.crossRefs.get(slot) ?? []) {
      const list = this.referrers.get(ref);
      const at = list ? list.indexOf(slot) : -1;
      if (list && at >= 0) list.splice(at, 1);
      if (list && list.length === 0) this.referrers.delete(ref);
    }
    this.foreAlt.delete(slot);
    this.surAlt.delete(slot);
    this.altPostcodes.delete(slot);
    this.referrals.delete(slot);
    this.crossRefs.delete(slot);
  }

  /** The identity fields a caller may show for a record (names as the source spelled them). */
  identity(slot: number): IndexedIdentity {
    const dob = this.dob[slot]!;
    const sex = this.sex[slot];
    return {
      system: this.systemOf(slot),
      localId: this.localIds[slot]!,
      forename: this.displayNames.values[this.displayForename[slot]!]!,
      surname: this.displayNames.values[this.displaySurname[slot]!]!,
      dateOfBirth: dob === NONE ? null : unpackDate(dob),
      sex: sex === SEX_MALE ? 'M' : sex === SEX_FEMALE ? 'F' : null,
    };
  }

  /** Everything the store holds, for a checkpoint (checkpoint.ts); `load` lays it out again as it was. */
  *save(w: CheckpointWriter): CheckpointSteps {
    const n = this.slotCount;
    w.json({ slotCount: n, liveCount: this.liveCount, capacity: this.capacity });
    for (const column of this.columns()) {
      const part = column.subarray(0, n);
      if (part instanceof Uint8Array) w.u8(part);
      else w.i32(part);
    }
    yield* writeStringList(w, this.localIds.slice(0, n));
    this.displayNames.save(w);
    writeSparse(w, this.foreAlt);
    writeSparse(w, this.surAlt);
    writeSparse(w, this.altPostcodes);
    writeSparse(w, this.referrals);
    this.referralSources.save(w);
    w.i32(Int32Array.from(this.crossRefs.keys()));
    w.json([...this.crossRefs.values()]);
    yield;
    this.names.save(w);
    yield;
    this.postcodes.save(w);
    yield;
    this.dobCounts.save(w);
    this.nhsIndex.save(w);
    yield;
    this.upnIndex.save(w);
    yield;
    this.ulnIndex.save(w);
    yield;
    w.i32(Int32Array.from(this.freeSlots));
  }

  /** Into an empty store: what `save` wrote, without normalising or interning a record again. */
  load(r: CheckpointReader): void {
    if (this.slotCount !== 0) throw new Error('RecordStore.load into a store that holds records');
    const {
      slotCount: n,
      liveCount,
      capacity,
    } = r.json<{
      slotCount: number;
      liveCount: number;
      capacity: number;
    }>();
    if (!(capacity >= n)) throw new CheckpointError('the record store does not add up');
    // Each column as wide as it was, so the next record does not widen them all at once.
    const u8 = () => {
      const column = new Uint8Array(capacity);
      column.set(r.u8Of(n));
      return column;
    };
    const i32 = () => {
      const column = new Int32Array(capacity);
      column.set(r.i32Of(n));
      return column;
    };
    this.alive = u8();
    this.system = u8();
    this.forename = i32();
    this.surname = i32();
    this.dob = i32();
    this.sex = u8();
    this.postcode = i32();
    this.nhs = i32();
    this.upn = i32();
    this.uln = i32();
    this.declaredRestricted = u8();
    this.adoptionSide = u8();
    this.addressesSince = i32();
    this.postcodeDate = i32();
    this.displayForename = i32();
    this.displaySurname = i32();
    this.slotCount = n;
    this.capacity = capacity;
    this.liveCount = liveCount;
    const localIds = r.stringList(n);
    this.slotByKey.reserve(liveCount);
    for (let slot = 0; slot < n; slot++) {
      this.localIds.push(localIds[slot]!);
      if (this.alive[slot] === 1) this.slotByKey.add(slot);
    }
    this.displayNames.load(r);
    readSparse(r, this.foreAlt);
    readSparse(r, this.surAlt);
    readSparse(r, this.altPostcodes);
    readSparse(r, this.referrals);
    this.referralSources.load(r);
    const referring = r.i32();
    const refs = r.json<string[][]>();
    if (!Array.isArray(refs) || refs.length !== referring.length)
      throw new CheckpointError('the cross-references do not add up');
    referring.forEach((slot, i) => {
      this.crossRefs.set(slot, refs[i]!);
      for (const ref of refs[i]!) {
        const list = this.referrers.get(ref);
        if (list) list.push(slot);
        else this.referrers.set(ref, [slot]);
      }
    });
    this.names.load(r);
    this.postcodes.load(r);
    this.dobCounts.load(r);
    this.nhsIndex.load(r);
    this.upnIndex.load(r);
    this.ulnIndex.load(r);
    for (const slot of r.i32()) this.freeSlots.push(slot);
  }

  /** The per-slot columns, in the order a checkpoint holds them. */
  private columns(): (Uint8Array | Int32Array)[] {
    return [
      this.alive,
      this.system,
      this.forename,
      this.surname,
      this.dob,
      this.sex,
      this.postcode,
      this.nhs,
      this.upn,
      this.uln,
      this.declaredRestricted,
      this.adoptionSide,
      this.addressesSince,
      this.postcodeDate,
      this.displayForename,
      this.displaySurname,
    ];
  }

  /** All postcode ids of a record (the first is its primary). */
  postcodesOf(slot: number): number[] {
    const first = this.postcode[slot]!;
    if (first === NONE) return [];
    const rest = this.altPostcodes.get(slot);
    return rest ? [first, ...rest] : [first];
  }

  surnamesOf(slot: number): number[] {
    const first = this.surname[slot]!;
    const rest = this.surAlt.get(slot);
    const all = first === NONE ? [] : [first];
    return rest ? all.concat(Array.from(rest)) : all;
  }

  forenamesOf(slot: number): number[] {
    const first = this.forename[slot]!;
    const rest = this.foreAlt.get(slot);
    const all = first === NONE ? [] : [first];
    return rest ? all.concat(Array.from(rest)) : all;
  }
}
