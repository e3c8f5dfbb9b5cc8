/**
 * The benchmark's separate processes (simulators, hub, baseline): each runs as its own node process
 * (tsx loaded with --import, so the pid is the server itself and /proc figures are its alone) and
 * announces readiness with one JSON line on stdout starting with READY.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchProcess<T> {
  readonly name: string;
  readonly pid: number;
  readonly info: T;
  stop(): Promise<void>;
}

export const READY_PREFIX = 'READY ';

/**
 * The V8 flags production starts the hub with (package.json `start:prod` and the Dockerfile's CMD
 * carry the same; a unit test keeps the three in step), so every bench measures the hub as it runs.
 *
 * Both collector flags make resident memory follow what the hub keeps rather than the host's size.
 *
 * --heap-growing-percent=100: after each full collection V8 lets the old generation grow to twice
 * what survived it before collecting again. By default it picks a factor between 1.1 and 4 from its
 * measured collection speed against the rate objects are promoted, and the ceiling is 4 whenever
 * the heap limit is 2 GB or more, i.e. on any host with 8 GB or more: under a steady request load
 * the hub promotes fast enough (what requests in flight still hold at their second scavenge) to sit
 * at that ceiling. 150 (2.5 times) was the setting until the demo's caseloads at 50 connections
 * alone took the hub past 300 MB on Node 24 (2026-12-07, Node 24.22, register on PostgreSQL, this
 * 2-core VM under a load of 1-2; `--max-semi-space-size=16` with each): peak resident 324-351 MB
 * with 150, 281-315 MB with 100; cold single views 278-288 against 255-263 MB at the same CPU per
 * view (0.80 and 0.72 ms, within the runs' noise). The caseload paid for it (2.2 ms of CPU a page
 * with 150, 2.5-2.7 ms with 100) while each entry's facts took three resolver calls; read once for
 * the page (resolvers/workforce.ts), it costs 1.4-1.9 ms with 100 and peaks at 277-293 MB.
 * No cap is set: a heap that needs more (county scale) still gets it, the limit stays V8's own.
 *
 * --max-semi-space-size=16: the young generation's two halves at 16 MB at most, Node 20's default.
 * V8 12 and later (Node 22, 24) size them from the heap limit, so from the host's memory: 64 MB each
 * on this 24 GB VM, 128 MB of new space that a steady load fills and the process keeps. Measured as
 * above: cold single views peaked at 348-372 MB resident without it (and the heap-growing flag at
 * 150), the caseload at 414-417 MB for 1.6 ms of CPU against 2.2 ms with it; Node 20 is unchanged.
 *
 * --liftoff-only: the embedded register (PGlite) compiled by V8's baseline compiler alone (why:
 * src/platform/register/sql.ts). The register sets it itself at run time, which Node 20 honours and
 * Node 24 (the image's runtime) does not: the demo hub on Node 24 peaked at 834 MB resident by the
 * end of start-up with the flag set at run time, 455 MB with it on the command line.
 */
export const HUB_NODE_FLAGS: readonly string[] = [
  '--heap-growing-percent=100',
  '--max-semi-space-size=16',
  '--liftoff-only',
];

/** How long a process may take to start (BENCH_START_TIMEOUT_MS): a county hub on a busy machine takes minutes. */
const START_TIMEOUT_MS = Number(process.env['BENCH_START_TIMEOUT_MS'] ?? 120_000);

/** Prints the ready line a parent waits for. */
export function announceReady(info: unknown): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(info)}\n`);
}

/** Closes `close` on SIGTERM/SIGINT and exits. */
export function exitOnSignal(close: () => Promise<void>): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

export async function startProcess<T>(options: {
  name: string;
  /** A module path relative to bench/. */
  entry: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
  timeoutMs?: number;
  /** A compiled JavaScript module (an absolute path) run by plain node, as production runs the hub. */
  compiled?: string;
}): Promise<BenchProcess<T>> {
  const entry = options.compiled ?? fileURLToPath(new URL(options.entry, import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...(options.compiled ? [] : ['--import', 'tsx']), entry],
    {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const info = await new Promise<T>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `${options.name} did not start within ${options.timeoutMs ?? START_TIMEOUT_MS} ms\n${stderr}`,
          ),
        ),
      options.timeoutMs ?? START_TIMEOUT_MS,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.startsWith(READY_PREFIX)) {
          clearTimeout(timer);
          resolve(JSON.parse(line.slice(READY_PREFIX.length)) as T);
        }
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited with code ${code} before it was ready\n${stderr}`));
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    name: options.name,
    pid: child.pid!,
    info,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Compiles the hub and its bench entry to JavaScript with tsc (as `npm run build` does for
 * production, which runs plain node) into `outDir`, beside the schema files and migrations it reads
 * at start-up; answers the compiled bench/hubProcess.js. `outDir` must lie inside the repository,
 * whose package.json and node_modules the compiled modules resolve from.
 */
export function compileHub(outDir: string): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'bench/tsconfig.hub.json'), '--outDir', outDir], {
    cwd: root,
    stdio: 'inherit',
  });
  cpSync(join(root, 'schema'), join(outDir, 'schema'), { recursive: true });
  cpSync(join(root, 'src/platform/register/migrations'), join(outDir, 'src/platform/register/migrations'), {
    recursive: true,
  });
  return join(outDir, 'bench/hubProcess.js');
}
