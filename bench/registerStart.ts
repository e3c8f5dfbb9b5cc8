/**
 * `npm run bench:register`: one hub instance's start (process spawn to its "ready" line) and resident
 * memory once ready, over the same simulators (their own process; demo county, seed svoc unless
 * BENCH_SEED/BENCH_SCALE say otherwise), in these set-ups: without the register; with it on PGlite in
 * memory (always empty: every system read and linked); on PGlite in a data directory, empty then
 * again (links restored from it); on PostgreSQL in a fresh database (every system read, linked and
 * stored, every id issued); and again on that database (the usual restart: no system read).
 * PostgreSQL at BENCH_POSTGRES_URL (default 127.0.0.1:5432). BENCH_ONLY=postgres skips the others;
 * BENCH_ONLY=baseline measures only the start without the register. BENCH_POSTGRES_DATABASE names an
 * existing (empty) database to use instead of a throwaway one, which is then left in place for the
 * caller (`npm run bench:readme` starts its county hubs from it); BENCH_RESULTS_FILE: also write the
 * figures there as JSON.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startProcess } from './processes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_URL = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const rssMb = (pid: number): number => {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
};

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const work = mkdtempSync(join(tmpdir(), 'svoc-register-bench-'));
const sims = await startProcess<{ urls: Record<string, string> }>({
  name: 'simulators',
  entry: './sims.ts',
  env: { BENCH_SEED: process.env['BENCH_SEED'] ?? 'svoc', BENCH_SCALE: process.env['BENCH_SCALE'] ?? 'demo' },
});
const { urls } = sims.info;
const given = process.env['BENCH_POSTGRES_DATABASE'];
const database = given ?? `svoc_register_bench_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
if (!given) await admin(`CREATE DATABASE ${database}`);

export interface StartFigure {
  name: string;
  readyMs: number;
  rssMb: number;
}
const figures: StartFigure[] = [];

async function measure(name: string, env: Record<string, string>): Promise<void> {
  const started = performance.now();
  const hub = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
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
  await new Promise<void>((resolve, reject) => {
    let out = '';
    hub.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('GraphQL and GraphiQL:')) resolve();
    });
    hub.once('exit', (code) => reject(new Error(`${name} exited (${code})`)));
  });
  const ms = performance.now() - started;
  const rss = rssMb(hub.pid!);
  hub.kill('SIGTERM');
  await new Promise((resolve) => hub.once('exit', resolve));
  figures.push({ name, readyMs: Math.round(ms), rssMb: Math.round(rss) });
  console.log(`${name.padEnd(44)} ready in ${(ms / 1000).toFixed(1)} s, ${rss.toFixed(0)} MB resident`);
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
    await measure('register on PostgreSQL, empty (all read)', { DATABASE_URL: databaseUrl });
    await measure('register on PostgreSQL, restart (from it)', { DATABASE_URL: databaseUrl });
    await measure('register on PostgreSQL, restart again', { DATABASE_URL: databaseUrl });
  }
  const resultsFile = process.env['BENCH_RESULTS_FILE'];
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(figures, null, 2) + '\n');
} finally {
  await sims.stop();
  rmSync(work, { recursive: true, force: true });
  if (!given) await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}
