/**
 * A bounded in-memory index of recent records, per child, per user and overall, plus recent
 * alerts: what the file and memory sinks answer queries from. Memory stays bounded however long
 * the hub runs: each list keeps its newest `perKey` records and only `maxKeys` children/users
 * are tracked (least recently written dropped first). Queries reaching further back than the
 * window get only what the window holds: for complete history, use the Redis stream sink or
 * read the file itself (readAuditFile).
 */
import { isAlert } from './chain.ts';
import type { AuditQuery, AuditRecord } from './types.ts';

export interface RecentIndexLimits {
  /** Records kept per child and per user. Default 25 (as CP-IS shows the last 25). */
  perKey?: number;
  /** Children (and, separately, users) tracked. Default 2,000. */
  maxKeys?: number;
  /** Records kept for queries naming neither child nor user, and alerts kept. Default 2,000. */
  recent?: number;
}

class BoundedLists {
  private readonly lists = new Map<string, AuditRecord[]>();
  constructor(
    private readonly perKey: number,
    private readonly maxKeys: number,
  ) {}
  add(key: string, record: AuditRecord): void {
    const list = this.lists.get(key) ?? [];
    this.lists.delete(key);
    list.push(record);
    if (list.length > this.perKey) list.splice(0, list.length - this.perKey);
    this.lists.set(key, list);
    if (this.lists.size > this.maxKeys) {
      const oldest = this.lists.keys().next();
      if (!oldest.done) this.lists.delete(oldest.value);
    }
  }
  get(key: string): readonly AuditRecord[] {
    return this.lists.get(key) ?? [];
  }
}

/**
 * Appends and keeps the newest `max`. Trimming one record per push would shift the whole list
 * every time (O(max) per record on the request path); letting it reach twice the bound and then
 * trimming once is O(1) amortised. Readers see at most `max` through `newest`.
 */
function pushBounded(list: AuditRecord[], record: AuditRecord, max: number): void {
  list.push(record);
  if (list.length >= max * 2) list.splice(0, list.length - max);
}

/** The newest `max` records of a list kept by pushBounded. */
function newest(list: readonly AuditRecord[], max: number): readonly AuditRecord[] {
  return list.length > max ? list.slice(list.length - max) : list;
}

export function isoBound(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError('Audit query bound is not a valid date');
  return date.toISOString();
}

/** The children a record is about: the one it names, and every child a list in it disclosed. */
export function childrenOf(record: AuditRecord): Set<string> {
  const ids = new Set(record.childIds);
  if (record.childId !== null) ids.add(record.childId);
  return ids;
}

function concerns(record: AuditRecord, childId: string): boolean {
  return record.childId === childId || (record.childIds?.includes(childId) ?? false);
}

/** Applies a query's filters to records held oldest first; answers newest first. */
export function filterNewestFirst(records: readonly AuditRecord[], query: AuditQuery): AuditRecord[] {
  const from = isoBound(query.from);
  const to = isoBound(query.to);
  const matches: AuditRecord[] = [];
  for (let i = records.length - 1; i >= 0 && matches.length < query.limit; i--) {
    const record = records[i] as AuditRecord;
    if (query.userId !== undefined && record.userId !== query.userId) continue;
    if (query.childId !== undefined && !concerns(record, query.childId)) continue;
    if (from !== undefined && record.at < from) continue;
    if (to !== undefined && record.at > to) continue;
    matches.push(record);
  }
  return matches;
}

export class RecentIndex {
  private readonly byChild: BoundedLists;
  private readonly byUser: BoundedLists;
  private readonly recent: AuditRecord[] = [];
  private readonly recentAlerts: AuditRecord[] = [];
  private readonly recentMax: number;

  constructor(limits: RecentIndexLimits = {}) {
    // Worst case 2 x 2,000 x 25 + 2 x 2,000 records (about 1 KB each) held; in practice the
    // lists share records. Longer history: the Redis stream sink, or the file itself.
    const perKey = limits.perKey ?? 25;
    const maxKeys = limits.maxKeys ?? 2_000;
    this.recentMax = limits.recent ?? 2_000;
    this.byChild = new BoundedLists(perKey, maxKeys);
    this.byUser = new BoundedLists(perKey, maxKeys);
  }

  add(record: AuditRecord): void {
    for (const childId of childrenOf(record)) this.byChild.add(childId, record);
    this.byUser.add(record.userId, record);
    pushBounded(this.recent, record, this.recentMax);
    if (isAlert(record)) pushBounded(this.recentAlerts, record, this.recentMax);
  }

  query(query: AuditQuery): AuditRecord[] {
    const source =
      query.childId !== undefined
        ? this.byChild.get(query.childId)
        : query.userId !== undefined
          ? this.byUser.get(query.userId)
          : newest(this.recent, this.recentMax);
    return filterNewestFirst(source, query);
  }

  alerts(limit: number): AuditRecord[] {
    return newest(this.recentAlerts, this.recentMax).slice(-limit).reverse();
  }
}
