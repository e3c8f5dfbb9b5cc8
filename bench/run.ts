/**
 * `npm run bench`: the hub against a hand-written baseline and the one-call floor, each server in its
 * own process, upstream simulators answering after a fixed latency. Writes bench/results/latest.json
 * and bench/results/latest.md. Each figure is the median-throughput run of BENCH_REPEATS (3).
 * Environment: BENCH_LATENCY_MS (20), BENCH_DURATION_S (6), BENCH_HUB_COMPILED (1: the hub compiled to
 * JavaScript with tsc and run by plain node, as production runs it; unset: through tsx, whose loader
 * thread, source maps and per-function name wrappers add memory and CPU production never pays),
 * BENCH_WARMUP_S (2), BENCH_SCALE (demo), BENCH_MAX_CHILDREN (all), REDIS_URL (unset: the in-memory cache), BENCH_HUB_NODE_ARGS
 * (e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof" to profile the hub), BENCH_PHASES ("views,reports"; "reports"
 * skips the baseline, the floor and the single-view scenarios, as the county half of `npm run bench:readme`
 * does), BENCH_RESULTS_NAME ("latest": the results files' name in bench/results/). The hubs read the rest
 * of their configuration from the environment too (e.g. DATABASE_URL: the register on PostgreSQL).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { loadLocalSigningKey, mintToken } from '../src/domain/access/index.ts';
import type { Role } from '../src/domain/access/types.ts';
import { loadConfig } from '../src/platform/config/index.ts';
import { runLoad, simulatorCounter, type RequestPlan, type RunFigures } from './load.ts';
import { compileHub, HUB_NODE_FLAGS, startProcess, type BenchProcess } from './processes.ts';
import { CASELOAD, CHRONOLOGY, IDENTIFIERS, SINGLE_VIEW } from './queries.ts';
import { measureReports } from './reportsPhase.ts';
import { renderMarkdown, type BenchResults, type ScenarioResult, type TargetCheck } from './report.ts';
import { TARGETS } from './targets.ts';

const env = process.env;
const LATENCY_MS = Number(env['BENCH_LATENCY_MS'] ?? 20);
const DURATION_S = Number(env['BENCH_DURATION_S'] ?? 6);
const WARMUP_S = Number(env['BENCH_WARMUP_S'] ?? 2);
const SCALE = env['BENCH_SCALE'] ?? 'demo';
const REDIS_URL = env['REDIS_URL'];
const HUB_COMPILED = env['BENCH_HUB_COMPILED'] === '1';
const CONNECTIONS = [10, 50];
/** Measured runs per figure; the run with the median throughput is reported (this VM is noisy). */
const REPEATS = Math.max(1, Number(env['BENCH_REPEATS'] ?? 3));
const FACT_CHECKS = 20;
/** At county scale linking every child first takes many minutes: BENCH_MAX_CHILDREN caps the rotation. */
const MAX_CHILDREN = Number(env['BENCH_MAX_CHILDREN'] ?? Number.MAX_SAFE_INTEGER);
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const RESULTS_NAME = env['BENCH_RESULTS_NAME'] ?? 'latest';
const PHASES = new Set((env['BENCH_PHASES'] ?? 'views,reports').split(',').map((p) => p.trim()));
/** The single-view scenarios (against the baseline and the floor); the reports phase always runs. */
const VIEWS = PHASES.has('views');
/** Inside the repository (gitignored), so the compiled modules resolve its package.json and node_modules. */
const COMPILED_DIR = fileURLToPath(new URL(`../.tmp/bench-hub-${process.pid}/`, import.meta.url));

type Urls = { lcs: string; eyes: string; lift: string; frontdoor: string };
interface ChildIds {
  id: string;
  lcs: string[];
  eyes: string[];
  frontdoor: string[];
}

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${new URL(url).pathname} answered ${response.status}`);
  return (await response.json()) as T;
}

async function allPages<T>(base: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: { items: T[]; nextCursor: string | null } = await getJson(
      `${base}${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

async function setLatency(urls: Urls, latencyMs: number): Promise<void> {
  await Promise.all(
    Object.values(urls).map(async (url) => {
      const response = await fetch(`${url}/__sim/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs }),
      });
      if (!response.ok) throw new Error(`could not set the simulator latency (${response.status})`);
    }),
  );
}

function graphqlPlan(
  url: string,
  token: string,
  query: string,
  variables: (i: number) => Record<string, unknown>,
): RequestPlan {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    next: (i) => ({ body: JSON.stringify({ query, variables: variables(i) }) }),
  };
}

async function scenario(
  name: string,
  target: ScenarioResult['target'],
  description: string,
  plan: RequestPlan,
  pid: number | null,
  counter: ReturnType<typeof simulatorCounter>,
): Promise<ScenarioResult> {
  log(`${name} (${target}): warm-up ${WARMUP_S} s`);
  await runLoad(plan, { connections: 50, durationSeconds: WARMUP_S, pid, counter });
  const runs: RunFigures[] = [];
  for (const connections of CONNECTIONS) {
    const tries: RunFigures[] = [];
    for (let i = 0; i < REPEATS; i++)
      tries.push(await runLoad(plan, { connections, durationSeconds: DURATION_S, pid, counter }));
    tries.sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    const run = tries[Math.floor(tries.length / 2)]!;
    log(
      `  ${connections} conns: ${run.requestsPerSecond.toFixed(0)} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, errors ${run.errors}, ${run.upstreamCallsPerRequest.toFixed(2)} calls/req, ${run.cpuMsPerRequest?.toFixed(2) ?? '—'} CPU ms/req`,
    );
    runs.push(run);
  }
  return { name, target, description, runs };
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'svoc-bench-'));
  const processes: BenchProcess<unknown>[] = [];
  const stopAll = async () => {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    rmSync(COMPILED_DIR, { recursive: true, force: true });
  };
  try {
    log(`starting the simulators (${SCALE} county)`);
    const sims = await startProcess<{ urls: Urls }>({
      name: 'simulators',
      entry: './sims.ts',
      env: { BENCH_SCALE: SCALE },
    });
    processes.push(sims);
    const urls = sims.info.urls;
    const counter = simulatorCounter(Object.values(urls));

    const keyFile = join(dir, 'key.json');
    const baseEnv: Record<string, string> = {
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      LCS_URL: urls.lcs,
      EYES_URL: urls.eyes,
      LIFT_URL: urls.lift,
      FRONTDOOR_URL: urls.frontdoor,
      AUTH_LOCAL_KEY_FILE: keyFile,
      AUDIT_FILE: join(dir, 'audit.jsonl'),
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_BURST: '100000',
      GRAPHQL_MAX_COST: '200000',
      // The baseline's agent allows 256 sockets per upstream; the hub gets the same room.
      UPSTREAM_MAX_CONCURRENCY: '256',
      // Each hub is measured once its report-fact warm-up has ended: a one-off at start-up whose
      // upstream reads and CPU would otherwise be counted against the first scenario's requests.
      BENCH_AWAIT_REPORT_FACTS: '1',
      ...(REDIS_URL ? { REDIS_URL } : {}),
    };
    const config = loadConfig(baseEnv);
    const key = await loadLocalSigningKey(keyFile);
    const mint = (userId: string, roles: Role[], teamId?: string) =>
      mintToken(
        key,
        { userId, roles, ...(teamId ? { teamId } : {}) },
        { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: 3600 },
      );
    const hubNodeArgs = [
      ...HUB_NODE_FLAGS,
      ...(env['BENCH_HUB_NODE_ARGS'] ?? '').split(' ').filter((a) => a.length > 0),
    ];
    let compiledHub: { compiled: string } | object = {};
    if (HUB_COMPILED) {
      log('compiling the hub (tsc)');
      compiledHub = { compiled: compileHub(COMPILED_DIR) };
    }

    // Cold: entries expire after a second and the in-memory cache holds only 100 of them, so the
    // rotating children (thousands, several entries each) are never found in it. No stale grace:
    // Redis would otherwise keep every entry past its second and answer the view stale while it
    // refreshes, which is a warm read, not a cold one.
    const coldEnv = {
      ...baseEnv,
      CACHE_TTL_SECONDS: '1',
      CACHE_STALE_GRACE_SECONDS: '0',
      CACHE_MEMORY_MAX_ENTRIES: '100',
      ...(REDIS_URL ? { REDIS_KEY_PREFIX: `bench-cold-${randomBytes(4).toString('hex')}:` } : {}),
    };
    log(VIEWS ? 'starting the hub (cold cache) and the baseline' : 'starting the hub (cold cache)');
    const hubCold = await startProcess<{ url: string }>({
      name: 'hub (cold)',
      entry: './hubProcess.ts',
      env: coldEnv,
      nodeArgs: hubNodeArgs,
      ...compiledHub,
    });
    processes.push(hubCold);
    const baseline = VIEWS
      ? await startProcess<{ url: string }>({ name: 'baseline', entry: './baselineProcess.ts', env: baseEnv })
      : null;
    if (baseline) processes.push(baseline);

    const viewer = await mint('bench-front-door', ['FRONT_DOOR', 'FINANCE']);
    const post = async (url: string, token: string, query: string, variables: Record<string, unknown>) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a GraphQL answer read field by field
        data?: any;
        errors?: unknown[];
      };
    };

    // The children: every child the hub links through an LCS person or an EYES pupil (restricted
    // ones answer NOT_FOUND and are left out). Thousands of them, so that even at the highest
    // request rate a child comes round again only after its one-second cache entries expired.
    const people = await allPages<{ personId: string }>(urls.lcs, '/people');
    const pupils = await allPages<{ pupilId: string }>(urls.eyes, '/pupils');
    const anchors = [
      ...people.map((p) => `lcs:${p.personId}`),
      ...pupils.map((p) => `eyes:${p.pupilId}`),
    ].slice(0, MAX_CHILDREN);
    const linked = await mapLimit(anchors, 8, async (anchor) => {
      const answer = await post(hubCold.info.url, viewer, IDENTIFIERS, { id: anchor });
      const c = answer.data?.child;
      return c
        ? {
            id: c.id as string,
            lcs: c.identifiers.lcsPersonIds as string[],
            eyes: c.identifiers.eyesPupilIds as string[],
            frontdoor: c.identifiers.frontDoorContactIds as string[],
          }
        : null;
    });
    const seen = new Set<string>();
    const children: ChildIds[] = linked.filter(
      (c): c is ChildIds => c !== null && !seen.has(c.id) && (seen.add(c.id), true),
    );
    log(`${children.length} children linked`);

    // The same facts from both sides, before any load.
    const checked = children.slice(0, FACT_CHECKS);
    let equal = 0;
    for (const child of baseline ? checked : []) {
      const hub = await post(hubCold.info.url, viewer, SINGLE_VIEW, { id: child.id });
      const base = await getJson<unknown>(baselineUrl(baseline!.info.url, child));
      if (!hub.errors && isDeepStrictEqual(hub.data?.child, base)) equal++;
      else log(`facts differ for one child (${hub.errors ? 'hub answered errors' : 'values differ'})`);
    }

    await setLatency(urls, LATENCY_MS);
    const scenarios: ScenarioResult[] = [];
    const rotate = (i: number) => children[i % children.length]!;
    const floorIds = people.map((p) => p.personId);
    if (baseline) {
      scenarios.push(
        await scenario(
          'floor: one upstream call',
          'floor',
          'GET /people/{id} straight to the LCS simulator',
          {
            url: `${urls.lcs}/people`,
            method: 'GET',
            next: (i) => ({ path: `/people/${encodeURIComponent(floorIds[i % floorIds.length]!)}` }),
          },
          null,
          counter,
        ),
      );
      scenarios.push(
        await scenario(
          'single view, cold',
          'baseline',
          'hand-written Promise.all route, a different child per request',
          {
            url: `${baseline.info.url}/child`,
            method: 'GET',
            next: (i) => ({ path: baselinePath(rotate(i)) }),
          },
          baseline.pid,
          counter,
        ),
      );
      scenarios.push(
        await scenario(
          'single view, cold',
          'hub',
          'a different child per request, nothing cached',
          graphqlPlan(hubCold.info.url, viewer, SINGLE_VIEW, (i) => ({ id: rotate(i).id })),
          hubCold.pid,
          counter,
        ),
      );
      scenarios.push(
        await scenario(
          'chronology, cold',
          'hub',
          'child.chronology(first: 50), a different child per request',
          graphqlPlan(hubCold.info.url, viewer, CHRONOLOGY, (i) => ({ id: rotate(i + 7).id })),
          hubCold.pid,
          counter,
        ),
      );
    }

    // Caseload: the team with the most open cases, one cold request for the call profile.
    await setLatency(urls, 0);
    const teams = await allPages<{ teamId: string }>(urls.lcs, '/teams');
    const openCases = await mapLimit(
      teams,
      4,
      async (t) =>
        [
          t.teamId,
          (
            await allPages<unknown>(
              urls.lcs,
              `/involvements?teamId=${encodeURIComponent(t.teamId)}&open=true`,
            )
          ).length,
        ] as const,
    );
    const team = [...openCases].sort((a, b) => b[1] - a[1])[0]![0];
    await setLatency(urls, LATENCY_MS);
    const manager = await mint('bench-team-manager', ['TEAM_MANAGER'], team);
    let caseloadChildren = 0;
    let byRoute: Record<string, number> = {};
    if (VIEWS) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await counter.reset();
      const caseloadAnswer = await post(hubCold.info.url, manager, CASELOAD, { team });
      caseloadChildren = (caseloadAnswer.data?.team?.caseload?.nodes ?? []).length as number;
      byRoute = await routeCounts(urls);
    }
    const hubColdRss = scenarios.at(-1)?.runs.at(-1)?.peakRssMb ?? null;
    await hubCold.stop();
    processes.splice(processes.indexOf(hubCold), 1);

    let hubWarmRss = 0;
    if (VIEWS) {
      log('starting the hub (warm cache)');
      const warmEnv = {
        ...baseEnv,
        ...(REDIS_URL ? { REDIS_KEY_PREFIX: `bench-warm-${randomBytes(4).toString('hex')}:` } : {}),
      };
      const hubWarm = await startProcess<{ url: string }>({
        name: 'hub (warm)',
        entry: './hubProcess.ts',
        env: warmEnv,
        nodeArgs: hubNodeArgs,
        ...compiledHub,
      });
      processes.push(hubWarm);
      const warmSet = checked;
      scenarios.push(
        await scenario(
          'single view, warm',
          'hub',
          `the same ${warmSet.length} children over and over, all cached`,
          graphqlPlan(hubWarm.info.url, viewer, SINGLE_VIEW, (i) => ({
            id: warmSet[i % warmSet.length]!.id,
          })),
          hubWarm.pid,
          counter,
        ),
      );
      scenarios.push(
        await scenario(
          'caseload of 50',
          'hub',
          'team(id){caseload(first: 50)} with flags, cached after the first request',
          graphqlPlan(hubWarm.info.url, manager, CASELOAD, () => ({ team })),
          hubWarm.pid,
          counter,
        ),
      );

      hubWarmRss = peakRssOf(scenarios);
      await hubWarm.stop();
      processes.splice(processes.indexOf(hubWarm), 1);
    }

    // Reports: a hub of its own (fresh cache), measured once its report-fact warm-up has ended.
    log('starting the hub (reports), waiting for its report-fact warm-up');
    const hubReports = await startProcess<{ url: string; warmUp: { ms: number; failed: string[] } }>({
      name: 'hub (reports)',
      entry: './hubProcess.ts',
      env: {
        ...baseEnv,
        ...(REDIS_URL ? { REDIS_KEY_PREFIX: `bench-reports-${randomBytes(4).toString('hex')}:` } : {}),
      },
      nodeArgs: hubNodeArgs,
      ...compiledHub,
    });
    processes.push(hubReports);
    log(
      `  report facts warmed ${(hubReports.info.warmUp.ms / 1000).toFixed(1)} s after the hub process started`,
    );
    const reportsPhase = await measureReports({
      url: hubReports.info.url,
      pid: hubReports.pid,
      manager,
      finance: await mint('bench-finance', ['FINANCE']),
      team,
      warmUp: hubReports.info.warmUp,
      views: () => graphqlPlan(hubReports.info.url, viewer, SINGLE_VIEW, (i) => ({ id: rotate(i + 13).id })),
      counter,
      durationSeconds: DURATION_S,
      log,
    });

    const views = VIEWS ? viewTargets(scenarios, caseloadChildren, byRoute) : { ratios: {}, targets: [] };
    const ratios = views.ratios;
    const reportsRss = reportsPhase.viewsDuringReports.peakRssMb;
    const peakRss = Math.max(hubWarmRss, hubColdRss ?? 0, reportsRss ?? 0);
    const slowestCold = Math.max(...reportsPhase.reports.map((r) => r.coldMs));
    const slowestWarm = Math.max(...reportsPhase.reports.map((r) => r.warmMedianMs));
    const reportErrors = reportsPhase.reports.reduce((n, r) => n + r.errors, 0);
    const targets: TargetCheck[] = [
      ...views.targets,
      {
        target: `README team-manager and finance queries, ${SCALE} scale: cold < ${TARGETS.reportColdMs / 1000} s, warm < ${TARGETS.reportWarmMs} ms, no errors`,
        measured: `slowest cold ${slowestCold.toFixed(0)} ms, slowest warm median ${slowestWarm.toFixed(0)} ms, ${reportErrors} errors`,
        met: slowestCold < TARGETS.reportColdMs && slowestWarm < TARGETS.reportWarmMs && reportErrors === 0,
      },
      {
        target: 'no breaker guarding practitioners’ reads opens during the reports phase',
        measured:
          reportsPhase.breakers.interactive.length === 0
            ? 'none opened'
            : `opened: ${reportsPhase.breakers.interactive.join(', ')}`,
        met: reportsPhase.breakers.interactive.length === 0,
      },
      {
        target: `cold child views while those reports run: p99 < ${TARGETS.viewsDuringReportsP99Ms} ms (10 conns)`,
        measured: `p99 ${reportsPhase.viewsDuringReports.p99Ms} ms, p50 ${reportsPhase.viewsDuringReports.p50Ms} ms`,
        met: reportsPhase.viewsDuringReports.p99Ms < TARGETS.viewsDuringReportsP99Ms,
      },
      // The memory target is the demo county's; at county scale the figure is reported, not judged.
      ...(SCALE === 'demo'
        ? [
            {
              target: `hub peak resident memory < ${TARGETS.demoPeakRssMb} MB`,
              measured: `${peakRss.toFixed(0)} MB`,
              met: peakRss < TARGETS.demoPeakRssMb,
            },
          ]
        : []),
    ];

    const cpu = cpus()[0];
    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      machine: {
        cpus: cpu?.model.trim() ?? 'unknown',
        cores: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      settings: {
        upstreamLatencyMs: LATENCY_MS,
        cache: REDIS_URL ? 'Redis' : 'in-memory (no REDIS_URL)',
        register:
          env['REGISTER_ENABLED'] === 'false'
            ? 'off'
            : env['DATABASE_URL']
              ? 'PostgreSQL'
              : env['REGISTER_DATA_DIR']
                ? 'PGlite directory'
                : 'PGlite in memory',
        hubRuntime: HUB_COMPILED ? 'compiled, plain node' : 'through tsx',
        scale: SCALE,
        durationSeconds: DURATION_S,
        warmupSeconds: WARMUP_S,
        repeats: REPEATS,
        children: children.length,
      },
      scenarios,
      ratios,
      caseloadCalls: { byRoute, children: caseloadChildren },
      targets,
      factsMatch: { checked: baseline ? checked.length : 0, equal },
      reportsPhase: { ...reportsPhase, peakRssMb: reportsRss },
      peakRssMb: peakRss,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(join(RESULTS_DIR, `${RESULTS_NAME}.json`), JSON.stringify(results, null, 2) + '\n');
    const markdown = renderMarkdown(results);
    writeFileSync(join(RESULTS_DIR, `${RESULTS_NAME}.md`), markdown);
    process.stdout.write(markdown);
    log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await stopAll();
  }
}

/** The single-view ratios and targets: the hub against the baseline and the one-call floor. */
function viewTargets(
  scenarios: readonly ScenarioResult[],
  caseloadChildren: number,
  byRoute: Record<string, number>,
): { ratios: Record<string, number>; targets: TargetCheck[] } {
  const find = (name: string, target: string, connections: number) =>
    scenarios
      .find((s) => s.name === name && s.target === target)
      ?.runs.find((r) => r.connections === connections) ?? null;
  const floor10 = find('floor: one upstream call', 'floor', 10)!;
  const base10 = find('single view, cold', 'baseline', 10)!;
  const base50 = find('single view, cold', 'baseline', 50)!;
  const cold10 = find('single view, cold', 'hub', 10)!;
  const cold50 = find('single view, cold', 'hub', 50)!;
  const warm10 = find('single view, warm', 'hub', 10)!;
  const warm50 = find('single view, warm', 'hub', 50)!;
  const ratios = {
    'cold single view: hub/baseline req/s, 10 conns': cold10.requestsPerSecond / base10.requestsPerSecond,
    'cold single view: hub/baseline req/s, 50 conns': cold50.requestsPerSecond / base50.requestsPerSecond,
    'cold single view: hub p50 − baseline p50 (ms), 10 conns': cold10.p50Ms - base10.p50Ms,
    'cold single view: hub p50 − baseline p50 (ms), 50 conns': cold50.p50Ms - base50.p50Ms,
    'cold single view: hub p50 / floor p50, 10 conns': cold10.p50Ms / floor10.p50Ms,
    'cold single view: hub/baseline upstream calls':
      cold50.upstreamCallsPerRequest / base50.upstreamCallsPerRequest,
    'warm single view: hub/baseline req/s, 50 conns': warm50.requestsPerSecond / base50.requestsPerSecond,
    'warm single view: hub p50 / floor p50, 10 conns': warm10.p50Ms / floor10.p50Ms,
  };
  const caseloadOk = Object.entries(byRoute).every(([route, n]) =>
    route.includes('{') ? n <= caseloadChildren : n <= 2,
  );
  const targets: TargetCheck[] = [
    {
      target: `cold single view: req/s ≥ ${TARGETS.coldThroughputRatio} × baseline at 50 conns`,
      measured: `${ratios['cold single view: hub/baseline req/s, 50 conns'].toFixed(2)} ×`,
      met: ratios['cold single view: hub/baseline req/s, 50 conns'] >= TARGETS.coldThroughputRatio,
    },
    {
      target: `cold single view: ≤ ${TARGETS.coldCpuMsPerView.toFixed(1)} ms hub CPU per request`,
      measured: `${(cold50.cpuMsPerRequest ?? NaN).toFixed(2)} ms (50 conns), ${(cold10.cpuMsPerRequest ?? NaN).toFixed(2)} ms (10)`,
      met: (cold50.cpuMsPerRequest ?? Infinity) <= TARGETS.coldCpuMsPerView,
    },
    {
      target: 'cold single view: p50 within 5 ms of the baseline at 10 conns',
      measured: `${(cold10.p50Ms - base10.p50Ms).toFixed(1)} ms`,
      met: cold10.p50Ms - base10.p50Ms <= 5,
    },
    {
      target: `warm single view: req/s ≥ ${TARGETS.warmThroughputRatio} × baseline`,
      measured: `${ratios['warm single view: hub/baseline req/s, 50 conns'].toFixed(2)} ×`,
      met: ratios['warm single view: hub/baseline req/s, 50 conns'] >= TARGETS.warmThroughputRatio,
    },
    {
      target: 'warm single view: p50 below the floor',
      measured: `${warm10.p50Ms} ms vs ${floor10.p50Ms} ms (10 conns)`,
      met: warm10.p50Ms < floor10.p50Ms,
    },
    {
      target: 'caseload of 50: ≤ 2 calls per batch-capable resource, ≤ 1 per child elsewhere',
      measured: `${caseloadChildren} children, max ${Math.max(...Object.values(byRoute), 0)} calls on one route`,
      met: caseloadOk && caseloadChildren > 0,
    },
  ];
  return { ratios, targets };
}

/** The highest peak resident memory any hub run has shown so far. */
function peakRssOf(scenarios: readonly ScenarioResult[]): number {
  return Math.max(
    0,
    ...scenarios.filter((s) => s.target === 'hub').flatMap((s) => s.runs.map((r) => r.peakRssMb ?? 0)),
  );
}

function baselinePath(child: ChildIds): string {
  const q = new URLSearchParams({
    id: child.id,
    lcs: child.lcs.join(','),
    eyes: child.eyes.join(','),
    frontdoor: child.frontdoor.join(','),
  });
  return `/child?${q.toString()}`;
}

function baselineUrl(base: string, child: ChildIds): string {
  return base + baselinePath(child);
}

async function routeCounts(urls: Urls): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [system, url] of Object.entries(urls)) {
    const snapshot = await getJson<{ byRoute: Record<string, number> }>(`${url}/__sim/stats`);
    for (const [route, n] of Object.entries(snapshot.byRoute))
      if (!route.includes('/__sim') && n > 0) counts[`${system} ${route}`] = n;
  }
  return counts;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
