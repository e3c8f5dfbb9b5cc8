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
import type { Viewer } from '../../domain/access/types.ts';
import {
  createChildDirectory,
  type ChildDirectory,
  type LinkedDirectory,
  type PersonFeed,
  type Restriction,
} from '../../domain/identity/directory.ts';
import { LinkIndexRestorer } from '../../domain/identity/restore.ts';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_PAGE_BYTES,
  CheckpointError,
  checkpointSteps,
  readCheckpoint,
} from '../../domain/identity/checkpoint.ts';
import { isHubIdShape } from '../../domain/identity/hub-id.ts';
import type { ClusterView, PossibleMatch, RecordsBySystem, SourceRef } from '../../domain/identity/types.ts';
import { SYSTEMS, type SystemName } from '../systems.ts';
import { keysOf, proposeAll, proposedClusterOf } from './clustering.ts';
import { scanPeriodically, type ChangedPeopleFeed } from './scan.ts';
import { pruneChangesPeriodically } from './prune.ts';
import { activeDecisions, pairKey, type ActiveDecisions } from './decisions.ts';
import { RegisterIdMap } from './idMap.ts';
import { compareKeys, recordKey, refOf, type RecordKey } from './keys.ts';
import {
  CheckpointUnreadable,
  type Decision,
  type DecisionKind,
  type IdHistory,
  type LinkedWrite,
  type LockedRegister,
  type RegisterChanges,
  type RegisterSnapshot,
  type RegisterStore,
} from './store.ts';

/** A record key, `system:localId`: the systems from the one list of them. */
const QUALIFIED = new RegExp(`^(${SYSTEMS.join('|')}):(.+)$`);
const MAX_REDIRECTS = 64;
/** PGlite keeps what a statement is handed in its WebAssembly memory, which never shrinks: smaller parts. */
const PGLITE_PAGE_BYTES = 4 * 1024 * 1024;

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
  /**
   * Writes a checkpoint of the links as they are now (after one being written finishes), unless a
   * stored one is as new or another instance is writing one; the version the newest stored one
   * holds after (null: none).
   */
  checkpoint(): Promise<number | null>;
  readonly version: number;
  close(): Promise<void>;
}

/** Reads every system's people through the feeds it is given (the register wraps them to store each page). */
export type LoadFromSystems = (wrap: (feeds: PersonFeed[]) => PersonFeed[]) => Promise<LinkedDirectory>;

/**
 * The hub's start: from the records the register stores (no system is read, no pair scored) when a
 * full load has stored them; otherwise one instance reads every system, links, and stores it all
 * while any other starting instance waits for it, then starts from what it stored.
 */
export async function startChildRegister(
  store: RegisterStore,
  options: {
    loadFromSystems: LoadFromSystems;
    pollMs: number;
    logger?: Logger;
    /** The reconciliation scan (none when absent). */
    scan?: { feeds: readonly ChangedPeopleFeed[]; everyMs: number; sweepEveryMs?: number };
    /** How often changed-id rows older than `keepMs` are pruned (defaults in prune.ts). */
    prune?: { everyMs?: number; keepMs?: number };
    /**
     * Periodic link checkpoints: considered every `everyMs`, written once `afterChanges` register
     * versions have passed since the newest (absent: only after a full load or a full restore).
     */
    checkpoint?: { everyMs: number; afterChanges: number };
  },
): Promise<ChildRegister> {
  const register = await startFromStore(store, options);
  register.onClose(pruneChangesPeriodically(store, { ...options.prune, logger: options.logger }));
  if (options.checkpoint) register.checkpointPeriodically(options.checkpoint, options.logger);
  if (options.scan)
    register.onClose(
      scanPeriodically(register, store, options.scan.feeds, {
        everyMs: options.scan.everyMs,
        ...(options.scan.sweepEveryMs === undefined ? {} : { sweepEveryMs: options.scan.sweepEveryMs }),
        logger: options.logger,
      }),
    );
  return register;
}

async function startFromStore(
  store: RegisterStore,
  options: { loadFromSystems: LoadFromSystems; pollMs: number; logger?: Logger },
): Promise<Register> {
  if (!(await store.recordsComplete())) {
    const loaded = await store.firstLoad(async () => {
      if (await store.recordsComplete()) return null;
      await store.clearLinkedRecords();
      const marks = new Map<SystemName, string>();
      const linked = await options.loadFromSystems((feeds) =>
        feeds.map((feed) => storing(feed, store, marks)),
      );
      const register = new Register(linked, store);
      await register.start({
        records: [],
        clusters: () => linkedClusters(linked.clusters()),
        complete: true,
        marks,
      });
      return register;
    });
    if (loaded !== null) {
      await loaded.follow(options.pollMs, options.logger);
      // So that no restart has to read every stored record again.
      loaded.checkpointInBackground(options.logger);
      return loaded;
    }
  }
  const started = performance.now();
  const checkpoint = await checkpointedDirectory(store, options.logger);
  if ('linked' in checkpoint) {
    const laidOutMs = Math.round(performance.now() - started);
    const register = new Register(checkpoint.linked, store, checkpoint.version);
    const applied = await register.resume(checkpoint.version);
    options.logger?.info(
      {
        records: checkpoint.linked.stats().totalRecords,
        checkpointVersion: checkpoint.version,
        applied,
        laidOutMs,
        resumedMs: Math.round(performance.now() - started) - laidOutMs,
      },
      'child register: links laid out from a checkpoint, with the records changed since',
    );
    await register.follow(options.pollMs, options.logger);
    return register;
  }
  const from = await store.version();
  const { linked, records } = await restoreDirectory(store);
  const register = new Register(linked, store);
  await register.resume(from);
  options.logger?.info({ records }, 'child register: links restored from the register');
  await register.follow(options.pollMs, options.logger);
  register.checkpointInBackground(options.logger, { replacing: checkpoint.unusable });
  return register;
}

/**
 * The directory in the newest stored checkpoint, with the register version it holds every record
 * change up to; else (a warning says why, naming no child) the id of the one this instance cannot
 * lay out: made under other linking rules or in another format, cut short or damaged (null: none).
 */
async function checkpointedDirectory(
  store: RegisterStore,
  logger?: Logger,
): Promise<{ linked: LinkedDirectory; version: number } | { unusable: string | null }> {
  for (let attempt = 1; ; attempt++) {
    const newest = await store.newestCheckpoint();
    if (newest === null) return { unusable: null };
    const about = { checkpointVersion: newest.version, format: newest.format };
    if (newest.rules !== store.linkingRules || newest.format !== CHECKPOINT_FORMAT) {
      logger?.warn(
        about,
        'the link checkpoint was made under other linking rules or in another format: restoring from every stored record',
      );
      return { unusable: newest.id };
    }
    try {
      const bytes = await store.readCheckpoint(newest);
      return { linked: readCheckpoint(bytes, { rules: store.linkingRules }), version: newest.version };
    } catch (error) {
      // Replaced by a newer one while it was read: read that one.
      if (attempt === 1 && error instanceof CheckpointUnreadable) {
        const now = await store.newestCheckpoint();
        if (now !== null && now.id !== newest.id) continue;
      }
      const known = error instanceof CheckpointError || error instanceof CheckpointUnreadable;
      logger?.warn(
        { ...about, reason: known ? error.message : (error as Error).name },
        'the link checkpoint cannot be laid out: restoring from every stored record',
      );
      return { unusable: newest.id };
    }
  }
}

/**
 * A feed whose pages are stored in the register as they are read (the load keeps none of them),
 * noting the newest `updatedAt` read: the reconciliation scan starts from there.
 */
function storing(feed: PersonFeed, store: RegisterStore, marks: Map<SystemName, string>): PersonFeed {
  return {
    system: feed.system,
    async *pages() {
      // One page is written while the next is read and linked; never more than one behind.
      let writing: Promise<void> = Promise.resolve();
      for await (const page of feed.pages()) {
        for (const { updatedAt } of page) {
          const newest = marks.get(feed.system);
          if (updatedAt && (newest === undefined || updatedAt > newest)) marks.set(feed.system, updatedAt);
        }
        await writing;
        writing = store.stageLinkedRecords(
          page.map(({ record, restriction }) => ({
            key: recordKey(record.system, record.localId),
            record,
            restriction: restriction ?? null,
          })),
        );
        // Awaited before the next write or at the end; a failure meanwhile is not unhandled.
        writing.catch(() => undefined);
        yield page;
      }
      await writing;
    },
  };
}

function* linkedClusters(clusters: Iterable<ClusterView>): ReturnType<LinkedWrite['clusters']> {
  for (const view of clusters)
    for (const key of keysOf(view)) yield [key, { linkedWith: view.hubId, restricted: view.restricted }];
}

async function restoreDirectory(store: RegisterStore): Promise<{ linked: LinkedDirectory; records: number }> {
  const restorer = new LinkIndexRestorer();
  const restrictions = new Map<string, Restriction>();
  let records = 0;
  for await (const page of store.linkedRecords()) {
    for (const row of page) {
      records++;
      if (row.record.system === 'lcs' && row.restriction)
        restrictions.set(row.record.localId, row.restriction);
      // A record stored but not yet linked (its writer stopped between the two) stands alone until relinked.
      restorer.add({
        record: row.record,
        cluster: row.linkedWith ?? recordKey(row.record.system, row.record.localId),
        restricted: row.restricted,
      });
    }
  }
  return { linked: createChildDirectory(restorer.build(), restrictions), records };
}

/**
 * How long a checkpoint capture works before letting other work run. The capture holds the
 * register's writes (the links must not change under it), not its reads: lookups, searches and
 * requests are answered between its slices instead of waiting the whole capture (~1 s at county scale).
 */
const CAPTURE_SLICE_MS = 20;

/** Runs a checkpoint's steps, yielding to the event loop once a slice has run CAPTURE_SLICE_MS. */
async function inSlices(
  steps: Generator<undefined, Uint8Array[], undefined>,
): Promise<{ pages: Uint8Array[]; slices: number; longestSliceMs: number }> {
  let slices = 1;
  let longest = 0;
  let sliceStarted = performance.now();
  for (;;) {
    const step = steps.next();
    const elapsed = performance.now() - sliceStarted;
    if (step.done)
      return { pages: step.value, slices, longestSliceMs: Math.round(Math.max(longest, elapsed)) };
    if (elapsed >= CAPTURE_SLICE_MS) {
      longest = Math.max(longest, elapsed);
      await new Promise<void>((resolve) => setImmediate(resolve));
      slices++;
      sliceStarted = performance.now();
    }
  }
}

/** Cluster views kept built (see Register.views); a view is a few hundred bytes. */
const MAX_CACHED_VIEWS = 50_000;

class Register implements ChildRegister {
  /** Each record's register id and each id's records, over the index's slots (idMap.ts). */
  private idMap: RegisterIdMap;
  /** The id map a reload is reading, swapped in once whole. */
  private reading: RegisterIdMap | null = null;
  private inactive: RegisterSnapshot['inactive'] = new Map();
  private restrictedIds = new Set<string>();
  /**
   * Cluster views already built, by hub id, shared read-only (frozen) between requests: a caseload
   * resolves every open case's child and names each one, and rebuilding a view (copying and sorting
   * its record keys, parsing each) was a fifth of what a warm caseload of 50 allocated. Emptied
   * whenever the id map changes here (patch, reload) or the links move (the linked directory's
   * generation); emptied whole when it reaches its bound.
   */
  private views = new Map<string, ClusterView>();
  private viewsLinkedGeneration = -1;
  private decided: ActiveDecisions = activeDecisions([]);
  private queue: ReviewItem[] | null = null;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  /** The register version up to which other instances' record changes are in `linked`. */
  private linkedVersion = 0;
  /** A refresh is running / another was asked for meanwhile (notifications coalesce into one). */
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private readonly closing: (() => Promise<void>)[] = [];
  /** Register writes from this instance, one at a time (each plans from the one before). */
  private writing: Promise<unknown> = Promise.resolve();
  /** A checkpoint being written by this instance. */
  private checkpointing: Promise<number | null> | null = null;
  private logger: Logger | undefined;
  version = 0;

  constructor(
    private readonly linked: LinkedDirectory,
    private readonly store: RegisterStore,
    /** The version of the newest checkpoint stored, as far as this instance knows. */
    private checkpointed = 0,
  ) {
    this.idMap = new RegisterIdMap(linked.slots);
    linked.slots.onRelease((slot, key) => {
      this.idMap.released(slot, key);
      this.reading?.released(slot, key);
    });
  }

  /** Reconciles every record `linked` holds (and stores their links when `stored` is given). */
  async start(stored: LinkedWrite | null): Promise<void> {
    await this.loadDecisions();
    const result = await this.store.locked((register) =>
      register.reconcile(
        'all',
        (record) => this.proposed(record),
        () => proposeAll(this.linked.clusters(), (record) => this.linked.resolve(record), this.decided),
        stored ?? undefined,
      ),
    );
    // The links given are the newest there are: records stored before are not laid over them.
    this.linkedVersion = result.version;
    await this.reload();
  }

  /**
   * Over links restored as they were at `from`: lays in what changed since (how many records), then
   * reads the id map, so that it finds every record it names in the index's slots.
   */
  async resume(from: number): Promise<number> {
    this.linkedVersion = from;
    await this.loadDecisions();
    const applied = await this.catchUpLinked((since) => this.store.linkedSince(since));
    await this.reload();
    return applied;
  }

  /** Follows other instances' writes: at once when announced, and every `pollMs` in case one was missed. */
  async follow(pollMs: number, logger?: Logger): Promise<void> {
    this.logger = logger;
    const refresh = () => {
      this.refresh().catch((error: unknown) =>
        logger?.warn({ err: error }, 'the child register could not be re-read; ids answer as last read'),
      );
    };
    this.unlisten = await this.store.listen(refresh);
    this.timer = setInterval(refresh, pollMs);
    this.timer.unref();
  }

  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.serialised(() => this.followChanges());
        } while (this.refreshAgain);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** Reads what other instances wrote since this one last read: decisions, records, ids. */
  private async followChanges(): Promise<void> {
    const changes = await this.store.changesSince(this.version);
    if (changes.version === this.version) return;
    await this.loadDecisions();
    await this.catchUpLinked((since) => this.store.linkedSince(since));
    if (changes.full) await this.reload();
    else this.patch(changes);
  }

  /** Lays into `linked` the records other instances changed since it was last caught up; how many. */
  private async catchUpLinked(since: LockedRegister['linkedSince']): Promise<number> {
    const rows = await since(this.linkedVersion);
    for (const row of rows) {
      const { system, localId } = refOf(row.key);
      await this.linked.apply(
        system,
        localId,
        row.record === null ? null : { record: row.record, restriction: row.restriction },
      );
      this.linkedVersion = Math.max(this.linkedVersion, row.version);
    }
    return rows.length;
  }

  /** The id map's changed ids replaced by what the register holds for them now. */
  private patch(changes: RegisterChanges): void {
    this.views.clear();
    for (const id of changes.hubIds) this.idMap.deleteId(id);
    for (const [key, id] of changes.memberships) this.idMap.set(key, id);
    for (const row of changes.ids) {
      if (row.status === 'ACTIVE') this.inactive.delete(row.hubId);
      else this.inactive.set(row.hubId, { status: row.status, redirectTo: row.redirectTo });
      if (row.restricted) this.restrictedIds.add(row.hubId);
      else this.restrictedIds.delete(row.hubId);
    }
    this.version = changes.version;
    this.queue = null;
  }

  checkpoint(): Promise<number | null> {
    return this.storeCheckpoint({ changes: 1 });
  }

  /**
   * Under the checkpoint lock: unless the newest stored checkpoint is within `changes` versions of
   * the links here, captures them between two register writes (no change is half applied) and
   * stores them. The capture is a copy; storing it runs while requests and writes go on.
   */
  private storeCheckpoint({
    changes,
    replacing = null,
  }: {
    changes: number;
    /** A stored checkpoint found unusable: replaced however new it is. */
    replacing?: string | null;
  }): Promise<number | null> {
    // One at a time from this instance (PGlite's one session takes the lock again), then the lock.
    const previous = this.checkpointing?.catch(() => null) ?? Promise.resolve(null);
    const run = previous.then(() =>
      this.store.checkpointTurn(async () => {
        const newest = await this.store.newestCheckpoint();
        const usable =
          newest !== null && newest.rules === this.store.linkingRules && newest.format === CHECKPOINT_FORMAT;
        if (usable) this.checkpointed = Math.max(this.checkpointed, newest.version);
        if (usable && newest.id !== replacing && this.linkedVersion - newest.version < changes)
          return newest.version;
        const pageSize = this.store.engine === 'pglite' ? PGLITE_PAGE_BYTES : CHECKPOINT_PAGE_BYTES;
        const started = performance.now();
        const captured = await this.serialised(async () => ({
          version: this.linkedVersion,
          ...(await inSlices(checkpointSteps(this.linked, { rules: this.store.linkingRules, pageSize }))),
        }));
        const capturedMs = Math.round(performance.now() - started);
        await this.store.writeCheckpoint({
          version: captured.version,
          pages: captured.pages,
          format: CHECKPOINT_FORMAT,
        });
        this.checkpointed = captured.version;
        this.logger?.info(
          {
            checkpointVersion: captured.version,
            parts: captured.pages.length,
            bytes: captured.pages.reduce((sum, page) => sum + page.length, 0),
            capturedMs,
            captureSlices: captured.slices,
            longestSliceMs: captured.longestSliceMs,
            storedMs: Math.round(performance.now() - started) - capturedMs,
          },
          'link checkpoint written',
        );
        return captured.version;
      }),
    );
    this.checkpointing = run;
    run
      .finally(() => {
        if (this.checkpointing === run) this.checkpointing = null;
      })
      .catch(() => undefined);
    return run;
  }

  /** A checkpoint written off the caller's path (a failure is a warning: restarts read every record). */
  checkpointInBackground(
    logger?: Logger,
    { changes = 1, replacing = null }: { changes?: number; replacing?: string | null } = {},
  ): void {
    this.storeCheckpoint({ changes, replacing }).catch((error: unknown) =>
      logger?.warn(
        { err: error },
        'a link checkpoint could not be written; a restart restores from every stored record until one is',
      ),
    );
  }

  /** Every `everyMs`, a checkpoint once `afterChanges` versions have passed since the newest. */
  checkpointPeriodically(options: { everyMs: number; afterChanges: number }, logger?: Logger): void {
    const timer = setInterval(() => {
      if (this.checkpointing === null && this.linkedVersion - this.checkpointed >= options.afterChanges)
        this.checkpointInBackground(logger, { changes: options.afterChanges });
    }, options.everyMs);
    timer.unref();
    this.onClose(async () => clearInterval(timer));
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
    const reading = (this.reading = new RegisterIdMap(this.linked.slots));
    // About one id per cluster: a county's 340,000 added to a table grown on the way rehashed it ten times.
    reading.reserve(Math.max(this.idMap.size, this.linked.stats().clusters));
    let snapshot: RegisterSnapshot;
    try {
      snapshot = await this.store.snapshot((record, id) => reading.set(record, id));
    } finally {
      this.reading = null;
    }
    this.views.clear();
    this.idMap = reading;
    this.inactive = snapshot.inactive;
    this.restrictedIds = snapshot.restricted;
    this.version = snapshot.version;
    this.queue = null;
  }

  private proposed(record: RecordKey) {
    return proposedClusterOf((key) => this.linked.resolve(key), this.decided, record);
  }

  /**
   * Relinks the register around `seeds` (and every record sharing an id with them), then re-reads
   * what changed. Under the register's lock, after laying in what other instances wrote before, so
   * the links it plans from are the newest; `change` (a record changed upstream) is applied there.
   */
  private relink(
    seeds: RecordKey[],
    change?: { key: RecordKey; apply: () => void | Promise<void>; stored: LinkedWrite['records'][number] },
  ): Promise<void> {
    return this.serialised(async () => {
      await this.store.locked(async (register) => {
        await this.catchUpLinked((since) => register.linkedSince(since));
        if (change) await change.apply();
        const result = await register.reconcile(seeds, (record) => this.proposed(record), undefined, {
          records: change ? [change.stored] : [],
          clusters: (assigned) => this.linkedClustersOf(assigned.keys()),
        });
        if (change) this.linkedVersion = result.version;
      });
      await this.followChanges();
    });
  }

  private *linkedClustersOf(keys: Iterable<RecordKey>): ReturnType<LinkedWrite['clusters']> {
    for (const key of keys) {
      const view = this.linked.resolve(key);
      if (view) yield [key, { linkedWith: view.hubId, restricted: view.restricted }];
    }
  }

  private viewOf(hubId: string): ClusterView | null {
    const generation = this.linked.generation();
    if (generation !== this.viewsLinkedGeneration) {
      this.views.clear();
      this.viewsLinkedGeneration = generation;
    }
    const known = this.views.get(hubId);
    if (known !== undefined) return known;
    const view = this.buildView(hubId);
    if (view === null) return null;
    if (this.views.size >= MAX_CACHED_VIEWS) this.views.clear();
    this.views.set(hubId, view);
    return view;
  }

  private buildView(hubId: string): ClusterView | null {
    const keys = this.idMap.members(hubId);
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
    for (const system of Object.keys(records) as SystemName[]) Object.freeze(records[system]);
    return Object.freeze({
      hubId,
      records: Object.freeze(records),
      restricted,
      restrictedBy: Object.freeze(
        [...restrictedBy.values()].map(({ system, localId }) => Object.freeze({ system, localId })),
      ) as SourceRef[],
    });
  }

  /** The register's child holding a record the linker answered with. */
  private registered(view: ClusterView): ClusterView[] {
    const ids = [...new Set(keysOf(view).map((key) => this.idMap.get(key)))];
    return ids.flatMap((id) => {
      const registered = id === undefined ? null : this.viewOf(id);
      return registered ? [registered] : [];
    });
  }

  lookup(id: string): Lookup | null {
    // test, not exec: only whether it is qualified matters here (a caseload resolves every open
    // case's record id, and exec's match array was most of what that cost).
    if (QUALIFIED.test(id)) {
      const hubId = this.idMap.get(id);
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
    const own = this.idMap.members(cluster.hubId) ?? [];
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
    return this.idMap.get(recordKey(system, localId)) ?? null;
  }

  /** Moves when the links move or when the register's ids do (a reload from another instance). */
  generation(): number {
    return this.linked.generation() + this.version;
  }

  async apply(...args: Parameters<ChildDirectory['apply']>): Promise<void> {
    const [system, localId, change] = args;
    const key = recordKey(system, localId);
    const former = this.idMap.members(this.idMap.get(key) ?? '') ?? [];
    await this.relink([key, ...former], {
      key,
      apply: () => this.linked.apply(...args),
      stored: { key, record: change?.record ?? null, restriction: change?.restriction ?? null },
    });
  }

  *clusters(): Iterable<ClusterView> {
    for (const id of this.idMap.hubIds()) {
      const view = this.viewOf(id);
      if (view) yield view;
    }
  }

  stats() {
    return { ...this.linked.stats(), clusters: this.idMap.size };
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
    const hubId = this.idMap.get(input.record)!;
    const otherHubId = this.idMap.get(input.other) ?? null;
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
    const around = seeds.flatMap((key) => this.idMap.members(this.idMap.get(key) ?? '') ?? []);
    await this.serialised(() => this.loadDecisions());
    await this.relink([...seeds, ...around]);
    return [...new Set(seeds.map((key) => this.idMap.get(key)).filter((id) => id !== undefined))];
  }

  decision(id: string) {
    return this.store.decision(id);
  }

  decisions(filter: { active?: boolean; hubIds?: string[]; limit: number }) {
    return this.store.decisions(filter);
  }

  /** Work to stop before the register closes (the scan). */
  onClose(stop: () => Promise<void>): void {
    this.closing.push(stop);
  }

  async close(): Promise<void> {
    for (const stop of this.closing.splice(0)) await stop();
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    await this.refreshing;
    await this.checkpointing?.catch(() => undefined);
    await this.writing;
    await this.store.close();
  }
}
