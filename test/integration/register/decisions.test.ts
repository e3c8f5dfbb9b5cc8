/**
 * Stewards' decisions live in the register and every relink honours them: a rejected pair is never
 * suggested again, a confirmed pair stays one child, a split record keeps its own id, and each can
 * be reversed. Run on PostgreSQL and on PGlite; two instances only on PostgreSQL (PGlite is one
 * process's database).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/types.ts';
import type { ChildRegister } from '../../../src/platform/register/childRegister.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { people, startRegister } from './fixture.ts';

const steward: Viewer = { userId: 'steward-1', roles: ['DATA_STEWARD'], teamId: null, workerId: null };
const decision = { reason: 'checked with the school and the family', decidedBy: 'steward-1' };

describe.each(REGISTER_ENGINES)(
  'stewards’ decisions in the register on %s',
  (engine) => {
    let db: TestDatabase;
    const open: ChildRegister[] = [];
    /** As the hub starts; a restart (`fromRegister`) reads no system, only what the register stores. */
    const start = async (fromRegister = false) => {
      const register = await startRegister(db.settings, fromRegister ? null : people());
      open.push(register);
      return register;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((r) => r.close()));
      await db.drop();
    });
    const pairs = (register: ChildRegister) =>
      register.reviewQueue(steward).map((item) => [item.hubId, item.otherHubId].sort().join('|'));
    const junoPair = (register: ChildRegister) =>
      [register.resolve('lcs:400')!.hubId, register.resolve('frontdoor:F400')!.hubId].sort().join('|');

    it('offers possible matches ranked by score with the fields that agree and disagree', async () => {
      db = await createTestDatabase(engine);
      const register = await start();
      const queue = register.reviewQueue(steward);
      const juno = queue.find(
        (item) => [item.hubId, item.otherHubId].sort().join('|') === junoPair(register),
      )!;
      expect(juno.agreed).toEqual(expect.arrayContaining(['dateOfBirth:exact']));
      expect(juno.disagreed).toContain('surname');
      const scores = queue.map((item) => item.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    });

    it('a rejected pair is never suggested again, after a relink and a restart, until the rejection is reversed', async () => {
      db = await createTestDatabase(engine);
      const register = await start();
      expect(pairs(register)).toContain(junoPair(register));
      const { decision: rejected } = await register.decide({
        kind: 'REJECT',
        record: 'lcs:400',
        other: 'frontdoor:F400',
        ...decision,
      });
      expect(pairs(register)).not.toContain(junoPair(register));
      const contact = people().find((r) => r.localId === 'F400')!;
      await register.apply('frontdoor', 'F400', { record: contact });
      expect(pairs(register)).not.toContain(junoPair(register));
      const juno = register.resolve('lcs:400')!;
      expect(register.possibleMatches(juno, steward).map((m) => m.hubId)).not.toContain(
        register.resolve('frontdoor:F400')!.hubId,
      );

      await register.close();
      open.splice(0);
      const restarted = await start(true);
      expect(pairs(restarted)).not.toContain(junoPair(restarted));
      await restarted.reverse(rejected.id, 'steward-2', 'rejected by mistake');
      expect(pairs(restarted)).toContain(junoPair(restarted));
    });

    it('a confirmed link makes one child that keeps its id through a restart; reversing it parts them again', async () => {
      db = await createTestDatabase(engine);
      const register = await start();
      const juno = register.resolve('lcs:400')!.hubId;
      const contact = register.resolve('frontdoor:F400')!.hubId;
      const { decision: confirmed, hubIds } = await register.decide({
        kind: 'CONFIRM',
        record: 'lcs:400',
        other: 'frontdoor:F400',
        ...decision,
      });
      expect(hubIds).toHaveLength(1);
      const survivor = hubIds[0]!;
      expect([juno, contact]).toContain(survivor);
      expect(register.resolve(survivor)!.records).toMatchObject({ lcs: ['400'], frontdoor: ['F400'] });
      const merged = survivor === juno ? contact : juno;
      expect(register.lookup(merged)).toMatchObject({ cluster: { hubId: survivor }, redirectedFrom: merged });

      await register.close();
      open.splice(0);
      const restarted = await start(true);
      expect(restarted.resolve('frontdoor:F400')!.hubId).toBe(survivor);
      const { hubIds: parted } = (await restarted.reverse(
        confirmed.id,
        'steward-2',
        'two different children',
      ))!;
      expect(parted).toHaveLength(2);
      expect(parted).toContain(survivor);
    });

    it('a split record gets its own id, the child says where it went, and reversing the split brings it back', async () => {
      db = await createTestDatabase(engine);
      const register = await start();
      const benedict = register.resolve('lcs:200')!.hubId;
      const { decision: split, hubIds } = await register.decide({
        kind: 'SPLIT',
        record: 'frontdoor:F200',
        other: 'lcs:200',
        ...decision,
      });
      const apart = register.resolve('frontdoor:F200')!.hubId;
      expect(apart).not.toBe(benedict);
      expect(hubIds.sort()).toEqual([benedict, apart].sort());
      expect(register.resolve(benedict)!.records.frontdoor).toEqual([]);
      expect((await register.history(benedict, steward))!.splits).toEqual([
        expect.objectContaining({ to: apart, records: 1 }),
      ]);
      await register.reverse(split.id, 'steward-2', 'the contact was about him after all');
      expect(register.resolve('frontdoor:F200')!.hubId).toBe(benedict);
      expect(register.lookup(apart)).toMatchObject({ cluster: { hubId: benedict }, redirectedFrom: apart });
    });

    it.runIf(engine === 'postgres')(
      'a decision made on one instance holds on another at its next read of the register',
      async () => {
        db = await createTestDatabase(engine);
        const [a, b] = await Promise.all([start(), start()]);
        await a.decide({ kind: 'SPLIT', record: 'frontdoor:F200', other: 'lcs:200', ...decision });
        await a.decide({ kind: 'REJECT', record: 'lcs:400', other: 'frontdoor:F400', ...decision });
        await b.refresh();
        expect(b.resolve('frontdoor:F200')!.hubId).toBe(a.resolve('frontdoor:F200')!.hubId);
        expect(pairs(b)).not.toContain(junoPair(b));
        // And when b relinks around the record itself, it honours the decision it read.
        const contact = people().find((r) => r.localId === 'F200')!;
        await b.apply('frontdoor', 'F200', { record: contact });
        expect(b.resolve('frontdoor:F200')!.hubId).toBe(a.resolve('frontdoor:F200')!.hubId);
        expect(b.resolve('lcs:200')!.records.frontdoor).toEqual([]);
      },
    );
  },
  // PGlite initialises a database in WebAssembly for each start: slow on a busy machine.
  240_000,
);
