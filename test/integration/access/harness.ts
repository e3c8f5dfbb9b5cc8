/**
 * The hub over the four simulators (tiny county) for the access tests: the hub harness's set-up
 * plus an audit sink the test controls (it can be made to refuse writes), a captured log, raw
 * HTTP for the scanner checks, and helpers that find children of each kind in the county.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createHub, type Hub } from '../../../src/server/app.ts';
import { loadConfig, type HubConfig } from '../../../src/platform/config/index.ts';
import { loadLocalSigningKey, mintToken, type LocalSigningKey } from '../../../src/domain/access/index.ts';
import type { Role } from '../../../src/domain/access/types.ts';
import { createMemorySink, type AuditRecord, type MemorySink } from '../../../src/platform/audit/index.ts';
import { createLogger } from '../../../src/platform/observability/logger.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';

/** A memory sink whose writes fail while `refuse` is on, as a full disk or a lost Redis would. */
export interface ControlledSink extends MemorySink {
  refuse: boolean;
}

export function createControlledSink(): ControlledSink {
  const inner = createMemorySink();
  const sink: ControlledSink = {
    refuse: false,
    kind: inner.kind,
    key: inner.key,
    get records() {
      return inner.records;
    },
    get batches() {
      return inner.batches;
    },
    failNextAppends: (count) => inner.failNextAppends(count),
    append: (batch) =>
      sink.refuse ? Promise.reject(new Error('audit sink unwritable')) : inner.append(batch),
    query: (query) => inner.query(query),
    alerts: (limit) => inner.alerts(limit),
    close: () => inner.close(),
  };
  return sink;
}

export interface TokenClaims {
  userId: string;
  roles: Role[];
  teamId?: string;
  workerId?: string;
}

/** A parsed JSON body: tests read it freely and assert on its shape. */
export type Json = ReturnType<typeof JSON.parse>;

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: Json;
}

export interface AccessHarness {
  hub: Hub;
  sims: RunningSimulators;
  url: string;
  config: HubConfig;
  /** The development signing key's file (the hub keeps its other development secrets beside it). */
  keyFile: string;
  /** The key tokens are signed with, for tokens `token()` would not mint (odd lifetimes, no iat). */
  signingKey: LocalSigningKey;
  /** The trail's sink (unused when the harness writes to an audit file). */
  sink: ControlledSink;
  /** Every log line the hub wrote, as text. */
  logs: string[];
  token(claims: TokenClaims): Promise<string>;
  query(token: string | null, query: string, variables?: Record<string, unknown>): Promise<Reply>;
  /** Any HTTP request to /graphql, for the scanner checks. */
  raw(init: {
    method: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }): Promise<Reply>;
  /** Audit records written since `mark` (a count of records). */
  recordsSince(mark: number): AuditRecord[];
  close(): Promise<void>;
}

async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let body: Json = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** Serves a local key's public half as a JWKS, as a council identity provider would. */
export async function serveJwks(publicJwk: object): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, server };
}

export interface HarnessOptions {
  /** NODE_ENV=production with everything production demands: JWKS auth, configured cache keys. */
  production?: boolean;
  /** Write the trail to this file with the hub's own file sink instead of the controlled sink. */
  auditFile?: string;
  /** Use the sink the configuration names (e.g. AUDIT_SINK=redis) instead of the controlled sink. */
  configuredSink?: boolean;
}

export async function startAccessHarness(
  env: Record<string, string> = {},
  options: HarnessOptions = {},
): Promise<AccessHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-access-'));
  const keyFile = join(dir, 'key.json');
  const key = await loadLocalSigningKey(keyFile);
  const jwks = options.production ? await serveJwks(key.publicJwk) : null;
  const sims = await startSimulators({ seed: 'itest', scale: 'tiny' });
  const config = loadConfig({
    LOG_LEVEL: 'info',
    // Off here: the background warm-up's upstream reads would show in these tests' call counts
    // and fault windows. test/integration/reports/preparedFacts.test.ts runs it as production does.
    REPORT_FACTS_PREPARE: 'false',
    AUTH_LOCAL_KEY_FILE: keyFile,
    ...(jwks
      ? {
          NODE_ENV: 'production',
          AUTH_MODE: 'jwks',
          AUTH_JWKS_URL: jwks.url,
          CACHE_KEYS: 'k1:access-test-sealing-key-0123456789abcdef',
          AUDIT_CHAIN_KEY: 'access-test-audit-chain-key-0123456789abcdef',
        }
      : {}),
    ...(options.auditFile ? { AUDIT_SINK: 'file', AUDIT_FILE: options.auditFile } : {}),
    LCS_URL: sims.urls.lcs!,
    EYES_URL: sims.urls.eyes!,
    LIFT_URL: sims.urls.lift!,
    FRONTDOOR_URL: sims.urls.frontdoor!,
    // The matrix sends a few hundred requests per role; the limiter has its own tests.
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_BURST: '100000',
    ...env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const sink = createControlledSink();
  const hub = await createHub(
    config,
    options.auditFile || options.configuredSink ? { logger } : { auditSink: sink, logger },
  );
  const { url } = await hub.listen(0, '127.0.0.1');
  const raw: AccessHarness['raw'] = async ({ method, path, headers, body }) =>
    reply(
      await fetch(path ? url + path : url, {
        method,
        ...(headers ? { headers } : {}),
        ...(body !== undefined ? { body } : {}),
      }),
    );
  return {
    hub,
    sims,
    url,
    config,
    keyFile,
    signingKey: key,
    sink,
    logs,
    token: (claims) =>
      mintToken(key, claims, { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 600 }),
    query: (token, query, variables) =>
      raw({
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      }),
    raw,
    recordsSince: (mark) => sink.records.slice(mark),
    close: async () => {
      await hub.stop();
      await sims.close();
      if (jwks) await new Promise<void>((resolve) => jwks.server.close(() => resolve()));
    },
  };
}

/** An LCS person and the open involvement that makes a worker (and team) related to them. */
export interface KnownChild {
  personId: string;
  workerId: string;
  teamId: string;
}

interface LcsInvolvementShape {
  workerId: string | null;
  teamId: string | null;
  endDate: string | null;
}

/** Open involvements of a person as the hub will judge them (today is the real date). */
export function openInvolvements(sims: RunningSimulators, personId: string): LcsInvolvementShape[] {
  const today = new Date().toISOString().slice(0, 10);
  const record = sims.county.lcs.socialCare.get(personId) as unknown as
    { involvements: LcsInvolvementShape[] } | undefined;
  return (record?.involvements ?? []).filter((i) => i.endDate === null || i.endDate >= today);
}

export function restrictionOf(
  sims: RunningSimulators,
  personId: string,
): { reason: string; allowedRoles: string[]; allowedUsers: string[] } | null {
  const person = sims.county.lcs.people.get(personId) as unknown as
    { restriction: ReturnType<typeof restrictionOf> } | undefined;
  return person?.restriction ?? null;
}

export function restrictedPersonIds(sims: RunningSimulators): string[] {
  return [...sims.county.lcs.people.ids()].filter((id) => restrictionOf(sims, id) !== null);
}
