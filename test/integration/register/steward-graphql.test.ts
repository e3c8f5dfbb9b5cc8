/**
 * Link review through the GraphQL API of a real hub (simulators over HTTP, the register on the real
 * PostgreSQL or on PGlite): only data stewards may review or decide, every decision is on the audit
 * trail with its reason and both children, and a merged id opens the surviving child with both ids
 * on the audit record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../src/domain/access/types.ts';
import { startAccessHarness, type AccessHarness } from '../access/harness.ts';
import { REGISTER_ENGINES, createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';

const QUEUE = `{ linkReviewQueue(first: 5) { totalCount nodes { score agreed disagreed children { childId name { forename } } } } }`;
const MUTATIONS = {
  confirmLink:
    'mutation { confirmLink(childId: "CAAAAAAAAAAAAAAAA", otherChildId: "CBBBBBBBBBBBBBBBB", reason: "same child") { id } }',
  rejectLink:
    'mutation { rejectLink(childId: "CAAAAAAAAAAAAAAAA", otherChildId: "CBBBBBBBBBBBBBBBB", reason: "different") { id } }',
  splitRecord:
    'mutation { splitRecord(childId: "CAAAAAAAAAAAAAAAA", record: "eyes:P1", reason: "not her") { id } }',
  reverseLinkDecision: 'mutation { reverseLinkDecision(id: "1", reason: "mistake") { id } }',
};

describe.each(REGISTER_ENGINES)(
  'link review over GraphQL, register on %s',
  (engine) => {
    let db: TestDatabase;
    let h: AccessHarness;
    beforeAll(async () => {
      db = await createTestDatabase(engine);
      h = await startAccessHarness({
        ...(db.settings.url
          ? { DATABASE_URL: db.settings.url }
          : { REGISTER_DATA_DIR: db.settings.dataDir! }),
      });
    });
    afterAll(async () => {
      await h?.close();
      await db?.drop();
    });
    const steward = () => h.token({ userId: 'steward-1', roles: ['DATA_STEWARD'] });

    it('a non-steward can neither read the review queue nor call the mutations, and each refusal is audited', async () => {
      for (const role of ROLES.filter((r) => r !== 'DATA_STEWARD')) {
        const token = await h.token({ userId: `not-a-steward-${role.toLowerCase()}`, roles: [role] });
        for (const [field, query] of [['linkReviewQueue', QUEUE], ...Object.entries(MUTATIONS)] as const) {
          const mark = h.sink.records.length;
          const { body } = await h.query(token, query);
          expect(body.errors?.[0]?.extensions?.code, `${role} ${field}`).toBe('FORBIDDEN');
          expect(h.recordsSince(mark)).toEqual([
            expect.objectContaining({
              action: 'DENY',
              decision: 'DENIED',
              groups: ['linkReview'],
              fields: [field],
            }),
          ]);
        }
      }
    });

    it('a steward’s rejection is audited with its reason and both children, and the pair is not offered again', async () => {
      const token = await steward();
      const read = h.sink.records.length;
      const before = (await h.query(token, QUEUE)).body;
      expect(before.errors).toBeUndefined();
      // The queue names children: its read is on the trail with exactly the ids it showed.
      const shown = before.data.linkReviewQueue.nodes.flatMap((n: { children: { childId: string }[] }) =>
        n.children.map((c) => c.childId),
      );
      expect(h.recordsSince(read)).toEqual([
        expect.objectContaining({
          action: 'SEARCH',
          childIds: [...new Set(shown)],
          fields: ['linkReviewQueue'],
        }),
      ]);
      expect(before.data.linkReviewQueue.totalCount).toBeGreaterThan(0);
      const [top] = before.data.linkReviewQueue.nodes;
      expect(top.children).toHaveLength(2);
      expect(top.agreed.length).toBeGreaterThan(0);
      const [a, b] = top.children.map((c: { childId: string }) => c.childId);

      const mark = h.sink.records.length;
      const { body } = await h.query(
        token,
        `mutation($a: ID!, $b: ID!) { rejectLink(childId: $a, otherChildId: $b, reason: "different birth certificates") { id kind decidedBy reason childIdsNow } }`,
        { a, b },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.rejectLink).toMatchObject({
        kind: 'REJECT',
        decidedBy: 'steward-1',
        reason: 'different birth certificates',
      });
      expect(h.recordsSince(mark)).toEqual([
        expect.objectContaining({
          userId: 'steward-1',
          action: 'LINK_DECISION',
          decision: 'ALLOWED',
          childId: a,
          childIds: [a, b],
          purpose: 'different birth certificates',
          fields: ['rejectLink', 'REJECT'],
        }),
      ]);
      const after = (
        await h.query(token, `{ linkReviewQueue(first: 50) { totalCount nodes { children { childId } } } }`)
      ).body;
      const pairs = after.data.linkReviewQueue.nodes.map((n: { children: { childId: string }[] }) =>
        n.children
          .map((c) => c.childId)
          .sort()
          .join('|'),
      );
      const rejected = [a, b].sort().join('|');
      expect(pairs).not.toContain(rejected);
      // Every other pair is still offered. A record that fitted both children about equally may join
      // the queue now they are known to be two (ambiguity.ts): that is for a person too.
      const offeredBefore = before.data.linkReviewQueue.nodes.map((n: { children: { childId: string }[] }) =>
        n.children
          .map((c) => c.childId)
          .sort()
          .join('|'),
      );
      expect(pairs).toEqual(
        expect.arrayContaining(offeredBefore.filter((pair: string) => pair !== rejected)),
      );

      const reversed = await h.query(
        token,
        `mutation($id: ID!) { reverseLinkDecision(id: $id, reason: "rejected the wrong pair") { reversedBy reversalReason } }`,
        { id: body.data.rejectLink.id },
      );
      expect(reversed.body.data.reverseLinkDecision).toEqual({
        reversedBy: 'steward-1',
        reversalReason: 'rejected the wrong pair',
      });
      expect((await h.query(token, QUEUE)).body.data.linkReviewQueue.totalCount).toBe(
        before.data.linkReviewQueue.totalCount,
      );
    });

    it('after a confirmed link the merged id opens the surviving child, and the audit names both ids', async () => {
      const token = await steward();
      const queue = (await h.query(token, QUEUE)).body.data.linkReviewQueue;
      const [a, b] = queue.nodes[0].children.map((c: { childId: string }) => c.childId);
      const { body } = await h.query(
        token,
        `mutation($a: ID!, $b: ID!) { confirmLink(childId: $a, otherChildId: $b, reason: "same NHS number on the GP record") { childIdsNow } }`,
        { a, b },
      );
      expect(body.errors).toBeUndefined();
      const [survivor] = body.data.confirmLink.childIdsNow;
      expect(body.data.confirmLink.childIdsNow).toHaveLength(1);
      const merged = survivor === a ? b : a;

      const frontDoor = await h.token({ userId: 'fd-1', roles: ['FRONT_DOOR'] });
      const mark = h.sink.records.length;
      const opened = await h.query(frontDoor, `query($id: ID!) { child(id: $id) { id } }`, { id: merged });
      expect(opened.body.data.child.id).toBe(survivor);
      expect(h.recordsSince(mark)).toEqual([
        expect.objectContaining({ action: 'VIEW', childId: survivor, childIds: [merged, survivor] }),
      ]);
      const history = await h.query(
        frontDoor,
        `query($id: ID!) { childIdHistory(id: $id) { status mergedInto } }`,
        {
          id: merged,
        },
      );
      expect(history.body.data.childIdHistory).toEqual({ status: 'MERGED', mergedInto: survivor });

      const mark2 = h.sink.records.length;
      const decisions = await h.query(
        token,
        `query($id: ID!) { linkDecisions(childId: $id) { kind childId otherChildId childIdsNow } }`,
        { id: survivor },
      );
      const [latest] = decisions.body.data.linkDecisions;
      expect(latest).toMatchObject({ kind: 'CONFIRM', childIdsNow: [survivor] });
      expect(h.recordsSince(mark2)).toEqual([
        expect.objectContaining({
          action: 'SEARCH',
          fields: ['linkDecisions'],
          childIds: expect.arrayContaining([a, b]),
        }),
      ]);
    });
  },
  240_000,
);
