/**
 * The child directory over the register: the linker still decides which records are one child,
 * the register decides what each child is called. Every instance mirrors the register's id map in
 * memory (answers need no query) and re-reads it when another instance has changed it.
 *
 * Views are built from the register's memberships, so instances that have read the same register
 * version show the same children under the same ids. A hub id that was merged answers the child it
 * redirects to (`lookup` says so, for the audit); a retired id answers nothing.
 */
import type { Logger } from 'pino';
import type { Viewer } from '../access/types.ts';
import type { ChildDirectory, LinkedDirectory } from '../identity/directory.ts';
import { isHubIdShape } from '../identity/hub-id.ts';
import type { ClusterView, PossibleMatch, RecordsBySystem, SourceRef } from '../identity/types.ts';
import type { SystemName } from '../systems.ts';
import { keysOf, proposeAll, proposedClusterOf } from './clustering.ts';
import { activeDecisions, pairKey, type ActiveDecisions } from './decisions.ts';
import { compareKeys, recordKey, refOf, type RecordKey } from './keys.ts';
import type { Decision, DecisionKind, IdHistory, RegisterSnapshot, RegisterStore } from './store.ts';

const QUALIFIED = /^(lcs|eyes|lift|frontdoor):(.+)$/;
const MAX_REDIRECTS = 64;

export interface Lookup {
  cluster: ClusterView;
  /** The id asked for, when it was merged into `cluster`'s id. */
  redirectedFrom: string | null;
}

export interface ReviewItem {
  hubId: string;
  otherHubId: string;
  score: number;
  agreed: string[];
  disagreed: string[];
}

export interface ChildRegister extends ChildDirectory {
  lookup(id: string): Lookup | null;
  /** An id's history as `viewer` may see it (ids of children hidden from them left out); null: unknown or hidden. */
  history(hubId: string, viewer: Viewer): Promise<IdHistory | null>;
  /** Possible matches across the register, strongest first, each pair once. */
  reviewQueue(viewer: Viewer): ReviewItem[];
  /** Records a steward's decision and relinks around it; returns the decision and the ids after. */
  decide(input: {
    kind: DecisionKind;
    record: RecordKey;
    other: RecordKey;
    reason: string;
    decidedBy: string;
  }): Promise<{ decision: Decision; hubIds: string[] }>;
  reverse(id: string, by: string, reason: string): Promise<{ decision: Decision; hubIds: string[] } | null>;
  decision(id: string): Promise<Decision | null>;
  decisions(filter: { active?: boolean; hubIds?: string[]; limit: number }): Promise<Decision[]>;
  /** Re-reads the register when another instance changed it (the poll calls this). */
  refresh(): Promise<void>;
  readonly version: number;
  close(): Promise<void>;
}

export async function openChildRegister(
  linked: LinkedDirectory,
  store: RegisterStore,
  options: { pollMs: number; logger?: Logger },
): Promise<ChildRegister> {
  const register = new Register(linked, store);
  await register.start();
  register.poll(options.pollMs, options.logger);
  return register;
}

class Register implements ChildRegister {
  private memberships = new Map<RecordKey, string>();
  private members = new Map<string, RecordKey[]>();
  private inactive: RegisterSnapshot['inactive'] = new Map();
  private restrictedIds = new Set<string>();
  private decided: ActiveDecisions = activeDecisions([]);
  private queue: ReviewItem[] | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Register writes from this instance, one at a time (each plans from the one before). */
  private writing: Promise<unknown> = Promise.resolve();
  version = 0;

  constructor(
    private readonly linked: LinkedDirectory,
    private readonly store: RegisterStore,
  ) {}

  async start(): Promise<void> {
    await this.loadDecisions();
    await this.store.reconcile(
      'all',
      (record) => this.proposed(record),
      () => proposeAll(this.linked.clusters(), (record) => this.linked.resolve(record), this.decided),
    );
    await this.reload();
  }

  poll(everyMs: number, logger?: Logger): void {
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        logger?.warn({ err: error }, 'the child register could not be re-read; ids answer as last read'),
      );
    }, everyMs);
    this.timer.unref();
  }

  async refresh(): Promise<void> {
    if ((await this.store.version()) === this.version) return;
    await this.serialised(async () => {
      await this.loadDecisions();
      await this.reload();
    });
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writing.then(work, work);
    this.writing = run.catch(() => undefined);
    return run;
  }

  private async loadDecisions(): Promise<void> {
    this.decided = activeDecisions(await this.store.decisions({ active: true, limit: 1_000_000 }));
    // Rejections bind the linker too: a rejected pair is never joined again by identifier or score.
    this.linked.keepApart(this.decided.rejectedPairs);
  }

  private async reload(): Promise<void> {
    const snapshot = await this.store.snapshot();
    this.memberships = snapshot.memberships;
    this.members = new Map();
    for (const [record, id] of snapshot.memberships) {
      const list = this.members.get(id);
      if (list) list.push(record);
      else this.members.set(id, [record]);
    }
    this.inactive = snapshot.inactive;
    this.restrictedIds = snapshot.restricted;
    this.version = snapshot.version;
    this.queue = null;
  }

  private proposed(record: RecordKey) {
    return proposedClusterOf((key) => this.linked.resolve(key), this.decided, record);
  }

  /** Relinks the register around `seeds` (and every record sharing an id with them), then re-reads it. */
  private relink(seeds: RecordKey[]): Promise<void> {
    return this.serialised(async () => {
      await this.store.reconcile(seeds, (record) => this.proposed(record));
      await this.reload();
    });
  }

  private viewOf(hubId: string): ClusterView | null {
    const keys = this.members.get(hubId);
    if (keys === undefined || keys.length === 0) return null;
    const records: RecordsBySystem = { lcs: [], eyes: [], lift: [], frontdoor: [] };
    for (const key of [...keys].sort(compareKeys)) {
      const ref = refOf(key);
      records[ref.system].push(ref.localId);
    }
    const restricted = this.restrictedIds.has(hubId);
    // The restrictions of every linked child a record came from still apply (a record split out
    // of a restricted child stays hidden as that child is).
    const restrictedBy = new Map<string, SourceRef>();
    if (restricted)
      for (const key of keys)
        for (const ref of this.linked.resolve(key)?.restrictedBy ?? [])
          restrictedBy.set(recordKey(ref.system, ref.localId), ref);
    return { hubId, records, restricted, restrictedBy: [...restrictedBy.values()] };
  }

  /** The register's child holding a record the linker answered with. */
  private registered(view: ClusterView): ClusterView[] {
    const ids = [...new Set(keysOf(view).map((key) => this.memberships.get(key)))];
    return ids.flatMap((id) => {
      const registered = id === undefined ? null : this.viewOf(id);
      return registered ? [registered] : [];
    });
  }

  lookup(id: string): Lookup | null {
    const qualified = QUALIFIED.exec(id);
    if (qualified) {
      const hubId = this.memberships.get(id);
      return hubId === undefined ? null : this.found(hubId, null);
    }
    if (!isHubIdShape(id)) return null;
    let current = id;
    for (let hops = 0; hops < MAX_REDIRECTS; hops++) {
      const gone = this.inactive.get(current);
      if (gone === undefined) return this.found(current, current === id ? null : id);
      if (gone.redirectTo === null) return null;
      current = gone.redirectTo;
    }
    return null;
  }

  private found(hubId: string, redirectedFrom: string | null): Lookup | null {
    const cluster = this.viewOf(hubId);
    return cluster === null ? null : { cluster, redirectedFrom };
  }

  resolve(id: string): ClusterView | null {
    return this.lookup(id)?.cluster ?? null;
  }

  mayReveal(cluster: ClusterView, viewer: Viewer): boolean {
    return this.linked.mayReveal(cluster, viewer);
  }

  restrictionOf(cluster: ClusterView) {
    return this.linked.restrictionOf(cluster);
  }

  search(...args: Parameters<ChildDirectory['search']>) {
    const page = this.linked.search(...args);
    const seen = new Set<string>();
    const items = page.items.flatMap((hit) =>
      this.registered(hit.cluster)
        .filter((cluster) => !cluster.restricted && !seen.has(cluster.hubId))
        .map((cluster) => {
          seen.add(cluster.hubId);
          return { ...hit, cluster };
        }),
    );
    return { ...page, items };
  }

  possibleMatches(cluster: ClusterView, viewer: Viewer): PossibleMatch[] {
    const own = this.members.get(cluster.hubId) ?? [];
    const linkedViews = new Map<string, ClusterView>();
    for (const key of own) {
      const view = this.linked.resolve(key);
      if (view) linkedViews.set(view.hubId, view);
    }
    const best = new Map<string, PossibleMatch>();
    for (const view of linkedViews.values()) {
      for (const match of this.linked.possibleMatches(view, viewer)) {
        const other = this.linked.resolve(match.hubId);
        if (other === null) continue;
        for (const registered of this.registered(other)) {
          if (registered.hubId === cluster.hubId || this.rejected(own, registered)) continue;
          if (!this.mayReveal(registered, viewer)) continue;
          const current = best.get(registered.hubId);
          if (!current || match.score > current.score)
            best.set(registered.hubId, { ...match, hubId: registered.hubId });
        }
      }
    }
    return [...best.values()].sort((x, y) => y.score - x.score || (x.hubId < y.hubId ? -1 : 1));
  }

  private rejected(own: readonly RecordKey[], other: ClusterView): boolean {
    if (this.decided.rejected.size === 0) return false;
    const theirs = keysOf(other);
    return own.some((a) => theirs.some((b) => this.decided.rejected.has(pairKey(a, b))));
  }

  displayName(cluster: ClusterView) {
    return this.linked.displayName(cluster);
  }

  dateOfBirth(cluster: ClusterView) {
    return this.linked.dateOfBirth(cluster);
  }

  /** The register's id for a record's child (its membership), never the linker's anchor id. */
  hubIdOf(system: SystemName, localId: string): string | null {
    return this.memberships.get(recordKey(system, localId)) ?? null;
  }

  /** Moves when the links move or when the register's ids do (a reload from another instance). */
  generation(): number {
    return this.linked.generation() + this.version;
  }

  async apply(...args: Parameters<ChildDirectory['apply']>): Promise<void> {
    const [system, localId] = args;
    const key = recordKey(system, localId);
    const former = this.members.get(this.memberships.get(key) ?? '') ?? [];
    await this.linked.apply(...args);
    await this.relink([key, ...former]);
  }

  *clusters(): Iterable<ClusterView> {
    for (const id of this.members.keys()) {
      const view = this.viewOf(id);
      if (view) yield view;
    }
  }

  stats() {
    return { ...this.linked.stats(), clusters: this.members.size };
  }

  async history(hubId: string, viewer: Viewer): Promise<IdHistory | null> {
    const history = await this.store.history(hubId);
    if (history === null) return null;
    // Only what the viewer could open: an id of a child hidden from them is as if unknown.
    const visible = (id: string) => {
      const found = this.lookup(id);
      return found !== null && this.mayReveal(found.cluster, viewer);
    };
    if (history.restricted && !(history.status === 'ACTIVE' && visible(hubId))) return null;
    return {
      ...history,
      redirectTo: history.redirectTo !== null && visible(history.redirectTo) ? history.redirectTo : null,
      splits: history.splits.filter((split) => visible(split.to)),
    };
  }

  reviewQueue(viewer: Viewer): ReviewItem[] {
    this.queue ??= this.buildQueue();
    return this.queue.filter((item) => {
      const a = this.viewOf(item.hubId);
      const b = this.viewOf(item.otherHubId);
      return a !== null && b !== null && this.mayReveal(a, viewer) && this.mayReveal(b, viewer);
    });
  }

  private buildQueue(): ReviewItem[] {
    // Built once per register version, for no one in particular; each steward sees what they may.
    const everyone: Viewer = { userId: '', roles: [], teamId: null, workerId: null };
    const items = new Map<string, ReviewItem>();
    for (const cluster of this.clusters()) {
      if (cluster.restricted) continue;
      for (const match of this.possibleMatches(cluster, everyone)) {
        const [a, b] =
          cluster.hubId < match.hubId ? [cluster.hubId, match.hubId] : [match.hubId, cluster.hubId];
        if (items.has(`${a}|${b}`)) continue;
        items.set(`${a}|${b}`, {
          hubId: a,
          otherHubId: b,
          score: match.score,
          agreed: match.agreed,
          disagreed: match.disagreed,
        });
      }
    }
    return [...items.values()].sort(
      (x, y) =>
        y.score - x.score ||
        (x.hubId < y.hubId ? -1 : x.hubId > y.hubId ? 1 : x.otherHubId < y.otherHubId ? -1 : 1),
    );
  }

  async decide(input: Parameters<ChildRegister['decide']>[0]) {
    const hubId = this.memberships.get(input.record)!;
    const otherHubId = this.memberships.get(input.other) ?? null;
    const decision = await this.store.decide({ ...input, hubId, otherHubId });
    return { decision, hubIds: await this.settle(decision) };
  }

  async reverse(id: string, by: string, reason: string) {
    const decision = await this.store.reverse(id, by, reason);
    return decision === null ? null : { decision, hubIds: await this.settle(decision) };
  }

  /** Relinks around a decision's two records on this instance (others follow at their next poll). */
  private async settle(decision: Decision): Promise<string[]> {
    const seeds = [decision.record, decision.other];
    const around = seeds.flatMap((key) => this.members.get(this.memberships.get(key) ?? '') ?? []);
    await this.serialised(() => this.loadDecisions());
    await this.relink([...seeds, ...around]);
    return [...new Set(seeds.map((key) => this.memberships.get(key)).filter((id) => id !== undefined))];
  }

  decision(id: string) {
    return this.store.decision(id);
  }

  decisions(filter: { active?: boolean; hubIds?: string[]; limit: number }) {
    return this.store.decisions(filter);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.writing;
    await this.store.close();
  }
}
