/**
 * Starts the real thing for integration tests: the four simulators over a generated county and a
 * hub pointed at them over HTTP, with a throwaway audit file and signing key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub, type HubOverrides } from '../../../src/server/app.ts';
import { loadConfig } from '../../../src/platform/config/index.ts';
import { loadLocalSigningKey, mintToken } from '../../../src/domain/access/index.ts';
import type { Role } from '../../../src/domain/access/types.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';

/** A GraphQL answer, read field by field in each test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type GraphqlAnswer = any;

export interface Harness {
  hub: Hub;
  sims: RunningSimulators;
  url: string;
  token(claims: { userId: string; roles: Role[]; teamId?: string; workerId?: string }): Promise<string>;
  query(
    token: string | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphqlAnswer }>;
  close(): Promise<void>;
}

export async function startHarness(
  env: Record<string, string> = {},
  county: { seed?: string; scale?: 'tiny' | 'demo' } = {},
  overrides: HubOverrides = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-hub-'));
  const sims = await startSimulators({ seed: county.seed ?? 'itest', scale: county.scale ?? 'tiny' });
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
    ...env,
  });
  const hub = await createHub(config, overrides);
  const { url } = await hub.listen(0, '127.0.0.1');
  const key = await loadLocalSigningKey(config.auth.mode === 'local' ? config.auth.keyFile : undefined);
  return {
    hub,
    sims,
    url,
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
      return { status: response.status, body: await response.json() };
    },
    close: async () => {
      await hub.stop();
      await sims.close();
      // The audit trail and keys written here are this harness's alone.
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
