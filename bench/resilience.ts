/**
 * `npm run bench:resilience`: the hub as production runs it (`npm start`, NODE_ENV=production,
 * JWKS auth, Redis), over the simulators at 20 ms, under a bounded load (autocannon, 20 connections,
 * 8 s per fault) with one fault at a time on one system. Prints, per fault, p50/p99 latency, failed
 * answers (transport errors, non-200, or no child in the answer) and the share of answers naming the
 * faulty system; then the in-flight requests completed across a SIGTERM.
 * Environment: RES_SYSTEMS (lcs,eyes), RES_DURATION_S (8), RES_CONNECTIONS (20), REDIS_URL.
 */
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { loadLocalSigningKey, mintToken } from '../src/domain/access/index.ts';
import { DEFAULT_AUDIENCE, DEFAULT_LOCAL_ISSUER } from '../src/domain/access/localKey.ts';
import { startProcess } from './processes.ts';

const env = process.env;
const SYSTEMS = (env['RES_SYSTEMS'] ?? 'lcs,eyes').split(',') as ('lcs' | 'eyes' | 'lift' | 'frontdoor')[];
const DURATION_S = Number(env['RES_DURATION_S'] ?? 8);
const CONNECTIONS = Number(env['RES_CONNECTIONS'] ?? 20);
const REDIS_URL = env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const TIMEOUT_MS = 300;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LABEL = { lcs: 'LCS', eyes: 'EYES', lift: 'LIFT', frontdoor: 'FRONTDOOR' };

const QUERY = `query Resilience($id: ID!) { child(id: $id) {
  id sources { system status }
  socialCare { caseStatus } education { enrolments { totalCount } }
  finance { costToDate } frontDoor { contacts { totalCount } }
} }`;

const FAULTS: [string, Record<string, unknown> | null][] = [
  ['healthy', null],
  ['down', { down: true }],
  ['hanging', { hang: true }],
  ['slower than the timeout (450 ms)', { latencyMs: 450 }],
  ['500s', { errorRate: 1, status: 500 }],
  ['429 with Retry-After 1 s', { errorRate: 1, status: 429, retryAfterSeconds: 1 }],
  ['malformed JSON', { malformed: true }],
];

const log = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'svoc-res-bench-'));
  const key = await loadLocalSigningKey(join(dir, 'key.json'));
  const jwks = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [key.publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  // The simulators in a process of their own, as the systems are: the load generator's CPU is not theirs.
  const sims = await startProcess<{ urls: Record<string, string> }>({ name: 'simulators', entry: 'sims.ts' });
  const sim = (system: string) => sims.info.urls[system]!;
  const setFault = async (system: string, fault: Record<string, unknown> | null) => {
    await fetch(`${sim(system)}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ latencyMs: 20, ...fault }),
    });
  };
  for (const system of ['lcs', 'eyes', 'lift', 'frontdoor']) await setFault(system, null);
  const prefix = `svoc-res-bench-${randomBytes(4).toString('hex')}:`;
  const inherited = { ...env };
  delete inherited['NODE_ENV'];
  const hubEnv = {
    ...inherited,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    AUTH_MODE: 'jwks',
    AUTH_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`,
    CACHE_KEYS: 'k1:resilience-bench-sealing-key-0123456789abcdef',
    AUDIT_CHAIN_KEY: 'resilience-bench-audit-chain-key-0123456789abcdef',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    AUDIT_FILE: join(dir, 'audit.jsonl'),
    LCS_URL: sim('lcs'),
    EYES_URL: sim('eyes'),
    LIFT_URL: sim('lift'),
    FRONTDOOR_URL: sim('frontdoor'),
    UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS),
    REQUEST_DEADLINE_MS: '5000',
    // Every request reaches the upstreams: entries expire in a second and are not kept stale.
    CACHE_TTL_SECONDS: '1',
    CACHE_STALE_GRACE_SECONDS: '0',
    CACHE_NEAR_ENTRIES: '0',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_BURST: '1000000',
  };
  const token = await mintToken(
    key,
    { userId: 'resilience-bench', roles: ['FRONT_DOOR', 'FINANCE'] },
    { issuer: DEFAULT_LOCAL_ISSUER, audience: DEFAULT_AUDIENCE, ttlSeconds: 3600 },
  );
  const ids: string[] = [];
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = (await (
      await fetch(`${sim('lcs')}/people?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    ).json()) as { items: { personId: string }[]; nextCursor: string | null };
    ids.push(...page.items.map((p) => `lcs:${p.personId}`));
    cursor = page.nextCursor;
  }

  const hub = await startHub(hubEnv);
  log(`hub pid ${hub.pid} at ${hub.url}; ${ids.length} children; timeout ${TIMEOUT_MS} ms, deadline 5000 ms`);
  let warm = 0;
  // Warm-up (first-query compilation, keep-alive sockets, JIT), then a breaker cooldown: the cold
  // start's own slow answers must not be counted against the healthy baseline.
  await autocannon({
    url: new URL(hub.url).origin,
    connections: CONNECTIONS,
    duration: 4,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ query: QUERY, variables: { id: ids[warm++ % ids.length] } }),
        }),
      },
    ],
  });
  await new Promise((resolve) => setTimeout(resolve, 5500));
  log(
    `\n| system | fault | answers | p50 ms | p99 ms | max ms | failed answers | with an error naming the system | the hub's calls to it, cumulative (/metrics) |`,
  );
  log(`| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
  for (const system of SYSTEMS) {
    for (const [name, fault] of FAULTS) {
      if (fault === null && system !== SYSTEMS[0]) continue;
      await setFault(system, fault);
      let i = 0;
      let failed = 0;
      let named = 0;
      const namesSystem = new RegExp(`"code":"UPSTREAM_[A-Z]+","system":"${LABEL[system]}"`);
      const result = await autocannon({
        url: new URL(hub.url).origin,
        connections: CONNECTIONS,
        duration: DURATION_S,
        requests: [
          {
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ query: QUERY, variables: { id: ids[i++ % ids.length] } }),
            }),
            onResponse: (status, body) => {
              // A restricted child's NOT_FOUND is a proper answer; anything else without the child is not.
              if (status !== 200 || (!body.includes('"child":{') && !body.includes('"NOT_FOUND"'))) failed++;
              if (namesSystem.test(body)) named++;
            },
          },
        ],
      });
      const total = result.requests.total;
      const outcomes = await upstreamOutcomes(hub.url, LABEL[system].toLowerCase());
      failed += result.errors + result.timeouts;
      log(
        `| ${LABEL[system]} | ${name} | ${total} | ${result.latency.p50} | ${result.latency.p99} | ${result.latency.max} | ${failed} | ${((100 * named) / Math.max(1, total)).toFixed(0)}% | ${outcomes} |`,
      );
      await setFault(system, null);
      // Let the breaker's cooldown (5 s) and any Retry-After pass before the next fault.
      await new Promise((resolve) => setTimeout(resolve, 5500));
    }
  }
  await hub.stop();

  // SIGTERM with requests in flight, through npm start.
  const draining = await startHub(hubEnv);
  await fetch(`${sim('lcs')}/__sim/stats`, { method: 'DELETE' });
  await setFault('lcs', { latencyMs: 2500, routes: ['GET /people/{personId}/social-care'] });
  const sent = ids.slice(100, 148);
  let done = 0;
  const answers = sent.map(async (id) => {
    const response = await fetch(draining.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY, variables: { id } }),
    }).catch(() => null);
    const body = response ? await response.text().catch(() => '') : '';
    done++;
    return response?.status === 200 && (body.includes('"child":{') || body.includes('"NOT_FOUND"'));
  });
  for (;;) {
    const stats = (await (await fetch(`${sim('lcs')}/__sim/stats`)).json()) as {
      byRoute: Record<string, number>;
    };
    if ((stats.byRoute['GET /people/{personId}/social-care'] ?? 0) >= 40) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const inFlight = sent.length - done;
  draining.npm.kill('SIGTERM');
  const ok = (await Promise.all(answers)).filter(Boolean).length;
  const code = await draining.exited;
  log(
    `\nSIGTERM (npm start, NODE_ENV=production): ${inFlight} requests in flight at the signal, ${ok}/${sent.length} answered 200 (the child, or NOT_FOUND for a restricted one), exit code ${code}`,
  );

  await setFault('lcs', null);
  await sims.stop();
  jwks.close();
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/** The hub's upstream call outcomes for one system, from /metrics (calls, errors and shed calls). */
async function upstreamOutcomes(url: string, system: string): Promise<string> {
  const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  const parts: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^svoc_upstream_(errors|shed)_total\{(.*)\} (\d+)/.exec(line);
    if (!match || !match[2]!.includes(`system="${system}"`)) continue;
    const label = /(?:outcome|reason)="([a-z_]+)"/.exec(match[2]!)?.[1];
    parts.push(`${match[1]} ${label} ${match[3]}`);
  }
  return parts.join(', ');
}

async function startHub(hubEnv: Record<string, string | undefined>) {
  const npm = spawn('npm', ['start'], { cwd: ROOT, env: hubEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  npm.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  npm.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const match = /GraphQL and GraphiQL: (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    };
    npm.stdout.on('data', look);
    void exited.then(() => reject(new Error(`hub exited:\n${out}`)));
  });
  const pid = Number(
    execFileSync('ps', ['-o', 'pid=', '--ppid', String(npm.pid)], { encoding: 'utf8' }).trim(),
  );
  return {
    npm,
    pid,
    url,
    exited,
    stop: async () => {
      npm.kill('SIGTERM');
      await exited;
    },
  };
}

await main();
