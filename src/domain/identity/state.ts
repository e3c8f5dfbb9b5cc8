/**
 * The link index's internal state, shared by the full build, the local relink and search: the
 * record store, the clusters over it, the blocking indexes, the scorer and the hub id registry.
 */
import { BLOCKING_RULES, BlockIndex } from './blocking.ts';
import {
  CheckpointError,
  type CheckpointReader,
  type CheckpointSteps,
  type CheckpointWriter,
} from './bytes.ts';
import { Clusters } from './clusters.ts';
import { Scorer, emptyView, loadView, type RecordView } from './comparison.ts';
import { compareRecords, hubIdFor } from './hub-id.ts';
import { HubIdTable } from './hub-id-table.ts';
import { NONE, RecordStore, widened } from './record-store.ts';
import type { ClusterView, RecordsBySystem } from './types.ts';
import { priorWeight, type LinkSettings } from './weights.ts';

export class LinkState {
  readonly clusters = new Clusters();
  readonly blocks = BLOCKING_RULES.map(() => new BlockIndex());
  readonly scorer: Scorer;
  /**
   * The hub id registered for each anchor slot, as a handle into `hubIds` (NONE: none), and the slot
   * of each handle: a county's few hundred thousand ids as strings, in an array by slot and a Map
   * back, were 31 MB of heap; as bits in typed arrays they are a third of that.
   */
  private readonly hubIds = new HubIdTable();
  private handleOfSlot = new Int32Array(0);
  private slotOfHandle = new Int32Array(0);
  comparisons = 0;
  oversizedBlocks = 0;
  duplicateInputs = 0;
  buildMs = 0;

  constructor(
    readonly store: RecordStore,
    readonly settings: LinkSettings,
  ) {
    this.scorer = new Scorer(store, settings);
    const viewA = emptyView();
    const viewB = emptyView();
    this.clusters.contradiction = (rootA, rootB) => {
      const membersB = this.clusters.members(rootB);
      for (const x of this.clusters.members(rootA)) {
        loadView(store, x, viewA);
        for (const y of membersB) if (this.scorer.contradicts(viewA, loadView(store, y, viewB))) return true;
      }
      return false;
    };
  }

  /** log2(λ/(1−λ)): λ from the settings, else one over the number of records. */
  get prior(): number {
    const lambda = this.settings.priorMatchProbability ?? 1 / Math.max(2, this.store.liveCount);
    return priorWeight(lambda);
  }

  compareSlots(a: number, b: number): number {
    const store = this.store;
    return compareRecords(store.systemOf(a), store.localIds[a]!, store.systemOf(b), store.localIds[b]!);
  }

  /** Makes `slot` a cluster of its own, carrying the record's identifiers, adoption side and system. */
  resetSlot(slot: number): void {
    const store = this.store;
    this.clusters.reset(
      slot,
      store.nhs[slot]!,
      store.upn[slot]!,
      store.adoptionSide[slot]!,
      store.system[slot]!,
    );
  }

  /** The cluster's anchor: its first member in canonical order. */
  anchorOf(slot: number): number {
    let anchor = slot;
    for (const member of this.clusters.members(slot))
      if (this.compareSlots(member, anchor) < 0) anchor = member;
    return anchor;
  }

  /** Registers the hub id of an anchor slot (earlier registrations keep resolving, see hub-id.ts). */
  registerAnchor(anchor: number): string {
    const handle = anchor < this.handleOfSlot.length ? this.handleOfSlot[anchor]! : NONE;
    if (handle !== NONE) return this.hubIds.idOf(handle);
    const hubId = hubIdFor(this.store.systemOf(anchor), this.store.localIds[anchor]!);
    this.setHubId(anchor, this.hubIds.add(hubId));
    return hubId;
  }

  /** Registers a slot's hub id, by its handle. */
  private setHubId(slot: number, handle: number): void {
    this.handleOfSlot = widened(this.handleOfSlot, slot + 1);
    this.slotOfHandle = widened(this.slotOfHandle, handle + 1);
    this.handleOfSlot[slot] = handle;
    this.slotOfHandle[handle] = slot;
  }

  /** Drops the hub id derived from a slot whose record is gone (its slot may be reused). */
  forgetSlot(slot: number): void {
    const handle = slot < this.handleOfSlot.length ? this.handleOfSlot[slot]! : NONE;
    if (handle === NONE) return;
    this.handleOfSlot[slot] = NONE;
    if (this.slotOfHandle[handle] === slot) this.hubIds.delete(handle);
  }

  slotOfHubId(hubId: string): number | undefined {
    const handle = this.hubIds.handleOf(hubId);
    return handle === undefined ? undefined : this.slotOfHandle[handle];
  }

  hubIdOf(slot: number): string {
    return this.registerAnchor(this.anchorOf(slot));
  }

  view(slot: number): ClusterView {
    const records: RecordsBySystem = { lcs: [], eyes: [], lift: [], frontdoor: [] };
    const members = this.clusters.members(slot).sort((a, b) => this.compareSlots(a, b));
    for (const member of members) records[this.store.systemOf(member)].push(this.store.localIds[member]!);
    const restricted = this.clusters.restricted[slot] === 1;
    return {
      hubId: this.registerAnchor(members[0]!),
      records,
      restricted,
      restrictedBy: restricted
        ? members
            .filter((member) => this.store.declaredRestricted[member] === 1)
            .map((member) => ({ system: this.store.systemOf(member), localId: this.store.localIds[member]! }))
        : [],
    };
  }

  /** The whole state, for a checkpoint (the scorer is made again from the settings). */
  *save(w: CheckpointWriter): CheckpointSteps {
    yield* this.store.save(w);
    this.clusters.save(w);
    yield;
    w.json(this.blocks.length);
    for (const block of this.blocks) {
      block.save(w);
      yield;
    }
    // Each anchor's hub id as its three words (12 bytes, no text to parse back); one of another
    // shape, which none issued is, by its text.
    const slots: number[] = [];
    this.handleOfSlot.forEach((handle, slot) => {
      if (handle !== NONE) slots.push(slot);
    });
    const words = new Uint32Array(slots.length * 3);
    const odd: [number, string][] = [];
    slots.forEach((slot, i) => {
      const handle = this.handleOfSlot[slot]!;
      if (!this.hubIds.wordsOf(handle, words, i * 3)) odd.push([i, this.hubIds.idOf(handle)]);
    });
    w.i32(Int32Array.from(slots));
    w.i32(new Int32Array(words.buffer));
    w.json(odd);
    w.json({
      comparisons: this.comparisons,
      oversizedBlocks: this.oversizedBlocks,
      duplicateInputs: this.duplicateInputs,
      buildMs: this.buildMs,
    });
  }

  /** Into a state over an empty store: what `save` wrote. */
  load(r: CheckpointReader): void {
    this.store.load(r);
    this.clusters.load(r);
    if (r.json<number>() !== this.blocks.length)
      throw new CheckpointError('the checkpoint was blocked by other rules');
    for (const block of this.blocks) block.loadSaved(r);
    const slots = r.i32();
    const words = new Uint32Array(r.i32Of(slots.length * 3).buffer);
    const oddList = r.json<unknown>();
    if (!Array.isArray(oddList) || !oddList.every((e) => Array.isArray(e) && typeof e[1] === 'string'))
      throw new CheckpointError('the checkpoint holds hub ids that do not parse');
    const odd = new Map(oddList as [number, string][]);
    this.hubIds.reserve(slots.length);
    slots.forEach((slot, i) => {
      if (!(slot >= 0 && slot < this.store.slotCount))
        throw new CheckpointError('a hub id of a slot the checkpoint does not hold');
      const text = odd.get(i);
      if (text !== undefined) this.setHubId(slot, this.hubIds.add(text));
      else {
        try {
          this.setHubId(slot, this.hubIds.addWords(words[i * 3]!, words[i * 3 + 1]!, words[i * 3 + 2]!));
        } catch {
          throw new CheckpointError('the checkpoint holds a hub id that is not one');
        }
      }
    });
    const counts =
      r.json<Pick<LinkState, 'comparisons' | 'oversizedBlocks' | 'duplicateInputs' | 'buildMs'>>();
    this.comparisons = counts.comparisons;
    this.oversizedBlocks = counts.oversizedBlocks;
    this.duplicateInputs = counts.duplicateInputs;
    this.buildMs = counts.buildMs;
  }

  /** Files a stored record (loaded into `view`) under its keys in every rule's overlay. */
  addToBlocks(slot: number, view: RecordView, keysScratch: number[] = []): void {
    BLOCKING_RULES.forEach((rule, index) => {
      keysScratch.length = 0;
      rule.keys(view, this.store.names, keysScratch);
      for (const key of keysScratch) this.blocks[index]!.add(key, slot);
    });
  }
}
