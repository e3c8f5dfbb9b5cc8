/**
 * The register's id of each record (its membership) and the records of each id, as every instance
 * mirrors them: a column over the link index's record slots. Each slot holds its record's id as a
 * handle into a HubIdTable, and the slots of one id form a circular list, so no record key is held
 * a second time beside the index's own. At county scale (471,169 records) the id map as a Map of
 * record keys to hub id strings, with each id's member list beside it, was 66 MB of heap.
 *
 * A record the register names that the index does not hold (not yet laid in, or removed from the
 * index before the register has taken it out of its child) is kept by its key, apart: it keeps its
 * id until the register says otherwise, as it did when every membership was kept by key.
 */
import { HubIdTable } from '../../domain/identity/hub-id-table.ts';
import { NONE, widened, type RecordSlots } from '../../domain/identity/record-store.ts';
import { recordKey, type RecordKey } from './keys.ts';

export class RegisterIdMap {
  private readonly ids = new HubIdTable();
  /** The id handle of each slot's record, or NONE. */
  private idOfSlot = new Int32Array(0);
  /** The next slot of the same id (a circular list), where idOfSlot is set. */
  private nextOfSlot = new Int32Array(0);
  /** By handle: a slot of the id's list, or NONE. */
  private firstOfId = new Int32Array(0);
  /** Records the index does not hold: key -> handle, and each handle's keys. */
  private readonly apart = new Map<RecordKey, number>();
  private readonly apartOf = new Map<number, RecordKey[]>();

  constructor(private readonly slots: RecordSlots) {}

  /** Room for `ids` ids: a whole map read need not grow the table on the way. */
  reserve(ids: number): void {
    this.ids.reserve(ids);
    this.firstOfId = widened(this.firstOfId, ids);
  }

  /** How many ids are listed (an id stays listed with no record left until `deleteId`). */
  get size(): number {
    return this.ids.size;
  }

  /** The register's id of a record, if it has one. */
  get(key: RecordKey): string | undefined {
    const handle = this.handleOfRecord(key);
    return handle === undefined ? undefined : this.ids.idOf(handle);
  }

  /** The records of an id (undefined: not listed). */
  members(id: string): RecordKey[] | undefined {
    const handle = this.ids.handleOf(id);
    if (handle === undefined) return undefined;
    const keys: RecordKey[] = [];
    const first = this.firstOfId[handle]!;
    if (first !== NONE) {
      let slot = first;
      do {
        keys.push(recordKey(this.slots.systemOf(slot), this.slots.localIdOf(slot)));
        slot = this.nextOfSlot[slot]!;
      } while (slot !== first);
    }
    for (const key of this.apartOf.get(handle) ?? []) keys.push(key);
    return keys;
  }

  /** Gives a record the id (listing the id), taking it out of the one it had. */
  set(key: RecordKey, id: string): void {
    const handle = this.ids.add(id);
    this.firstOfId = widened(this.firstOfId, handle + 1);
    const slot = this.slots.slotOf(key);
    const before = this.handleAt(slot, key);
    if (before === handle) return;
    if (before !== undefined) this.take(key, slot, before);
    if (slot === undefined) {
      this.apart.set(key, handle);
      const keys = this.apartOf.get(handle);
      if (keys) keys.push(key);
      else this.apartOf.set(handle, [key]);
      return;
    }
    if (slot >= this.idOfSlot.length) {
      this.idOfSlot = widened(this.idOfSlot, slot + 1);
      this.nextOfSlot = widened(this.nextOfSlot, this.idOfSlot.length);
    }
    this.idOfSlot[slot] = handle;
    const first = this.firstOfId[handle]!;
    if (first === NONE) {
      this.nextOfSlot[slot] = slot;
      this.firstOfId[handle] = slot;
    } else {
      this.nextOfSlot[slot] = this.nextOfSlot[first]!;
      this.nextOfSlot[first] = slot;
    }
  }

  /** Forgets an id and the memberships of its records. */
  deleteId(id: string): void {
    const handle = this.ids.handleOf(id);
    if (handle === undefined) return;
    const first = this.firstOfId[handle]!;
    if (first !== NONE) {
      let slot = first;
      do {
        this.idOfSlot[slot] = NONE;
        slot = this.nextOfSlot[slot]!;
      } while (slot !== first);
    }
    for (const key of this.apartOf.get(handle) ?? []) this.apart.delete(key);
    this.apartOf.delete(handle);
    this.firstOfId[handle] = NONE;
    this.ids.delete(handle);
  }

  /** Every id listed, once, in no particular order. */
  *hubIds(): IterableIterator<string> {
    for (const handle of this.ids.entries()) yield this.ids.idOf(handle);
  }

  /**
   * The index is letting a record's slot go (RecordSlots.onRelease): the record keeps its id, by
   * its key, and the slot is left free of it.
   */
  released(slot: number, key: RecordKey): void {
    const handle = this.idOfSlot[slot] ?? NONE;
    if (handle === NONE) return;
    this.unlink(slot, handle);
    this.apart.set(key, handle);
    const keys = this.apartOf.get(handle);
    if (keys) keys.push(key);
    else this.apartOf.set(handle, [key]);
  }

  private handleOfRecord(key: RecordKey): number | undefined {
    return this.handleAt(this.slots.slotOf(key), key);
  }

  /** The id handle of the record `key` held in `slot` (undefined: the index does not hold it). */
  private handleAt(slot: number | undefined, key: RecordKey): number | undefined {
    const handle = slot === undefined ? NONE : (this.idOfSlot[slot] ?? NONE);
    return handle !== NONE ? handle : this.apart.get(key);
  }

  /** Takes a record (in `slot`, if the index holds it) out of the id it has (`handle`). */
  private take(key: RecordKey, slot: number | undefined, handle: number): void {
    if (this.apart.get(key) === handle) {
      this.apart.delete(key);
      const keys = this.apartOf.get(handle)!;
      keys.splice(keys.indexOf(key), 1);
      return;
    }
    this.unlink(slot!, handle);
  }

  private unlink(slot: number, handle: number): void {
    let before = slot;
    while (this.nextOfSlot[before] !== slot) before = this.nextOfSlot[before]!;
    if (before === slot) this.firstOfId[handle] = NONE;
    else {
      this.nextOfSlot[before] = this.nextOfSlot[slot]!;
      if (this.firstOfId[handle] === slot) this.firstOfId[handle] = before;
    }
    this.idOfSlot[slot] = NONE;
  }
}
