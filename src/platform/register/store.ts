/**
 * The register in SQL: reconciling linked clusters with the ids already issued (plan.ts decides,
 * this writes), reading the id map every instance mirrors, id histories, and review decisions.
 * Every write runs in one transaction under one advisory lock, so instances take turns and each
 * plans from what the previous one wrote: two instances over one database agree on every id.
 */
import { createHash } from 'node:crypto';
import type { Restriction } from '../../domain/identity/directory.ts';
import { hubIdFor } from '../../domain/identity/hub-id.ts';
import { LINKING_RULES } from '../../domain/identity/linkingRules.ts';
import type { SourceRecord } from '../../domain/identity/types.ts';
import { SYSTEMS, type SystemName } from '../systems.ts';
import { compareKeys, refOf, type RecordKey } from './keys.ts';
import { migrate } from './migrate.ts';
import { planIds, type IdRow, type Plan, type ProposedCluster } from './plan.ts';
import { openDatabase, type DatabaseSettings, type Queryable, type SqlDatabase } from './sql.ts';

/** The advisory lock around every register write. */
const REGISTER_LOCK = 0x5f0c_0002;
/** Held by the one instance reading every system into an empty register; the others wait, then follow. */
const FIRST_LOAD_LOCK = 0x5f0c_0003;
/** Held by the instance running the reconciliation scan (the others skip their turn). */
const SCAN_LOCK = 0x5f0c_0004;
/** Held by the instance pruning register_changes (the others skip their turn). */
const PRUNE_LOCK = 0x5f0c_0006;
/** Held by the instance writing a link checkpoint (the others skip their turn). */
const CHECKPOINT_LOCK = 0x5f0c_0005;
/** Every register version is announced here (payload: the version), so other instances follow at once. */
export const REGISTER_CHANNEL = 'svoc_register';
/** Rows per statement when writing or reading linked records in bulk. */
const BATCH = 5000;
/** More changed ids than this since an instance last read, and it re-reads the whole id map. */
const PARTIAL_LIMIT = 20_000;

/** Between a membership's local id and hub id, and between memberships, in `readMemberships`. */
const FIELD = '\x1f';
const ROW = '\x1e';

/**
 * Every membership of one system's records, as one text PostgreSQL joins: a county's 471,169 as
 * rows were as many row objects, 600 ms of the instance's CPU at each start, as text about 80.
 * A local id holding a separator (the count then does not add up) has them read as rows instead.
 */
async function readMemberships(
  tx: Queryable,
  system: SystemName,
  onMembership: (record: RecordKey, hubId: string) => void,
): Promise<void> {
  const [joined] = await tx.query<{ text: string | null; rows: number }>(
    `SELECT string_agg(local_id || chr(31) || hub_id, chr(30)) AS text, count(*)::int AS rows
       FROM memberships WHERE system = $1`,
    [system],
  );
  const text = joined?.text ?? '';
  const rows = joined?.rows ?? 0;
  let separators = 0;
  for (let at = text.indexOf(ROW); at !== -1; at = text.indexOf(ROW, at + 1)) separators++;
  if (rows > 0 && separators !== rows - 1) {
    const all = await tx.query<{ local_id: string; hub_id: string }>(
      'SELECT local_id, hub_id FROM memberships WHERE system = $1',
      [system],
    );
    for (const row of all) onMembership(`${system}:${row.local_id}`, row.hub_id);
    return;
  }
  for (let from = 0; rows > 0 && from <= text.length;) {
    let end = text.indexOf(ROW, from);
    if (end === -1) end = text.length;
    const at = text.lastIndexOf(FIELD, end - 1);
    onMembership(`${system}:${text.slice(from, at)}`, text.slice(at + 1, end));
    from = end + 1;
  }
}

/** A linked record as stored for other instances: its fields (null: removed upstream) and restriction. */
export interface LinkedRecordRow {
  key: RecordKey;
  record: SourceRecord | null;
  restriction: Restriction | null;
}

/** What a write adds to the stored linked records: changed fields, and the linker's cluster of each record. */
export interface LinkedWrite {
  records: LinkedRecordRow[];
  /** The linker's cluster of records whose may have moved (given the records just reconciled). */
  clusters(
    assigned: ReadonlyMap<RecordKey, string>,
  ): Iterable<[RecordKey, { linkedWith: string; restricted: boolean }]>;
  /** A full load: every record is now stored, and other instances re-read the whole id map. */
  complete?: boolean;
  /** With a full load: the newest `updatedAt` read from each system, where the scan starts. */
  marks?: ReadonlyMap<SystemName, string>;
}

export interface StoredLinkedRecord {
  record: SourceRecord;
  restriction: Restriction | null;
  linkedWith: string | null;
  restricted: boolean;
}

/** The id map's changes since a version: the memberships and id rows of every hub id changed. */
export interface RegisterChanges {
  version: number;
  /** True when too much changed (or a full load ran): re-read the snapshot instead. */
  full: boolean;
  hubIds: string[];
  memberships: [RecordKey, string][];
  ids: { hubId: string; status: IdStatus; restricted: boolean; redirectTo: string | null }[];
}

/** Inside the register's lock: reconcile, and read what other instances wrote before it. */
export interface LockedRegister {
  reconcile(
    seeds: Iterable<RecordKey> | 'all',
    clusterOf: ClusterOf,
    all?: () => Iterable<ProposedCluster>,
    linked?: LinkedWrite,
  ): Promise<ReconcileResult>;
  linkedSince(version: number): Promise<(LinkedRecordRow & { version: number })[]>;
}

export type IdStatus = 'ACTIVE' | 'MERGED' | 'RETIRED';

/** What every instance keeps in memory besides each record's id (handed over as read): what old ids became. */
export interface RegisterSnapshot {
  version: number;
  /** Ids that are not ACTIVE: MERGED ones with the id they redirect to. */
  inactive: Map<string, { status: Exclude<IdStatus, 'ACTIVE'>; redirectTo: string | null }>;
  restricted: Set<string>;
}

export interface IdHistory {
  hubId: string;
  status: IdStatus;
  restricted: boolean;
  issuedAt: string;
  redirectTo: string | null;
  splits: { to: string; records: number; at: string }[];
}

export type DecisionKind = 'CONFIRM' | 'REJECT' | 'SPLIT';

export interface DecisionInput {
  kind: DecisionKind;
  record: RecordKey;
  other: RecordKey;
  hubId: string;
  otherHubId: string | null;
  reason: string;
  decidedBy: string;
}

export interface Decision extends DecisionInput {
  id: string;
  decidedAt: string;
  reversedBy: string | null;
  reversedAt: string | null;
  reversalReason: string | null;
}

/** A record's proposed cluster (from linking and the active decisions), or null when it is gone. */
export type ClusterOf = (record: RecordKey) => ProposedCluster | null;

export interface ReconcileResult {
  /** The id of every record reconciled (removed records are absent). */
  assigned: Map<RecordKey, string>;
  removed: RecordKey[];
  plan: Plan;
  version: number;
}

/** A stored link checkpoint (checkpoint.ts), without its bytes. */
export interface StoredCheckpoint {
  id: string;
  /** Every linked record changed at or before this register version is in it. */
  version: number;
  rules: string;
  format: number;
  parts: number;
  size: number;
  sha256: string;
}

/** A stored checkpoint that cannot be read back whole (a part missing, the bytes not as written). */
export class CheckpointUnreadable extends Error {
  override name = 'CheckpointUnreadable';
}

export interface RegisterStore {
  readonly engine: SqlDatabase['engine'];
  /** The linking rules this instance links by (its stored links and checkpoints are made under them). */
  readonly linkingRules: string;
  /** The newest complete link checkpoint, whatever its rules and format (null: none). */
  newestCheckpoint(): Promise<StoredCheckpoint | null>;
  /** A checkpoint's bytes, whole and as written (else CheckpointUnreadable). */
  readCheckpoint(checkpoint: StoredCheckpoint): Promise<Uint8Array>;
  /** Stores a checkpoint in parts, then drops every other: only the newest complete one is kept. */
  writeCheckpoint(checkpoint: { version: number; format: number; pages: Uint8Array[] }): Promise<void>;
  /** Runs `work` unless another instance is writing a checkpoint (null: not this instance's turn). */
  checkpointTurn<T>(work: () => Promise<T>): Promise<T | null>;
  /** Every record linked (`all`), or only the clusters around `seeds`, reconciled with the ids issued. */
  reconcile(
    seeds: Iterable<RecordKey> | 'all',
    clusterOf: ClusterOf,
    all?: () => Iterable<ProposedCluster>,
  ): Promise<ReconcileResult>;
  /** The id map as of one version: each record's id handed to `onMembership`, then the rest. */
  snapshot(onMembership: (record: RecordKey, hubId: string) => void): Promise<RegisterSnapshot>;
  /** What changed in the id map since `version` (one consistent read). */
  changesSince(version: number): Promise<RegisterChanges>;
  version(): Promise<number>;
  /** Runs `work` in one transaction holding the register's lock (instances take turns). */
  locked<T>(work: (register: LockedRegister) => Promise<T>): Promise<T>;
  /** Runs `work` holding the first-load lock: one instance at a time reads every system. */
  firstLoad<T>(work: () => Promise<T>): Promise<T>;
  /** Whether a full load under this instance's linking rules stored every linked record (it may start from them). */
  recordsComplete(): Promise<boolean>;
  /** Before a full load: forgets stored records (a load cut short left some). */
  clearLinkedRecords(): Promise<void>;
  /** Stores records as a full load reads them, before they are linked (version 0: no one follows them yet). */
  stageLinkedRecords(rows: LinkedRecordRow[]): Promise<void>;
  /** Every stored record with its fields, in pages (removed ones left out). */
  linkedRecords(): AsyncIterable<StoredLinkedRecord[]>;
  linkedSince(version: number): Promise<(LinkedRecordRow & { version: number })[]>;
  /** Each system's reconciliation mark: the newest `updatedAt` read from it. */
  feedMarks(): Promise<Map<SystemName, string>>;
  setFeedMark(system: SystemName, updatedSince: string): Promise<void>;
  /** The stored fields and restriction of these records (as compared by the scan); absent: not stored. */
  storedRecords(
    keys: RecordKey[],
  ): Promise<Map<RecordKey, { record: SourceRecord; restriction: Restriction | null }>>;
  /** Every record of a system the register holds (removed ones left out). */
  storedKeys(system: SystemName): Promise<RecordKey[]>;
  /**
   * Runs `work` when no instance is scanning and none has scanned for `everyMs` (null: not this
   * instance's turn); `sweep` when none has swept every system's whole list for `sweepEveryMs`.
   */
  scanTurn<T>(
    everyMs: number,
    work: (turn: { sweep: boolean }) => Promise<T>,
    sweepEveryMs?: number,
  ): Promise<T | null>;
  /**
   * Deletes the changed-id rows older than `keepMs` (none when another instance is pruning): an
   * instance that last read the register before the newest of them re-reads the whole id map.
   */
  pruneChanges(keepMs: number): Promise<{ deleted: number; horizon: number } | null>;
  /** Calls `onVersion` when another write is announced; returns the function that stops listening. */
  listen(onVersion: () => void): Promise<() => Promise<void>>;
  history(hubId: string): Promise<IdHistory | null>;
  decide(input: DecisionInput): Promise<Decision>;
  reverse(id: string, by: string, reason: string): Promise<Decision | null>;
  decision(id: string): Promise<Decision | null>;
  decisions(filter: { active?: boolean; hubIds?: string[]; limit: number }): Promise<Decision[]>;
  close(): Promise<void>;
}

/** `linkingRules`: the rules this instance links by (a test names others to play an upgrade). */
export async function openRegisterStore(
  settings: DatabaseSettings,
  linkingRules: string = LINKING_RULES,
): Promise<RegisterStore> {
  const db = await openDatabase(settings);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createRegisterStore(db, linkingRules);
}

const split = (keys: RecordKey[]) => {
  const refs = keys.map(refOf);
  return [refs.map((r) => r.system), refs.map((r) => r.localId)];
};

async function bump(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ version: string }>(
    'UPDATE register_version SET version = version + 1 RETURNING version',
  );
  // Delivered when the transaction commits, never before: a follower reads what it announces.
  await tx.query('SELECT pg_notify($1, $2)', [REGISTER_CHANNEL, row!.version]);
  return Number(row!.version);
}

function* batches<T>(items: Iterable<T>, size = BATCH): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function writeLinkedRecords(tx: Queryable, rows: LinkedRecordRow[], version: number): Promise<void> {
  for (const batch of batches(rows)) {
    const [systems, localIds] = split(batch.map((row) => row.key));
    await tx.query(
      `INSERT INTO linked_records (system, local_id, record, restriction, linked_with, version)
         SELECT s, l, r::jsonb, x::jsonb, NULL, $5
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS n(s, l, r, x)
       ON CONFLICT (system, local_id) DO UPDATE
         SET record = excluded.record, restriction = excluded.restriction, version = excluded.version,
             linked_with = CASE WHEN excluded.record IS NULL THEN NULL ELSE linked_records.linked_with END`,
      [
        systems,
        localIds,
        batch.map((row) => (row.record === null ? null : JSON.stringify(row.record))),
        batch.map((row) => (row.restriction ? JSON.stringify(row.restriction) : null)),
        version,
      ],
    );
  }
}

async function writeLinkedClusters(
  tx: Queryable,
  linked: Iterable<[RecordKey, { linkedWith: string; restricted: boolean }]>,
): Promise<void> {
  for (const batch of batches(linked)) {
    const [systems, localIds] = split(batch.map(([key]) => key));
    await tx.query(
      `UPDATE linked_records l SET linked_with = u.w, restricted = u.r
         FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[]) AS u(s, l, w, r)
        WHERE l.system = u.s AND l.local_id = u.l`,
      [systems, localIds, batch.map(([, c]) => c.linkedWith), batch.map(([, c]) => c.restricted)],
    );
  }
}

interface DecisionRow {
  id: string;
  kind: DecisionKind;
  system: string;
  local_id: string;
  other_system: string;
  other_local_id: string;
  hub_id: string;
  other_hub_id: string | null;
  reason: string;
  decided_by: string;
  decided_at: Date | string;
  reversed_by: string | null;
  reversed_at: Date | string | null;
  reversal_reason: string | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

const decisionOf = (row: DecisionRow): Decision => ({
  id: String(row.id),
  kind: row.kind,
  record: `${row.system}:${row.local_id}`,
  other: `${row.other_system}:${row.other_local_id}`,
  hubId: row.hub_id,
  otherHubId: row.other_hub_id,
  reason: row.reason,
  decidedBy: row.decided_by,
  decidedAt: iso(row.decided_at)!,
  reversedBy: row.reversed_by,
  reversedAt: iso(row.reversed_at),
  reversalReason: row.reversal_reason,
});

interface LinkedRow {
  system: string;
  local_id: string;
  record: SourceRecord | null;
  restriction: Restriction | null;
  linked_with: string | null;
  restricted: boolean;
  version: string;
}

async function linkedSince(q: Queryable, version: number) {
  return (
    await q.query<LinkedRow>(
      `SELECT system, local_id, record, restriction, version FROM linked_records
        WHERE version > $1 ORDER BY version, system, local_id`,
      [version],
    )
  ).map((row) => ({
    key: `${row.system}:${row.local_id}`,
    record: row.record,
    restriction: row.restriction,
    version: Number(row.version),
  }));
}

/**
 * Keyset pages, so neither engine holds the whole table in one answer; the next page is asked for
 * before this one is handed on, so the database reads it while the caller works.
 */
async function* linkedRecordPages(db: SqlDatabase): AsyncIterable<StoredLinkedRecord[]> {
  const page = (after: [string, string]) =>
    db.query<LinkedRow>(
      `SELECT system, local_id, record, restriction, linked_with, restricted FROM linked_records
        WHERE (system, local_id) > ($1, $2) ORDER BY system, local_id LIMIT $3`,
      [after[0], after[1], BATCH * 4],
    );
  let next = page(['', '']);
  for (;;) {
    const rows = await next;
    if (rows.length === 0) return;
    const last = rows[rows.length - 1]!;
    next = page([last.system, last.local_id]);
    // A failed read ahead is seen when it is awaited, not as an unhandled rejection meanwhile.
    next.catch(() => undefined);
    yield rows.flatMap((row) =>
      row.record === null
        ? []
        : [
            {
              record: row.record,
              restriction: row.restriction,
              linkedWith: row.linked_with,
              restricted: row.restricted,
            },
          ],
    );
  }
}

export function createRegisterStore(db: SqlDatabase, linkingRules: string = LINKING_RULES): RegisterStore {
  const membershipsOf = async (tx: Queryable, records: RecordKey[]) => {
    const [systems, localIds] = split(records);
    const rows = await tx.query<{ system: string; local_id: string; hub_id: string }>(
      `SELECT m.system, m.local_id, m.hub_id FROM memberships m
         JOIN unnest($1::text[], $2::text[]) AS k(system, local_id) USING (system, local_id)`,
      [systems, localIds],
    );
    return rows.map((row) => [`${row.system}:${row.local_id}`, row.hub_id] as const);
  };

  const reconcileIn = async (
    tx: Queryable,
    seeds: Iterable<RecordKey> | 'all',
    clusterOf: ClusterOf,
    all?: () => Iterable<ProposedCluster>,
    linked?: LinkedWrite,
  ): Promise<ReconcileResult> => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_LOCK]);
    const clusters = new Map<RecordKey, ProposedCluster>();
    const seen = new Set<RecordKey>();
    const removed = new Set<RecordKey>();
    const current = new Map<RecordKey, string>();

    if (seeds === 'all') {
      for (const cluster of all!()) {
        clusters.set(cluster.records[0]!, cluster);
        for (const record of cluster.records) seen.add(record);
      }
      for (const row of await tx.query<{ system: string; local_id: string; hub_id: string }>(
        'SELECT system, local_id, hub_id FROM memberships',
      )) {
        const key = `${row.system}:${row.local_id}`;
        current.set(key, row.hub_id);
        if (!seen.has(key)) removed.add(key);
      }
    } else {
      // The clusters around the seeds, closed over every record sharing an id with one of them.
      let frontier = [...seeds];
      const loadedIds = new Set<string>();
      while (frontier.length > 0) {
        const fresh: RecordKey[] = [];
        for (const record of frontier) {
          if (seen.has(record)) continue;
          const cluster = clusterOf(record);
          if (cluster === null) {
            seen.add(record);
            removed.add(record);
            fresh.push(record);
            continue;
          }
          clusters.set(cluster.records[0]!, cluster);
          for (const member of cluster.records) {
            if (!seen.has(member)) fresh.push(member);
            seen.add(member);
          }
        }
        for (const [key, id] of await membershipsOf(tx, fresh)) current.set(key, id);
        const ids = [
          ...new Set(fresh.map((key) => current.get(key)).filter((id) => id !== undefined)),
        ].filter((id) => !loadedIds.has(id));
        for (const id of ids) loadedIds.add(id);
        frontier = [];
        if (ids.length === 0) continue;
        for (const row of await tx.query<{ system: string; local_id: string; hub_id: string }>(
          'SELECT system, local_id, hub_id FROM memberships WHERE hub_id = ANY($1::text[])',
          [ids],
        )) {
          const key = `${row.system}:${row.local_id}`;
          current.set(key, row.hub_id);
          if (!seen.has(key)) frontier.push(key);
        }
      }
    }

    const emptied = new Set([...removed].map((key) => current.get(key)).filter((id) => id !== undefined));
    for (const key of removed) current.delete(key);
    const involved = [...new Set([...current.values(), ...emptied])];
    const ids = new Map<string, IdRow>();
    for (const row of await tx.query<{ hub_id: string; restricted: boolean; issued_at: Date | string }>(
      'SELECT hub_id, restricted, issued_at FROM hub_ids WHERE hub_id = ANY($1::text[])',
      [involved],
    ))
      ids.set(row.hub_id, {
        hubId: row.hub_id,
        restricted: row.restricted,
        issuedAt: new Date(row.issued_at).getTime(),
      });

    const ordered = [...clusters.values()].sort((a, b) => compareKeys(a.records[0]!, b.records[0]!));
    const taken = new Set<string>();
    // Which anchor-derived ids are issued already, in one query rather than one per new child.
    const firstIds = ordered.map((cluster) => {
      const anchor = refOf(cluster.records[0]!);
      return hubIdFor(anchor.system, anchor.localId);
    });
    const issued = new Set(
      (
        await tx.query<{ hub_id: string }>('SELECT hub_id FROM hub_ids WHERE hub_id = ANY($1::text[])', [
          firstIds,
        ])
      ).map((row) => row.hub_id),
    );
    const plan = await planIds({
      clusters: ordered,
      current,
      ids,
      outside: new Map(),
      emptied,
      newId: async (cluster) => {
        // The first id a child gets is derived from its anchor record, as the linker derives it, so a
        // register started over existing data issues the ids the hub answered with before it.
        const anchor = refOf(cluster.records[0]!);
        for (let n = 0; ; n++) {
          const candidate = hubIdFor(anchor.system, n === 0 ? anchor.localId : `${anchor.localId}#${n}`);
          if (taken.has(candidate) || (n === 0 && issued.has(candidate))) continue;
          const [row] = n === 0 ? [] : await tx.query('SELECT 1 FROM hub_ids WHERE hub_id = $1', [candidate]);
          if (row === undefined) {
            taken.add(candidate);
            return candidate;
          }
        }
      },
    });

    const assigned = new Map<RecordKey, string>();
    const changedRecords: RecordKey[] = [];
    const changedIds: string[] = [];
    ordered.forEach((cluster, index) => {
      const id = plan.assigned[index]!;
      for (const record of cluster.records) {
        assigned.set(record, id);
        if (current.get(record) !== id) {
          changedRecords.push(record);
          changedIds.push(id);
        }
      }
    });
    const changed =
      changedRecords.length > 0 || removed.size > 0 || plan.issued.length > 0 || plan.retired.length > 0;
    if (plan.issued.length > 0)
      await tx.query(
        `INSERT INTO hub_ids (hub_id, status, restricted)
           SELECT id, 'ACTIVE', r FROM unnest($1::text[], $2::boolean[]) AS n(id, r)`,
        [plan.issued.map((i) => i.hubId), plan.issued.map((i) => i.restricted)],
      );
    if (removed.size > 0) {
      const [systems, localIds] = split([...removed]);
      await tx.query(
        `DELETE FROM memberships m USING unnest($1::text[], $2::text[]) AS k(system, local_id)
          WHERE m.system = k.system AND m.local_id = k.local_id`,
        [systems, localIds],
      );
    }
    if (changedRecords.length > 0) {
      const [systems, localIds] = split(changedRecords);
      await tx.query(
        `INSERT INTO memberships (system, local_id, hub_id)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
           ON CONFLICT (system, local_id) DO UPDATE SET hub_id = excluded.hub_id`,
        [systems, localIds, changedIds],
      );
    }
    for (const { from, to } of plan.merged) {
      await tx.query(`UPDATE hub_ids SET status = 'MERGED', changed_at = now() WHERE hub_id = $1`, [from]);
      // Ids that already redirected to the merged one now go straight to the survivor.
      await tx.query('UPDATE id_redirects SET to_hub_id = $2 WHERE to_hub_id = $1', [from, to]);
      await tx.query('INSERT INTO id_redirects (from_hub_id, to_hub_id) VALUES ($1, $2)', [from, to]);
    }
    if (plan.retired.length > 0)
      await tx.query(
        `UPDATE hub_ids SET status = 'RETIRED', changed_at = now() WHERE hub_id = ANY($1::text[])`,
        [plan.retired],
      );
    for (const { from, to, records } of plan.splits)
      await tx.query(
        `INSERT INTO id_splits (from_hub_id, to_hub_id, records) VALUES ($1, $2, $3)
           ON CONFLICT (from_hub_id, to_hub_id) DO UPDATE SET records = excluded.records, at = now()`,
        [from, to, records],
      );
    const announce =
      changed || plan.merged.length > 0 || (linked?.records.length ?? 0) > 0 || !!linked?.complete;
    const version = announce ? await bump(tx) : await readVersion(tx);
    if (announce) {
      // Every id whose records or status may have moved: other instances re-read just these.
      const touched =
        seeds === 'all'
          ? ['*']
          : [...new Set([...involved, ...plan.assigned, ...plan.issued.map((i) => i.hubId)])];
      await tx.query('INSERT INTO register_changes (version, hub_id) SELECT $1, unnest($2::text[])', [
        version,
        touched,
      ]);
    }
    if (linked) {
      await writeLinkedRecords(tx, linked.records, version);
      await writeLinkedClusters(tx, linked.clusters(assigned));
      if (linked.complete)
        await tx.query(
          // A full load read every whole list: it is a sweep too.
          'UPDATE register_version SET records_complete = true, linking_rules = $1, scanned_at = now(), swept_at = now()',
          [linkingRules],
        );
      for (const [system, mark] of linked.marks ?? [])
        await tx.query(
          `INSERT INTO feed_marks (system, updated_since) VALUES ($1, $2)
             ON CONFLICT (system) DO UPDATE SET updated_since = excluded.updated_since`,
          [system, mark],
        );
    }
    return { assigned, removed: [...removed], plan, version };
  };

  const readVersion = async (q: Queryable) =>
    Number((await q.query<{ version: string }>('SELECT version FROM register_version'))[0]!.version);

  return {
    engine: db.engine,
    reconcile: (seeds, clusterOf, all) => db.transaction((tx) => reconcileIn(tx, seeds, clusterOf, all)),

    locked: (work) =>
      db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [REGISTER_LOCK]);
        return work({
          reconcile: (seeds, clusterOf, all, linked) => reconcileIn(tx, seeds, clusterOf, all, linked),
          linkedSince: (version) => linkedSince(tx, version),
        });
      }),

    firstLoad: (work) =>
      db.session(async (session) => {
        await session.query('SELECT pg_advisory_lock($1)', [FIRST_LOAD_LOCK]);
        try {
          return await work();
        } finally {
          await session.query('SELECT pg_advisory_unlock($1)', [FIRST_LOAD_LOCK]);
        }
      }),

    recordsComplete: async () => {
      const [row] = await db.query<{ records_complete: boolean; linking_rules: string | null }>(
        'SELECT records_complete, linking_rules FROM register_version',
      );
      // Links made under other rules are not this instance's to restore: it links again.
      return row!.records_complete && row!.linking_rules === linkingRules;
    },

    clearLinkedRecords: async () => {
      await db.query('UPDATE register_version SET records_complete = false');
      await db.query('DELETE FROM linked_records');
      // A checkpoint holds records the load may no longer have: it would bring them back.
      await db.query('DELETE FROM link_checkpoints');
    },

    linkingRules,

    newestCheckpoint: async () => {
      const [row] = await db.query<{
        id: string;
        register_version: string;
        rules: string;
        format: number;
        parts: number;
        size: string;
        sha256: string;
      }>(
        `SELECT id, register_version, rules, format, parts, size, sha256 FROM link_checkpoints
          WHERE complete ORDER BY register_version DESC, id DESC LIMIT 1`,
      );
      return row === undefined
        ? null
        : {
            id: String(row.id),
            version: Number(row.register_version),
            rules: row.rules,
            format: row.format,
            parts: row.parts,
            size: Number(row.size),
            sha256: row.sha256,
          };
    },

    readCheckpoint: async (checkpoint) => {
      // One part at a time into one buffer: never every part and the whole at once.
      const bytes = new Uint8Array(checkpoint.size);
      const into = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const digest = createHash('sha256');
      let at = 0;
      for (let part = 0; part < checkpoint.parts; part++) {
        // pg hands bytea over as hex text: base64 is a third the size and decodes natively, straight
        // into the buffer (measured on a county's 95 MB: 1.2 s against 2.5 s); PGlite hands bytes over.
        const [row] = await db.query<{ bytes: Uint8Array | string; length: number }>(
          db.engine === 'postgres'
            ? `SELECT encode(bytes, 'base64') AS bytes, length(bytes) AS length
                 FROM link_checkpoint_parts WHERE checkpoint_id = $1 AND part = $2`
            : 'SELECT bytes, length(bytes) AS length FROM link_checkpoint_parts WHERE checkpoint_id = $1 AND part = $2',
          [checkpoint.id, part],
        );
        if (row === undefined) throw new CheckpointUnreadable('a part of the checkpoint is missing');
        const length = Number(row.length);
        if (at + length > bytes.length)
          throw new CheckpointUnreadable('the checkpoint is longer than recorded');
        // (PostgreSQL's base64 breaks lines every 76 characters; Node's decoder passes over them.)
        const written =
          typeof row.bytes === 'string'
            ? into.write(row.bytes, at, length, 'base64')
            : (bytes.set(row.bytes, at), row.bytes.length);
        if (written !== length) throw new CheckpointUnreadable('a part of the checkpoint is not as recorded');
        digest.update(bytes.subarray(at, at + length));
        at += length;
      }
      if (at !== bytes.length) throw new CheckpointUnreadable('the checkpoint is shorter than recorded');
      if (digest.digest('hex') !== checkpoint.sha256)
        throw new CheckpointUnreadable('the checkpoint is not as it was written');
      return bytes;
    },

    writeCheckpoint: async ({ version, format, pages }) => {
      const digest = createHash('sha256');
      for (const page of pages) digest.update(page);
      const size = pages.reduce((sum, page) => sum + page.length, 0);
      const [row] = await db.query<{ id: string }>(
        `INSERT INTO link_checkpoints (register_version, rules, format, parts, size, sha256)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [version, linkingRules, format, pages.length, size, digest.digest('hex')],
      );
      const id = row!.id;
      try {
        // A statement per part: neither engine is handed more than one part at a time.
        for (const [part, page] of pages.entries())
          await db.query(
            'INSERT INTO link_checkpoint_parts (checkpoint_id, part, bytes) VALUES ($1, $2, $3)',
            [id, part, page],
          );
        await db.transaction(async (tx) => {
          await tx.query('UPDATE link_checkpoints SET complete = true WHERE id = $1', [id]);
          await tx.query('DELETE FROM link_checkpoints WHERE id <> $1', [id]);
        });
      } catch (error) {
        await db.query('DELETE FROM link_checkpoints WHERE id = $1', [id]).catch(() => undefined);
        throw error;
      }
    },

    checkpointTurn: (work) =>
      db.session(async (session) => {
        const [lock] = await session.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [
          CHECKPOINT_LOCK,
        ]);
        if (!lock?.got) return null;
        try {
          return await work();
        } finally {
          await session.query('SELECT pg_advisory_unlock($1)', [CHECKPOINT_LOCK]);
        }
      }),

    stageLinkedRecords: (rows) => db.transaction((tx) => writeLinkedRecords(tx, rows, 0)),

    linkedRecords: () => linkedRecordPages(db),

    linkedSince: (version) => linkedSince(db, version),

    listen: (onVersion) => db.listen(REGISTER_CHANNEL, onVersion, onVersion),

    feedMarks: async () =>
      new Map(
        (
          await db.query<{ system: SystemName; updated_since: string | null }>(
            'SELECT system, updated_since FROM feed_marks WHERE updated_since IS NOT NULL',
          )
        ).map((row) => [row.system, row.updated_since!]),
      ),

    setFeedMark: async (system, updatedSince) => {
      await db.query(
        `INSERT INTO feed_marks (system, updated_since) VALUES ($1, $2)
           ON CONFLICT (system) DO UPDATE SET updated_since = excluded.updated_since`,
        [system, updatedSince],
      );
    },

    storedRecords: async (keys) => {
      const [systems, localIds] = split(keys);
      const rows = await db.query<LinkedRow>(
        `SELECT l.system, l.local_id, l.record, l.restriction FROM linked_records l
           JOIN unnest($1::text[], $2::text[]) AS k(system, local_id) USING (system, local_id)
          WHERE l.record IS NOT NULL`,
        [systems, localIds],
      );
      return new Map(
        rows.map((row) => [
          `${row.system}:${row.local_id}`,
          { record: row.record!, restriction: row.restriction },
        ]),
      );
    },

    storedKeys: async (system) =>
      (
        await db.query<{ local_id: string }>(
          'SELECT local_id FROM linked_records WHERE system = $1 AND record IS NOT NULL',
          [system],
        )
      ).map((row) => `${system}:${row.local_id}`),

    scanTurn: (everyMs, work, sweepEveryMs) =>
      db.session(async (session) => {
        const [lock] = await session.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [
          SCAN_LOCK,
        ]);
        if (!lock?.got) return null;
        try {
          const [due] = await session.query<{ due: boolean; sweep: boolean | null }>(
            `SELECT scanned_at IS NULL OR scanned_at < now() - make_interval(secs => $1) AS due,
                    $2::float8 IS NOT NULL
                      AND (swept_at IS NULL OR swept_at < now() - make_interval(secs => $2::float8)) AS sweep
               FROM register_version`,
            [everyMs / 1000 - 1, sweepEveryMs === undefined ? null : sweepEveryMs / 1000 - 1],
          );
          if (!due?.due) return null;
          const sweep = due.sweep === true;
          const result = await work({ sweep });
          await session.query(
            sweep
              ? 'UPDATE register_version SET scanned_at = now(), swept_at = now()'
              : 'UPDATE register_version SET scanned_at = now()',
          );
          return result;
        } finally {
          await session.query('SELECT pg_advisory_unlock($1)', [SCAN_LOCK]);
        }
      }),

    pruneChanges: (keepMs) =>
      db.transaction(async (tx) => {
        const [lock] = await tx.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS got', [
          PRUNE_LOCK,
        ]);
        if (!lock?.got) return null;
        const [row] = await tx.query<{ horizon: string | null }>(
          `SELECT max(version) AS horizon FROM register_changes WHERE at < now() - make_interval(secs => $1)`,
          [keepMs / 1000],
        );
        if (row?.horizon == null) return { deleted: 0, horizon: 0 };
        const horizon = Number(row.horizon);
        await tx.query('UPDATE register_version SET changes_from = GREATEST(changes_from, $1)', [horizon]);
        const deleted = await tx.query<{ version: string }>(
          'DELETE FROM register_changes WHERE version <= $1 RETURNING version',
          [horizon],
        );
        return { deleted: deleted.length, horizon };
      }),

    changesSince: (since) =>
      db.transaction(async (tx) => {
        const version = await readVersion(tx);
        const hubIds = (
          await tx.query<{ hub_id: string }>(
            'SELECT DISTINCT hub_id FROM register_changes WHERE version > $1 AND version <= $2',
            [since, version],
          )
        ).map((row) => row.hub_id);
        const none = { version, hubIds: [], memberships: [], ids: [] };
        // Read after the rows (each statement sees what was committed when it began): if a prune took
        // rows this read needed, its horizon is seen here, and the whole map is read instead.
        const [pruned] = await tx.query<{ changes_from: string }>(
          'SELECT changes_from FROM register_version',
        );
        if (since < Number(pruned!.changes_from)) return { ...none, full: true };
        if (hubIds.includes('*') || hubIds.length > PARTIAL_LIMIT) return { ...none, full: true };
        if (hubIds.length === 0) return { ...none, full: false };
        const memberships = (
          await tx.query<{ system: string; local_id: string; hub_id: string }>(
            'SELECT system, local_id, hub_id FROM memberships WHERE hub_id = ANY($1::text[])',
            [hubIds],
          )
        ).map((row) => [`${row.system}:${row.local_id}`, row.hub_id] as [RecordKey, string]);
        const ids = (
          await tx.query<{ hub_id: string; status: IdStatus; restricted: boolean; to_hub_id: string | null }>(
            `SELECT h.hub_id, h.status, h.restricted, r.to_hub_id
               FROM hub_ids h LEFT JOIN id_redirects r ON r.from_hub_id = h.hub_id
              WHERE h.hub_id = ANY($1::text[])`,
            [hubIds],
          )
        ).map((row) => ({
          hubId: row.hub_id,
          status: row.status,
          restricted: row.restricted,
          redirectTo: row.to_hub_id,
        }));
        return { version, full: false, hubIds, memberships, ids };
      }),

    snapshot: (onMembership) =>
      db.transaction(async (tx) => {
        // Every system's memberships from one snapshot of the database: the id map as of `version`.
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const version = await readVersion(tx);
        for (const system of SYSTEMS) await readMemberships(tx, system, onMembership);
        const inactive: RegisterSnapshot['inactive'] = new Map();
        const restricted = new Set<string>();
        for (const row of await tx.query<{
          hub_id: string;
          status: IdStatus;
          restricted: boolean;
          to_hub_id: string | null;
        }>(
          `SELECT h.hub_id, h.status, h.restricted, r.to_hub_id
             FROM hub_ids h LEFT JOIN id_redirects r ON r.from_hub_id = h.hub_id
            WHERE h.status <> 'ACTIVE' OR h.restricted`,
        )) {
          if (row.restricted) restricted.add(row.hub_id);
          if (row.status !== 'ACTIVE')
            inactive.set(row.hub_id, { status: row.status, redirectTo: row.to_hub_id });
        }
        return { version, inactive, restricted };
      }),

    version: () => readVersion(db),

    history: async (hubId) => {
      const [row] = await db.query<{
        hub_id: string;
        status: IdStatus;
        restricted: boolean;
        issued_at: Date | string;
        to_hub_id: string | null;
      }>(
        `SELECT h.hub_id, h.status, h.restricted, h.issued_at, r.to_hub_id
           FROM hub_ids h LEFT JOIN id_redirects r ON r.from_hub_id = h.hub_id WHERE h.hub_id = $1`,
        [hubId],
      );
      if (row === undefined) return null;
      const splits = await db.query<{ to_hub_id: string; records: number; at: Date | string }>(
        'SELECT to_hub_id, records, at FROM id_splits WHERE from_hub_id = $1 ORDER BY at, to_hub_id',
        [hubId],
      );
      return {
        hubId: row.hub_id,
        status: row.status,
        restricted: row.restricted,
        issuedAt: iso(row.issued_at)!,
        redirectTo: row.to_hub_id,
        splits: splits.map((s) => ({ to: s.to_hub_id, records: s.records, at: iso(s.at)! })),
      };
    },

    decide: (input) =>
      db.transaction(async (tx) => {
        const a = refOf(input.record);
        const b = refOf(input.other);
        const [row] = await tx.query<DecisionRow>(
          `INSERT INTO review_decisions
             (kind, system, local_id, other_system, other_local_id, hub_id, other_hub_id, reason, decided_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
          [
            input.kind,
            a.system,
            a.localId,
            b.system,
            b.localId,
            input.hubId,
            input.otherHubId,
            input.reason,
            input.decidedBy,
          ],
        );
        await bump(tx);
        return decisionOf(row!);
      }),

    reverse: (id, by, reason) =>
      db.transaction(async (tx) => {
        const [row] = await tx.query<DecisionRow>(
          `UPDATE review_decisions SET reversed_by = $2, reversed_at = now(), reversal_reason = $3
            WHERE id = $1 AND reversed_at IS NULL RETURNING *`,
          [id, by, reason],
        );
        if (row === undefined) return null;
        await bump(tx);
        return decisionOf(row);
      }),

    decision: async (id) => {
      const [row] = await db.query<DecisionRow>('SELECT * FROM review_decisions WHERE id = $1', [id]);
      return row === undefined ? null : decisionOf(row);
    },

    decisions: async ({ active, hubIds, limit }) =>
      (
        await db.query<DecisionRow>(
          `SELECT * FROM review_decisions
            WHERE ($1::boolean IS NULL OR (reversed_at IS NULL) = $1)
              AND ($2::text[] IS NULL OR hub_id = ANY($2::text[]) OR other_hub_id = ANY($2::text[]))
            ORDER BY id DESC LIMIT $3`,
          [active ?? null, hubIds ?? null, limit],
        )
      ).map(decisionOf),

    close: () => db.close(),
  };
}
