/**
 * Union-find over record slots in typed arrays, with the linking constraints enforced at every
 * merge: a cluster remembers the valid NHS number and permanent UPN it carries, and two clusters
 * carrying different ones are never merged (they are different children, however alike they look).
 * Members of a cluster form a circular linked list (`next`), so merging is O(1) and listing a
 * cluster's records costs only its size.
 */
import { NONE } from './record-store.ts';

export class Clusters {
  private parent = new Int32Array(0);
  private next = new Int32Array(0);
  private size = new Int32Array(0);
  private nhsOf = new Int32Array(0);
  private upnOf = new Int32Array(0);
  /** Restriction in force (declared, or inherited through a deterministic link to a restricted record). */
  restricted = new Uint8Array(0);
  refusedMerges = 0;

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
    this.restricted = widen(this.restricted, new Uint8Array(capacity));
  }

  /** Makes `slot` a cluster of its own. Only ever applied to every member of a cluster at once. */
  reset(slot: number, nhs: number, upn: number): void {
    this.parent[slot] = slot;
    this.next[slot] = slot;
    this.size[slot] = 1;
    this.nhsOf[slot] = nhs;
    this.upnOf[slot] = upn;
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

  /** Whether the two clusters carry a different valid NHS number or permanent UPN. */
  conflict(rootA: number, rootB: number): boolean {
    const nhsA = this.nhsOf[rootA]!;
    const nhsB = this.nhsOf[rootB]!;
    if (nhsA !== NONE && nhsB !== NONE && nhsA !== nhsB) return true;
    const upnA = this.upnOf[rootA]!;
    const upnB = this.upnOf[rootB]!;
    return upnA !== NONE && upnB !== NONE && upnA !== upnB;
  }

  /** Merges the clusters of a and b unless a constraint forbids it; true when they end up together. */
  union(a: number, b: number): boolean {
    let rootA = this.find(a);
    let rootB = this.find(b);
    if (rootA === rootB) return true;
    if (this.restricted[a] || this.restricted[b]) return false;
    if (this.conflict(rootA, rootB)) {
      this.refusedMerges++;
      return false;
    }
    if (this.size[rootA]! < this.size[rootB]!) [rootA, rootB] = [rootB, rootA];
    this.parent[rootB] = rootA;
    this.size[rootA] = this.size[rootA]! + this.size[rootB]!;
    if (this.nhsOf[rootA] === NONE) this.nhsOf[rootA] = this.nhsOf[rootB]!;
    if (this.upnOf[rootA] === NONE) this.upnOf[rootA] = this.upnOf[rootB]!;
    const nextA = this.next[rootA]!;
    this.next[rootA] = this.next[rootB]!;
    this.next[rootB] = nextA;
    return true;
  }

  members(slot: number): number[] {
    const out = [slot];
    for (let x = this.next[slot]!; x !== slot; x = this.next[x]!) out.push(x);
    return out;
  }

  sizeOf(slot: number): number {
    return this.size[this.find(slot)]!;
  }
}
