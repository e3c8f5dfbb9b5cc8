/**
 * Issue 6's operations side, through a real hub over the real simulators and Redis: /healthz and
 * /readyz as JSON, /metrics in Prometheus format with no ids in any label, the request id carried
 * to the upstream systems (counted by a raw node:http proxy in front of LCS), and graceful
 * shutdown (an in-flight request completes, new connections are refused, the audit trail holds it).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '../../../src/server/app.ts';
import { loadLocalSigningKey, mintToken } from '../../../src/domain/access/index.ts';
import { loadConfig } from '../../../src/platform/config/index.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';
import {
  CHILD_QUERY,
  REDIS_URL,
  SYSTEMS,
  deleteKeys,
  parsePrometheus,
  statusOf,
  type ChildBody,
} from './support.ts';

let sims: RunningSimulators;
let hub: Hub;
let base: string;
let token: string;
let auditFile: string;
let proxy: Server;
const keyPrefix = `svoc-resil-ops-${randomBytes(6).toString('hex')}:`;
/** x-request-id of every request the proxy passed to LCS. */
const seenAtLcs: (string | undefined)[] = [];

/** Forwards to `target` untouched, noting each request's x-request-id. */
function startProxy(target: string): Promise<{ server: Server; url: string }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const id = req.headers['x-request-id'];
    seenAtLcs.push(Array.isArray(id) ? id[0] : id);
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-ops-'));
  auditFile = join(dir, 'audit.jsonl');
  sims = await startSimulators({ seed: 'itest', scale: 'tiny' });
  const started = await startProxy(sims.urls.lcs!);
  proxy = started.server;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    // Off here: the background warm-up's upstream reads would show in these tests' call counts
    // and fault windows. test/integration/reports/preparedFacts.test.ts runs it as production does.
    REPORT_FACTS_PREPARE: 'false',
    AUDIT_FILE: auditFile,
    AUTH_LOCAL_KEY_FILE: join(dir, 'key.json'),
    LCS_URL: started.url,
    EYES_URL: sims.urls.eyes!,
    LIFT_URL: sims.urls.lift!,
    FRONTDOOR_URL: sims.urls.frontdoor!,
    REDIS_URL,
    REDIS_KEY_PREFIX: keyPrefix,
  });
  hub = await createHub(config);
  base = (await hub.listen(0, '127.0.0.1')).url.replace('/graphql', '');
  const key = await loadLocalSigningKey(config.auth.mode === 'local' ? config.auth.keyFile : undefined);
  token = await mintToken(
    key,
    { userId: 'ops-viewer', roles: ['FRONT_DOOR', 'FINANCE'] },
    { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 600 },
  );
});
afterAll(async () => {
  await hub?.stop();
  await new Promise((resolve) => proxy?.close(resolve));
  await sims?.close();
  await deleteKeys(keyPrefix);
});

/** Children linked to LCS and another system, by hub id (restricted ones left out). */
function children(): string[] {
  const ids = new Set<string>();
  for (const truth of sims.county.groundTruth()) {
    if (truth.lcs.length === 0 || SYSTEMS.filter((s) => truth[s].length > 0).length < 2) continue;
    const cluster = hub.directory.resolve(`lcs:${truth.lcs[0]}`);
    if (cluster && !cluster.restricted) ids.add(cluster.hubId);
  }
  return [...ids];
}

async function query(id: string, headers: Record<string, string> = {}, operation = CHILD_QUERY) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify({ query: operation, variables: { id } }),
  });
  return { response, body: (await response.json()) as ChildBody };
}

describe('health and readiness', () => {
  it('answers /healthz and /readyz as JSON: Redis, each breaker, each upstream last status', async () => {
    const [child] = children();
    await query(child!);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await ready.json()) as {
      status: string;
      cache: unknown;
      upstreams: Record<string, { breaker: string; last: { ok: boolean; at: string; code: string | null } }>;
    };
    expect(body.status).toBe('ready');
    expect(body.cache).toEqual({ kind: 'redis', status: 'ok' });
    for (const system of SYSTEMS) {
      expect(body.upstreams[system]!.breaker).toBe('closed');
      expect(body.upstreams[system]!.last).toMatchObject({ ok: true, code: null });
      expect(Date.parse(body.upstreams[system]!.last.at)).not.toBeNaN();
    }
  });
});

describe('request ids', () => {
  it('issues its own id even when the caller sends one (kept only as a correlation id), answers with it and passes it on', async () => {
    const [, child] = children();
    seenAtLcs.length = 0;
    const { response } = await query(child!, { 'x-request-id': 'ops-request-0042' });
    const issued = response.headers.get('x-request-id');
    expect(issued).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenAtLcs.length).toBeGreaterThan(0);
    expect(new Set(seenAtLcs)).toEqual(new Set([issued]));
  });

  it('issues an id when the caller sends none, or one that is not a sane token, and passes that on', async () => {
    const [, , child, another] = children();
    seenAtLcs.length = 0;
    const { response } = await query(child!);
    const generated = response.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenAtLcs.length).toBeGreaterThan(0);
    expect(new Set(seenAtLcs)).toEqual(new Set([generated]));

    seenAtLcs.length = 0;
    const injected = await query(another!, { 'x-request-id': 'lcs:1000100; forged' });
    expect(injected.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seenAtLcs.some((id) => id?.includes('1000100'))).toBe(false);
  });
});

describe('/metrics', () => {
  it('serves Prometheus text with request, upstream, breaker and cache series, and no ids in any label', async () => {
    const ids = children().slice(4, 8);
    for (const id of ids) await query(id);
    // An operation named after a child must not become a label either.
    const lcsId = [...sims.county.groundTruth()].find((t) => t.lcs.length > 0)!.lcs[0]!;
    await query(ids[0]!, {}, CHILD_QUERY.replace('query Resilience', `query Child_${lcsId}`));

    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const samples = parsePrometheus(await response.text());
    const names = new Set(samples.map((s) => s.name));
    for (const name of [
      'svoc_graphql_request_duration_seconds_bucket',
      'svoc_upstream_request_duration_seconds_bucket',
      'svoc_upstream_breaker_state',
      'svoc_cache_hit_ratio',
      'svoc_cache_lookups_total',
    ]) {
      expect(names, name).toContain(name);
    }
    // Without trusted documents every operation name is the client's choice: none becomes a label.
    expect(
      samples.some(
        (s) =>
          s.name === 'svoc_graphql_request_duration_seconds_count' && s.labels['operation'] === 'untrusted',
      ),
    ).toBe(true);
    for (const system of SYSTEMS) {
      expect(
        samples.some((s) => s.name === 'svoc_upstream_breaker_state' && s.labels['system'] === system),
      ).toBe(true);
      expect(
        samples.some(
          (s) => s.name === 'svoc_upstream_request_duration_seconds_count' && s.labels['system'] === system,
        ),
      ).toBe(true);
    }

    // Every id the county holds, every hub id: none may appear in a label value.
    const known = new Set<string>();
    for (const truth of sims.county.groundTruth())
      for (const system of SYSTEMS) for (const id of truth[system]) known.add(id);
    for (const id of ids) known.add(id);
    const labelValues = samples
      .filter((s) => s.name.startsWith('svoc_'))
      .flatMap((s) => Object.values(s.labels));
    const leaks = labelValues.filter((value) => [...known].some((id) => value.includes(id)));
    expect(leaks).toEqual([]);
    // Routes are templates: no run of digits survives in a route label.
    const routes = samples.map((s) => s.labels['route']).filter((r): r is string => r !== undefined);
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((r) => /\d{3,}/.test(r))).toEqual([]);
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight request after stop() is called, refuses new connections, and keeps its audit record', async () => {
    const child = children().at(-1)!;
    // LCS slow enough that the request is surely in flight when stop() is called.
    await fetch(`${sims.urls.lcs}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 400 }),
    });
    const port = Number(new URL(base).port);
    const inFlight = query(child, { 'x-request-id': 'ops-shutdown-1' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    // stop() drains (src/server/http/drain.ts): server.close() alone would wait for the in-flight
    // request's keep-alive connection for 65 s.
    const stopped = hub.stop();
    // Listening stops once the loop has taken a turn to accept connections already queued for it.
    const probe = () =>
      new Promise<string>((resolve) => {
        const request = httpRequest({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
          res.resume();
          resolve('answered');
        });
        request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
        request.end();
      });
    let refused = await probe();
    for (const until = Date.now() + 5000; refused !== 'ECONNREFUSED' && Date.now() < until;)
      refused = await new Promise((resolve) => setTimeout(resolve, 20)).then(probe);
    expect(refused).toBe('ECONNREFUSED');

    const { response, body } = await inFlight;
    expect(response.status).toBe(200);
    expect(statusOf(body.data!.child!, 'lcs')).toBe('OK');
    await stopped;
    await fetch(`${sims.urls.lcs}/__sim/faults`, { method: 'DELETE' });

    const trail = readFileSync(auditFile, 'utf8');
    expect(trail).toContain('ops-shutdown-1');
  });
});
