/**
 * The link index: which records, across LCS, EYES, LIFT and the front door, are the same child.
 *
 *   const index = buildLinkIndex(records);        // or LinkIndexBuilder for streamed pages
 *   index.resolve('lcs:123')                      // -> { hubId, records, restricted } | null
 *   index.cluster(hubId); index.possibleMatches(hubId); index.search({ name, dateOfBirth }, { first: 20 })
 *   index.upsert(record); index.remove('eyes', 'P0001')   // from change notifications
 *
 * Holds personal data in this process's memory only; nothing it holds is ever logged.
 */
import { BLOCKING_RULES, MAX_SLOTS } from './blocking.ts';
import { linkAll } from './build.ts';
import type { CheckpointReader, CheckpointSteps, CheckpointWriter } from './bytes.ts';
import { emptyView, loadView } from './comparison.ts';
import { isHubIdShape } from './hub-id.ts';
import { nhsPartners } from './deterministic.ts';
import { NONE, RecordStore, qualifiedKey, type RecordSlots } from './record-store.ts';
import { strongCandidates } from './candidates.ts';
import { relinkAround } from './relink.ts';
import { search } from './search.ts';
import { LinkState } from './state.ts';
import {
  type ClusterView,
  type IndexedIdentity,
  type LinkStats,
  type PairComparison,
  type PossibleMatch,
  type SearchOptions,
  type SearchPage,
  type SearchPageRequest,
  type SearchQuery,
  type SourceRecord,
  type SourceRef,
} from './types.ts';
import { SYSTEMS, type SystemName } from '../../platform/systems.ts';
import { DEFAULT_SETTINGS, IDENTIFIER_MATCH_WEIGHT, type LinkSettings } from './weights.ts';

export interface LinkIndex {
  /** A hub id or a system-qualified id (`lcs:123`, `eyes:P0001`, `lift:…`, `frontdoor:…`). */
  resolve(id: string): ClusterView | null;
  cluster(hubId: string): ClusterView | null;
  /** Hub id of the cluster holding a record, or null when the record is not indexed. */
  hubIdOf(system: SystemName, localId: string): string | null;
  /** A record's identity fields (names as its system spelled them), or undefined when not indexed. */
  record(system: SystemName, localId: string): IndexedIdentity | undefined;
  /** Clusters that may be the same child but scored below the join threshold; never merged. */
  possibleMatches(hubId: string): PossibleMatch[];
  /**
   * How two indexed records compare: their match weight (prior included, as the linker scores a
   * pair) and the fields that agree and disagree; null when either is not indexed. What stands
   * between two records a person expected to see joined. Restricted records are compared like any
   * other: whoever calls decides who may see the answer.
   */
  comparePair(a: SourceRef, b: SourceRef): PairComparison | null;
  search(query: SearchQuery, page?: SearchPageRequest, options?: SearchOptions): SearchPage;
  /** Adds or replaces a record and relinks the clusters around it; returns its cluster. */
  upsert(record: SourceRecord): ClusterView;
  /** Removes a record and relinks what it held together; false when it was not indexed. */
  remove(system: SystemName, localId: string): boolean;
  /**
   * Replaces the record pairs (`system:localId`) a person has said are different children: no
   * automatic link (identifier, cross-reference or score) ever puts the two in one cluster, and
   * neither is offered to the other as a possible match. Relinks around every pair added or dropped;
   * pairs naming a record not indexed yet apply once it arrives.
   */
  keepApart(pairs: Iterable<readonly [string, string]>): void;
  /** Every cluster once, in no particular order. */
  clusters(): IterableIterator<ClusterView>;
  /** The slot each record is held in, for a column kept beside the index. */
  readonly slots: RecordSlots;
  stats(): LinkStats;
}

const QUALIFIED = /^(lcs|eyes|lift|frontdoor):(.+)$/;

function validateRecord(record: SourceRecord): void {
  if (!(SYSTEMS as readonly string[]).includes(record.system)) {
    throw new TypeError('SourceRecord.system must be one of lcs, eyes, lift, frontdoor.');
  }
  if (typeof record.localId !== 'string' || record.localId.length === 0) {
    throw new TypeError('SourceRecord.localId must be a non-empty string.');
  }
}

const pairId = ([a, b]: readonly [string, string]): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

class LinkIndexImpl implements LinkIndex {
  /** Pairs kept apart, by pairId, and the records named in any of them. */
  private apart = new Map<string, readonly [string, string]>();
  private apartRecords = new Set<string>();

  constructor(private readonly state: LinkState) {}

  get slots(): RecordSlots {
    return this.state.store;
  }

  resolve(id: string): ClusterView | null {
    const qualified = QUALIFIED.exec(id);
    if (qualified) {
      const slot = this.state.store.slotOf(qualifiedKey(qualified[1] as SystemName, qualified[2]!));
      return slot === undefined ? null : this.state.view(slot);
    }
    return isHubIdShape(id) ? this.cluster(id) : null;
  }

  cluster(hubId: string): ClusterView | null {
    const slot = this.state.slotOfHubId(hubId);
    return slot === undefined || this.state.store.alive[slot] !== 1 ? null : this.state.view(slot);
  }

  hubIdOf(system: SystemName, localId: string): string | null {
    const slot = this.state.store.slotOf(qualifiedKey(system, localId));
    return slot === undefined ? null : this.state.hubIdOf(slot);
  }

  record(system: SystemName, localId: string): IndexedIdentity | undefined {
    const slot = this.state.store.slotOf(qualifiedKey(system, localId));
    return slot === undefined ? undefined : this.state.store.identity(slot);
  }

  possibleMatches(hubId: string): PossibleMatch[] {
    const { store, clusters, scorer, settings } = this.state;
    const slot = this.state.slotOfHubId(hubId);
    if (slot === undefined || store.alive[slot] !== 1 || clusters.restricted[slot] === 1) return [];
    const root = clusters.find(slot);
    const best = new Map<number, { weight: number; a: number; b: number }>();
    const viewA = emptyView();
    const viewB = emptyView();
    const offer = (member: number, other: number, weight: number) => {
      const otherRoot = clusters.find(other);
      // Different valid NHS numbers or UPNs, or a person's word: known to be different children.
      if (otherRoot === root || clusters.restricted[other] === 1) return;
      if (clusters.conflict(root, otherRoot) || clusters.keptApart(root, otherRoot)) return;
      const current = best.get(otherRoot);
      if (!current || weight > current.weight) best.set(otherRoot, { weight, a: member, b: other });
    };
    for (const member of clusters.members(slot)) {
      for (const [other, weight] of strongCandidates(this.state, member, settings.reviewThreshold))
        offer(member, other, weight);
      // A shared NHS number the records do not corroborate: for a person to judge, whatever the score.
      for (const other of nhsPartners(this.state, member).uncorroborated) {
        const fields = scorer.fieldWeights(loadView(store, member, viewA), loadView(store, other, viewB));
        offer(member, other, this.state.prior + fields + IDENTIFIER_MATCH_WEIGHT);
      }
    }
    return [...best.values()]
      .map(({ weight, a, b }) => ({ hubId: this.state.hubIdOf(b), ...this.explainPair(a, b, weight) }))
      .sort((x, y) => y.score - x.score || (x.hubId < y.hubId ? -1 : 1));
  }

  comparePair(a: SourceRef, b: SourceRef): PairComparison | null {
    const { store } = this.state;
    const slotA = store.slotOf(qualifiedKey(a.system, a.localId));
    const slotB = store.slotOf(qualifiedKey(b.system, b.localId));
    return slotA === undefined || slotB === undefined ? null : this.explainPair(slotA, slotB);
  }

  /**
   * Two records field by field (a shared NHS number among the agreeing fields), scored by `weight`
   * when the caller weighed the pair otherwise (an uncorroborated NHS number), else by their match weight.
   */
  private explainPair(a: number, b: number, weight?: number): PairComparison {
    const { store, scorer } = this.state;
    const fields = scorer.fieldWeights(loadView(store, a, emptyView()), loadView(store, b, emptyView()));
    const explained = scorer.explain();
    if (store.nhs[a] !== NONE && store.nhs[a] === store.nhs[b]) explained.agreed.unshift('nhsNumber:exact');
    return { score: Math.round((weight ?? this.state.prior + fields) * 1000) / 1000, ...explained };
  }

  search(query: SearchQuery, page?: SearchPageRequest, options?: SearchOptions): SearchPage {
    return search(this.state, query, page, options);
  }

  upsert(record: SourceRecord): ClusterView {
    validateRecord(record);
    const { store, clusters } = this.state;
    const existing = store.slotOf(qualifiedKey(record.system, record.localId));
    const former = existing === undefined ? [] : clusters.members(existing);
    const formerCandidates = existing === undefined ? [] : this.joinCandidates(existing);
    const slot = store.put(record);
    if (slot >= MAX_SLOTS) throw new RangeError('The link index is full.');
    clusters.ensureCapacity(store.slotCount);
    if (this.apartRecords.has(qualifiedKey(record.system, record.localId))) this.applyApart();
    if (existing === undefined) this.state.resetSlot(slot);
    this.state.addToBlocks(slot, loadView(store, slot, emptyView()));
    relinkAround(this.state, [slot], former, formerCandidates);
    this.compactBlocksIfNeeded();
    return this.state.view(slot);
  }

  remove(system: SystemName, localId: string): boolean {
    const { store, clusters } = this.state;
    const slot = store.slotOf(qualifiedKey(system, localId));
    if (slot === undefined) return false;
    const former = clusters.members(slot);
    const formerCandidates = this.joinCandidates(slot);
    store.delete(qualifiedKey(system, localId));
    this.state.forgetSlot(slot);
    // Its slot may be reused: the pairs naming it wait for the record to come back.
    if (this.apartRecords.has(qualifiedKey(system, localId))) this.applyApart();
    relinkAround(this.state, [], former, formerCandidates);
    return true;
  }

  keepApart(pairs: Iterable<readonly [string, string]>): void {
    const next = new Map<string, readonly [string, string]>();
    for (const [a, b] of pairs) if (a !== b) next.set(pairId([a, b]), [a, b]);
    const changed = [...next.keys(), ...this.apart.keys()].filter(
      (id) => next.has(id) !== this.apart.has(id),
    );
    const changedPairs = changed.map((id) => next.get(id) ?? this.apart.get(id)!);
    this.apart = next;
    this.apartRecords = new Set([...next.values()].flat());
    this.applyApart();
    const { store, clusters } = this.state;
    for (const pair of changedPairs) {
      const slots = pair.flatMap((key) => store.slotOf(key) ?? []);
      if (slots.length === 0) continue;
      relinkAround(
        this.state,
        slots,
        slots.flatMap((slot) => clusters.members(slot)),
      );
    }
  }

  /** The index as it is, pairs kept apart included (checkpoint.ts). */
  *save(w: CheckpointWriter): CheckpointSteps {
    yield* this.state.save(w);
    w.json([...this.apart.values()]);
  }

  /** Into an index over an empty state. */
  load(r: CheckpointReader): void {
    this.state.load(r);
    this.apart = new Map(r.json<[string, string][]>().map((pair) => [pairId(pair), pair]));
    this.apartRecords = new Set([...this.apart.values()].flat());
    this.applyApart();
  }

  /** Records `slot` scores at or above the join threshold with, as it is now. */
  private joinCandidates(slot: number): number[] {
    return [...strongCandidates(this.state, slot, this.state.settings.joinThreshold).keys()];
  }

  /** Hands the kept-apart pairs whose records are both indexed to the clusters, as slots. */
  private applyApart(): void {
    const { store, clusters } = this.state;
    const slotPairs: [number, number][] = [];
    for (const [a, b] of this.apart.values()) {
      const slotA = store.slotOf(a);
      const slotB = store.slotOf(b);
      if (slotA !== undefined && slotB !== undefined) slotPairs.push([slotA, slotB]);
    }
    clusters.keepApart(slotPairs);
  }

  *clusters(): IterableIterator<ClusterView> {
    const { store, clusters } = this.state;
    for (let slot = 0; slot < store.slotCount; slot++) {
      if (store.alive[slot] === 1 && clusters.find(slot) === slot) yield this.state.view(slot);
    }
  }

  stats(): LinkStats {
    const { store, clusters } = this.state;
    const records = { lcs: 0, eyes: 0, lift: 0, frontdoor: 0 };
    let clusterCount = 0;
    let restrictedRecords = 0;
    for (let slot = 0; slot < store.slotCount; slot++) {
      if (store.alive[slot] !== 1) continue;
      records[store.systemOf(slot)]++;
      if (clusters.find(slot) === slot) clusterCount++;
      if (clusters.restricted[slot] === 1) restrictedRecords++;
    }
    return {
      records,
      totalRecords: store.liveCount,
      clusters: clusterCount,
      restrictedRecords,
      comparisons: this.state.comparisons,
      oversizedBlocks: this.state.oversizedBlocks,
      refusedMerges: clusters.refusedMerges,
      sameSystemRefused: clusters.sameSystemRefused,
      contradictedRefused: clusters.contradictedRefused,
      duplicateInputs: this.state.duplicateInputs,
      buildMs: Math.round(this.state.buildMs),
    };
  }

  /** Folds the upserts' overlays back into sorted blocks once they have grown large. */
  private compactBlocksIfNeeded(): void {
    if (!this.state.blocks.some((block) => block.needsCompaction)) return;
    const { store } = this.state;
    const view = emptyView();
    const keys: number[] = [];
    BLOCKING_RULES.forEach((rule, index) => {
      const packed: number[] = [];
      for (let slot = 0; slot < store.slotCount; slot++) {
        if (store.alive[slot] !== 1) continue;
        keys.length = 0;
        rule.keys(loadView(store, slot, view), store.names, keys);
        for (const key of keys) packed.push(key * MAX_SLOTS + slot);
      }
      this.state.blocks[index]!.load(Float64Array.from(packed));
    });
  }
}

/**
 * Accepts records as they arrive (pages from several systems, in any order) and builds the
 * index once. The first occurrence of a (system, localId) is kept; later ones are counted.
 */
export class LinkIndexBuilder {
  private readonly store = new RecordStore();
  private duplicates = 0;
  private built = false;

  constructor(private readonly settings: LinkSettings = DEFAULT_SETTINGS) {}

  add(record: SourceRecord): void {
    if (this.built) throw new Error('LinkIndexBuilder.add after build()');
    validateRecord(record);
    if (this.store.slotOf(qualifiedKey(record.system, record.localId)) !== undefined) {
      this.duplicates++;
      return;
    }
    if (this.store.slotCount >= MAX_SLOTS) throw new RangeError('Too many records for one link index.');
    this.store.put(record);
  }

  build(): LinkIndex {
    this.built = true;
    const state = new LinkState(this.store, this.settings);
    state.duplicateInputs = this.duplicates;
    linkAll(state);
    return new LinkIndexImpl(state);
  }
}

/** Writes everything `index` holds (an index this module made) for `readLinkIndex` to lay out again. */
export function* writeLinkIndex(index: LinkIndex, w: CheckpointWriter): CheckpointSteps {
  if (!(index instanceof LinkIndexImpl)) throw new TypeError('not a link index of this module');
  yield* index.save(w);
}

/** The index `writeLinkIndex` wrote, as it was: nothing is normalised, blocked or scored again. */
export function readLinkIndex(r: CheckpointReader, settings: LinkSettings = DEFAULT_SETTINGS): LinkIndex {
  const index = new LinkIndexImpl(new LinkState(new RecordStore(), settings));
  index.load(r);
  return index;
}

/** The index over a state laid out elsewhere (restore.ts: links read back from the register). */
export function linkIndexOver(state: LinkState): LinkIndex {
  return new LinkIndexImpl(state);
}

export function buildLinkIndex(
  records: Iterable<SourceRecord>,
  settings: Partial<LinkSettings> = {},
): LinkIndex {
  const builder = new LinkIndexBuilder({ ...DEFAULT_SETTINGS, ...settings });
  for (const record of records) builder.add(record);
  return builder.build();
}
