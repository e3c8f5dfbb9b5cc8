/**
 * One small SQL surface over the two engines the register runs on: PostgreSQL through `pg` when
 * DATABASE_URL is set, PGlite (Postgres compiled to WebAssembly, in this process) when it is not.
 * The register's SQL is written once, for Postgres, and runs unchanged on both.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Queryable {
  query<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlDatabase extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection; rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `work` on one connection held for its duration (session-level advisory locks). */
  session<T>(work: (session: Queryable) => Promise<T>): Promise<T>;
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
    close: () => pool.end(),
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
 * An in-memory PGlite starts from a copy of a freshly initialised cluster kept in the system's
 * temporary folder: initdb in WebAssembly takes seconds (more on a busy machine), loading its copy a
 * fraction of that. The copy is written once per PGlite version, atomically, and holds no data.
 */
async function createInMemory(): Promise<PGlite> {
  const template = join(tmpdir(), `svoc-register-pglite-${PGLITE_VERSION}.tar`);
  const copy = await readFile(template).catch(() => null);
  if (copy !== null) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([copy]) });
    } catch {
      // A damaged copy: initialise afresh below, and write a new one.
    }
  }
  const db = await PGlite.create();
  const fresh = Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer());
  const partial = `${template}.${randomBytes(4).toString('hex')}`;
  await writeFile(partial, fresh)
    .then(() => rename(partial, template))
    .catch(() => undefined);
  return db;
}

async function openPglite(dataDir: string | null): Promise<SqlDatabase> {
  const db = dataDir ? await PGlite.create(dataDir) : await createInMemory();
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
    close: () => db.close(),
  };
}
