/**
 * `npm run bench:register`: one hub instance's start (process spawn to its "ready" line) and resident
 * memory once ready, each started once the simulators are idle, over the same simulators (their own
 * process; demo county, seed svoc unless BENCH_SEED/BENCH_SCALE say otherwise), in these set-ups: without the register; with it on PGlite in
 * memory (always empty: every system read and linked); on PGlite in a data directory, empty then
 * again (links restored from it); on PostgreSQL in a fresh database (every system read, linked and
 * stored, every id issued); and again on that database (the usual restart: no system read); and a
 * restart whose first scan is a sweep (every system's whole list read and compared, as hourly in
 * production): its time, CPU, memory and how long /healthz waited meanwhile (BENCH_SWEEP=0 skips it).
 * PostgreSQL at BENCH_POSTGRES_URL (default 127.0.0.1:5432). BENCH_ONLY=postgres skips the others;
 * BENCH_ONLY=baseline measures only the start without the register. BENCH_HUB_COMPILED=1 runs the hub
 * as production does (`npm run build`, then plain `node dist/src/server/main.js`); unset: through tsx,
 * whose loader and source maps add memory and CPU production never pays. BENCH_POSTGRES_DATABASE names
 * an existing (empty) database to use instead of a throwaway one, which is then left in place for the
 * caller (`npm run bench:readme` starts its county hubs from it); BENCH_RESULTS_FILE: also write the
 * figures there as JSON.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { admin, databaseUrlOf } from './postgresAdmin.ts';
import { cpuMillis, quietened } from './procStats.ts';
import { HUB_NODE_FLAGS, startProcess } from './processes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const rssMb = (pid: number): number => {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

const work = mkdtempSync(join(tmpdir(), 'svoc-register-bench-'));
/** Inside the repository (the compiled modules resolve its node_modules), removed at the end. */
const compiledDir =
  process.env['BENCH_HUB_COMPILED'] === '1' ? join(ROOT, `.tmp/bench-register-${process.pid}`) : null;
if (compiledDir)
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', compiledDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
const hubArgs = [
  ...HUB_NODE_FLAGS,
  ...(compiledDir ? [join(compiledDir, 'src/server/main.js')] : ['--import', 'tsx', 'src/server/main.ts']),
];
console.log(`hub: ${compiledDir ? 'compiled, plain node' : 'through tsx'}`);
const sims = await startProcess<{ urls: Record<string, string> }>({
  name: 'simulators',
  entry: './sims.ts',
  env: { BENCH_SEED: process.env['BENCH_SEED'] ?? 'svoc', BENCH_SCALE: process.env['BENCH_SCALE'] ?? 'demo' },
});
const { urls } = sims.info;
const given = process.env['BENCH_POSTGRES_DATABASE'];
const database = given ?? `svoc_register_bench_${randomBytes(4).toString('hex')}`;
const databaseUrl = databaseUrlOf(database);
if (!given) await admin(`CREATE DATABASE ${database}`);

export interface StartFigure {
  name: string;
  readyMs: number;
  rssMb: number;
  /** Load average (1, 5, 15 min) when the instance was ready. */
  load: string;
  /** A sweep this instance made once ready (every system's whole list read and compared). */
  sweep?: SweepFigure;
}

export interface SweepFigure {
  /** As the hub logged it: people read, changed, removed, and how long the sweep took. */
  read: number;
  changed: number;
  removed: number;
  ms: number;
  /** The hub's CPU during the sweep, ms. */
  cpuMs: number;
  /** The hub's resident memory before the sweep and its highest during it, MB. */
  rssBeforeMb: number;
  rssPeakMb: number;
  /** GET /healthz every 50 ms during the sweep: how long the event loop kept an answer waiting. */
  healthP99Ms: number;
  healthMaxMs: number;
}

const SWEEP_LOGGED = 'register sweep: every system read whole';

/**
 * Waits (up to ten minutes) for the hub's first sweep, sampling its CPU and memory every 100 ms and
 * timing /healthz every 50 ms, and gives the figures of the sweep's own window.
 */
async function sweepFigures(pid: number, output: () => string, url: string): Promise<SweepFigure> {
  const health = new URL('/healthz', url).toString();
  const samples: { at: number; cpuMs: number; rssMb: number }[] = [];
  const probes: { at: number; ms: number }[] = [];
  const sampler = setInterval(
    () => samples.push({ at: performance.now(), cpuMs: cpuMillis(pid), rssMb: rssMb(pid) }),
    100,
  );
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const sent = performance.now();
      await fetch(health)
        .then((r) => r.arrayBuffer())
        .catch(() => null);
      probes.push({ at: sent, ms: performance.now() - sent });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const started = performance.now();
    for (;;) {
      const line = output()
        .split('\n')
        .find((l) => l.includes(SWEEP_LOGGED));
      if (line) {
        const ended = performance.now();
        const logged = JSON.parse(line) as { read: number; changed: number; removed: number; ms: number };
        const from = ended - logged.ms;
        const inside = samples.filter((x) => x.at >= from);
        const before = samples.filter((x) => x.at < from).at(-1) ?? inside[0]!;
        const waits = probes
          .filter((x) => x.at >= from)
          .map((x) => x.ms)
          .sort((a, b) => a - b);
        return {
          read: logged.read,
          changed: logged.changed,
          removed: logged.removed,
          ms: logged.ms,
          cpuMs: Math.round(cpuMillis(pid) - before.cpuMs),
          rssBeforeMb: Math.round(before.rssMb),
          rssPeakMb: Math.round(Math.max(...inside.map((x) => x.rssMb), before.rssMb)),
          healthP99Ms: Math.round(waits[Math.floor(0.99 * (waits.length - 1))] ?? Number.NaN),
          healthMaxMs: Math.round(waits.at(-1) ?? Number.NaN),
        };
      }
      if (performance.now() - started > 600_000) throw new Error('no sweep logged within ten minutes');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    clearInterval(sampler);
    probing = false;
    await prober;
  }
}
const figures: StartFigure[] = [];

/** Waits (up to two minutes) for a complete link checkpoint in the bench database; seconds waited. */
async function checkpointWritten(): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    while (performance.now() - started < 120_000) {
      const { rows } = await client.query<{ n: string }>(
        'SELECT count(*) AS n FROM link_checkpoints WHERE complete',
      );
      if (Number(rows[0]!.n) > 0) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return Number.NaN;
  } finally {
    await client.end();
  }
}

async function measure(
  name: string,
  env: Record<string, string>,
  /** Before the hub is stopped (once measured): a note for the line, and a sweep's figures if it made one. */
  settle?: (hub: {
    pid: number;
    output: () => string;
    url: string;
  }) => Promise<{ note: string; sweep?: SweepFigure }>,
): Promise<void> {
  // Each start on an otherwise idle machine: the simulators may still be answering the last hub.
  if (!(await quietened(sims.pid))) console.log('(the simulators were still busy after two minutes)');
  const started = performance.now();
  const hub = spawn(process.execPath, hubArgs, {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      AUTH_LOCAL_KEY_FILE: join(work, 'key.json'),
      AUDIT_FILE: join(work, 'audit.jsonl'),
      LCS_URL: urls['lcs']!,
      EYES_URL: urls['eyes']!,
      LIFT_URL: urls['lift']!,
      FRONTDOOR_URL: urls['frontdoor']!,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    hub.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('GraphQL and GraphiQL:')) resolve();
    });
    hub.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
  const ms = performance.now() - started;
  const rss = rssMb(hub.pid!);
  const url = /GraphQL and GraphiQL: (\S+)/.exec(out)![1]!;
  const settled = settle ? await settle({ pid: hub.pid!, output: () => out, url }) : { note: '' };
  hub.kill('SIGTERM');
  await new Promise((resolve) => hub.once('exit', resolve));
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  figures.push({
    name,
    readyMs: Math.round(ms),
    rssMb: Math.round(rss),
    load,
    ...(settled.sweep ? { sweep: settled.sweep } : {}),
  });
  console.log(
    `${name.padEnd(44)} ready in ${(ms / 1000).toFixed(1)} s, ${rss.toFixed(0)} MB resident (load ${load})${settled.note}`,
  );
}

const only = process.env['BENCH_ONLY'];
try {
  if (only !== 'postgres')
    await measure('no register (REGISTER_ENABLED=false)', { REGISTER_ENABLED: 'false' });
  if (only === undefined) {
    await measure('register on PGlite in memory (empty)', {});
    const dataDir = join(work, 'pglite');
    await measure('register on PGlite directory, empty', { REGISTER_DATA_DIR: dataDir });
    await measure('register on PGlite directory, restart', { REGISTER_DATA_DIR: dataDir });
  }
  if (only !== 'baseline') {
    // An instance lives long enough to store its link checkpoint; this one is stopped once it has.
    await measure('register on PostgreSQL, empty (all read)', { DATABASE_URL: databaseUrl }, async () => ({
      note: `; link checkpoint stored ${(await checkpointWritten()).toFixed(1)} s after ready`,
    }));
    await measure('register on PostgreSQL, restart (from it)', { DATABASE_URL: databaseUrl });
    await measure('register on PostgreSQL, restart again', { DATABASE_URL: databaseUrl });
    // The hourly sweep, brought forward: the first scan (15 s after start) reads every system whole.
    if (process.env['BENCH_SWEEP'] !== '0')
      await measure(
        'register on PostgreSQL, restart, then a sweep',
        {
          DATABASE_URL: databaseUrl,
          LOG_LEVEL: 'info',
          REGISTER_SCAN_MS: '15000',
          REGISTER_SWEEP_MS: '1000',
        },
        async (hub) => {
          const sweep = await sweepFigures(hub.pid, hub.output, hub.url);
          return {
            note:
              `; sweep: ${sweep.read} people read, ${sweep.changed} changed, ${sweep.removed} removed in ` +
              `${(sweep.ms / 1000).toFixed(1)} s, ${(sweep.cpuMs / 1000).toFixed(1)} s CPU, resident ${sweep.rssBeforeMb} → ` +
              `${sweep.rssPeakMb} MB at most, /healthz p99 ${sweep.healthP99Ms} ms, max ${sweep.healthMaxMs} ms`,
            sweep,
          };
        },
      );
  }
  const resultsFile = process.env['BENCH_RESULTS_FILE'];
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(figures, null, 2) + '\n');
} finally {
  await sims.stop();
  rmSync(work, { recursive: true, force: true });
  if (compiledDir) rmSync(compiledDir, { recursive: true, force: true });
  // BENCH_KEEP_DATABASE=1: kept for bench/registerMemory.ts (drop it after).
  if (process.env['BENCH_KEEP_DATABASE'] === '1') console.log(`kept: ${databaseUrl}`);
  else if (!given) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
