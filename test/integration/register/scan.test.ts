/**
 * The reconciliation scan: people a system changed without a change event reaching the hub are
 * settled from `updatedSince` pages (LIFT, which cannot say what changed, from its whole list, so a
 * person it no longer holds is removed); a person whose fields are as stored is left alone, and
 * the next scan starts from the newest `updatedAt` read. Run on PostgreSQL and on PGlite.
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
import { amaraContact, feedsOf, people } from './fixture.ts';

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
  },
  240_000,
);
