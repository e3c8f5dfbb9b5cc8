/**
 * A steward's rejection binds the linker: two records the linker would join (here a shared NHS
 * number, names and birthday all agreeing) are parted when rejected, stay parted through a relink
 * and a restart, and join again when the rejection is reversed. Run on PGlite and PostgreSQL.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildRegister } from '../../../src/platform/register/childRegister.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { people, startRegister } from '../register/fixture.ts';

const decision = { reason: 'two children: checked with the school', decidedBy: 'steward-1' };

describe.each(REGISTER_ENGINES)('rejected pairs on %s', (engine) => {
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
  const together = (register: ChildRegister) =>
    register.resolve('lcs:100')!.hubId === register.resolve('eyes:P100')!.hubId;

  it('are never joined automatically, even on a shared NHS number, until the rejection is reversed', async () => {
    db = await createTestDatabase(engine);
    const register = await start();
    expect(together(register)).toBe(true);
    const { decision: rejected } = await register.decide({
      kind: 'REJECT',
      record: 'lcs:100',
      other: 'eyes:P100',
      ...decision,
    });
    expect(together(register)).toBe(false);
    // A change event relinks around the record: the rejection still holds.
    const pupil = people().find((r) => r.system === 'eyes' && r.localId === 'P100')!;
    await register.apply('eyes', 'P100', { record: pupil });
    expect(together(register)).toBe(false);

    await register.close();
    open.splice(0);
    const restarted = await start(true);
    expect(together(restarted)).toBe(false);
    await restarted.reverse(rejected.id, 'steward-2', 'rejected by mistake');
    expect(together(restarted)).toBe(true);
  });
});
