/**
 * The reconciliation scan: people a system changed without a change event reaching the hub are
 * settled from `updatedSince` pages (LIFT, which cannot say what changed, from its whole list, so a
 * person it no longer holds is removed); a person whose fields are as stored is left alone, and
 * the next scan starts from the newest `updatedAt` read. A person LCS, EYES or the front door no
 * longer holds is in no `updatedSince` page: the scan's sweep (every list read whole, every
 * REGISTER_SWEEP_MS) removes them. Run on PostgreSQL and on PGlite.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadChildDirectory } from '../../../src/domain/identity/directory.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { SYSTEMS } from '../../../src/platform/systems.ts';
import { startChildRegister, type ChildRegister } from '../../../src/platform/register/childRegister.ts';
import { scanForChanges, type ChangedPeopleFeed } from '../../../src/platform/register/scan.ts';
import { openRegisterStore, type RegisterStore } from '../../../src/platform/register/store.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { person } from '../../unit/identity/records.ts';
import { amaraContact, capturedLogger, feedsOf, people } from './fixture.ts';

interface Stamped {
  record: SourceRecord;
  updatedAt: string;
}

/** The systems as the scan reads them: LCS, EYES and the front door by `updatedSince`, LIFT whole. */
function systemsOver(list: () => Stamped[], asked: (string | null)[]): ChangedPeopleFeed[] {
  return SYSTEMS.map((system) => ({
    system,
    incremental: system !== 'lift',
    async *changedSince(since) {
      if (system !== 'lift') asked.push(since);
      yield list()
        .filter((item) => item.record.system === system && (since === null || item.updatedAt >= since))
        .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : 1))
        .map((item) => ({ record: item.record, updatedAt: system === 'lift' ? null : item.updatedAt }));
    },
  }));
}

const liftClient = person({
  system: 'lift',
  localId: 'L900',
  forename: 'Orla',
  surname: 'Penrose',
  dateOfBirth: '2011-05-05',
  sex: 'F',
  postcodes: ['LM1 2NO'],
});

describe.each(REGISTER_ENGINES)(
  'the reconciliation scan on %s',
  (engine) => {
    let db: TestDatabase;
    let register: ChildRegister | null = null;
    afterEach(async () => {
      await register?.close();
      register = null;
      await db.drop();
    });

    it('settles what changed without an event, leaves the rest, and reads on from its mark', async () => {
      db = await createTestDatabase(engine);
      const loaded = [...people(), liftClient];
      const store: RegisterStore = await openRegisterStore(db.settings);
      register = await startChildRegister(store, {
        pollMs: 60_000,
        loadFromSystems: (wrap) => loadChildDirectory(wrap(feedsOf(loaded))),
      });
      let now: Stamped[] = loaded.map((record) => ({ record, updatedAt: '2026-01-01T00:00:00.000Z' }));
      const asked: (string | null)[] = [];
      const feeds = systemsOver(() => now, asked);

      // Nothing changed: every person read (no mark yet), none settled.
      expect(await scanForChanges(register, store, feeds)).toMatchObject({ changed: 0, removed: 0 });
      const before = new Map([...register.clusters()].map((c) => [c.hubId, c.records]));

      // The front door corrects a contact (no event sent) and LIFT closes its client.
      now = now
        .filter((item) => item.record.localId !== 'L900')
        .map((item) =>
          item.record.localId === 'F100'
            ? { record: amaraContact(), updatedAt: '2026-02-01T00:00:00.000Z' }
            : item,
        );
      asked.length = 0;
      expect(await scanForChanges(register, store, feeds)).toMatchObject({ changed: 1, removed: 1 });
      expect(asked).toEqual([
        '2026-01-01T00:00:00.000Z',
        '2026-01-01T00:00:00.000Z',
        '2026-01-01T00:00:00.000Z',
      ]);
      expect(register.resolve('frontdoor:F100')!.hubId).toBe(register.resolve('lcs:100')!.hubId);
      expect(register.resolve('lift:L900')).toBeNull();
      const after = new Map([...register.clusters()].map((c) => [c.hubId, c.records]));
      expect([...after.keys()].filter((id) => !before.has(id))).toEqual([]);

      // The next scan reads from the newest change; nothing more to settle.
      asked.length = 0;
      expect(await scanForChanges(register, store, feeds)).toMatchObject({ changed: 0, removed: 0 });
      expect(asked).toContain('2026-02-01T00:00:00.000Z');
    });

    it('a sweep removes people LCS, EYES and the front door no longer hold, which no updatedSince page shows', async () => {
      db = await createTestDatabase(engine);
      const loaded = [...people(), liftClient];
      const store: RegisterStore = await openRegisterStore(db.settings);
      register = await startChildRegister(store, {
        pollMs: 60_000,
        loadFromSystems: (wrap) => loadChildDirectory(wrap(feedsOf(loaded))),
      });
      const stamped = loaded.map((record) => ({ record, updatedAt: '2026-01-01T00:00:00.000Z' }));
      // Benedict's LCS record, Cosmo's pupil and Amara's front-door contact are deleted upstream; nothing says so.
      const gone = new Set(['lcs:200', 'eyes:P300', 'frontdoor:F100']);
      const now = stamped.filter((item) => !gone.has(`${item.record.system}:${item.record.localId}`));
      const feeds = systemsOver(() => now, []);
      const benedict = register.resolve('lcs:200')!.hubId;
      const cosmo = register.resolve('eyes:P300')!.hubId;
      await scanForChanges(register, store, feeds);

      // An ordinary scan cannot see it: the children still show the records.
      expect(await scanForChanges(register, store, feeds)).toMatchObject({ changed: 0, removed: 0 });
      expect(register.resolve('lcs:200')).not.toBeNull();

      expect(await scanForChanges(register, store, feeds, { sweep: true })).toMatchObject({
        changed: 0,
        removed: 3,
      });
      for (const key of gone) expect(register.resolve(key)).toBeNull();
      expect(register.resolve(benedict)!.records).toMatchObject({
        lcs: [],
        eyes: ['P200'],
        frontdoor: ['F200'],
      });
      expect(register.resolve(cosmo)?.records.eyes ?? []).not.toContain('P300');
      expect(await store.storedKeys('lcs')).not.toContain('lcs:200');
      // Nothing else moved, and a second sweep finds nothing more.
      expect(await scanForChanges(register, store, feeds, { sweep: true })).toMatchObject({
        changed: 0,
        removed: 0,
      });
    });

    it('a sweep keeps a person a list left out while the system, asked by id, still holds them', async () => {
      db = await createTestDatabase(engine);
      const store: RegisterStore = await openRegisterStore(db.settings);
      register = await startChildRegister(store, {
        pollMs: 60_000,
        loadFromSystems: (wrap) => loadChildDirectory(wrap(feedsOf(people()))),
      });
      const stamped = people().map((record) => ({ record, updatedAt: '2026-01-01T00:00:00.000Z' }));
      // EYES pages its list while it changes and leaves out two pupils: one is still there, one is gone.
      const listed = stamped.filter((item) => !['P100', 'P300'].includes(item.record.localId));
      const asked: string[][] = [];
      const feeds = systemsOver(() => listed, []).map((feed) =>
        feed.system === 'eyes'
          ? {
              ...feed,
              stillHeld: (ids: readonly string[]) => {
                asked.push([...ids].sort());
                return Promise.resolve(new Set(ids.filter((id) => id === 'P100')));
              },
            }
          : feed,
      );
      expect(await scanForChanges(register, store, feeds, { sweep: true })).toMatchObject({ removed: 1 });
      expect(asked).toEqual([['P100', 'P300']]);
      expect(register.resolve('eyes:P100')!.hubId).toBe(register.resolve('lcs:100')!.hubId);
      expect(register.resolve('eyes:P300')).toBeNull();
    });

    it('the scan sweeps when none has swept for the sweep interval, and a full load counts as one', async () => {
      db = await createTestDatabase(engine);
      const store: RegisterStore = await openRegisterStore(db.settings);
      register = await startChildRegister(store, {
        pollMs: 60_000,
        loadFromSystems: (wrap) => loadChildDirectory(wrap(feedsOf(people()))),
      });
      const turn = (sweepEveryMs?: number) =>
        store.scanTurn(1000, (t) => Promise.resolve(t.sweep), sweepEveryMs);
      // The load has just read every list: an hourly sweep is not due, an immediate one is.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await turn(3_600_000)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await turn(1000)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await turn(3_600_000)).toBe(false);
      // Without an interval the scan never sweeps.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await turn()).toBe(false);
    });

    it('says each sweep in the log, with what it read and how long it took, and a scan that found nothing only at debug', async () => {
      db = await createTestDatabase(engine);
      const store: RegisterStore = await openRegisterStore(db.settings);
      const records = people();
      const stamped = records.map((record) => ({ record, updatedAt: '2026-01-01T00:00:00Z' }));
      const { logger, lines } = capturedLogger('debug');
      register = await startChildRegister(store, {
        pollMs: 60_000,
        logger,
        loadFromSystems: (wrap) => loadChildDirectory(wrap(feedsOf(records))),
        // Every second a scan; a sweep once none has swept for 3 s (the load counts as one): quiet scans between.
        scan: { feeds: systemsOver(() => stamped, []), everyMs: 1000, sweepEveryMs: 3000 },
      });
      const said = (msg: string) => lines.filter((line) => line['msg'] === msg);
      const started = performance.now();
      while (
        said('register sweep: every system read whole').length === 0 ||
        said('register scan: nothing missed').length === 0
      ) {
        if (performance.now() - started > 60_000)
          throw new Error('no sweep and quiet scan logged within 60 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const sweep = said('register sweep: every system read whole')[0]!;
      expect(sweep).toMatchObject({ level: 30, sweep: true, read: records.length, changed: 0, removed: 0 });
      expect(sweep['ms']).toEqual(expect.any(Number));
      expect(said('register scan: nothing missed')[0]).toMatchObject({ level: 20, sweep: false, changed: 0 });
    });
  },
  240_000,
);
