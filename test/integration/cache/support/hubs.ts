/**
 * The harness of the hub* tests in this folder (the cache through a real hub over HTTP; the store*
 * tests drive the cache modules directly, without a hub). Issue 5's end-to-end harness: one set of simulators (a tiny county) per test file, and as many
 * hubs over them as a test needs, each a real `createHub` listening on HTTP. Hubs of one file share
 * a signing key (a token minted once works on every instance) and, when told, one Redis and key
 * prefix. Helpers read the simulators' control API (call counts, faults, record patches) and dump
 * or clear a prefix on Redis.
 *
 * Differs from test/integration/hub/harness.ts in that the simulators outlive the hubs (a hub can
 * be restarted over the same systems and cache) and several hubs can share them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster, Redis } from 'ioredis';
import { createHub, type Hub, type HubOverrides } from '../../../../src/server/app.ts';
import { loadConfig } from '../../../../src/platform/config/index.ts';
import { loadLocalSigningKey, mintToken } from '../../../../src/domain/access/index.ts';
import type { SharedEntityCache } from '../../../../src/platform/cache/index.ts';
import type { EntityCache } from '../../../../src/platform/cache/types.ts';
import type { Role } from '../../../../src/domain/access/types.ts';
import { startSimulators, type RunningSimulators } from '../../../../simulators/index.ts';
import type { GroundTruthChild } from '../../../../simulators/county/types.ts';

export const SYSTEMS = ['lcs', 'eyes', 'lift', 'frontdoor'] as const;
export type System = (typeof SYSTEMS)[number];

/** Two sealing keys (id:secret) for rotation tests; never used outside tests. */
export const OLD_KEY = 'old:caching-itest-old-sealing-secret-0123456789abcdef';
export const NEW_KEY = 'new:caching-itest-new-sealing-secret-fedcba9876543210';
export const EVENTS_TOKEN = 'caching-itest-events-token-0123456789';

/** The child view a practitioner opens: every system's branch, sources with their as-of times. */
export const CHILD_VIEW = `query ChildView($id: ID!) { child(id: $id) {
  id name { forename surname } dateOfBirth
  identifiers { lcsPersonIds eyesPupilIds liftClientRefs frontDoorContactIds }
  sources { system status asOf }
  socialCare { caseStatus referrals(first: 5) { totalCount nodes { id date } } }
  education { enrolments { totalCount } }
  frontDoor { contacts { totalCount } }
  finance { costToDate agreements { totalCount } }
  chronology(first: 20) { totalCount nodes { date system kind summary } }
} }`;

export interface GraphResponse {
  status: number;
  body: {
    data?: { child?: ChildAnswer | null } | null;
    errors?: { message: string; extensions?: { code?: string; system?: string } }[];
  };
}

export interface ChildAnswer {
  id: string;
  sources: { system: string; status: string; asOf: string | null }[];
  [field: string]: unknown;
}

export interface RunningHub {
  hub: Hub;
  /** http://127.0.0.1:PORT (no path). */
  base: string;
  query(token: string, query: string, variables?: Record<string, unknown>): Promise<GraphResponse>;
  childView(token: string, id: string): Promise<GraphResponse>;
  readyz(): Promise<{ status: number; body: { status: string; cache: { kind: string; status: string } } }>;
  postEvents(body: unknown): Promise<number>;
  /** Waits for the cache's background write-backs, so the next request can find what this one fetched. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface CachingWorld {
  sims: RunningSimulators;
  /** Starts a hub over the simulators with these extra environment variables (and e.g. a logger). */
  startHub(env?: Record<string, string>, overrides?: HubOverrides): Promise<RunningHub>;
  token(claims: { userId: string; roles: Role[]; teamId?: string; workerId?: string }): Promise<string>;
  /** Contract calls per system since the last `resetCalls`. */
  calls(): Promise<Record<System, number>>;
  resetCalls(): Promise<void>;
  faults(system: System, faults: Record<string, unknown> | null): Promise<void>;
  /** Every system's faults at once (e.g. latency for measurements). */
  faultsAll(faults: Record<string, unknown> | null): Promise<void>;
  patch(system: System, resource: string, id: string, patch: Record<string, unknown>): Promise<unknown>;
  /** Unrestricted children known to every system, in the county's stable order. */
  childrenInAllSystems(): GroundTruthChild[];
  /** Unrestricted children known to LCS and EYES but not LIFT. */
  childrenInLcsAndEyesOnly(): GroundTruthChild[];
  close(): Promise<void>;
}

/** A key prefix no other test run uses (REDIS_KEY_PREFIX allows letters, digits, ":", "_", "-"). */
export function uniquePrefix(label: string): string {
  return `itest-caching-${label}-${process.pid}-${Date.now().toString(36)}:`;
}

export async function startWorld(seed = 'caching'): Promise<CachingWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-caching-'));
  const keyFile = join(dir, 'signing-key.json');
  const sims = await startSimulators({ seed, scale: 'tiny' });
  const hubs = new Set<RunningHub>();
  let hubCount = 0;
  // The hub's issuer and audience defaults; every hub here uses them.
  const authDefaults = loadConfig({ AUTH_LOCAL_KEY_FILE: keyFile }).auth;
  let signingKey: Awaited<ReturnType<typeof loadLocalSigningKey>> | undefined;

  const control = async (system: System, path: string, init?: RequestInit): Promise<Response> => {
    const base = sims.urls[system]!.replace(/\/$/, '');
    const response = await fetch(`${base}/__sim/${path}`, init);
    if (!response.ok)
      throw new Error(`${system} ${path} answered ${response.status}: ${await response.text()}`);
    return response;
  };

  // Restricted children answer NOT_FOUND to most viewers: the tests pick from the others.
  const restricted = (c: GroundTruthChild) =>
    c.lcs.some(
      (id) => (sims.county.lcs.people.get(id) as { restriction?: unknown } | undefined)?.restriction,
    );

  const world: CachingWorld = {
    sims,

    async startHub(env = {}, overrides = {}) {
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        // Off here: the background warm-up's upstream reads would show in these tests' call counts
        // and fault windows. test/integration/reports/preparedFacts.test.ts runs it as production does.
        REPORT_FACTS_PREPARE: 'false',
        AUDIT_FILE: join(dir, `audit-${++hubCount}.jsonl`),
        AUTH_LOCAL_KEY_FILE: keyFile,
        LCS_URL: sims.urls.lcs!,
        EYES_URL: sims.urls.eyes!,
        LIFT_URL: sims.urls.lift!,
        FRONTDOOR_URL: sims.urls.frontdoor!,
        EVENTS_TOKEN,
        // Generous: several suites share two cores, and a slow test machine must not read as an outage.
        RATE_LIMIT_PER_MINUTE: '100000',
        RATE_LIMIT_BURST: '10000',
        // The hub's 50 ms budget treats a slow Redis as a miss, by design; on a shared two-core
        // test machine that would turn "zero upstream calls" into a flaky count. Tests of the
        // budget itself (the outage test) set it back.
        REDIS_COMMAND_TIMEOUT_MS: '1000',
        ...env,
      });
      const hub = await createHub(config, overrides);
      const { url } = await hub.listen(0, '127.0.0.1');
      const base = url.replace(/\/graphql$/, '');
      const query: RunningHub['query'] = async (token, text, variables) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: text, variables }),
        });
        return { status: response.status, body: (await response.json()) as GraphResponse['body'] };
      };
      const running: RunningHub = {
        hub,
        base,
        query,
        childView: (token, id) => query(token, CHILD_VIEW, { id }),
        async readyz() {
          const response = await fetch(`${base}/readyz`);
          return { status: response.status, body: (await response.json()) as never };
        },
        async postEvents(body) {
          const response = await fetch(`${base}/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${EVENTS_TOKEN}` },
            body: JSON.stringify(body),
          });
          await response.body?.cancel();
          return response.status;
        },
        async settled() {
          const cache = hub.services.cache as EntityCache & Partial<Pick<SharedEntityCache, 'flush'>>;
          if (typeof cache.flush !== 'function')
            throw new Error('the hub cache has no flush(): it is not the shared entity cache');
          await cache.flush();
        },
        async close() {
          hubs.delete(running);
          await hub.stop();
        },
      };
      hubs.add(running);
      return running;
    },

    async token(claims) {
      signingKey ??= await loadLocalSigningKey(keyFile);
      return mintToken(signingKey, claims, {
        issuer: authDefaults.issuer,
        audience: authDefaults.audience,
        ttlSeconds: 600,
      });
    },

    async calls() {
      const entries = await Promise.all(
        SYSTEMS.map(async (system) => {
          const stats = (await (await control(system, 'stats')).json()) as { total: number };
          return [system, stats.total] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<System, number>;
    },

    async resetCalls() {
      await Promise.all(SYSTEMS.map((system) => control(system, 'stats', { method: 'DELETE' })));
    },

    async faults(system, faults) {
      await control(
        system,
        'faults',
        faults === null
          ? { method: 'DELETE' }
          : { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) },
      );
    },

    async faultsAll(faults) {
      await Promise.all(SYSTEMS.map((system) => world.faults(system, faults)));
    },

    async patch(system, resource, id, patch) {
      const response = await control(system, `records/${resource}/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(patch),
      });
      return response.json();
    },

    childrenInAllSystems() {
      return [...sims.county.groundTruth()].filter(
        (c) =>
          c.lcs.length > 0 &&
          c.eyes.length > 0 &&
          c.lift.length > 0 &&
          c.frontdoor.length > 0 &&
          !restricted(c),
      );
    },

    childrenInLcsAndEyesOnly() {
      return [...sims.county.groundTruth()].filter(
        (c) => c.lcs.length > 0 && c.eyes.length > 0 && c.lift.length === 0 && !restricted(c),
      );
    },

    async close() {
      for (const running of [...hubs]) await running.close();
      await sims.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

export function totalOf(calls: Record<System, number>): number {
  return SYSTEMS.reduce((sum, system) => sum + calls[system], 0);
}

/** Sources as a map: { LCS: {status, asOf}, ... }. */
export function sourcesOf(child: ChildAnswer): Record<string, { status: string; asOf: string | null }> {
  return Object.fromEntries(child.sources.map(({ system, status, asOf }) => [system, { status, asOf }]));
}

/** The answer without the as-of times, which legitimately differ between fetches. */
export function withoutAsOf(child: ChildAnswer | null | undefined): unknown {
  if (!child) return child;
  return { ...child, sources: child.sources.map(({ system, status }) => ({ system, status })) };
}

/** Every key under `prefix` with its raw value (SCAN + GET, binary-safe), on one Redis or every cluster master. */
export async function dumpPrefix(
  client: Redis | Cluster,
  prefix: string,
): Promise<{ key: string; value: Buffer }[]> {
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  const out: { key: string; value: Buffer }[] = [];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const value = await node.getBuffer(key);
        if (value) out.push({ key, value });
      }
    } while (cursor !== '0');
  }
  return out;
}

/** Deletes every key under `prefix`; resolves with how many there were. */
export async function clearPrefix(client: Redis | Cluster, prefix: string): Promise<number> {
  const entries = await dumpPrefix(client, prefix);
  for (const { key } of entries) await client.unlink(key);
  return entries.length;
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Polls until `condition` holds; throws after `budgetMs` (generous: the machine is shared). */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  budgetMs: number,
): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > budgetMs) throw new Error(`condition not met within ${budgetMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}
