/**
 * Union-find over record slots in typed arrays, with the linking constraints enforced at every
 * merge: a cluster remembers the valid NHS number and permanent UPN it carries, and two clusters
 * carrying different ones are never merged (they are different children, however alike they look);
 * nor are the birth and the adoptive identity of an adopted child, nor a restricted cluster and a
 * visible one once restriction.ts has drawn the line between them, nor two records a person (a
 * data steward) has said are different children (`keepApart`). A merge on a score alone
 * (`unionScored`) never puts two records of one person register in one cluster.
 * Members of a cluster form a circular linked list (`next`), so merging is O(1) and listing a
 * cluster's records costs only its size.
 */
import { CheckpointError, type CheckpointReader, type CheckpointWriter } from './bytes.ts';
import { ADOPTION_BIRTH, ADOPTION_ADOPTIVE, NONE } from './record-store.ts';
import { PERSON_REGISTERS } from './types.ts';
import { SYSTEMS } from '../../platform/systems.ts';

/** One bit per system (SYSTEMS order); the person registers' bits together. */
export const systemBit = (code: number): number => 1 << code;
const REGISTER_BITS = PERSON_REGISTERS.reduce((bits, system) => bits | systemBit(SYSTEMS.indexOf(system)), 0);

export class Clusters {
  private parent = new Int32Array(0);
  private next = new Int32Array(0);
  private size = new Int32Array(0);
  private nhsOf = new Int32Array(0);
  private upnOf = new Int32Array(0);
  private adoptionOf = new Uint8Array(0);
  private systemsOf = new Uint8Array(0);
  /** Restriction in force: the slot's cluster holds a restricted record or may be that child (restriction.ts). */
  restricted = new Uint8Array(0);
  refusedMerges = 0;
  sameSystemRefused = 0;
  contradictedRefused = 0;
  /**
   * Whether a member of one cluster contradicts a member of the other (LinkState sets it to the
   * scorer's `contradicts`): asked before a merge on a score alone, never before an identifier's.
   */
  contradiction: ((rootA: number, rootB: number) => boolean) | null = null;
  /** Slot -> slots a person has said are a different child (both directions). */
  private apart = new Map<number, number[]>();

  /** Replaces the pairs of slots that must never share a cluster; applies to merges from now on. */
  keepApart(pairs: Iterable<readonly [number, number]>): void {
    this.apart = new Map();
    for (const [a, b] of pairs) {
      if (a === b) continue;
      this.apart.set(a, [...(this.apart.get(a) ?? []), b]);
      this.apart.set(b, [...(this.apart.get(b) ?? []), a]);
    }
  }

  /** Whether a member of one cluster was said to be a different child from a member of the other. */
  keptApart(rootA: number, rootB: number): boolean {
    if (this.apart.size === 0) return false;
    // Walk the smaller cluster: merging small into large keeps the total work near-linear.
    const [small, large] = this.size[rootA]! <= this.size[rootB]! ? [rootA, rootB] : [rootB, rootA];
    for (const member of this.members(small)) {
      for (const other of this.apart.get(member) ?? []) if (this.find(other) === large) return true;
    }
    return false;
  }

  ensureCapacity(capacity: number): void {
    if (capacity <= this.parent.length) return;
    const widen = <T extends Int32Array | Uint8Array>(old: T, next: T): T => {
      next.set(old);
      return next;
    };
    this.parent = widen(this.parent, new Int32Array(capacity));
    this.next = widen(this.next, new Int32Array(capacity));
    this.size = widen(this.size, new Int32Array(capacity));
    this.nhsOf = widen(this.nhsOf, new Int32Array(capacity));
    this.upnOf = widen(this.upnOf, new Int32Array(capacity));
    this.adoptionOf = widen(this.adoptionOf, new Uint8Array(capacity));
    this.systemsOf = widen(this.systemsOf, new Uint8Array(capacity));
    this.restricted = widen(this.restricted, new Uint8Array(capacity));
  }

  /** Makes `slot` a cluster of its own. Only ever applied to every member of a cluster at once. */
  reset(slot: number, nhs: number, upn: number, adoptionSide: number, systemCode: number): void {
    this.systemsOf[slot] = systemBit(systemCode);
    this.parent[slot] = slot;
    this.next[slot] = slot;
    this.size[slot] = 1;
    this.nhsOf[slot] = nhs;
    this.upnOf[slot] = upn;
    this.adoptionOf[slot] = adoptionSide;
  }

  find(slot: number): number {
    const parent = this.parent;
    let x = slot;
    while (parent[x] !== x) {
      const grandparent = parent[parent[x]!]!;
      parent[x] = grandparent;
      x = grandparent;
    }
    return x;
  }

  /**
   * Whether the two clusters are known to be different children: they carry a different valid NHS
   * number or permanent UPN, or one holds an adopted child's birth identity and the other an
   * adoptive identity (the two must never be connected, whoever they belong to).
   */
  conflict(rootA: number, rootB: number): boolean {
    if (this.adoptionConflict(rootA, rootB)) return true;
    const nhsA = this.nhsOf[rootA]!;
    const nhsB = this.nhsOf[rootB]!;
    if (nhsA !== NONE && nhsB !== NONE && nhsA !== nhsB) return true;
    const upnA = this.upnOf[rootA]!;
    const upnB = this.upnOf[rootB]!;
    return upnA !== NONE && upnB !== NONE && upnA !== upnB;
  }

  /** Whether one cluster holds an adopted child's birth identity and the other an adoptive identity. */
  adoptionConflict(rootA: number, rootB: number): boolean {
    return (this.adoptionOf[rootA]! | this.adoptionOf[rootB]!) === (ADOPTION_BIRTH | ADOPTION_ADOPTIVE);
  }

  /** Merges the clusters of a and b unless a constraint forbids it; true when they end up together. */
  union(a: number, b: number): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return true;
    if (this.restricted[rootA] !== this.restricted[rootB]) return false;
    if (this.conflict(rootA, rootB)) {
      this.refusedMerges++;
      return false;
    }
    if (this.keptApart(rootA, rootB)) return false;
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = this.size[rootA]! + this.size[rootB]!;
    if (this.nhsOf[rootA] === NONE) this.nhsOf[rootA] = this.nhsOf[rootB]!;
    if (this.upnOf[rootA] === NONE) this.upnOf[rootA] = this.upnOf[rootB]!;
    this.adoptionOf[rootA] = this.adoptionOf[rootA]! | this.adoptionOf[rootB]!;
    this.systemsOf[rootA] = this.systemsOf[rootA]! | this.systemsOf[rootB]!;
    const nextA = this.next[rootA]!;
    this.next[rootA] = this.next[rootB]!;
    this.next[rootB] = nextA;
    return true;
  }

  /**
   * A merge on a match weight alone: refused, besides union's constraints, when both clusters hold
   * a record of the same person register (a duplicate is for a person to confirm, not a score), and
   * when a record of one contradicts a record of the other (`contradiction`): a score links two
   * records, and must not carry records the pair never compared into a cluster they disagree with.
   */
  unionScored(a: number, b: number): boolean {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return true;
    const refusal = this.scoredRefusal(rootA, rootB);
    if (refusal === 'sameRegister') {
      this.sameSystemRefused++;
      return false;
    }
    if (refusal === 'contradicted') {
      this.contradictedRefused++;
      return false;
    }
    // The rest are union's to refuse (and count).
    return this.union(a, b);
  }

  /** Whether `unionScored` would merge the two clusters now, without merging or counting. */
  mayJoinOnScore(rootA: number, rootB: number): boolean {
    return rootA === rootB || this.scoredRefusal(rootA, rootB) === null;
  }

  /** Which rule refuses a merge of two clusters on a score alone, or null when none does. */
  private scoredRefusal(
    rootA: number,
    rootB: number,
  ): 'sameRegister' | 'contradicted' | 'restricted' | 'conflict' | 'keptApart' | null {
    if ((this.systemsOf[rootA]! & this.systemsOf[rootB]! & REGISTER_BITS) !== 0) return 'sameRegister';
    const sameSide = this.restricted[rootA] === this.restricted[rootB];
    if (sameSide && this.contradiction?.(rootA, rootB)) return 'contradicted';
    if (!sameSide) return 'restricted';
    if (this.conflict(rootA, rootB)) return 'conflict';
    return this.keptApart(rootA, rootB) ? 'keptApart' : null;
  }

  members(slot: number): number[] {
    const out = [slot];
    for (let x = this.next[slot]!; x !== slot; x = this.next[x]!) out.push(x);
    return out;
  }

  sizeOf(slot: number): number {
    return this.size[this.find(slot)]!;
  }

  /** The union-find as it is, for a checkpoint; the pairs kept apart are the link index's to give again. */
  save(w: CheckpointWriter): void {
    w.json({ refusedMerges: this.refusedMerges, sameSystemRefused: this.sameSystemRefused });
    for (const column of [this.parent, this.next, this.size, this.nhsOf, this.upnOf]) w.i32(column);
    for (const column of [this.adoptionOf, this.systemsOf, this.restricted]) w.u8(column);
  }

  load(r: CheckpointReader): void {
    const counts = r.json<{ refusedMerges: number; sameSystemRefused: number }>();
    this.refusedMerges = counts.refusedMerges;
    this.sameSystemRefused = counts.sameSystemRefused;
    this.parent = r.i32();
    const n = this.parent.length;
    this.next = r.i32Of(n);
    this.size = r.i32Of(n);
    this.nhsOf = r.i32Of(n);
    this.upnOf = r.i32Of(n);
    this.adoptionOf = r.u8Of(n);
    this.systemsOf = r.u8Of(n);
    this.restricted = r.u8Of(n);
    for (let slot = 0; slot < n; slot++) {
      const parent = this.parent[slot]!;
      const next = this.next[slot]!;
      if (parent < 0 || parent >= n || next < 0 || next >= n)
        throw new CheckpointError('the clusters do not add up');
    }
  }
}
