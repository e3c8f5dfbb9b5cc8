/**
 * Incremental linking over the register: the first instance reads every system and stores what it
 * linked; every later start lays the links again from the register without reading a system; a
 * change or a decision on one instance is on every other within a second (NOTIFY, not the poll),
 * records included (search finds the changed record there). Run on PostgreSQL and on PGlite; two
 * instances only on PostgreSQL (PGlite is one process's database).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../../src/domain/access/types.ts';
import type { ChildRegister } from '../../../src/platform/register/childRegister.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { amaraContact, benedictLeaves, cosmoRestricted, people, registerInstances } from './fixture.ts';
import { person } from '../../unit/identity/records.ts';

/** A person no one else is, arriving after the register's first load. */
const newcomer = () =>
  person({
    system: 'frontdoor',
    localId: 'F900',
    forename: 'Odile',
    surname: 'Pennock',
    dateOfBirth: '2013-05-17',
    sex: 'F',
    postcodes: ['ST7 8UV'],
  });

const steward: Viewer = { userId: 'steward-1', roles: ['DATA_STEWARD'], teamId: null, workerId: null };
const adopter: Viewer = { userId: 'adopter-1', roles: [], teamId: null, workerId: null };
const ADOPTION = { reason: 'ADOPTION', allowedRoles: [], allowedUsers: ['adopter-1'] };

/** Every child by its records, with its id: two instances agree when these are equal. */
const idsOf = (register: ChildRegister) =>
  new Map([...register.clusters()].map((c) => [JSON.stringify(c.records), c.hubId]));

/** What an instance answers for one search, as ids and scores. */
const searched = (register: ChildRegister, name: string, dateOfBirth: string) =>
  register
    .search({ name, dateOfBirth }, { first: 10 })
    .items.map((hit) => ({ hubId: hit.cluster.hubId, score: hit.score, records: hit.cluster.records }));

async function until(condition: () => boolean, withinMs: number): Promise<number> {
  const started = performance.now();
  while (!condition()) {
    if (performance.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

describe.each(REGISTER_ENGINES)(
  'incremental linking over the register on %s',
  (engine) => {
    let db: TestDatabase;
    const { start, stop, closeAll } = registerInstances(() => db.settings);
    afterEach(async () => {
      await closeAll();
      await db.drop();
    });

    it('links again from the systems when the stored links were made under other linking rules, keeping every id', async () => {
      db = await createTestDatabase(engine);
      const records = [...people(), cosmoRestricted()];
      const reads = { count: 0 };
      const first = await start(records, { reads, linkingRules: 'rules-a' });
      const ids = idsOf(first);
      await stop(first);
      // Under the same rules a restart restores the links (an instance given no records cannot read a system).
      const same = await start(null, { linkingRules: 'rules-a' });
      expect(idsOf(same)).toEqual(ids);
      await stop(same);
      const upgraded = await start(records, { reads, linkingRules: 'rules-b' });
      expect(reads.count).toBe(2);
      expect(idsOf(upgraded)).toEqual(ids);
      await stop(upgraded);
      const restarted = await start(null, { linkingRules: 'rules-b' });
      expect(idsOf(restarted)).toEqual(ids);
      expect(reads.count).toBe(2);
    });

    it('a restart reads no system and answers as the instance that linked: ids, search, matches, restrictions', async () => {
      db = await createTestDatabase(engine);
      const restrictions = new Map([['300', ADOPTION]]);
      const records = [...people(), cosmoRestricted()];
      const reads = { count: 0 };
      const first = await start(records, { restrictions, reads });
      expect(reads.count).toBe(1);
      await first.apply('frontdoor', 'F100', { record: amaraContact() });
      const answers = (register: ChildRegister) => {
        const juno = register.resolve('lcs:400')!;
        const cosmo = register.resolve('lcs:300')!;
        return {
          ids: idsOf(register),
          amara: searched(register, 'Amara Dunmore', '2014-02-11'),
          benedict: searched(register, 'Benedict Elwick', '2016-09-30'),
          juno: register.possibleMatches(juno, steward).map((m) => [m.hubId, m.score]),
          name: register.displayName(juno),
          cosmoHidden: register.mayReveal(cosmo, steward),
          cosmoForAdopters: register.mayReveal(cosmo, adopter),
          cosmoRestricted: cosmo.restricted,
        };
      };
      const before = answers(first);
      expect(before.amara[0]!.records.frontdoor).toEqual(['F100']);
      expect(before.cosmoHidden).toBe(false);
      expect(before.cosmoForAdopters).toBe(true);
      await stop(first);

      const again = await start(null);
      expect(answers(again)).toEqual(before);
      // And it keeps linking: a change after the restart relinks around the stored links.
      const benedict = again.resolve('lcs:200')!.hubId;
      await again.apply('lcs', '200', { record: benedictLeaves() });
      expect(again.resolve(benedict)!.records).toMatchObject({
        lcs: [],
        eyes: ['P200'],
        frontdoor: ['F200'],
      });
    });

    it('a view kept between lookups is read-only and follows every change to the links and the ids', async () => {
      db = await createTestDatabase(engine);
      const register = await start(people());
      const before = register.resolve('lcs:100')!;
      expect(register.resolve('lcs:100')).toBe(before);
      expect(before.records.frontdoor).not.toContain('F100');
      expect(() => before.records.lcs.push('999')).toThrow(TypeError);

      await register.apply('frontdoor', 'F100', { record: amaraContact() });
      const after = register.resolve('lcs:100')!;
      expect(after.hubId).toBe(before.hubId);
      expect(after.records.frontdoor).toContain('F100');
      expect(register.resolve('frontdoor:F100')).toBe(after);

      await register.apply('frontdoor', 'F100', null);
      expect(register.resolve('lcs:100')!.records.frontdoor).not.toContain('F100');
      expect(register.resolve('frontdoor:F100')).toBeNull();
    });

    it('a removal is stored: a restart does not bring the record back', async () => {
      db = await createTestDatabase(engine);
      const first = await start(people());
      await first.apply('frontdoor', 'F400', null);
      expect(first.resolve('frontdoor:F400')).toBeNull();
      await stop(first);
      const again = await start(null);
      expect(again.resolve('frontdoor:F400')).toBeNull();
      expect(
        searched(again, 'William Greystoke', '2015-03-07').every((hit) => hit.records.frontdoor.length === 0),
      ).toBe(true);
    });

    it('a record arriving after a removal (in the slot the removed one left) gets an id of its own, kept by a restart', async () => {
      db = await createTestDatabase(engine);
      const first = await start(people());
      const removedId = first.hubIdOf('frontdoor', 'F400');
      await first.apply('frontdoor', 'F400', null);
      await first.apply('frontdoor', 'F900', { record: newcomer() });
      const id = first.hubIdOf('frontdoor', 'F900');
      expect(id).not.toBeNull();
      expect(id).not.toBe(removedId);
      expect(first.resolve('frontdoor:F900')?.records).toEqual({
        lcs: [],
        eyes: [],
        lift: [],
        frontdoor: ['F900'],
      });
      expect(first.resolve('frontdoor:F400')).toBeNull();
      expect(first.resolve(removedId!)).toBeNull();
      const ids = idsOf(first);
      await stop(first);
      const again = await start(null);
      expect(idsOf(again)).toEqual(ids);
      expect(again.hubIdOf('frontdoor', 'F900')).toBe(id);
    });

    it.runIf(engine === 'postgres')(
      'an instance laying in a removal and a new record (in the slot the removed one left) never answers the new one with the removed one’s id',
      async () => {
        db = await createTestDatabase(engine);
        const a = await start(people());
        // b follows only when it writes (no notification, no poll): its own change lays a's in first,
        // and what b answers for the new record meanwhile (links laid in, ids not yet re-read) is seen.
        const seen: (string | null)[] = [];
        let b: ChildRegister | null = null;
        b = await start(null, {
          pollMs: 3_600_000,
          store: (store) => ({
            ...store,
            listen: async () => async () => undefined,
            locked: (work) =>
              store.locked((register) =>
                work({
                  ...register,
                  reconcile: (...args) => {
                    if (b) seen.push(b.hubIdOf('frontdoor', 'F900'));
                    return register.reconcile(...args);
                  },
                }),
              ),
          }),
        });
        const removedId = b.hubIdOf('frontdoor', 'F400');
        await a.apply('frontdoor', 'F400', null);
        await a.apply('frontdoor', 'F900', { record: newcomer() });
        await b.apply('frontdoor', 'F100', { record: amaraContact() });
        expect(seen).toEqual([null]);
        expect(b.hubIdOf('frontdoor', 'F900')).toBe(a.hubIdOf('frontdoor', 'F900'));
        expect(b.hubIdOf('frontdoor', 'F900')).not.toBe(removedId);
        expect(b.resolve('frontdoor:F400')).toBeNull();
        await a.refresh();
        expect(idsOf(b)).toEqual(idsOf(a));
      },
    );

    it.runIf(engine === 'postgres')(
      'instances starting together on an empty register: one reads the systems, all agree on every id',
      async () => {
        db = await createTestDatabase(engine);
        const reads = { count: 0 };
        const [a, b, c] = await Promise.all([
          start(people(), { reads }),
          start(people(), { reads }),
          start([...people()].reverse(), { reads }),
        ]);
        expect(reads.count).toBe(1);
        expect(idsOf(b)).toEqual(idsOf(a));
        expect(idsOf(c)).toEqual(idsOf(a));
      },
    );

    it.runIf(engine === 'postgres')(
      'a change and a decision on one instance are on the other within a second, without its poll',
      async () => {
        db = await createTestDatabase(engine);
        const a = await start(people());
        const b = await start(null);
        expect(idsOf(b)).toEqual(idsOf(a));

        const amara = a.resolve('lcs:100')!.hubId;
        const contact = a.resolve('frontdoor:F100')!.hubId;
        const changed = performance.now();
        await a.apply('frontdoor', 'F100', { record: amaraContact() });
        const applied = performance.now() - changed;
        // The poll is a minute: only the notification can bring it this soon.
        const followed = await until(() => b.resolve('frontdoor:F100')?.hubId === amara, 1000);
        process.stdout.write(
          `change: applied in ${applied.toFixed(0)} ms; on the other instance ${(applied + followed).toFixed(0)} ms after it began\n`,
        );
        expect(b.lookup(contact)).toEqual(a.lookup(contact));
        expect(idsOf(b)).toEqual(idsOf(a));
        // The other instance has the changed record itself, not only its id: its search finds it.
        expect(searched(b, 'Amara Dunmore', '2014-02-11')).toEqual(
          searched(a, 'Amara Dunmore', '2014-02-11'),
        );
        expect(searched(b, 'Amara Dunmore', '2014-02-11')[0]!.records.frontdoor).toEqual(['F100']);

        const before = performance.now();
        await a.decide({
          kind: 'CONFIRM',
          record: 'lcs:400',
          other: 'frontdoor:F400',
          reason: 'checked with the school and the family',
          decidedBy: 'steward-1',
        });
        const decided = performance.now() - before;
        const juno = a.resolve('lcs:400')!.hubId;
        expect(a.resolve('frontdoor:F400')!.hubId).toBe(juno);
        const seen = await until(
          () => b.resolve('frontdoor:F400')?.hubId === juno && b.resolve('lcs:400')?.hubId === juno,
          1000,
        );
        process.stdout.write(
          `decision: made in ${decided.toFixed(0)} ms; on the other instance ${(decided + seen).toFixed(0)} ms after it began\n`,
        );
        expect(idsOf(b)).toEqual(idsOf(a));

        // The other instance writes next: it plans from links that include the first one's change.
        await b.apply('lcs', '200', { record: benedictLeaves() });
        await until(() => a.resolve('lcs:200')?.hubId === b.resolve('lcs:200')?.hubId, 1000);
        expect(idsOf(a)).toEqual(idsOf(b));
        expect(a.resolve('frontdoor:F100')!.hubId).toBe(amara);
      },
    );
  },
  240_000,
);
