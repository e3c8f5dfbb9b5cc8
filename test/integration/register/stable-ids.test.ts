/**
 * Hub ids kept by the register: the same after a restart, one surviving a merge (the other
 * redirecting to it), the larger part keeping its id in a split (the old id saying where the rest
 * went), and never an old id leading to a restricted child. Run on PostgreSQL and on PGlite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hubIdFor } from '../../../src/domain/identity/hub-id.ts';
import type { Viewer } from '../../../src/domain/access/types.ts';
import type { ChildRegister } from '../../../src/platform/register/childRegister.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { person } from '../../unit/identity/records.ts';
import {
  ADOPTION,
  amaraContact,
  benedictLeaves,
  cosmoRestricted,
  people,
  registerInstances,
} from './fixture.ts';

const steward: Viewer = { userId: 'steward-1', roles: [], teamId: null, workerId: null };

describe.each(REGISTER_ENGINES)(
  'hub ids in the register on %s',
  (engine) => {
    let db: TestDatabase;
    const instances = registerInstances(() => db.settings);
    const { stop } = instances;
    /** As the hub starts: the systems (`records`) are read only when the register holds no full load under `linkingRules`. */
    const start = (records: SourceRecord[] | null = people(), linkingRules?: string) =>
      instances.start(records, linkingRules ? { linkingRules } : {});
    afterEach(async () => {
      await instances.closeAll();
      await db.drop();
    });

    it('survive a restart of the hub, and a relink from the systems whatever order the records arrive in', async () => {
      db = await createTestDatabase(engine);
      const first = await start();
      const before = new Map([...first.clusters()].map((c) => [c.hubId, c.records]));
      expect(before.size).toBeGreaterThan(300);
      await stop(first);
      // A restart reads no system: the ids come from the register.
      const second = await start(null);
      expect(new Map([...second.clusters()].map((c) => [c.hubId, c.records]))).toEqual(before);
      await stop(second);
      // Other linking rules relink every record from the systems (read here in reverse): the same ids.
      const relinked = await start([...people()].reverse(), 'other-rules');
      expect(new Map([...relinked.clusters()].map((c) => [c.hubId, c.records]))).toEqual(before);
    });

    it('survive a restart for records whose local ids hold the characters the id map is read apart by', async () => {
      db = await createTestDatabase(engine);
      const odd = [
        person({
          system: 'eyes',
          localId: 'P9\u001e9',
          forename: 'Odile',
          surname: 'Vance',
          dateOfBirth: '2013-04-05',
        }),
        person({
          system: 'lift',
          localId: 'L9\u001f9',
          forename: 'Piers',
          surname: 'Quill',
          dateOfBirth: '2011-08-09',
        }),
      ];
      const first = await start([...people(), ...odd]);
      const before = new Map([...first.clusters()].map((c) => [c.hubId, c.records]));
      const oddIds = ['eyes:P9\u001e9', 'lift:L9\u001f9'].map((key) => first.resolve(key)!.hubId);
      await stop(first);
      const second = await start(null);
      expect(new Map([...second.clusters()].map((c) => [c.hubId, c.records]))).toEqual(before);
      expect(['eyes:P9\u001e9', 'lift:L9\u001f9'].map((key) => second.resolve(key)!.hubId)).toEqual(oddIds);
    });

    it('a merge keeps the larger child’s id and redirects the other to it, across a restart', async () => {
      db = await createTestDatabase(engine);
      const register = await start();
      const amara = register.resolve('lcs:100')!.hubId;
      const contact = register.resolve('frontdoor:F100')!.hubId;
      expect(contact).not.toBe(amara);

      await register.apply('frontdoor', 'F100', { record: amaraContact() });
      expect(register.resolve('frontdoor:F100')!.hubId).toBe(amara);
      expect(register.lookup(contact)).toMatchObject({ cluster: { hubId: amara }, redirectedFrom: contact });
      expect((await register.history(contact, steward))!).toMatchObject({
        status: 'MERGED',
        redirectTo: amara,
      });

      await stop(register);
      const restarted = await start(null);
      expect(restarted.lookup(contact)).toMatchObject({ cluster: { hubId: amara }, redirectedFrom: contact });
      expect(restarted.resolve(amara)!.records).toMatchObject({
        lcs: ['100'],
        eyes: ['P100'],
        frontdoor: ['F100'],
      });
    });

    it('a split leaves the id with the larger part and says where the other records went', async () => {
      db = await createTestDatabase(engine);
      const register = await start();
      const benedict = register.resolve('lcs:200')!.hubId;
      // The id derived from the LCS record: the linker alone would now call the rest by another id.
      expect(benedict).toBe(hubIdFor('lcs', '200'));

      await register.apply('lcs', '200', { record: benedictLeaves() });
      const rest = register.resolve(benedict)!;
      expect(rest.records).toMatchObject({ lcs: [], eyes: ['P200'], frontdoor: ['F200'] });
      const leaver = register.resolve('lcs:200')!.hubId;
      expect(leaver).not.toBe(benedict);
      const history = (await register.history(benedict, steward))!;
      expect(history.status).toBe('ACTIVE');
      expect(history.splits).toEqual([expect.objectContaining({ to: leaver, records: 1 })]);
    });

    it('an id never leads to a restricted child: a restriction retires the visible id', async () => {
      db = await createTestDatabase(engine);
      const register = await start();
      const cosmo = register.resolve('eyes:P300')!.hubId;

      await register.apply('lcs', '300', { record: cosmoRestricted(), restriction: ADOPTION });
      const hidden = register.resolve('eyes:P300')!;
      expect(hidden.restricted).toBe(true);
      expect(hidden.hubId).not.toBe(cosmo);
      expect(register.resolve(cosmo)).toBeNull();
      const history = (await register.history(cosmo, steward))!;
      expect(history).toMatchObject({ status: 'RETIRED', redirectTo: null, splits: [] });
      // Nor may the restricted child's id be found from its history by someone it is hidden from.
      expect(await register.history(hidden.hubId, steward)).toBeNull();
    });

    it.runIf(engine === 'postgres')(
      'two hubs on one database agree on every id, and on each change',
      async () => {
        db = await createTestDatabase(engine);
        const [a, b] = await Promise.all([start(), start([...people()].reverse())]);
        const idsOf = (register: ChildRegister) =>
          new Map([...register.clusters()].map((c) => [JSON.stringify(c.records), c.hubId]));
        expect(idsOf(b)).toEqual(idsOf(a));

        const contact = a.resolve('frontdoor:F100')!.hubId;
        await a.apply('frontdoor', 'F100', { record: amaraContact() });
        await b.refresh();
        expect(b.version).toBe(a.version);
        expect(b.lookup(contact)).toEqual(a.lookup(contact));
        expect(idsOf(b)).toEqual(idsOf(a));
      },
    );
  },
  // PGlite initialises a database in WebAssembly for each start: slow on a busy machine.
  240_000,
);
