/**
 * Interactive child views while reports run: do practitioners feel a report?
 *
 *   npx tsx bench/reportIsolation.ts [--scale demo|county|tiny] [--seed S] [--views N]
 *
 * Starts the simulators and a hub over HTTP with a real Redis under a throwaway key prefix. Each
 * phase opens N children not opened before (cold: every view reads LCS, EYES, LIFT and the front
 * door), four at a time, and reports p50/p99 and how many views lacked LCS. Phases: quiet; while
 * two report loops run against LCS report routes made slow (800 ms a call); while they run against
 * LCS report routes that hang. The last column is the interactive LCS breaker at the phase's end.
 * It drives the hub only through GraphQL and /metrics, so it measures any commit alike.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { createHub } from '../src/server/app.ts';
import { loadConfig } from '../src/platform/config/index.ts';
import { loadLocalSigningKey, mintToken } from '../src/domain/access/index.ts';
import { startSimulators } from '../simulators/index.ts';
import type { Scale } from '../simulators/county/types.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: 'bench' },
    views: { type: 'string', default: '200' },
  },
});
const views = Math.max(10, Number(args.views));
const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const REPORT_ROUTES = [
  '/referrals',
  '/assessments',
  '/s47-enquiries',
  '/cp-plans',
  '/cla-episodes',
  '/placements',
];
const CHILD = `query View($id: ID!) { child(id: $id) { sources { system status } socialCare { caseStatus } } }`;
const REPORT = `query Report($from: Date!, $to: Date!) { performance(from: $from, to: $to) {
  assessments { started } initialChildProtectionConferences { started } childrenAt { date }
  placementStability { countedOn } monthly { month } } }`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const sims = await startSimulators({ seed: args.seed!, scale: args.scale as Scale });
  const dir = mkdtempSync(join(tmpdir(), 'svoc-isolation-'));
  const prefix = `bench:isolation:${randomUUID()}:`;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    AUDIT_FILE: join(dir, 'audit.jsonl'),
    AUTH_LOCAL_KEY_FILE: join(dir, 'key.json'),
    LCS_URL: sims.urls.lcs!,
    EYES_URL: sims.urls.eyes!,
    LIFT_URL: sims.urls.lift!,
    FRONTDOOR_URL: sims.urls.frontdoor!,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_BURST: '100000',
  });
  const today = sims.county.asOf;
  const hub = await createHub(config, { now: () => Date.parse(`${today}T12:00:00Z`) });
  const { url } = await hub.listen(0, '127.0.0.1');
  const key = await loadLocalSigningKey(config.auth.mode === 'local' ? config.auth.keyFile : undefined);
  const mint = (userId: string, roles: ('TEAM_MANAGER' | 'ADMIN' | 'FRONT_DOOR' | 'FINANCE')[]) =>
    mintToken(
      key,
      { userId, roles },
      { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 },
    );
  const analyst = await mint('analyst', ['TEAM_MANAGER', 'ADMIN']);
  const viewer = await mint('viewer', ['FRONT_DOOR', 'FINANCE']);
  const post = async (token: string, query: string, variables: object) =>
    (await (
      await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      })
    ).json()) as { data?: { child?: { sources: { system: string; status: string }[] } } };
  const faults = (body: object | null) =>
    fetch(`${sims.urls.lcs}/__sim/faults`, {
      method: body ? 'PUT' : 'DELETE',
      headers: { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const breaker = async () => {
    const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
    const line = text.split('\n').find((l) => l.startsWith('svoc_upstream_breaker_state{system="lcs"}'));
    return ['closed', 'half-open', 'open'][Number(line?.split(' ')[1] ?? 0)]!;
  };

  const children: string[] = [];
  for (const truth of sims.county.groundTruth()) {
    const cluster = truth.lcs.length > 0 ? hub.directory.resolve(`lcs:${truth.lcs[0]}`) : null;
    if (cluster && !cluster.restricted) children.push(cluster.hubId);
  }

  let next = 0;
  const phase = async (name: string, fault: object | null, withReports: boolean) => {
    await faults(fault);
    let running = withReports;
    const reports = withReports
      ? [0, 1].map(async (loop) => {
          for (let n = 0; running; n++) {
            const from = `${Number(today.slice(0, 4)) - 1 - ((n + loop) % 3)}${today.slice(4, 7)}-01`;
            await post(analyst, REPORT, { from, to: today });
          }
        })
      : [];
    const ids = children.slice(next, next + views);
    next += views;
    const ms: number[] = [];
    let withoutLcs = 0;
    await Promise.all(
      [0, 1, 2, 3].map(async (worker) => {
        for (let i = worker; i < ids.length; i += 4) {
          const started = performance.now();
          const body = await post(viewer, CHILD, { id: ids[i] });
          ms.push(performance.now() - started);
          if (!body.data?.child?.sources.some((s) => s.system === 'LCS' && s.status === 'OK')) withoutLcs++;
        }
      }),
    );
    const state = await breaker();
    running = false;
    await faults(null);
    await Promise.all(reports);
    ms.sort((a, b) => a - b);
    console.log(
      `| ${name} | ${ms.length} | ${percentile(ms, 50).toFixed(0)} | ${percentile(ms, 99).toFixed(0)} | ${withoutLcs} | ${state} |`,
    );
  };

  console.log(`\nscale ${args.scale}, ${views} cold child views per phase, 4 at a time\n`);
  console.log('| phase | views | p50 ms | p99 ms | views without LCS | interactive LCS breaker |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  await phase('quiet', null, false);
  await phase('reports running, LCS report routes 800 ms', { latencyMs: 800, routes: REPORT_ROUTES }, true);
  await phase('reports running, LCS report routes hang', { hang: true, routes: REPORT_ROUTES }, true);

  await hub.stop();
  await sims.close();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = nextCursor;
  } while (cursor !== '0');
  redis.disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
