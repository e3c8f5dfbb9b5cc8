/**
 * The benches' throwaway PostgreSQL databases: one administrative connection (BENCH_POSTGRES_URL,
 * default the local server's `postgres` database) creates and drops them.
 */
import pg from 'pg';

export const ADMIN_URL = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement (CREATE/DROP DATABASE) on the administrative connection. */
export async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of `database` on the same server. */
export const databaseUrlOf = (database: string): string =>
  Object.assign(new URL(ADMIN_URL), { pathname: `/${database}` }).toString();
