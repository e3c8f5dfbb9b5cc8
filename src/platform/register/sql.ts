/**
 * One small SQL surface over the two engines the register runs on: PostgreSQL through `pg` when
 * DATABASE_URL is set, PGlite (Postgres compiled to WebAssembly, in this process) when it is not.
 * The register's SQL is written once, for Postgres, and runs unchanged on both.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { promisify } from 'node:util';
import { setFlagsFromString } from 'node:v8';

const execFileAsync = promisify(execFile);

export interface Queryable {
  query<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDatabase extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection; rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `work` on one connection held for its duration (session-level advisory locks). */
  session<T>(work: (session: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` with each NOTIFY payload on `channel` (PostgreSQL: on a connection of its own,
   * opened again after it drops; `onReconnect` then, since notifications in between were lost).
   * Returns the function that stops listening.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onReconnect?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseSettings {
  /** postgres:// URL; null: PGlite. */
  url: string | null;
  /** PGlite's data directory; null: in memory (the register lasts as long as the process). */
  dataDir: string | null;
  poolSize: number;
}

export async function openDatabase(settings: DatabaseSettings): Promise<SqlDatabase> {
  return settings.url ? openPostgres(settings.url, settings.poolSize) : openPglite(settings.dataDir);
}

function openPostgres(url: string, max: number): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const over = (client: pg.PoolClient): Queryable => ({
    query: async <T extends object>(text: string, params: unknown[] = []) =>
      (await client.query<T>(text, params)).rows,
  });
  const withClient = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  };
  return {
    engine: 'postgres',
    query: async <T extends object>(text: string, params: unknown[] = []) =>
      (await pool.query<T>(text, params)).rows,
    transaction: (work) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(over(client));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    session: (work) => withClient((client) => work(over(client))),
    listen: (channel, onNotify, onReconnect) => listenPostgres(url, channel, onNotify, onReconnect),
    close: () => pool.end(),
  };
}

/** LISTEN on a dedicated client (a pooled one would be handed to other queries and miss them). */
async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onReconnect?: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    let dropped = false;
    const drop = () => {
      if (dropped) return;
      dropped = true;
      if (client === next) client = null;
      next.end().catch(() => undefined);
      if (stopped) return;
      retry = setTimeout(() => connect().then(onReconnect, () => undefined), 1000);
      retry.unref();
    };
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', drop);
    next.on('end', drop);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      drop();
      throw error;
    }
  };
  // A first failure is retried like a drop: the slow poll answers until the listener is back.
  await connect().catch(() => undefined);
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const last = client;
    client = null;
    await last?.end().catch(() => undefined);
  };
}

/** PGlite's version (its package.json, beside the dist/ folder its entry point is in). */
const PGLITE_VERSION = (
  JSON.parse(
    readFileSync(
      join(dirname(fileURLToPath(import.meta.resolve('@electric-sql/pglite'))), '..', 'package.json'),
      'utf8',
    ),
  ) as { version: string }
).version;

/**
 * PGlite reserves Postgres's default 128 MB of shared buffers inside the hub's own heap; the
 * register's working set is a few megabytes and the files sit in the OS page cache anyway
 * (measured over 100,000 rows: 342 MB resident with the default, 177 MB with 16 MB).
 */
const PGLITE_OPTIONS = {
  startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'],
};

/**
 * V8 compiles PGlite's WebAssembly with Liftoff, its baseline compiler, only. By default TurboFan
 * also recompiles the hot part of Postgres in the background: its compile memory peaked near 100 MB
 * of malloc (glibc keeps much of it), the optimised code stays resident, and the register's queries
 * (start-up, a change, a poll) are too few and too small to pay that back. Measured on the demo hub:
 * resident at ready 229-249 MB against 278-311 MB, peak after cold load 407 against 465 MB, ready
 * 1-3 s sooner. The flag is process-wide but concerns WebAssembly alone: PGlite's, and the HTTP
 * parser of undici (the upstream transport), whose cost per call measured the same with and
 * without it (a keep-alive GET of a 1 KB answer, 57-61 µs of CPU either way). Set before the
 * first compile. Node 24 ignores it when set here, at run time (the demo hub peaked at 834 MB
 * resident by the end of start-up, against 455 MB with the flag given to node): the hub's start
 * commands give it on the command line (HUB_NODE_FLAGS in bench/processes.ts); this call covers
 * Node 20 started without it.
 */
const PGLITE_V8_FLAGS = '--liftoff-only';
let pgliteFlagsSet = false;
function compileWasmWithLiftoffOnly(): void {
  if (pgliteFlagsSet) return;
  pgliteFlagsSet = true;
  setFlagsFromString(PGLITE_V8_FLAGS);
}

/** Where PGlite's entry module is, for the child process that initialises the template. */
const PGLITE_MODULE = import.meta.resolve('@electric-sql/pglite');

/**
 * A freshly initialised cluster kept in the system's temporary folder, once per PGlite version.
 * initdb runs in a child process: in WebAssembly it takes seconds and peaks near 700 MB, and that
 * peak must never be the hub's own. Written under a random name and renamed, so two processes
 * starting together both end with one whole template.
 */
async function pgliteTemplate(): Promise<string> {
  const template = join(tmpdir(), `svoc-register-pglite-${PGLITE_VERSION}`);
  if (existsSync(join(template, 'PG_VERSION'))) return template;
  const partial = `${template}.${randomBytes(4).toString('hex')}`;
  const script = `const { PGlite } = await import(${JSON.stringify(PGLITE_MODULE)});
const db = await PGlite.create(${JSON.stringify(partial)});
await db.close();`;
  await execFileAsync(process.execPath, [PGLITE_V8_FLAGS, '--input-type=module', '-e', script]);
  await rename(partial, template).catch(() => rm(partial, { recursive: true, force: true }));
  return template;
}

/** Removes the throwaway copies of processes that ended without closing theirs (killed, crashed). */
async function sweepAbandoned(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = /^svoc-register-(\d+)-/.exec(name)?.[1];
    if (pid === undefined || isAlive(Number(pid))) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The register "in memory": a copy of the template in a directory of its own, removed when the
 * register closes. Opening an initialised cluster from disk costs PGlite about a third of the
 * memory that loading the same cluster into its in-memory file system does (measured: 135 MB
 * against 400 MB), and a fraction of initdb's time.
 */
async function createThrowaway(): Promise<{ db: PGlite; dir: string }> {
  const template = await pgliteTemplate();
  await sweepAbandoned();
  const dir = await mkdtemp(join(tmpdir(), `svoc-register-${process.pid}-`));
  try {
    await cp(template, dir, { recursive: true });
    return { db: await PGlite.create(dir, PGLITE_OPTIONS), dir };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function openPglite(dataDir: string | null): Promise<SqlDatabase> {
  compileWasmWithLiftoffOnly();
  const { db, dir: throwaway } = dataDir
    ? { db: await PGlite.create(dataDir, PGLITE_OPTIONS), dir: null }
    : await createThrowaway();
  const plain: Queryable = {
    query: async <T extends object>(text: string, params: unknown[] = []) =>
      (await db.query<T>(text, params)).rows,
  };
  return {
    engine: 'pglite',
    query: plain.query,
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          query: async <T extends object>(text: string, params: unknown[] = []) =>
            (await tx.query<T>(text, params)).rows,
        }),
      ),
    // PGlite is one connection already.
    session: (work) => work(plain),
    // In-process: notifications from this PGlite, the only one over its data directory.
    listen: async (channel, onNotify) => {
      const stop = await db.listen(channel, onNotify);
      return () => stop();
    },
    close: async () => {
      await db.close();
      if (throwaway) await rm(throwaway, { recursive: true, force: true });
    },
  };
}
