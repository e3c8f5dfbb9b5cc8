/**
 * One small SQL surface over the two engines the register runs on: PostgreSQL through `pg` when
 * DATABASE_URL is set, PGlite (Postgres compiled to WebAssembly, in this process) when it is not.
 * The register's SQL is written once, for Postgres, and runs unchanged on both.
 */
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

async function openPglite(dataDir: string | null): Promise<SqlDatabase> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
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
