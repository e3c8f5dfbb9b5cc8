/**
 * Shared pieces for the resilience suite: a hub over the real simulators with small timeouts and a
 * Redis namespace of its own, fault injection through each simulator's control API, a pool of
 * children never queried before (so every query really reaches the upstreams instead of the
 * cache), and a Prometheus text parser for /metrics.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startHarness, type Harness } from '../hub/harness.ts';
import type { HubOverrides } from '../../../src/server/app.ts';
import type { ClusterView } from '../../../src/domain/identity/types.ts';
import type { SystemName } from '../../../src/platform/systems.ts';

export const SYSTEMS: readonly SystemName[] = ['lcs', 'eyes', 'lift', 'frontdoor'];
export const REDIS_URL = 'redis://127.0.0.1:6379';

/** The graph branch each system feeds, and how `Child.sources` / `extensions.system` name it. */
export const BRANCH: Record<
  SystemName,
  { field: 'socialCare' | 'education' | 'finance' | 'frontDoor'; label: string }
> = {
  lcs: { field: 'socialCare', label: 'LCS' },
  eyes: { field: 'education', label: 'EYES' },
  lift: { field: 'finance', label: 'LIFT' },
  frontdoor: { field: 'frontDoor', label: 'FRONTDOOR' },
};

/** One branch per system, plus the per-system status. Nothing else touches an upstream. */
export const CHILD_QUERY = `query Resilience($id: ID!) { child(id: $id) {
  id
  identifiers { lcsPersonIds eyesPupilIds liftClientRefs frontDoorContactIds }
  sources { system status }
  socialCare { caseStatus }
  education { enrolments { totalCount } }
  finance { costToDate }
  frontDoor { contacts { totalCount } }
} }`;

export interface ErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; system?: string };
}

export interface ChildAnswer {
  id: string;
  identifiers: Record<string, string[]>;
  sources: { system: string; status: string }[];
  socialCare: unknown;
  education: unknown;
  finance: unknown;
  frontDoor: unknown;
}

export interface ChildBody {
  data: { child: ChildAnswer | null } | null;
  errors?: ErrorBody[];
}

/** The errors that name `system` (by `extensions.system`). */
export function errorsOf(body: ChildBody, system: SystemName): ErrorBody[] {
  return (body.errors ?? []).filter((e) => e.extensions?.system === BRANCH[system].label);
}

/** The branch `system` feeds, read from the answer. */
export function branchOf(child: ChildAnswer, system: SystemName): unknown {
  return child[BRANCH[system].field];
}

export interface Fault {
  latencyMs?: number;
  jitterMs?: number;
  errorRate?: number;
  status?: number;
  retryAfterSeconds?: number;
  down?: boolean;
  hang?: boolean;
  malformed?: boolean;
  dropFields?: string[];
  wrapFields?: string[];
  routes?: string[];
}

/** Hub settings small enough that a fault costs well under a second. */
export const FAST_ENV: Record<string, string> = {
  UPSTREAM_TIMEOUT_MS: '300',
  // Under two attempts: a hanging system costs one 300 ms attempt and leaves ~290 ms for the
  // loads that wait on it (every child open waits on LCS), with slack for a busy machine.
  REQUEST_DEADLINE_MS: '590',
  UPSTREAM_MAX_RETRIES: '2',
  UPSTREAM_BACKOFF_BASE_MS: '10',
  UPSTREAM_BACKOFF_MAX_MS: '50',
  BREAKER_COOLDOWN_MS: '500',
  RATE_LIMIT_PER_MINUTE: '100000',
  RATE_LIMIT_BURST: '10000',
};

export interface ResilienceHarness extends Harness {
  keyPrefix: string;
  setFault(system: SystemName, fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  /** Requests the simulator received on its contract routes since the last reset. */
  simRequests(system: SystemName): Promise<number>;
  resetSimStats(): Promise<void>;
  /** A token that sees every system's branch (front door for care and education, finance for LIFT). */
  viewerToken(): Promise<string>;
  /** A child (hub id) the directory links to `system` and to `minLinked - 1` (default 1) other systems, never handed out before. */
  freshChild(system: SystemName, minLinked?: number): string;
  timedQuery(token: string, id: string): Promise<{ ms: number; status: number; body: ChildBody }>;
  metrics(): Promise<MetricSample[]>;
}

export async function startResilienceHarness(
  env: Record<string, string> = {},
  overrides: HubOverrides = {},
): Promise<ResilienceHarness> {
  const keyPrefix = `svoc-resil-${randomBytes(6).toString('hex')}:`;
  const h = await startHarness(
    { ...FAST_ENV, REDIS_URL, REDIS_KEY_PREFIX: keyPrefix, ...env },
    {},
    overrides,
  );
  const used = new Set<string>();
  // The clusters the hub's directory built (the ground truth's linkage can differ), restricted
  // ones left out (they answer NOT_FOUND), each once.
  const clusters = new Map<string, ClusterView>();
  for (const truth of h.sims.county.groundTruth()) {
    for (const system of SYSTEMS) {
      for (const id of truth[system]) {
        const cluster = h.hub.directory.resolve(`${system}:${id}`);
        if (cluster && !cluster.restricted) clusters.set(cluster.hubId, cluster);
      }
    }
  }
  let token: string | null = null;

  const control = async (system: SystemName, path: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(`${h.sims.urls[system]}/__sim/${path}`, init);
    if (!response.ok)
      throw new Error(`simulator control ${system} ${path}: ${response.status} ${await response.text()}`);
    return response;
  };

  const clearFaults = async (): Promise<void> => {
    await Promise.all(SYSTEMS.map((system) => control(system, 'faults', { method: 'DELETE' })));
  };

  return {
    ...h,
    keyPrefix,
    setFault: async (system, fault) => {
      await control(system, 'faults', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });
    },
    clearFaults,
    simRequests: async (system) =>
      ((await (await control(system, 'stats')).json()) as { total: number }).total,
    resetSimStats: async () => {
      await Promise.all(SYSTEMS.map((system) => control(system, 'stats', { method: 'DELETE' })));
    },
    viewerToken: async () =>
      (token ??= await h.token({ userId: 'resilience-viewer', roles: ['FRONT_DOOR', 'FINANCE'] })),
    freshChild: (system, minLinked = 2) => {
      // Of the unused clusters linked to `system` and at least one other, the one linked to the
      // fewest systems: clusters known everywhere are scarce, keep them for the systems that need them.
      let best: ClusterView | null = null;
      for (const cluster of clusters.values()) {
        const linked = linkedCount(cluster.records);
        if (used.has(cluster.hubId) || cluster.records[system].length === 0 || linked < minLinked) continue;
        if (best === null || linked < linkedCount(best.records)) best = cluster;
      }
      if (!best)
        throw new Error(
          `no unused child linked to ${system} (and ${minLinked - 1} other systems) is left in the county`,
        );
      used.add(best.hubId);
      return best.hubId;
    },
    timedQuery: async (t, id) => {
      const started = performance.now();
      const { status, body } = await h.query(t, CHILD_QUERY, { id });
      return { ms: performance.now() - started, status, body: body as ChildBody };
    },
    metrics: async () => parsePrometheus(await (await fetch(h.url.replace('/graphql', '/metrics'))).text()),
    close: async () => {
      await clearFaults().catch(() => undefined);
      await h.close();
      await deleteKeys(keyPrefix);
    },
  };
}

function linkedCount(c: Readonly<Record<SystemName, readonly string[]>>): number {
  return SYSTEMS.filter((s) => c[s].length > 0).length;
}

/** Removes every key this run wrote (the audit stream and invalidation channel are not keys under it). */
export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface MetricSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, enough of it to read counters, gauges and histogram series. */
export function parsePrometheus(text: string): MetricSample[] {
  const samples: MetricSample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line.slice(0, 80)}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** Sum of the samples named `name` whose labels include `where`. */
export function total(samples: MetricSample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

/** What a system's status should be when it is healthy, from the ids the directory linked. */
export function healthyStatus(
  child: { identifiers: Record<string, string[]> },
  system: SystemName,
): 'OK' | 'NOT_LINKED' {
  const field = {
    lcs: 'lcsPersonIds',
    eyes: 'eyesPupilIds',
    lift: 'liftClientRefs',
    frontdoor: 'frontDoorContactIds',
  }[system];
  return (child.identifiers[field] ?? []).length > 0 ? 'OK' : 'NOT_LINKED';
}

export function statusOf(
  child: { sources: { system: string; status: string }[] },
  system: SystemName,
): string | undefined {
  return child.sources.find((s) => s.system === BRANCH[system].label)?.status;
}

/** Measured latencies, printed once per file so the closing note can quote them. */
export class LatencyTable {
  private readonly rows: { system: string; fault: string; ms: number[]; bound: number }[] = [];
  add(system: string, fault: string, ms: number, bound: number): void {
    const row = this.rows.find((r) => r.system === system && r.fault === fault);
    if (row) row.ms.push(ms);
    else this.rows.push({ system, fault, ms: [ms], bound });
  }
  render(title: string): string {
    const lines = [`${title}`, 'system     fault                      ms (each query)          bound'];
    for (const r of this.rows) {
      lines.push(
        `${r.system.padEnd(10)} ${r.fault.padEnd(26)} ${r.ms
          .map((m) => m.toFixed(0))
          .join(', ')
          .padEnd(24)} ${r.bound}`,
      );
    }
    return lines.join('\n');
  }
}
