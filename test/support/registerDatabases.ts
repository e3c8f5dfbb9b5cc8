/**
 * The register's two engines for tests: the real PostgreSQL at 127.0.0.1:5432 (a throwaway database
 * per call, dropped by `drop`) and PGlite in a temporary data directory. Suites run once per engine with
 * `describe.each(REGISTER_ENGINES)`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseSettings } from '../../src/platform/register/sql.ts';

export const REGISTER_ENGINES = ['postgres', 'pglite'] as const;
export type RegisterEngine = (typeof REGISTER_ENGINES)[number];

/** The server's maintenance database; `.ci/run` makes sure the server is up. */
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  settings: DatabaseSettings;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(engine: RegisterEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    // A data directory, so a "restart" (a second PGlite over it) finds what the first one wrote.
    const dataDir = await mkdtemp(join(tmpdir(), 'svoc-register-'));
    return {
      settings: { url: null, dataDir, poolSize: 4 },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `svoc_register_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    settings: { url: url.toString(), dataDir: null, poolSize: 4 },
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
