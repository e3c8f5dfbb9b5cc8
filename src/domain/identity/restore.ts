/**
 * The link index laid out again from links decided before (the register stores every record with
 * the linker's cluster it was in): the records are stored and blocked as a full build would, but no
 * pair is scored, so a county's index is back in seconds. Later changes relink locally as usual.
 */
import { BLOCKING_RULES, BlockIndex } from './blocking.ts';
import { emptyView, loadView } from './comparison.ts';
import { linkIndexOver, type LinkIndex } from './linker.ts';
import { RecordStore, qualifiedKey } from './record-store.ts';
import { LinkState } from './state.ts';
import type { SourceRecord } from './types.ts';
import { DEFAULT_SETTINGS, type LinkSettings } from './weights.ts';

export interface LinkedRecord {
  record: SourceRecord;
  /** Any name shared by exactly the records of one cluster (the register keeps the linker's hub id). */
  cluster: string;
  /** The cluster is withheld (restriction.ts drew its line around it). */
  restricted: boolean;
}

export class LinkIndexRestorer {
  private readonly store = new RecordStore();
  private readonly firstOf = new Map<string, number>();
  private readonly clusterOf: number[] = [];
  private readonly restricted: boolean[] = [];

  constructor(private readonly settings: LinkSettings = DEFAULT_SETTINGS) {}

  add({ record, cluster, restricted }: LinkedRecord): void {
    if (this.store.slotOf(qualifiedKey(record.system, record.localId)) !== undefined) return;
    const slot = this.store.put(record);
    const first = this.firstOf.get(cluster);
    if (first === undefined) this.firstOf.set(cluster, slot);
    this.clusterOf[slot] = first ?? slot;
    this.restricted[slot] = restricted;
  }

  build(): LinkIndex {
    const started = performance.now();
    const state = new LinkState(this.store, this.settings);
    const { store, clusters } = state;
    clusters.ensureCapacity(store.slotCount);
    for (let slot = 0; slot < store.slotCount; slot++) {
      state.resetSlot(slot);
      clusters.restricted[slot] = this.restricted[slot] ? 1 : 0;
    }
    for (let slot = 0; slot < store.slotCount; slot++) clusters.union(this.clusterOf[slot]!, slot);
    this.firstOf.clear();

    const view = emptyView();
    const keys: number[] = [];
    BLOCKING_RULES.forEach((rule, index) => {
      let packed = new Float64Array(store.liveCount + 1024);
      let count = 0;
      for (let slot = 0; slot < store.slotCount; slot++) {
        keys.length = 0;
        rule.keys(loadView(store, slot, view), store.names, keys);
        for (const key of keys) {
          if (count === packed.length) {
            const grown = new Float64Array(packed.length * 2);
            grown.set(packed);
            packed = grown;
          }
          packed[count++] = BlockIndex.pack(key, slot);
        }
      }
      state.blocks[index]!.load(packed.slice(0, count));
    });
    for (let slot = 0; slot < store.slotCount; slot++)
      if (clusters.find(slot) === slot) state.registerAnchor(state.anchorOf(slot));
    state.buildMs = performance.now() - started;
    return linkIndexOver(state);
  }
}
