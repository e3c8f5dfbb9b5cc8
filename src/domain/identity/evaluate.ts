/**
 * Linkage quality against a known truth (the synthetic county's ground truth): pairwise precision
 * and recall of JOINED records. A pair is two records in one cluster; it is correct when both
 * records belong to the same real child. Pairs are also broken down by the systems involved
 * (lcs–eyes, eyes–frontdoor, …), where the errors of each kind of link show up.
 *
 * Restricted records are singletons by policy (never linked), so their true pairs can never be
 * found; they are reported separately and left out of `recall` (`recallIncludingRestricted` keeps them).
 */
import type { LinkIndex } from './linker.ts';
import { SYSTEMS, type SystemName } from '../../platform/systems.ts';
import { PERSON_REGISTERS, type PairComparison, type SourceRecord } from './types.ts';

/** One real child and the ids each system holds for them (same shape as the county's ground truth). */
export interface TruthChild {
  child: string;
  lcs: string[];
  eyes: string[];
  lift: string[];
  frontdoor: string[];
}

export interface PairCounts {
  predicted: number;
  correct: number;
  actual: number;
  precision: number;
  recall: number;
}

export interface LinkageQuality extends PairCounts {
  bySystemPair: Record<string, PairCounts>;
  records: Record<SystemName, number>;
  /** Ground-truth records the index does not hold. */
  missingRecords: number;
  /** Clusters holding records of two or more real children (each is at least one wrong join). */
  overMergedClusters: number;
  /** Real children whose records are spread over two or more clusters (each is a missed join). */
  splitChildren: number;
  clusters: number;
  children: number;
}

const pairName = (a: SystemName, b: SystemName): string =>
  SYSTEMS.indexOf(a) <= SYSTEMS.indexOf(b) ? `${a}-${b}` : `${b}-${a}`;
const choose2 = (n: number): number => (n * (n - 1)) / 2;

/** Pairs by system pair among records counted per system. */
function pairsBySystem(counts: Record<SystemName, number>, add: (pair: string, pairs: number) => void): void {
  SYSTEMS.forEach((a, i) => {
    for (const b of SYSTEMS.slice(i)) {
      const pairs = a === b ? choose2(counts[a]) : counts[a] * counts[b];
      if (pairs > 0) add(pairName(a, b), pairs);
    }
  });
}

const emptyCounts = (): Record<SystemName, number> => ({ lcs: 0, eyes: 0, lift: 0, frontdoor: 0 });
const ratio = (num: number, den: number): number => (den === 0 ? 1 : num / den);

export function evaluateLinkage(index: LinkIndex, truth: Iterable<TruthChild>): LinkageQuality {
  const bySystemPair: Record<string, PairCounts> = {};
  const bucket = (pair: string): PairCounts =>
    (bySystemPair[pair] ??= { predicted: 0, correct: 0, actual: 0, precision: 1, recall: 1 });

  let predicted = 0;
  let clusters = 0;
  const records = emptyCounts();
  for (const cluster of index.clusters()) {
    clusters++;
    const counts = emptyCounts();
    for (const system of SYSTEMS) {
      counts[system] = cluster.records[system].length;
      records[system] += counts[system];
    }
    pairsBySystem(counts, (pair, pairs) => {
      bucket(pair).predicted += pairs;
      predicted += pairs;
    });
  }

  let correct = 0;
  let actual = 0;
  let missingRecords = 0;
  let children = 0;
  let splitChildren = 0;
  // Clusters seen so far, and those already found holding a second child.
  const ownerSeen = new Set<string>();
  const overMerged = new Set<string>();
  for (const child of truth) {
    children++;
    const perCluster = new Map<string, Record<SystemName, number>>();
    const all = emptyCounts();
    for (const system of SYSTEMS) {
      for (const id of child[system]) {
        const cluster = index.resolve(`${system}:${id}`);
        if (!cluster) {
          missingRecords++;
          continue;
        }
        all[system]++;
        let counts = perCluster.get(cluster.hubId);
        if (!counts) perCluster.set(cluster.hubId, (counts = emptyCounts()));
        counts[system]++;
      }
    }
    // Restricted records are linked like any other, so their pairs count like any other.
    pairsBySystem(all, (pair, pairs) => {
      bucket(pair).actual += pairs;
      actual += pairs;
    });
    if (perCluster.size > 1) splitChildren++;
    for (const hubId of perCluster.keys()) {
      if (ownerSeen.has(hubId)) overMerged.add(hubId);
      else ownerSeen.add(hubId);
    }
    for (const counts of perCluster.values()) {
      pairsBySystem(counts, (pair, pairs) => {
        bucket(pair).correct += pairs;
        correct += pairs;
      });
    }
  }
  for (const counts of Object.values(bySystemPair)) {
    counts.precision = ratio(counts.correct, counts.predicted);
    counts.recall = ratio(counts.correct, counts.actual);
  }
  return {
    predicted,
    correct,
    actual,
    precision: ratio(correct, predicted),
    recall: ratio(correct, actual),
    bySystemPair,
    records,
    missingRecords,
    overMergedClusters: overMerged.size,
    splitChildren,
    clusters,
    children,
  };
}

/** A record whose identity departs from its child's, and how (the county's ground truth of flaws). */
export interface TruthFlaw {
  child: string;
  system: SystemName;
  id: string;
  flaws: readonly string[];
}

export interface FlawOutcome {
  /** Flawed records whose child has another record to be joined with. */
  records: number;
  /** Joined to another record of their child. */
  joined: number;
  /** Not joined, but offered as a possible match of a cluster holding their child. */
  possible: number;
  /** Neither. */
  missed: number;
}

/**
 * How the linker fared with each kind of flawed record: joined to its child, offered as a
 * possible match of its child, or missed. Records whose child has no other record are left out.
 */
export function evaluateFlaws(
  index: LinkIndex,
  truth: Iterable<TruthChild>,
  flawed: Iterable<TruthFlaw>,
): Record<string, FlawOutcome> {
  const recordsOf = new Map<string, string[]>();
  for (const child of truth) {
    const ids = SYSTEMS.flatMap((system) => child[system].map((id) => `${system}:${id}`));
    if (ids.length > 1) recordsOf.set(child.child, ids);
  }
  const byFlaw: Record<string, FlawOutcome> = {};
  for (const record of flawed) {
    const own = `${record.system}:${record.id}`;
    const others = (recordsOf.get(record.child) ?? []).filter((id) => id !== own);
    const cluster = index.resolve(own);
    if (others.length === 0 || !cluster) continue;
    const otherHubIds = new Set(others.flatMap((id) => index.resolve(id)?.hubId ?? []));
    const joined = otherHubIds.has(cluster.hubId);
    const possible =
      !joined && index.possibleMatches(cluster.hubId).some((match) => otherHubIds.has(match.hubId));
    for (const flaw of record.flaws) {
      const outcome = (byFlaw[flaw] ??= { records: 0, joined: 0, possible: 0, missed: 0 });
      outcome.records++;
      if (joined) outcome.joined++;
      else if (possible) outcome.possible++;
      else outcome.missed++;
    }
  }
  return byFlaw;
}

export interface PossibleMatchCoverage {
  /** True pairs of records left in different clusters. */
  missedPairs: number;
  /** Of those, pairs whose two clusters are offered to each other as possible matches. */
  offeredPairs: number;
  coverage: number;
}

/**
 * How many of the true pairs the linker did not join are offered as possible matches (either
 * cluster lists the other), the work left for a data steward to finish.
 */
export function evaluatePossibleMatches(
  index: LinkIndex,
  truth: Iterable<TruthChild>,
): PossibleMatchCoverage {
  const offeredBy = new Map<string, Set<string>>();
  const offered = (hubId: string): Set<string> => {
    let set = offeredBy.get(hubId);
    if (!set) offeredBy.set(hubId, (set = new Set(index.possibleMatches(hubId).map((match) => match.hubId))));
    return set;
  };
  let missedPairs = 0;
  let offeredPairs = 0;
  for (const child of truth) {
    const sizes = new Map<string, number>();
    for (const system of SYSTEMS) {
      for (const id of child[system]) {
        const hubId = index.hubIdOf(system, id);
        if (hubId !== null) sizes.set(hubId, (sizes.get(hubId) ?? 0) + 1);
      }
    }
    const hubIds = [...sizes.keys()];
    for (let i = 0; i < hubIds.length; i++) {
      for (let j = i + 1; j < hubIds.length; j++) {
        const [a, b] = [hubIds[i]!, hubIds[j]!];
        const pairs = sizes.get(a)! * sizes.get(b)!;
        missedPairs += pairs;
        if (offered(a).has(b) || offered(b).has(a)) offeredPairs += pairs;
      }
    }
  }
  return { missedPairs, offeredPairs, coverage: ratio(offeredPairs, missedPairs) };
}

/** What stands between a split child's pieces: the best-scoring pair of records across them. */
export type MissedLinkCause =
  /** Scores to join, but both pieces hold a record of one person register (joined only on an identifier). */
  | 'sameRegister'
  /** Scores to join, but another rule keeps them apart (identifiers, a contradiction, a restriction, a person's word). */
  | 'otherRule'
  /** Below the join threshold, at or above the possible-match threshold. */
  | 'possible'
  /** Below the possible-match threshold, at or above the review threshold. */
  | 'review'
  /** Below the review threshold: too little in common to offer. */
  | 'unrelated';

export interface MissedLinkAnatomy {
  /** Children held in more than one cluster. */
  splitChildren: number;
  /** Pieces (clusters beyond each child's largest) and the true pairs between each and that largest. */
  byCause: Record<MissedLinkCause, { pieces: number; pairs: number }>;
}

/**
 * Why true pairs were missed: each split child's smaller pieces are compared with its largest piece
 * (the cluster holding most of its records) through their best-scoring pair of records, and put down
 * to a linking rule or to the score bands of `thresholds`. Missed pairs between two smaller pieces
 * are not counted.
 */
export function explainMissedLinks(
  index: LinkIndex,
  truth: Iterable<TruthChild>,
  thresholds: { joinThreshold: number; possibleThreshold: number; reviewThreshold: number },
): MissedLinkAnatomy {
  const byCause = {} as MissedLinkAnatomy['byCause'];
  for (const cause of ['sameRegister', 'otherRule', 'possible', 'review', 'unrelated'] as const)
    byCause[cause] = { pieces: 0, pairs: 0 };
  let splitChildren = 0;
  for (const child of truth) {
    const pieces = new Map<string, { system: SystemName; localId: string }[]>();
    for (const system of SYSTEMS) {
      for (const localId of child[system]) {
        const hubId = index.hubIdOf(system, localId);
        if (hubId === null) continue;
        let piece = pieces.get(hubId);
        if (!piece) pieces.set(hubId, (piece = []));
        piece.push({ system, localId });
      }
    }
    if (pieces.size < 2) continue;
    splitChildren++;
    const [largest, ...rest] = [...pieces.values()].sort((a, b) => b.length - a.length);
    const registersOf = (piece: { system: SystemName }[]) =>
      new Set(piece.map((ref) => ref.system).filter((system) => PERSON_REGISTERS.includes(system)));
    const largestRegisters = registersOf(largest!);
    for (const piece of rest) {
      let best = -Infinity;
      for (const a of piece)
        for (const b of largest!) best = Math.max(best, index.comparePair(a, b)?.score ?? -Infinity);
      const sharesRegister = [...registersOf(piece)].some((system) => largestRegisters.has(system));
      const cause: MissedLinkCause =
        best >= thresholds.joinThreshold
          ? sharesRegister
            ? 'sameRegister'
            : 'otherRule'
          : best >= thresholds.possibleThreshold
            ? 'possible'
            : best >= thresholds.reviewThreshold
              ? 'review'
              : 'unrelated';
      byCause[cause].pieces++;
      byCause[cause].pairs += piece.length * largest!.length;
    }
  }
  return { splitChildren, byCause };
}

/** The real child holding each record of the truth (undefined for a record it does not know). */
function ownerOf(
  truth: Iterable<TruthChild>,
): (ref: { system: SystemName; localId: string }) => string | undefined {
  const childOf = new Map<string, string>();
  for (const child of truth)
    for (const system of SYSTEMS)
      for (const localId of child[system]) childOf.set(`${system}:${localId}`, child.child);
  return (ref) => childOf.get(`${ref.system}:${ref.localId}`);
}

/** One way two children came to share a cluster: the fields of the best-scoring pair joining them. */
export interface OverMergePattern {
  /** The two systems of the pair, as `lcs-frontdoor`. */
  systems: string;
  /** `field:level` for each field that agreed (PairComparison.agreed), then `| ` and those that disagreed. */
  fields: string;
  clusters: number;
}

/**
 * What joined two children: for each cluster holding records of two or more real children, the
 * best-scoring pair of records of different children (the edge most likely to have joined them),
 * counted by its systems and agreement pattern, commonest first. Field levels only: nothing that
 * names a child.
 */
export function explainOverMerges(index: LinkIndex, truth: Iterable<TruthChild>): OverMergePattern[] {
  const owner = ownerOf(truth);
  const patterns = new Map<string, OverMergePattern>();
  for (const cluster of index.clusters()) {
    if (SYSTEMS.reduce((records, system) => records + cluster.records[system].length, 0) < 2) continue;
    // Records the truth does not know are evaluateLinkage's `missingRecords`, not a second child.
    const refs = SYSTEMS.flatMap((system) =>
      cluster.records[system].map((localId) => ({ system, localId })),
    ).filter((ref) => owner(ref) !== undefined);
    if (new Set(refs.map(owner)).size < 2) continue;
    let best: { systems: string; comparison: PairComparison } | undefined;
    for (const [i, a] of refs.entries()) {
      for (const b of refs.slice(i + 1)) {
        if (owner(a) === owner(b)) continue;
        const comparison = index.comparePair(a, b);
        if (comparison && (!best || comparison.score > best.comparison.score))
          best = { systems: pairName(a.system, b.system), comparison };
      }
    }
    if (!best) continue;
    const fields = `${best.comparison.agreed.join(',')} | ${best.comparison.disagreed.join(',')}`;
    const key = `${best.systems} ${fields}`;
    const pattern = patterns.get(key) ?? { systems: best.systems, fields, clusters: 0 };
    pattern.clusters++;
    patterns.set(key, pattern);
  }
  return [...patterns.values()].sort(
    (x, y) => y.clusters - x.clusters || (`${x.systems} ${x.fields}` < `${y.systems} ${y.fields}` ? -1 : 1),
  );
}

/**
 * Contacts no linker can tell from another child: a front-door record (any record outside the
 * person registers) that gives a name and a date of birth and nothing else to link on (no
 * postcode, identifier or cross-reference), where those are exactly a person-register record of
 * another real child and of none of the contact's own child. Such a contact joins its namesake
 * unless something else it fits holds it back (another contact of its own child), wherever a bare
 * name and birth date may join, which is right for the many contacts that are who they seem: the
 * count says how many of a county's over-merges chance alone sets up. Deliberately plain (names
 * lower-cased and trimmed, dates as given), without the link index's normalisation or scoring, so
 * it is a check on the linker and not a second opinion from it.
 */
export function countIndistinguishableNamesakes(
  records: Iterable<SourceRecord>,
  truth: Iterable<TruthChild>,
): number {
  const owner = ownerOf(truth);
  const identity = (record: SourceRecord) =>
    `${record.forename.trim().toLowerCase()}|${record.surname.trim().toLowerCase()}|${record.dateOfBirth}`;
  const registerChildren = new Map<string, Set<string>>();
  const contacts: { record: SourceRecord; child: string }[] = [];
  for (const record of records) {
    if (record.dateOfBirth === null) continue;
    const child = owner(record);
    if (child === undefined) continue;
    if (!PERSON_REGISTERS.includes(record.system)) {
      const nothingElse =
        record.postcodes.length === 0 &&
        record.nhsNumber === null &&
        record.upn === null &&
        record.uln === null &&
        record.crossRefs.length === 0;
      if (nothingElse) contacts.push({ record, child });
      continue;
    }
    const key = identity(record);
    const children = registerChildren.get(key) ?? new Set<string>();
    children.add(child);
    registerChildren.set(key, children);
  }
  let hazards = 0;
  for (const { record, child } of contacts) {
    const namesakes = registerChildren.get(identity(record));
    if (namesakes !== undefined && !namesakes.has(child)) hazards++;
  }
  return hazards;
}

export interface TypoSearchOutcome {
  searches: number;
  /** Searches whose first result is the child holding the searched record. */
  foundFirst: number;
  hitRate: number;
}

/**
 * A practitioner's search with one letter of the forename mistyped (substituted), plus the
 * surname and date of birth: how often the child comes first. `records` are the records searched
 * for; the letter and its replacement are chosen from `pick` (a deterministic source of integers).
 */
export function evaluateTypoSearch(
  index: LinkIndex,
  records: Iterable<{ system: SystemName; localId: string }>,
  pick: (below: number) => number,
): TypoSearchOutcome {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let searches = 0;
  let foundFirst = 0;
  for (const { system, localId } of records) {
    const identity = index.record(system, localId);
    const hubId = index.hubIdOf(system, localId);
    if (!identity || hubId === null || !identity.dateOfBirth || identity.forename.length < 2) continue;
    const forename = identity.forename.toLowerCase();
    const at = pick(forename.length);
    const others = letters.replace(forename[at]!, '');
    const typo = forename.slice(0, at) + others[pick(others.length)]! + forename.slice(at + 1);
    const page = index.search(
      { name: `${typo} ${identity.surname}`, dateOfBirth: identity.dateOfBirth },
      { first: 1 },
      { includeRestricted: true },
    );
    searches++;
    if (page.items[0]?.cluster.hubId === hubId) foundFirst++;
  }
  return { searches, foundFirst, hitRate: ratio(foundFirst, searches) };
}
