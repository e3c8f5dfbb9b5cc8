/**
 * register_changes (the ids each register version changed) is pruned: rows older than the window
 * go, the register remembers up to which version, and an instance that last read the register
 * before that re-reads the whole id map instead of missing the changes. Pruning runs by itself,
 * one instance at a time. Run on PostgreSQL and on PGlite; two instances only on PostgreSQL.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildRegister } from '../../../src/platform/register/childRegister.ts';
import type { RegisterStore } from '../../../src/platform/register/store.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { amaraContact, benedictLeaves, people, registerInstances } from './fixture.ts';

describe.each(REGISTER_ENGINES)(
  'pruning changed ids on %s',
  (engine) => {
    let db: TestDatabase;
    const instances = registerInstances(() => db.settings);
    const start = (options: Parameters<typeof instances.start>[1] = {}) => instances.start(people(), options);
    afterEach(async () => {
      await instances.closeAll();
      await db.drop();
    });

    it('deletes only rows older than the window, and a read from before the pruned horizon is told to re-read everything', async () => {
      db = await createTestDatabase(engine);
      let store!: RegisterStore;
      const register = await start({ store: (s) => (store = s) });
      const before = register.version;
      await register.apply('frontdoor', 'F100', { record: amaraContact() });
      const changed = register.version;
      expect(changed).toBeGreaterThan(before);

      // Nothing is an hour old: nothing goes, and a reader from before the change is told what changed.
      expect(await store.pruneChanges(3_600_000)).toEqual({ deleted: 0, horizon: 0 });
      const partial = await store.changesSince(before);
      expect(partial.full).toBe(false);
      expect(partial.hubIds).toContain(register.resolve('frontdoor:F100')!.hubId);

      const pruned = (await store.pruneChanges(0))!;
      expect(pruned.horizon).toBe(changed);
      expect(pruned.deleted).toBeGreaterThan(0);
      // The rows it would have read are gone: it must read the whole map.
      expect(await store.changesSince(before)).toMatchObject({ version: changed, full: true });
      // A reader at the horizon missed nothing.
      expect(await store.changesSince(changed)).toMatchObject({ version: changed, full: false, hubIds: [] });

      // Rows written after a prune are read as before.
      await register.apply('lcs', '200', { record: benedictLeaves() });
      const after = await store.changesSince(changed);
      expect(after.full).toBe(false);
      expect(after.hubIds).toContain(register.resolve('lcs:200')!.hubId);
    });

    it.runIf(engine === 'postgres')(
      'an instance further behind than the pruned horizon re-reads the whole id map and agrees with the others',
      async () => {
        db = await createTestDatabase(engine);
        let store!: RegisterStore;
        const a = await start({ store: (s) => (store = s) });
        // b hears no announcement (a connection that was cut): it reads only when it polls.
        const b = await start({
          store: (s) => ({ ...s, listen: () => Promise.resolve(() => Promise.resolve()) }),
        });
        const contact = a.resolve('frontdoor:F100')!.hubId;
        const amara = a.resolve('lcs:100')!.hubId;
        await a.apply('frontdoor', 'F100', { record: amaraContact() });
        await a.apply('lcs', '200', { record: benedictLeaves() });
        expect(b.version).toBeLessThan(a.version);
        expect(b.lookup(contact)).toMatchObject({ cluster: { hubId: contact }, redirectedFrom: null });

        await store.pruneChanges(0);
        await b.refresh();
        expect(b.version).toBe(a.version);
        expect(b.lookup(contact)).toMatchObject({ cluster: { hubId: amara }, redirectedFrom: contact });
        expect(b.resolve('lcs:200')!.hubId).toBe(a.resolve('lcs:200')!.hubId);
        const idsOf = (register: ChildRegister) =>
          new Map([...register.clusters()].map((c) => [JSON.stringify(c.records), c.hubId]));
        expect(idsOf(b)).toEqual(idsOf(a));
      },
    );

    it.runIf(engine === 'postgres')(
      'runs by itself on a timer, several instances taking turns, and leaves the register answering',
      async () => {
        db = await createTestDatabase(engine);
        const prune = { everyMs: 100, keepMs: 0 };
        const [a, b] = await Promise.all([start({ prune }), start({ prune })]);
        const client = new pg.Client({ connectionString: db.settings.url! });
        await client.connect();
        try {
          const rows = async () =>
            Number(
              (await client.query<{ n: string }>('SELECT count(*) AS n FROM register_changes')).rows[0]!.n,
            );
          await a.apply('frontdoor', 'F100', { record: amaraContact() });
          await b.refresh();
          const deadline = Date.now() + 60_000;
          while ((await rows()) > 0) {
            if (Date.now() > deadline) throw new Error('register_changes was never pruned');
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
          const [{ changes_from }] = (
            await client.query<{ changes_from: string }>('SELECT changes_from FROM register_version')
          ).rows as [{ changes_from: string }];
          expect(Number(changes_from)).toBe(a.version);
          expect(b.resolve('frontdoor:F100')!.hubId).toBe(a.resolve('lcs:100')!.hubId);
        } finally {
          await client.end();
        }
      },
    );
  },
  // PGlite initialises a database in WebAssembly for each start: slow on a busy machine.
  240_000,
);
