/**
 * What one system contributed to a child's answer: its records, or why there are none. The worst
 * outcome across a system's resources decides its `Child.sources` status.
 */
import type { GraphQLError } from 'graphql';
import type { Cached } from '../../src/platform/cache/types.ts';
import type { ReportSourceOutcome } from '../../connectors/reportSources.ts';
import { hubError } from '../../src/platform/errors.ts';
import { UpstreamError } from '../../src/platform/upstream/types.ts';
import { type SystemName } from '../../src/platform/systems.ts';
import type { System } from '../types.generated.ts';

/** Each system's name in the schema's System enum. */
export const SYSTEM_NAMES = {
  lcs: 'LCS',
  eyes: 'EYES',
  lift: 'LIFT',
  frontdoor: 'FRONTDOOR',
} as const satisfies Record<SystemName, System>;

export type SourceState = 'OK' | 'STALE' | 'UNAVAILABLE' | 'TIMEOUT' | 'RESTRICTED' | 'NOT_LINKED';

export interface SystemResult<T> {
  system: SystemName;
  state: SourceState;
  /** Oldest fetch time among the values used (ISO). */
  asOf: string | null;
  /** Present when state is OK or STALE. */
  values: T[];
  error: GraphQLError | null;
}

const SEVERITY: Record<SourceState, number> = {
  OK: 0,
  NOT_LINKED: 0,
  STALE: 1,
  RESTRICTED: 2,
  TIMEOUT: 3,
  UNAVAILABLE: 4,
};

export function worst(a: SourceState, b: SourceState): SourceState {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

export function notLinked<T>(system: SystemName): SystemResult<T> {
  return { system, state: 'NOT_LINKED', asOf: null, values: [], error: null };
}

/** Turns a failure into the graph's error for that system's branch (never the upstream's own text). */
export function toBranchError(
  system: SystemName,
  error: unknown,
): { state: SourceState; error: GraphQLError } {
  if (error instanceof UpstreamError && error.code === 'UPSTREAM_TIMEOUT') {
    return {
      state: 'TIMEOUT',
      error: hubError('UPSTREAM_TIMEOUT', `${system.toUpperCase()} did not answer in time.`, system),
    };
  }
  const retryAfterMs = error instanceof UpstreamError ? error.retryAfterMs : undefined;
  return {
    state: 'UNAVAILABLE',
    error: hubError(
      'UPSTREAM_UNAVAILABLE',
      `${system.toUpperCase()} is unavailable.`,
      system,
      retryAfterMs ? { retryAfter: Math.ceil(retryAfterMs / 1000) } : undefined,
    ),
  };
}

/**
 * One record through a request loader, for fields outside a child's branches (a worker, a team):
 * a failure is thrown as the graph's error naming the system, never as an INTERNAL.
 */
export async function loadOne<T>(
  system: SystemName,
  load: () => Promise<Cached<T> | null>,
): Promise<Cached<T> | null> {
  try {
    return await load();
  } catch (error) {
    throw toBranchError(system, error).error;
  }
}

/** Loads several keys of one resource and folds the per-key outcomes into one system result. */
export async function loadAll<T>(
  system: SystemName,
  keys: readonly string[],
  load: (keys: readonly string[]) => Promise<(Cached<T> | null | Error)[]>,
): Promise<SystemResult<T>> {
  if (keys.length === 0) return notLinked(system);
  return fold(system, await load(keys));
}

/** A request loader, as `loadKeyGroups` reads it (DataLoader's loadMany). */
export interface KeyLoader<V> {
  loadMany(keys: readonly string[]): Promise<(V | Error)[]>;
}

/**
 * `loadAll` for many groups of keys at once (a caseload page: each child's records of one
 * resource): one `loadMany` for them all, each group folded as `loadAll` folds its keys. A page of
 * fifty children otherwise pays fifty async calls, and the promises and handlers around each.
 */
export async function loadKeyGroups<T>(
  system: SystemName,
  groups: readonly (readonly string[])[],
  loader: KeyLoader<Cached<T> | null>,
): Promise<SystemResult<T>[]> {
  const keys: string[] = [];
  for (const group of groups) for (const key of group) keys.push(key);
  const results = keys.length === 0 ? [] : await loader.loadMany(keys);
  let at = 0;
  return groups.map((group) => {
    if (group.length === 0) return notLinked<T>(system);
    const folded = fold(system, results.slice(at, at + group.length));
    at += group.length;
    return folded;
  });
}

function fold<T>(system: SystemName, results: readonly (Cached<T> | null | Error)[]): SystemResult<T> {
  let state: SourceState = 'OK';
  let asOf: string | null = null;
  const values: T[] = [];
  for (const result of results) {
    if (result instanceof Error) return { system, values: [], asOf: null, ...toBranchError(system, result) };
    if (result === null) continue;
    if (result.freshness === 'stale') state = worst(state, 'STALE');
    if (asOf === null || result.asOf < asOf) asOf = result.asOf;
    values.push(result.value);
  }
  return { system, state, asOf, values, error: null };
}

/** Combines two results of the same system (e.g. LCS person and LCS social care record). */
export function combineState(
  a: SystemResult<unknown>,
  b: SystemResult<unknown>,
): { state: SourceState; asOf: string | null } {
  const state = worst(a.state, b.state);
  const asOf = a.asOf === null ? b.asOf : b.asOf === null ? a.asOf : a.asOf < b.asOf ? a.asOf : b.asOf;
  return { state, asOf };
}

/**
 * A report's `sources`: per system read, the worst of its reads (OK, STALE, TIMEOUT, UNAVAILABLE)
 * and the oldest fetch time among those that answered, in the order the systems were first read.
 */
export function reportSourceStatuses(
  outcomes: readonly ReportSourceOutcome[],
): { system: System; status: SourceState; asOf: string | null }[] {
  const bySystem = new Map<SystemName, { state: SourceState; asOf: string | null }>();
  for (const outcome of outcomes) {
    const seen = bySystem.get(outcome.system) ?? { state: 'OK' as SourceState, asOf: null };
    if (outcome.failed) {
      seen.state = worst(seen.state, toBranchError(outcome.system, outcome.error).state);
    } else {
      if (outcome.stale) seen.state = worst(seen.state, 'STALE');
      if (seen.asOf === null || outcome.asOf < seen.asOf) seen.asOf = outcome.asOf;
    }
    bySystem.set(outcome.system, seen);
  }
  return [...bySystem].map(([system, { state, asOf }]) => ({
    system: SYSTEM_NAMES[system],
    status: state,
    asOf,
  }));
}
