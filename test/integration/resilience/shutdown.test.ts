/**
 * Issue 12, item 1: graceful shutdown with a real signal to the process `npm start` runs, as
 * production runs it. The hub is spawned through `npm start` (npm -> the hub, so the signal is the
 * one npm forwards), pointed at simulators and a Redis this test controls. LCS is made slow, 48
 * queries are sent, and once LCS has received 40 social-care reads (40 queries or more are then in
 * flight inside the hub) the signal goes to npm. Every query must complete with 200 and LCS OK, the
 * hub must exit 0 and leave no process behind, and the audit file must hold each query's record.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLocalSigningKey, mintToken } from '../../../src/domain/access/index.ts';
import { DEFAULT_AUDIENCE, DEFAULT_LOCAL_ISSUER } from '../../../src/domain/access/localKey.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';
import { CHILD_QUERY, REDIS_URL, deleteKeys, statusOf, type ChildBody } from './support.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** At least this many queries are inside the hub, each waiting on its own LCS read, at the signal. */
const IN_FLIGHT = 40;
/**
 * Queries sent: a few more than IN_FLIGHT, because the hub's linker joins a few of the county's
 * children into one (two such queries share one read), and this test cannot know which.
 */
const QUERIES = 48;
/** LCS answers this slowly while the signal arrives: the queries are surely still running. */
const LCS_LATENCY_MS = 2500;
const SOCIAL_CARE_ROUTE = 'GET /people/{personId}/social-care';

let sims: RunningSimulators;
let jwks: Server;
let jwksUrl: string;
let keyFile: string;
const prefixes: string[] = [];
/** Processes this file started: killed after each test if a failure left them running. */
const started: number[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-shutdown-'));
  keyFile = join(dir, 'key.json');
  const key = await loadLocalSigningKey(keyFile);
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  sims = await startSimulators({ seed: 'itest', scale: 'tiny' });
});

afterEach(() => {
  for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
});

afterAll(async () => {
  await sims?.close();
  await new Promise((resolve) => jwks?.close(resolve));
  for (const prefix of prefixes) await deleteKeys(prefix);
});

interface StartedHub {
  npm: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  url: string;
  output: () => string;
}

/** `npm start` with the environment a deployment would give it; resolves once the hub prints its URL. */
async function npmStart(env: Record<string, string>): Promise<StartedHub> {
  const inherited = { ...process.env };
  delete inherited.NODE_ENV; // vitest's NODE_ENV=test would switch behaviour off: set it explicitly below
  const npm = spawn('npm', ['start'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: 'pipe' });
  started.push(npm.pid!);
  let out = '';
  npm.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  npm.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    npm.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${out}`)), 90_000);
    const look = () => {
      const match = /GraphQL and GraphiQL: (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    npm.stdout!.on('data', look);
    void exited.then(() => reject(new Error(`hub exited before it was ready:\n${out}`)));
  });
  return { npm, exited, url, output: () => out };
}

/** The hub process npm started (with `exec` in the start script, npm's only child). */
function childPids(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there is none
  }
}

function descendants(pid: number): number[] {
  return childPids(pid).flatMap((child) => [child, ...descendants(child)]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function setLcs(fault: object | null): Promise<void> {
  await fetch(`${sims.urls.lcs}/__sim/faults`, {
    method: fault ? 'PUT' : 'DELETE',
    ...(fault ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) } : {}),
  });
}

async function socialCareReads(): Promise<number> {
  const stats = (await (await fetch(`${sims.urls.lcs}/__sim/stats`)).json()) as {
    byRoute: Record<string, number>;
  };
  return stats.byRoute[SOCIAL_CARE_ROUTE] ?? 0;
}

async function waitFor(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each([
  { nodeEnv: 'production', signal: 'SIGTERM' as const },
  { nodeEnv: 'development', signal: 'SIGTERM' as const },
  { nodeEnv: 'production', signal: 'SIGINT' as const },
])('npm start with NODE_ENV=$nodeEnv, $signal', ({ nodeEnv, signal }) => {
  it(`completes every in-flight query (${IN_FLIGHT} or more) with 200, flushes their audit records, exits 0 and leaves no process`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svoc-shutdown-run-'));
    const auditFile = join(dir, 'audit.jsonl');
    const keyPrefix = `svoc-resil-shutdown-${randomBytes(6).toString('hex')}:`;
    prefixes.push(keyPrefix);
    const hub = await npmStart({
      NODE_ENV: nodeEnv,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      LCS_URL: sims.urls.lcs!,
      EYES_URL: sims.urls.eyes!,
      LIFT_URL: sims.urls.lift!,
      FRONTDOOR_URL: sims.urls.frontdoor!,
      REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      AUDIT_FILE: auditFile,
      UPSTREAM_TIMEOUT_MS: '8000',
      REQUEST_DEADLINE_MS: '10000',
      RATE_LIMIT_PER_MINUTE: '100000',
      RATE_LIMIT_BURST: '10000',
      ...(nodeEnv === 'production'
        ? {
            AUTH_MODE: 'jwks',
            AUTH_JWKS_URL: jwksUrl,
            CACHE_KEYS: 'k1:shutdown-test-sealing-key-0123456789abcdef',
            AUDIT_CHAIN_KEY: 'shutdown-test-audit-chain-key-0123456789abcdef',
          }
        : { AUTH_LOCAL_KEY_FILE: keyFile }),
    });
    const [hubPid] = childPids(hub.npm.pid!);
    started.push(...descendants(hub.npm.pid!));
    expect(hubPid, 'npm runs the hub as its child').toBeGreaterThan(0);
    const token = await mintToken(
      await loadLocalSigningKey(keyFile),
      { userId: 'shutdown-viewer', roles: ['FRONT_DOOR', 'FINANCE'] },
      { issuer: DEFAULT_LOCAL_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: 600 },
    );

    // Children known to LCS, each a different one, so every query makes its own social-care read.
    const ids = [...sims.county.groundTruth()]
      .filter((truth) => truth.lcs.length > 0)
      .slice(0, QUERIES)
      .map((truth) => `lcs:${truth.lcs[0]}`);
    expect(ids).toHaveLength(QUERIES);
    await fetch(`${sims.urls.lcs}/__sim/stats`, { method: 'DELETE' });
    await setLcs({ latencyMs: LCS_LATENCY_MS, routes: [SOCIAL_CARE_ROUTE] });

    let completed = 0;
    const requestIds = ids.map((_, n) => `shutdown-${nodeEnv}-${signal}-${n}`);
    const queries = ids.map(async (id, n) => {
      const response = await fetch(hub.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-request-id': requestIds[n]!,
        },
        body: JSON.stringify({ query: CHILD_QUERY, variables: { id } }),
      });
      const body = (await response.json()) as ChildBody;
      completed++;
      return { status: response.status, body };
    });
    // At least 40 are inside the hub, each waiting on its own slow LCS read.
    await waitFor(async () => (await socialCareReads()) >= IN_FLIGHT, 30_000, 'LCS to receive 40 reads');
    const completedAtSignal = completed;
    hub.npm.kill(signal);

    const answers = await Promise.all(queries);
    const exit = await hub.exited;
    await setLcs(null);

    // (restricted children answer NOT_FOUND without waiting on LCS)
    expect(QUERIES - completedAtSignal, 'queries still in flight at the signal').toBeGreaterThanOrEqual(
      IN_FLIGHT,
    );
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    for (const { body } of answers) {
      // NOT_FOUND (a restricted child) is an answer too; any other error is a failure.
      expect((body.errors ?? []).filter((e) => e.extensions?.code !== 'NOT_FOUND')).toEqual([]);
      if (body.data?.child) expect(statusOf(body.data.child, 'lcs')).toBe('OK');
    }
    expect(exit, hub.output()).toEqual({ code: 0, signal: null });
    expect(alive(hubPid!), 'the hub process is gone').toBe(false);
    expect(hub.output()).toContain(`${signal}: draining in-flight requests`);

    const trail = readFileSync(auditFile, 'utf8');
    expect(requestIds.filter((requestId) => !trail.includes(`"${requestId}"`))).toEqual([]);
  }, 150_000);
});
