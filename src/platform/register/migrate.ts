/**
 * Versioned migrations: every `NNNN_name.sql` in ./migrations, applied once each, in order, and
 * recorded in schema_migrations with a checksum. Applied at start under an advisory lock, so two
 * instances starting together apply each migration once; an applied migration whose file has
 * changed stops start-up (a migration is never edited, a new one is added).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlDatabase } from './sql.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** The advisory lock every instance takes around migrating (an arbitrary constant of this project). */
export const MIGRATION_LOCK = 0x5f0c_0001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(dir + file, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Applies what is missing; returns the versions this call applied. */
export async function migrate(db: SqlDatabase, migrations = readMigrations()): Promise<number[]> {
  return db.session(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await session.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const applied = new Map(
        (
          await session.query<{ version: number; checksum: string }>(
            'SELECT version, checksum FROM schema_migrations',
          )
        ).map((row) => [row.version, row.checksum]),
      );
      const done: number[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.version);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum)
            throw new MigrationError(
              `register migration ${migration.version} (${migration.name}) differs from the one applied`,
            );
          continue;
        }
        await session.query('BEGIN');
        try {
          for (const statement of statements(migration.sql)) await session.query(statement);
          await session.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await session.query('COMMIT');
        } catch (error) {
          await session.query('ROLLBACK');
          throw error;
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  });
}

/** A migration's statements (split on `;` at a line end; the register's SQL has no bodies with `;`). */
function statements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((part) =>
      part
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((part) => part.length > 0);
}
