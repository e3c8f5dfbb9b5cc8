/**
 * A hub whose child register is still being loaded serves at once: `npm start` as production runs
 * it (NODE_ENV=production, PostgreSQL shared by two instances) listens before the first load has
 * finished. Meanwhile it is alive (/healthz 200), not ready with the reason (/readyz 503
 * "starting"), and GraphQL and /events answer NOT_READY with Retry-After from the error catalogue,
 * neither hanging nor INTERNAL. The instance reading every system (held up here by LCS being down)
 * and a second one waiting on it behave alike; once the load completes both are ready and agree
 * on the child's id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadLocalSigningKey, mintToken } from '../../../src/domain/access/index.ts';
import { DEFAULT_AUDIENCE, DEFAULT_LOCAL_ISSUER } from '../../../src/domain/access/localKey.ts';
import { errorMessage, NOT_READY_RETRY_AFTER_SECONDS } from '../../../src/platform/errors.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';
import { createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { deleteKeys, REDIS_URL } from '../resilience/support.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EVENTS_TOKEN = 'serving-while-loading-events-token';

let sims: RunningSimulators;
let jwks: Server;
let jwksUrl: string;
let keyFile: string;
let db: TestDatabase;
const keyPrefix = `svoc-loading-${randomBytes(6).toString('hex')}:`;
const hubs: ChildProcess[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-loading-'));
  keyFile = join(dir, 'key.json');
  const key = await loadLocalSigningKey(keyFile);
  jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  sims = await startSimulators({ seed: 'itest', scale: 'tiny' });
  db = await createTestDatabase('postgres');
});

afterAll(async () => {
  for (const hub of hubs) if (hub.exitCode === null) hub.kill('SIGKILL');
  await sims?.close();
  await new Promise((resolve) => jwks?.close(resolve));
  await db?.drop();
  await deleteKeys(keyPrefix);
});

interface Started {
  process: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as production runs it; resolves as soon as it listens (long before it is ready). */
async function npmStart(name: string, database: TestDatabase = db): Promise<Started> {
  const inherited = { ...process.env };
  delete inherited.NODE_ENV;
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    stdio: 'pipe',
    env: {
      ...inherited,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.settings.url!,
      LCS_URL: sims.urls.lcs!,
      EYES_URL: sims.urls.eyes!,
      LIFT_URL: sims.urls.lift!,
      FRONTDOOR_URL: sims.urls.frontdoor!,
      REDIS_URL,
      REDIS_KEY_PREFIX: `${keyPrefix}${name}:`,
      AUDIT_FILE: join(mkdtempSync(join(tmpdir(), 'svoc-loading-audit-')), 'audit.jsonl'),
      AUTH_MODE: 'jwks',
      AUTH_JWKS_URL: jwksUrl,
      CACHE_KEYS: 'k1:serving-while-loading-sealing-key-0123456789',
      AUDIT_CHAIN_KEY: 'serving-while-loading-audit-chain-key-0123456789',
      EVENTS_TOKEN,
    },
  });
  hubs.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not listen:\n${out}`)), 90_000);
    const look = () => {
      const match = /Listening on (http:\/\/\S+) while the child directory loads/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => reject(new Error(`${name} exited:\n${out}`)));
  });
  return { process: child, base, output: () => out, exited };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const readiness = async (hub: Started) => {
  const response = await fetch(`${hub.base}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
};

const CHILD = 'query ($id: ID!) { child(id: $id) { id } }';

async function graphql(hub: Started, token: string, id: string) {
  const response = await fetch(`${hub.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: CHILD, variables: { id } }),
    signal: AbortSignal.timeout(30_000),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as {
      data?: { child: { id: string } | null };
      errors?: { message: string; extensions: { code: string } }[];
    },
  };
}

it('listens at once while the register loads: alive, not ready with the reason, NOT_READY with Retry-After; then serves, both instances alike', async () => {
  const faults = `${sims.urls.lcs}/__sim/faults`;
  await fetch(faults, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: '{"down":true}',
  });
  const token = await mintToken(
    await loadLocalSigningKey(keyFile),
    { userId: 'loading-viewer', roles: ['FRONT_DOOR'] },
    { issuer: DEFAULT_LOCAL_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: 600 },
  );
  const child = [...sims.county.groundTruth()].find((truth) => truth.lcs.length > 0)!;
  const id = `lcs:${child.lcs[0]}`;

  // The first instance reads every system into the empty register (held up: LCS is down)...
  const first = await npmStart('first');
  const waiting = await until(
    () => readiness(first),
    (r) => /lcs cannot be read/.test(r.body.reason ?? ''),
    60_000,
    'the first instance to say LCS cannot be read',
  );
  expect(waiting).toMatchObject({ status: 503, body: { status: 'starting' } });
  // ...and the second waits for it, listening too.
  const second = await npmStart('second');

  for (const hub of [first, second]) {
    expect((await fetch(`${hub.base}/healthz`)).status).toBe(200);
    const ready = await readiness(hub);
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe('starting');
    expect(ready.body.reason).toEqual(expect.any(String));

    const answer = await graphql(hub, token, id);
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe(String(NOT_READY_RETRY_AFTER_SECONDS));
    expect(answer.body.errors).toEqual([
      { message: errorMessage('NOT_READY'), extensions: { code: 'NOT_READY' } },
    ]);

    const event = await fetch(`${hub.base}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EVENTS_TOKEN}` },
      body: JSON.stringify({ system: 'lcs', resource: 'people', id: child.lcs[0] }),
    });
    expect(event.status).toBe(503);
    expect(event.headers.get('retry-after')).toBe(String(NOT_READY_RETRY_AFTER_SECONDS));
    expect(((await event.json()) as { error: { code: string } }).error.code).toBe('NOT_READY');
  }
  expect(second.output()).not.toMatch(/GraphQL and GraphiQL:/);

  await fetch(faults, { method: 'DELETE' });
  const ids: string[] = [];
  for (const hub of [first, second]) {
    await until(
      () => readiness(hub),
      (r) => r.status === 200,
      150_000,
      'the hub to be ready',
    );
    const answer = await graphql(hub, token, id);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    ids.push(answer.body.data!.child!.id);
  }
  expect(ids[1]).toBe(ids[0]);
  expect(first.output()).not.toMatch(/^\s+at /m);

  for (const hub of [first, second]) hub.process.kill('SIGTERM');
  expect(await Promise.all([first.exited, second.exited])).toEqual([0, 0]);
}, 300_000);

it('a signal while the register loads drains and exits 0 without waiting for the load', async () => {
  const faults = `${sims.urls.lcs}/__sim/faults`;
  await fetch(faults, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: '{"down":true}',
  });
  // An empty register of its own (the one above has loaded).
  const empty = await createTestDatabase('postgres');
  try {
    const hub = await npmStart('signalled', empty);
    await until(
      () => readiness(hub),
      (r) => /lcs cannot be read/.test(r.body.reason ?? ''),
      60_000,
      'the instance to say LCS cannot be read',
    );
    hub.process.kill('SIGTERM');
    expect(await hub.exited, hub.output()).toBe(0);
    expect(hub.output()).toContain('SIGTERM: draining in-flight requests');
    expect(hub.output()).not.toMatch(/could not be loaded/);
  } finally {
    await fetch(faults, { method: 'DELETE' });
    await empty.drop();
  }
}, 180_000);
