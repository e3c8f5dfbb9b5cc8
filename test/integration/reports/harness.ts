/**
 * The hub harness (test/integration/hub/harness.ts) with what report tests need on top: "today"
 * pinned to the county's own asOf (so expected figures are computed for the same day), a real
 * Redis under a unique key prefix (removed on close), and a team manager's and a finance
 * officer's tokens.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createHub, type Hub } from '../../../src/server/app.ts';
import { loadConfig } from '../../../src/platform/config/index.ts';
import { loadLocalSigningKey, mintToken } from '../../../src/domain/access/index.ts';
import type { Role } from '../../../src/domain/access/types.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';

export const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A GraphQL response body; tests read `data` by the shape of the query they sent. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- data's shape is the query's
export type GraphQLBody = { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };

export interface ReportHarness {
  hub: Hub;
  sims: RunningSimulators;
  url: string;
  /** The day the hub treats as today: the county's asOf. */
  today: string;
  token(claims: { userId: string; roles: Role[]; teamId?: string; workerId?: string }): Promise<string>;
  query(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphQLBody }>;
  close(): Promise<void>;
}

export async function startReportHarness(
  options: {
    seed?: string;
    scale?: 'tiny' | 'demo';
    env?: Record<string, string>;
    /** Runs once the simulators are up, before the hub starts (e.g. to point a proxy at one). */
    beforeHub?: (sims: RunningSimulators) => void;
  } = {},
): Promise<ReportHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-reports-'));
  const sims = await startSimulators({ seed: options.seed ?? 'itest', scale: options.scale ?? 'tiny' });
  options.beforeHub?.(sims);
  const prefix = `test:reports:${randomUUID()}:`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    // Off here: the background warm-up's upstream reads would show in these tests' call counts
    // and fault windows. test/integration/reports/preparedFacts.test.ts runs it as production does.
    REPORT_FACTS_PREPARE: 'false',
    AUDIT_FILE: join(dir, 'audit.jsonl'),
    AUTH_LOCAL_KEY_FILE: join(dir, 'key.json'),
    LCS_URL: sims.urls.lcs!,
    EYES_URL: sims.urls.eyes!,
    LIFT_URL: sims.urls.lift!,
    FRONTDOOR_URL: sims.urls.frontdoor!,
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    REDIS_COMMAND_TIMEOUT_MS: '1000',
    // These tests judge what a report counts, not how fast: on a busy two-core machine a county's
    // list reads can outlast the production timeouts, which the resilience and bulkhead tests cover.
    UPSTREAM_TIMEOUT_MS: '20000',
    REPORT_UPSTREAM_TIMEOUT_MS: '20000',
    REQUEST_DEADLINE_MS: '60000',
    ...options.env,
  });
  const today = sims.county.asOf;
  const hub = await createHub(config, { now: () => Date.parse(`${today}T12:00:00Z`) });
  const { url } = await hub.listen(0, '127.0.0.1');
  const key = await loadLocalSigningKey(config.auth.mode === 'local' ? config.auth.keyFile : undefined);
  return {
    hub,
    sims,
    url,
    today,
    token: (claims) =>
      mintToken(key, claims, { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 600 }),
    query: async (token, query, variables) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLBody };
    },
    close: async () => {
      await hub.stop();
      await sims.close();
      const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
          if (keys.length > 0) await redis.unlink(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
