/**
 * The hub's directory of children: the link index (built from every system's person list and kept
 * current by change events) plus what access needs before any upstream call: which records are
 * restricted and to whom they may be revealed. Restricted children are answered from here, with
 * no upstream call, so a hidden child costs the same as a child that does not exist.
 */
import type { Viewer } from '../access/types.ts';
import type { LinkIndex } from './linker.ts';
import type { RecordSlots } from './record-store.ts';
import { loadLinkIndex, type LoadProgress, type PersonSource } from './load.ts';
import type {
  ClusterView,
  IndexedIdentity,
  PossibleMatch,
  SearchPage,
  SearchQuery,
  SourceRecord,
} from './types.ts';
import type { SystemName } from '../../platform/systems.ts';

export interface Restriction {
  reason: string;
  allowedRoles: string[];
  allowedUsers: string[];
}

/** Pages of one system's people, already mapped by its connector. */
export interface PersonFeed {
  system: SystemName;
  /** `updatedAt`: when the system last changed the person (where it says), for later incremental reads. */
  pages(): AsyncIterable<
    { record: SourceRecord; restriction?: Restriction | null; updatedAt?: string | null }[]
  >;
}

export interface ChildDirectory {
  resolve(id: string): ClusterView | null;
  /** The hub id of the child a record belongs to (null: not indexed), without building its view. */
  hubIdOf(system: SystemName, localId: string): string | null;
  mayReveal(cluster: ClusterView, viewer: Viewer): boolean;
  restrictionOf(cluster: ClusterView): Restriction | null;
  search(query: SearchQuery, page: { first: number; after?: string | null }): SearchPage;
  possibleMatches(cluster: ClusterView, viewer: Viewer): PossibleMatch[];
  displayName(cluster: ClusterView): { forename: string; surname: string } | null;
  dateOfBirth(cluster: ClusterView): string | null;
  /** A person changed upstream (or was removed: null); a directory over the register settles it there. */
  apply(
    system: SystemName,
    localId: string,
    change: { record: SourceRecord; restriction?: Restriction | null } | null,
  ): void | Promise<void>;
  /** Every child once, in no particular order. */
  clusters(): Iterable<ClusterView>;
  /** Counts changes applied since loading: work derived from links may be reused while it stays put. */
  generation(): number;
  stats(): ReturnType<LinkIndex['stats']> & { loadMs: number };
}

/** The directory straight over the link index, which the register's decisions also bind. */
export interface LinkedDirectory extends ChildDirectory {
  /**
   * Record pairs (`system:localId`) a person has said are different children: never joined by the
   * linker, never offered to each other (LinkIndex.keepApart; the whole set, replacing the last).
   */
  keepApart(pairs: Iterable<readonly [string, string]>): void;
  /** Where the link index holds each record (`system:localId`), for a column kept beside it. */
  readonly slots: RecordSlots;
}

const SYSTEM_ORDER: SystemName[] = ['lcs', 'eyes', 'frontdoor', 'lift'];

/**
 * Loads every system's people through the link index's own streaming loader, noting each LCS
 * record's restriction on the way (the index keeps only that a record is restricted, not for whom).
 */
export async function loadChildDirectory(
  feeds: readonly PersonFeed[],
  onProgress?: LoadProgress,
): Promise<LinkedDirectory> {
  const restrictions = new Map<string, Restriction>();
  const sources: PersonSource[] = feeds.map((feed) => ({
    system: feed.system,
    async *pages() {
      for await (const page of feed.pages()) {
        yield page.map(({ record, restriction }) => {
          if (record.system === 'lcs' && restriction) restrictions.set(record.localId, restriction);
          return record;
        });
      }
    },
  }));
  const { index, report } = await loadLinkIndex(sources, {}, onProgress);
  return createChildDirectory(index, restrictions, report.loadMs + report.buildMs);
}

/** What a directory made here is over: its link index and the LCS restrictions (checkpoint.ts saves both). */
const contents = new WeakMap<ChildDirectory, { index: LinkIndex; restrictions: Map<string, Restriction> }>();

export function contentsOf(
  directory: ChildDirectory,
): { index: LinkIndex; restrictions: ReadonlyMap<string, Restriction> } | undefined {
  return contents.get(directory);
}

export function createChildDirectory(
  index: LinkIndex,
  restrictions: Map<string, Restriction>,
  loadMs = 0,
): LinkedDirectory {
  // Every restriction on the child applies: a viewer must be named by all of them. A restricted
  // cluster whose restriction is not known here is shown to no one.
  const restrictionOf = (cluster: ClusterView): Restriction | null => {
    if (!cluster.restricted) return null;
    const found = cluster.restrictedBy
      .filter((ref) => ref.system === 'lcs')
      .map((ref) => restrictions.get(ref.localId))
      .filter((r): r is Restriction => r !== undefined);
    if (found.length === 0) return { reason: 'UNKNOWN', allowedRoles: [], allowedUsers: [] };
    return found.reduce((all, r) => ({
      reason: all.reason,
      allowedRoles: all.allowedRoles.filter((role) => r.allowedRoles.includes(role)),
      allowedUsers: all.allowedUsers.filter((user) => r.allowedUsers.includes(user)),
    }));
  };
  const mayReveal = (cluster: ClusterView, viewer: Viewer): boolean => {
    const restriction = restrictionOf(cluster);
    if (!restriction) return true;
    return (
      viewer.roles.some((role) => restriction.allowedRoles.includes(role)) ||
      restriction.allowedUsers.includes(viewer.userId) ||
      (viewer.workerId !== null && restriction.allowedUsers.includes(viewer.workerId))
    );
  };
  const primaryRecord = (cluster: ClusterView): IndexedIdentity | undefined => {
    for (const system of SYSTEM_ORDER) {
      const id = cluster.records[system][0];
      if (id !== undefined) return index.record(system, id);
    }
    return undefined;
  };

  let changes = 0;
  const directory: LinkedDirectory = {
    resolve: (id) => index.resolve(id),
    hubIdOf: (system, localId) => index.hubIdOf(system, localId),
    mayReveal,
    restrictionOf,
    // Restricted children never appear in search, for anyone: those allowed to see one open it by
    // its id. Searching is how curiosity browsing starts, and a hit would reveal the record exists.
    search: (query, page) =>
      index.search(query, { first: page.first, after: page.after ?? null }, { includeRestricted: false }),
    possibleMatches: (cluster, viewer) =>
      index.possibleMatches(cluster.hubId).filter((m) => {
        const other = index.cluster(m.hubId);
        return other !== null && mayReveal(other, viewer);
      }),
    displayName: (cluster) => {
      const record = primaryRecord(cluster);
      return record ? { forename: record.forename, surname: record.surname } : null;
    },
    dateOfBirth: (cluster) => primaryRecord(cluster)?.dateOfBirth ?? null,
    apply: (system, localId, change) => {
      changes++;
      if (change === null) {
        index.remove(system, localId);
        restrictions.delete(localId);
        return;
      }
      if (system === 'lcs') {
        if (change.restriction) restrictions.set(localId, change.restriction);
        else restrictions.delete(localId);
      }
      index.upsert(change.record);
    },
    keepApart: (pairs) => {
      changes++;
      index.keepApart(pairs);
    },
    clusters: () => index.clusters(),
    slots: index.slots,
    generation: () => changes,
    stats: () => ({ ...index.stats(), loadMs }),
  };
  contents.set(directory, { index, restrictions });
  return directory;
}
