/**
 * Link checkpoints: a restart lays out the newest checkpoint and applies only the records changed
 * after it, and answers exactly as a restart that restores every stored record; a checkpoint made
 * under other linking rules or in another format, cut short or damaged is ignored with a warning
 * that names no child, and the instance still starts (from every stored record) and writes a good
 * one. Run on PostgreSQL and on PGlite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/types.ts';
import type { ChildRegister } from '../../../src/platform/register/childRegister.ts';
import { openDatabase, type Queryable } from '../../../src/platform/register/sql.ts';
import { openRegisterStore } from '../../../src/platform/register/store.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import {
  amaraContact,
  benedictLeaves,
  capturedLogger,
  cosmoRestricted,
  people,
  registerInstances,
} from './fixture.ts';

const steward: Viewer = { userId: 'steward-1', roles: ['DATA_STEWARD'], teamId: null, workerId: null };
const adopter: Viewer = { userId: 'adopter-1', roles: [], teamId: null, workerId: null };
const ADOPTION = { reason: 'ADOPTION', allowedRoles: [], allowedUsers: ['adopter-1'] };
const LAID_OUT = 'child register: links laid out from a checkpoint, with the records changed since';
const RESTORED = 'child register: links restored from the register';

/** Everything a restart must answer as before: ids, children, restrictions, matches, searches. */
function answers(register: ChildRegister) {
  const clusters = [...register.clusters()].sort((a, b) => (a.hubId < b.hubId ? -1 : 1));
  const search = (name: string, dateOfBirth?: string) =>
    register
      .search({ name, dateOfBirth }, { first: 10 })
      .items.map((hit) => ({ hubId: hit.cluster.hubId, score: hit.score, records: hit.cluster.records }));
  const cosmo = register.resolve('lcs:300')!;
  return {
    clusters,
    restricted: clusters
      .filter((c) => c.restricted)
      .map((c) => [c.hubId, register.mayReveal(c, steward), register.mayReveal(c, adopter)]),
    cosmo: [cosmo.restricted, register.restrictionOf(cosmo)],
    matches: clusters.map((c) => [c.hubId, register.possibleMatches(c, steward)]),
    queue: register.reviewQueue(steward),
    searches: [
      search('Amara Dunmore', '2014-02-11'),
      search('Benedict Elwick', '2016-09-30'),
      search('William Ashdown', '2015-03-07'),
      search('Ezra Blackwood'),
      search('Cosmo Holloway', '2012-06-01'),
    ],
  };
}

const idsAndSearch = (register: ChildRegister) => ({
  ids: [...register.clusters()].map((c) => [c.hubId, c.records]).sort(),
  search: register.search({ name: 'Amara Dunmore', dateOfBirth: '2014-02-11' }, { first: 5 }).items,
});

async function until(condition: () => boolean, withinMs = 20_000): Promise<void> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(REGISTER_ENGINES)(
  'link checkpoints on %s',
  (engine) => {
    let db: TestDatabase;
    const { start, stop, closeAll } = registerInstances(() => db.settings);
    /** The register's database while no instance has it open (PGlite: one process at a time). */
    const withDatabase = async <T>(work: (sql: Queryable) => Promise<T>): Promise<T> => {
      const sql = await openDatabase(db.settings);
      try {
        return await work(sql);
      } finally {
        await sql.close();
      }
    };
    const newest = () =>
      withDatabase((sql) =>
        sql.query<{ id: string; rules: string; complete: boolean }>(
          'SELECT id, rules, complete FROM link_checkpoints ORDER BY id',
        ),
      );
    afterEach(async () => {
      await closeAll();
      await db.drop();
    });

    /** A register linked from the systems, with changes after its checkpoint; what it answered. */
    async function linkedWithChangesAfterCheckpoint(linkingRules?: string) {
      const restrictions = new Map([['300', ADOPTION]]);
      const first = await start([...people(), cosmoRestricted()], { restrictions, linkingRules });
      const checkpointVersion = await first.checkpoint();
      expect(checkpointVersion).toBe(first.version);
      await first.apply('frontdoor', 'F100', { record: amaraContact() });
      await first.apply('lcs', '200', { record: benedictLeaves() });
      await first.apply('frontdoor', 'F200', null);
      await first.decide({
        kind: 'REJECT',
        record: 'lcs:400',
        other: 'frontdoor:F400',
        reason: 'different children',
        decidedBy: 'steward-1',
      });
      const before = answers(first);
      await stop(first);
      return { before, checkpointVersion: checkpointVersion! };
    }

    it('stores a checkpoint in parts and reads back exactly its bytes; only the newest is kept', async () => {
      db = await createTestDatabase(engine);
      const store = await openRegisterStore(db.settings);
      try {
        const parts = (seed: number) =>
          [300_001, 300_002, 17].map((size, part) =>
            Uint8Array.from({ length: size }, (_, i) => (i * 31 + part * 7 + seed) & 0xff),
          );
        await store.writeCheckpoint({ version: 5, format: 1, pages: parts(1) });
        await store.writeCheckpoint({ version: 7, format: 1, pages: parts(2) });
        const newest = await store.newestCheckpoint();
        expect(newest).toMatchObject({ version: 7, format: 1, parts: 3, size: 600_020 });
        const expected = new Uint8Array(600_020);
        let at = 0;
        for (const part of parts(2)) {
          expected.set(part, at);
          at += part.length;
        }
        expect(Buffer.compare(await store.readCheckpoint(newest!), expected)).toBe(0);
      } finally {
        await store.close();
      }
      expect(await newest()).toHaveLength(1);
    });

    it('a restart from the checkpoint applies the changes after it and answers exactly as a full restore', async () => {
      db = await createTestDatabase(engine);
      const { before, checkpointVersion } = await linkedWithChangesAfterCheckpoint();
      expect(before.searches[0]![0]!.records.frontdoor).toEqual(['F100']);
      expect(before.clusters.some((c) => c.records.frontdoor.includes('F200'))).toBe(false);

      const fromCheckpoint = capturedLogger();
      const again = await start(null, { logger: fromCheckpoint.logger });
      const laidOut = fromCheckpoint.lines.find((line) => line['msg'] === LAID_OUT);
      expect(laidOut).toMatchObject({ checkpointVersion });
      expect(laidOut!['applied']).toBeGreaterThanOrEqual(3);
      const fromItAnswers = answers(again);
      expect(fromItAnswers).toEqual(before);
      await stop(again);

      // The same register restored from every stored record, with no checkpoint to lay out.
      await withDatabase((sql) => sql.query('DELETE FROM link_checkpoints'));
      const full = capturedLogger();
      const restored = await start(null, { logger: full.logger });
      expect(full.lines.some((line) => line['msg'] === RESTORED)).toBe(true);
      expect(answers(restored)).toEqual(fromItAnswers);
      // And it wrote a checkpoint for the next restart.
      expect(await restored.checkpoint()).toBe(restored.version);
    });

    it('writes another checkpoint once enough changes have passed since the newest, and a restart starts from it', async () => {
      db = await createTestDatabase(engine);
      const log = capturedLogger();
      const written = () =>
        log.lines
          .filter((line) => line['msg'] === 'link checkpoint written')
          .map((line) => line['checkpointVersion']);
      const first = await start(people(), {
        logger: log.logger,
        checkpoint: { everyMs: 50, afterChanges: 2 },
      });
      await until(() => written().length === 1);
      await first.apply('frontdoor', 'F100', { record: amaraContact() });
      // One change: not enough yet.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(written()).toHaveLength(1);
      await first.apply('lcs', '200', { record: benedictLeaves() });
      await until(() => written().length === 2);
      expect(written()[1]).toBe(first.version);
      const before = idsAndSearch(first);
      await stop(first);
      const restart = capturedLogger();
      const again = await start(null, { logger: restart.logger });
      expect(restart.lines.find((line) => line['msg'] === LAID_OUT)).toMatchObject({
        checkpointVersion: written()[1],
        applied: 0,
      });
      expect(idsAndSearch(again)).toEqual(before);
    });

    it('a checkpoint made under other linking rules or in another format is ignored with a warning', async () => {
      db = await createTestDatabase(engine);
      const { before } = await linkedWithChangesAfterCheckpoint('rules-a');
      for (const change of [`rules = 'rules-b'`, 'format = format + 1']) {
        const [ignored] = await newest();
        await withDatabase((sql) => sql.query(`UPDATE link_checkpoints SET ${change}`));
        const log = capturedLogger();
        const again = await start(null, { linkingRules: 'rules-a', logger: log.logger });
        expect(
          log.lines.some((line) => line['level'] === 40 && /other linking rules/.test(String(line['msg']))),
        ).toBe(true);
        expect(log.lines.some((line) => line['msg'] === RESTORED)).toBe(true);
        expect(answers(again)).toEqual(before);
        await stop(again);
        // The instance replaced it with one under its own rules.
        const [written] = await newest();
        expect(written).toMatchObject({ rules: 'rules-a', complete: true });
        expect(written!.id).not.toBe(ignored!.id);
      }
    });

    it('a checkpoint cut short, missing a part or damaged is ignored with a warning naming no child', async () => {
      db = await createTestDatabase(engine);
      const { before } = await linkedWithChangesAfterCheckpoint();
      const damages = [
        // A byte changed: not as it was written.
        `UPDATE link_checkpoint_parts SET bytes = overlay(bytes placing '\\xff'::bytea from 200 for 1)`,
        // A part gone.
        'DELETE FROM link_checkpoint_parts',
        // Cut short, its recorded size and digest made to agree: the layout itself does not add up.
        `UPDATE link_checkpoint_parts SET bytes = substring(bytes from 1 for length(bytes) - 16);
         UPDATE link_checkpoints c SET size = size - 16,
           sha256 = (SELECT encode(sha256(p.bytes), 'hex') FROM link_checkpoint_parts p WHERE p.checkpoint_id = c.id)`,
      ];
      for (const damage of damages) {
        const [damaged] = await newest();
        await withDatabase(async (sql) => {
          for (const statement of damage.split(';')) await sql.query(statement);
        });
        const log = capturedLogger();
        const again = await start(null, { logger: log.logger });
        const warning = log.lines.find(
          (line) => line['level'] === 40 && /cannot be laid out/.test(String(line['msg'])),
        );
        expect(warning).toBeDefined();
        expect(log.lines.some((line) => line['msg'] === RESTORED)).toBe(true);
        for (const childData of ['Amara', 'Dunmore', 'Benedict', 'Cosmo', '2014-02-11', 'F100', 'P100'])
          expect(log.raw.join('\n')).not.toContain(childData);
        expect(answers(again)).toEqual(before);
        await stop(again);
        // Replaced with a whole one.
        const [written] = await newest();
        expect(written).toMatchObject({ complete: true });
        expect(written!.id).not.toBe(damaged!.id);
      }
    });
  },
  180_000,
);
