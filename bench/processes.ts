/**
 * The benchmark's separate processes (simulators, hub, baseline): each runs as its own node process
 * (tsx loaded with --import, so the pid is the server itself and /proc figures are its alone) and
 * announces readiness with one JSON line on stdout starting with READY.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface BenchProcess<T> {
  readonly name: string;
  readonly pid: number;
  readonly info: T;
  stop(): Promise<void>;
}

export const READY_PREFIX = 'READY ';

/** Prints the ready line a parent waits for. */
/** How long a process may take to start (BENCH_START_TIMEOUT_MS): a county hub on a busy machine takes minutes. */
const START_TIMEOUT_MS = Number(process.env['BENCH_START_TIMEOUT_MS'] ?? 120_000);

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
}): Promise<BenchProcess<T>> {
  const entry = fileURLToPath(new URL(options.entry, import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', entry],
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
