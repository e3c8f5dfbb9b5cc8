/**
 * A person deleted from EYES or the front door with no change event reaching the hub (none of them
 * lists removals, and a deleted record is in no `updatedSince` page) leaves the child view once the
 * reconciliation scan sweeps: the hub over the simulators, the register on PGlite, a scan and a
 * sweep every second.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({ REGISTER_SCAN_MS: '1000', REGISTER_SWEEP_MS: '1000' });
});
afterAll(async () => {
  await h?.close();
});

const CHILD = `query ($id: ID!) { child(id: $id) { id identifiers { eyesPupilIds frontDoorContactIds } } }`;

it('a pupil and a contact deleted upstream without an event leave the child view at the next sweep', async () => {
  const token = await h.token({ userId: 'sweep-viewer', roles: ['FRONT_DOOR'] });
  const child = (id: string) => h.query(token, CHILD, { id });
  // A child known to LCS, EYES and the front door whose records the hub links and shows.
  let found: { lcs: string; pupil: string; contact: string } | null = null;
  for (const truth of h.sims.county.groundTruth()) {
    if (truth.lcs.length === 0 || truth.eyes.length === 0 || truth.frontdoor.length === 0) continue;
    const answer = await child(`lcs:${truth.lcs[0]}`);
    const ids = answer.body.data?.child?.identifiers;
    if (ids?.eyesPupilIds.includes(truth.eyes[0]) && ids.frontDoorContactIds.includes(truth.frontdoor[0])) {
      found = { lcs: truth.lcs[0]!, pupil: truth.eyes[0]!, contact: truth.frontdoor[0]! };
      break;
    }
  }
  expect(found, 'a child linked across LCS, EYES and the front door').not.toBeNull();
  const { lcs, pupil, contact } = found!;

  for (const [system, path] of [
    ['eyes', `/__sim/records/pupils/${pupil}`],
    ['frontdoor', `/__sim/records/contacts/${contact}`],
  ] as const)
    expect((await fetch(`${h.sims.urls[system]}${path}`, { method: 'DELETE' })).status).toBe(204);

  await expect
    .poll(
      async () => {
        const ids = (await child(`lcs:${lcs}`)).body.data?.child?.identifiers;
        return (
          ids && {
            pupil: ids.eyesPupilIds.includes(pupil),
            contact: ids.frontDoorContactIds.includes(contact),
          }
        );
      },
      { timeout: 60_000, interval: 250 },
    )
    .toEqual({ pupil: false, contact: false });
  // The child is still there through its LCS record; the deleted ones open nothing.
  expect((await child(`lcs:${lcs}`)).body.data.child).not.toBeNull();
  expect((await child(`eyes:${pupil}`)).body.data?.child ?? null).toBeNull();
  expect((await child(`frontdoor:${contact}`)).body.data?.child ?? null).toBeNull();
}, 120_000);
