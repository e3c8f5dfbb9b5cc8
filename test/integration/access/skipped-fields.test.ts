/**
 * The audit records what a request was answered, as executed: a field that @skip or @include leaves
 * out was not asked for, so it is neither a refusal nor a disclosure.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openInvolvements, restrictionOf, startAccessHarness, type AccessHarness } from './harness.ts';

let h: AccessHarness;
beforeAll(async () => {
  h = await startAccessHarness();
});
afterAll(async () => {
  await h?.close();
});

it('records no refusal for a field @include(if: false) or @skip(if: true) leaves out, and one when it is asked', async () => {
  const personId = [...h.sims.county.lcs.people.ids()].find(
    (id) => restrictionOf(h.sims, id) === null && openInvolvements(h.sims, id).some((i) => i.workerId),
  )!;
  const involvement = openInvolvements(h.sims, personId).find((i) => i.workerId)!;
  const token = await h.token({
    userId: 'sw-directives',
    roles: ['SOCIAL_WORKER'],
    workerId: involvement.workerId!,
    teamId: involvement.teamId!,
  });
  // A social worker is never shown finance, so asking for it is recorded as a denial.
  const query =
    'query($id: ID!, $f: Boolean!, $s: Boolean!) { child(id: $id) { id finance @include(if: $f) { costToDate } frontDoor @skip(if: $s) { contacts(first: 1) { totalCount } } } }';
  const ask = async (f: boolean, s: boolean) => {
    const mark = h.sink.records.length;
    const { body } = await h.query(token, query, { id: `lcs:${personId}`, f, s });
    expect(body.errors).toBeUndefined();
    return h.recordsSince(mark).filter((r) => r.userId === 'sw-directives');
  };
  const skipped = await ask(false, true);
  expect(skipped.map((r) => r.action)).toEqual(['VIEW']);
  expect(skipped[0]!.fields).not.toContain('finance');
  expect(skipped[0]!.fields).not.toContain('frontDoor');

  const asked = await ask(true, false);
  expect(asked.some((r) => r.action === 'DENY' && r.groups.includes('finance'))).toBe(true);
  expect(asked.find((r) => r.action === 'VIEW')!.fields).toContain('frontDoor');
});
