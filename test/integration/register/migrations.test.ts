import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../../src/platform/register/migrate.ts';
import { openDatabase, type SqlDatabase } from '../../../src/platform/register/sql.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';

describe.each(REGISTER_ENGINES)(
  'register migrations on %s',
  (engine) => {
    let test: TestDatabase;
    const open: SqlDatabase[] = [];
    afterEach(async () => {
      await Promise.all(open.splice(0).map((db) => db.close()));
      await test.drop();
    });
    const connect = async () => {
      const db = await openDatabase(test.settings);
      open.push(db);
      return db;
    };

    it('applies every migration once and records it with its checksum', async () => {
      test = await createTestDatabase(engine);
      const db = await connect();
      const all = readMigrations();
      expect(await migrate(db)).toEqual(all.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number; checksum: string }>(
        'SELECT version, checksum FROM schema_migrations ORDER BY version',
      );
      expect(rows).toEqual(all.map((m) => ({ version: m.version, checksum: m.checksum })));
      const tables = await db.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['hub_ids', 'memberships', 'id_redirects', 'id_splits', 'review_decisions']),
      );
    });

    it('refuses to start when an applied migration has been edited', async () => {
      test = await createTestDatabase(engine);
      const db = await connect();
      await migrate(db);
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(migrate(db, edited)).rejects.toThrow(/differs from the one applied/);
    });

    it.runIf(engine === 'postgres')('two instances migrating at once apply each migration once', async () => {
      test = await createTestDatabase(engine);
      const [a, b] = await Promise.all([connect(), connect()]);
      const [appliedA, appliedB] = await Promise.all([migrate(a), migrate(b)]);
      expect([...appliedA, ...appliedB].sort()).toEqual(readMigrations().map((m) => m.version));
    });
  },
  // PGlite initialises a database in WebAssembly for each start: slow on a busy machine.
  240_000,
);
