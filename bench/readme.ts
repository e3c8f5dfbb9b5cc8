/**
 * `npm run bench:readme`: the README's performance table (issue 18's rows) measured in one run, with
 * the machine and the date. It runs, one after the other, each in its own process:
 *
 * 1. demo scale: `bench/run.ts` whole (floor, baseline, hub cold and warm, caseload, then the README's
 *    report queries cold and warm and cold child views while they run), with the in-memory cache;
 *    then again with Redis (BENCH_REDIS_URL, default 127.0.0.1:6379), the production setting, for the
 *    single-view and memory rows;
 * 2. county scale: `bench/registerStart.ts` on PostgreSQL (a throwaway database: the first start reads
 *    every system and fills the register, the next starts from it: the county start row);
 * 3. county scale: `bench/run.ts` with BENCH_PHASES=reports over that populated register (reports cold
 *    and warm, child views during reports, resident memory).
 *
 * Every hub keeps its register in a throwaway PostgreSQL database (BENCH_POSTGRES_URL, default
 * 127.0.0.1:5432), dropped at the end. Writes bench/results/readme-table.md (and .json; each step's
 * own results beside it as readme-*.{md,json}) and prints the table.
 *
 * Flags: --scales demo,demo-redis,county (default all three); --write-readme (also put the table into README.md
 * between the perf-table markers); --insert-only (put the last bench/results/readme-table.md into
 * README.md, measuring nothing). Environment passed to bench/run.ts as it reads it: BENCH_DURATION_S,
 * BENCH_WARMUP_S, BENCH_REPEATS, BENCH_LATENCY_MS; BENCH_HUB_COMPILED
 * defaults to 1 here (the hub compiled, as production runs it); BENCH_COUNTY_CHILDREN (3000) caps
 * the county's rotation of child views.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADMIN_URL, admin, databaseUrlOf } from './postgresAdmin.ts';
import * as prettier from 'prettier';
import type { StartFigure } from './registerStart.ts';
import type { BenchResults } from './report.ts';
import { insertIntoReadme, renderTable, tableRows } from './readmeTable.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const TABLE_FILE = join(RESULTS_DIR, 'readme-table.md');
const README = join(ROOT, 'README.md');
/** The simulators' seed for every step, so the register filled in step 2 is the county of step 3. */
const SEED = process.env['BENCH_SEED'] ?? 'bench';
const COUNTY_CHILDREN = process.env['BENCH_COUNTY_CHILDREN'] ?? '3000';
/** The Redis the demo-redis step's hubs use (production's cache setting); the other steps use none. */
const REDIS = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const log = (message: string) => process.stderr.write(`[bench:readme] ${message}\n`);

const databaseUrl = databaseUrlOf;

/** Runs a bench module in its own node process (its stdout to our stderr: the table is ours to print). */
async function step(entry: string, env: Record<string, string | undefined>): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(entry, import.meta.url))], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 2, 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${entry} exited with code ${code}`);
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(RESULTS_DIR, name), 'utf8')) as T;

/** Puts the table into README.md between its markers, formatted as the repository formats markdown. */
async function writeReadme(table: string): Promise<void> {
  const text = insertIntoReadme(readFileSync(README, 'utf8'), table);
  const options = (await prettier.resolveConfig(README)) ?? {};
  writeFileSync(README, await prettier.format(text, { ...options, filepath: README }));
  log('README.md: the performance table replaced between its markers');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--insert-only')) {
    await writeReadme(readFileSync(TABLE_FILE, 'utf8'));
    return;
  }
  const scalesArg =
    args.find((a) => a.startsWith('--scales='))?.slice('--scales='.length) ?? 'demo,demo-redis,county';
  const scales = new Set(scalesArg.split(','));
  const started = Date.now();
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const commit = gitCommit();
  const loadBefore = load();
  log(`load average before: ${loadBefore}`);
  mkdirSync(RESULTS_DIR, { recursive: true });

  const tag = randomBytes(4).toString('hex');
  const databases: string[] = [];
  const throwaway = async (scale: string) => {
    const name = `svoc_readme_bench_${tag}_${scale}`;
    await admin(`CREATE DATABASE ${name}`);
    databases.push(name);
    return name;
  };
  const common = { BENCH_SEED: SEED, BENCH_HUB_COMPILED: process.env['BENCH_HUB_COMPILED'] ?? '1' };
  let demo: BenchResults | null = null;
  let demoRedis: BenchResults | null = null;
  let county: BenchResults | null = null;
  let start: StartFigure[] | null = null;
  try {
    /** bench/run.ts at demo scale over its own register, with the given cache (undefined: in-memory). */
    const demoRun = async (name: string, redisUrl: string | undefined): Promise<BenchResults> => {
      log(
        `demo scale, ${redisUrl ? `Redis at ${redisUrl} (each hub its own key prefix)` : 'in-memory cache'}: bench/run.ts`,
      );
      await step('./run.ts', {
        ...common,
        BENCH_SCALE: 'demo',
        BENCH_RESULTS_NAME: name,
        DATABASE_URL: databaseUrl(await throwaway(name.replaceAll('-', '_'))),
        REDIS_URL: redisUrl,
      });
      return readJson<BenchResults>(`${name}.json`);
    };
    if (scales.has('demo')) demo = await demoRun('readme-demo', undefined);
    if (scales.has('demo-redis')) demoRedis = await demoRun('readme-demo-redis', REDIS);
    if (scales.has('county')) {
      const database = await throwaway('county');
      log('county scale: hub start on PostgreSQL, empty then from the register (bench/registerStart.ts)');
      await step('./registerStart.ts', {
        ...common,
        BENCH_SCALE: 'county',
        BENCH_ONLY: 'postgres',
        BENCH_POSTGRES_URL: ADMIN_URL,
        BENCH_POSTGRES_DATABASE: database,
        BENCH_RESULTS_FILE: join(RESULTS_DIR, 'readme-register.json'),
        // The start is measured on the in-memory cache: no keys left in a shared Redis.
        REDIS_URL: undefined,
      });
      start = readJson<StartFigure[]>('readme-register.json');
      log('county scale: reports, child views during reports, resident memory (bench/run.ts)');
      await step('./run.ts', {
        ...common,
        BENCH_SCALE: 'county',
        BENCH_PHASES: 'reports',
        BENCH_MAX_CHILDREN: COUNTY_CHILDREN,
        BENCH_RESULTS_NAME: 'readme-county',
        BENCH_START_TIMEOUT_MS: process.env['BENCH_START_TIMEOUT_MS'] ?? '1800000',
        DATABASE_URL: databaseUrl(database),
      });
      county = readJson<BenchResults>('readme-county.json');
    }
  } finally {
    for (const database of databases)
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error: unknown) =>
        log(`could not drop ${database}: ${error instanceof Error ? error.message : String(error)}`),
      );
  }
  const loadAfter = load();
  const rows = tableRows(demo, county, start, demoRedis);
  const table = renderTable(rows, {
    date,
    commit,
    loadBefore,
    loadAfter,
    settingsFrom: demo ?? county,
    minutes: (Date.now() - started) / 60_000,
  });
  writeFileSync(TABLE_FILE, table);
  writeFileSync(
    join(RESULTS_DIR, 'readme-table.json'),
    JSON.stringify({ date, commit, loadBefore, loadAfter, rows }, null, 2) + '\n',
  );
  process.stdout.write(table);
  if (args.includes('--write-readme')) await writeReadme(table);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
