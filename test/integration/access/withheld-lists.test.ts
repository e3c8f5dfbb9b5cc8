/**
 * A list inside a visible branch that the viewer's role may not see is null and named in
 * access.withheld, as the access policy says, never an empty list that reads as "none".
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { restrictionOf, startAccessHarness, type AccessHarness, type Json } from './harness.ts';

let h: AccessHarness;
beforeAll(async () => {
  h = await startAccessHarness();
});
afterAll(async () => {
  await h?.close();
});

it('gives a front-door practitioner null for SEN support and EHCP requests (send withheld), not an empty list', async () => {
  // A pupil with SEN support, linked to an unrestricted child.
  const pupilId = [...h.sims.county.eyes.records.ids()].find((id) => {
    const record = h.sims.county.eyes.records.get(id) as unknown as { senSupport: unknown[] };
    const cluster = h.hub.directory.resolve(`eyes:${id}`);
    return (
      record.senSupport.length > 0 &&
      cluster !== null &&
      !cluster.restricted &&
      cluster.records.lcs.every((personId) => restrictionOf(h.sims, personId) === null)
    );
  })!;
  expect(pupilId).toBeDefined();
  const token = await h.token({ userId: 'fd-lists', roles: ['FRONT_DOOR'] });
  const { body } = await h.query(
    token,
    'query($id: ID!) { child(id: $id) { access { withheld } education { currentSetting { settingName } senSupport { totalCount } ehcpRequests { totalCount } } } }',
    { id: `eyes:${pupilId}` },
  );
  expect(body.errors).toBeUndefined();
  const child = body.data.child as Json;
  expect(child.access.withheld).toContain('send');
  expect(child.education.senSupport).toBeNull();
  expect(child.education.ehcpRequests).toBeNull();

  // A SEND officer, whom the policy gives `send`, sees the list.
  const officer = await h.token({ userId: 'send-lists', roles: ['SEND_OFFICER'] });
  const seen = await h.query(
    officer,
    'query($id: ID!) { child(id: $id) { education { senSupport { totalCount } } } }',
    {
      id: `eyes:${pupilId}`,
    },
  );
  expect(seen.body.data.child.education.senSupport.totalCount).toBeGreaterThan(0);
});
