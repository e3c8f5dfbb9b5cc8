/**
 * The child register's GraphQL surface: what became of a hub id (childIdHistory), and the data
 * stewards' link review (the queue, the decisions, and the mutations that make and reverse them).
 * Every decision is on the audit trail, with its reason as the stated purpose, before it is made.
 */
import type { GraphQLError } from 'graphql';
import { STATED_TEXT_MAX_LENGTH, canAccessService, decideChildAccess } from '../src/domain/access/index.ts';
import { characterCount } from '../src/domain/access/statedText.ts';
import type { HubContext } from './context.ts';
import { hubError } from '../src/platform/errors.ts';
import type { ClusterView } from '../src/domain/identity/types.ts';
import type { ChildRegister } from '../src/platform/register/childRegister.ts';
import { keysOf } from '../src/platform/register/clustering.ts';
import type { Decision, DecisionKind } from '../src/platform/register/store.ts';
import { pageSize } from './support/connection.ts';
import { recordAccess, recordRefusal, shownIds } from './support/disclosure.ts';
import type { Resolvers } from './types.generated.ts';

const RECORD = /^(lcs|eyes|lift|frontdoor):[A-Za-z0-9_-]{1,40}$/;
const DECISION_ID = /^\d{1,18}$/;

function registerOf(ctx: HubContext): ChildRegister {
  const { register } = ctx.services;
  if (register === null)
    throw hubError('BAD_USER_INPUT', 'The child register is off (REGISTER_ENABLED=false).');
  return register;
}

/** Data stewards only; anyone else is refused, and the refusal is on the trail. */
async function requireSteward(ctx: HubContext, field: string): Promise<ChildRegister> {
  if (!canAccessService(ctx.viewer, 'linkReview')) {
    await recordRefusal(ctx, 'linkReview', [field]);
    throw hubError('FORBIDDEN', 'Only data stewards may review links.');
  }
  return registerOf(ctx);
}

function reasonOf(reason: string): string {
  const text = reason.trim();
  if (text === '' || characterCount(reason) > STATED_TEXT_MAX_LENGTH)
    throw hubError('BAD_USER_INPUT', `Give a reason of at most ${STATED_TEXT_MAX_LENGTH} characters.`);
  return text;
}

/** A child the steward may act on; unknown and hidden children are the same NOT_FOUND, on the trail. */
async function childFor(
  ctx: HubContext,
  register: ChildRegister,
  id: string,
  field: string,
): Promise<ClusterView> {
  const cluster = register.resolve(id);
  if (cluster === null || !register.mayReveal(cluster, ctx.viewer)) {
    await recordAccess(ctx, {
      childId: cluster?.hubId ?? null,
      action: 'DENY',
      groups: ['linkReview'],
      fields: [field],
      decision: 'NOT_FOUND',
    });
    throw hubError('NOT_FOUND', 'No child with that id.');
  }
  return cluster;
}

function toGraph(register: ChildRegister, decision: Decision) {
  const now = [decision.record, decision.other].map((key) => register.resolve(key)?.hubId);
  return {
    id: decision.id,
    kind: decision.kind,
    childId: decision.hubId,
    otherChildId: decision.otherHubId,
    record: decision.record,
    otherRecord: decision.other,
    reason: decision.reason,
    decidedBy: decision.decidedBy,
    decidedAt: decision.decidedAt,
    reversedBy: decision.reversedBy,
    reversedAt: decision.reversedAt,
    reversalReason: decision.reversalReason,
    childIdsNow: [...new Set(now.filter((id): id is string => id !== undefined))],
  };
}

/** Puts the decision on the trail (reason as purpose, both children named), then makes it. */
async function decide(
  ctx: HubContext,
  field: string,
  kind: DecisionKind,
  [a, b]: [ClusterView, ClusterView],
  records: [string, string],
  reason: string,
) {
  const register = registerOf(ctx);
  await recordAccess(ctx, {
    childId: a.hubId,
    childIds: shownIds([a.hubId, b.hubId]),
    action: 'LINK_DECISION',
    groups: ['linkReview'],
    fields: [field, kind],
    purpose: reason,
    decision: 'ALLOWED',
  });
  const { decision } = await register.decide({
    kind,
    record: records[0],
    other: records[1],
    reason,
    decidedBy: ctx.viewer.userId,
  });
  return toGraph(register, decision);
}

async function pairDecision(
  ctx: HubContext,
  field: string,
  kind: 'CONFIRM' | 'REJECT',
  args: { childId: string; otherChildId: string; reason: string },
) {
  const register = await requireSteward(ctx, field);
  const reason = reasonOf(args.reason);
  const a = await childFor(ctx, register, args.childId, field);
  const b = await childFor(ctx, register, args.otherChildId, field);
  if (a.hubId === b.hubId) throw hubError('BAD_USER_INPUT', 'Those ids name the same child.');
  if (a.restricted !== b.restricted)
    throw hubError('BAD_USER_INPUT', 'A restricted child is never linked with a visible one.');
  return decide(ctx, field, kind, [a, b], [keysOf(a)[0]!, keysOf(b)[0]!], reason);
}

export const registerResolvers: Resolvers = {
  Query: {
    childIdHistory: async (_: unknown, args: { id: string }, ctx: HubContext) => {
      // Ids of children are minimal identity: the roles that may search may ask.
      const mayAsk = decideChildAccess({
        viewer: ctx.viewer,
        child: { restriction: null, involvements: [] },
      }).groups.has('identity.minimal');
      if (!mayAsk) {
        await recordAccess(ctx, {
          action: 'DENY',
          groups: ['identity.minimal'],
          fields: ['childIdHistory'],
          decision: 'DENIED',
        });
        throw hubError('FORBIDDEN', 'Your role may not look up children.');
      }
      const history = await registerOf(ctx).history(args.id, ctx.viewer);
      const named = history
        ? [
            history.hubId,
            ...(history.redirectTo ? [history.redirectTo] : []),
            ...history.splits.map((s) => s.to),
          ]
        : [];
      await recordAccess(ctx, {
        childId: history?.hubId ?? null,
        childIds: shownIds(named),
        action: 'SEARCH',
        groups: ['identity.minimal'],
        fields: ['childIdHistory'],
        decision: history ? 'ALLOWED' : 'NOT_FOUND',
      });
      if (history === null) return null;
      return {
        id: history.hubId,
        status: history.status,
        issuedAt: history.issuedAt,
        mergedInto: history.redirectTo,
        splits: history.splits.map((s) => ({ childId: s.to, records: s.records, at: s.at })),
      };
    },

    linkReviewQueue: async (_: unknown, args: { first?: number; after?: string | null }, ctx: HubContext) => {
      const register = await requireSteward(ctx, 'linkReviewQueue');
      const first = pageSize(args.first, 50, 20);
      const offset =
        args.after == null ? 0 : Number.parseInt(Buffer.from(args.after, 'base64url').toString(), 10);
      if (!Number.isSafeInteger(offset) || offset < 0)
        throw hubError('BAD_USER_INPUT', 'The `after` cursor is not one this API issued.');
      const queue = register.reviewQueue(ctx.viewer);
      const page = queue.slice(offset, offset + first);
      const nodes = page.flatMap((item) => {
        const a = register.resolve(item.hubId);
        const b = register.resolve(item.otherHubId);
        if (a === null || b === null) return [];
        return [
          {
            children: [a, b].map((cluster) => ({ cluster, score: item.score })),
            score: item.score,
            agreed: item.agreed,
            disagreed: item.disagreed,
          },
        ];
      });
      await recordAccess(ctx, {
        childIds: shownIds(page.flatMap((item) => [item.hubId, item.otherHubId])),
        action: 'SEARCH',
        groups: ['linkReview', 'identity.minimal'],
        fields: ['linkReviewQueue'],
        decision: 'ALLOWED',
      });
      const end = offset + page.length;
      return {
        nodes,
        totalCount: queue.length,
        pageInfo: {
          hasNextPage: end < queue.length,
          endCursor: page.length > 0 ? Buffer.from(String(end)).toString('base64url') : null,
        },
      };
    },

    linkDecisions: async (_: unknown, args: { childId?: string | null; first?: number }, ctx: HubContext) => {
      const register = await requireSteward(ctx, 'linkDecisions');
      const limit = pageSize(args.first, 100, 20);
      let hubIds: string[] | undefined;
      if (args.childId) {
        const child = await childFor(ctx, register, args.childId, 'linkDecisions');
        hubIds = [...new Set([args.childId, child.hubId])];
      }
      const visible = (key: string) => {
        const cluster = register.resolve(key);
        return cluster === null || register.mayReveal(cluster, ctx.viewer);
      };
      const decisions = (await register.decisions({ ...(hubIds ? { hubIds } : {}), limit })).filter(
        (d) => visible(d.record) && visible(d.other),
      );
      await recordAccess(ctx, {
        childIds: shownIds(decisions.flatMap((d) => [d.hubId, ...(d.otherHubId ? [d.otherHubId] : [])])),
        action: 'SEARCH',
        groups: ['linkReview'],
        fields: ['linkDecisions'],
        decision: 'ALLOWED',
      });
      return decisions.map((d) => toGraph(register, d));
    },
  },

  Mutation: {
    confirmLink: (
      _: unknown,
      args: { childId: string; otherChildId: string; reason: string },
      ctx: HubContext,
    ) => pairDecision(ctx, 'confirmLink', 'CONFIRM', args),
    rejectLink: (
      _: unknown,
      args: { childId: string; otherChildId: string; reason: string },
      ctx: HubContext,
    ) => pairDecision(ctx, 'rejectLink', 'REJECT', args),
    splitRecord: async (
      _: unknown,
      args: { childId: string; record: string; reason: string },
      ctx: HubContext,
    ) => {
      const register = await requireSteward(ctx, 'splitRecord');
      const reason = reasonOf(args.reason);
      if (!RECORD.test(args.record))
        throw hubError('BAD_USER_INPUT', 'A record is system-qualified, e.g. eyes:P0001.');
      const child = await childFor(ctx, register, args.childId, 'splitRecord');
      const keys = keysOf(child);
      if (!keys.includes(args.record))
        throw hubError('BAD_USER_INPUT', 'That record is not one of this child’s.');
      const other = keys.find((key) => key !== args.record);
      if (other === undefined)
        throw hubError('BAD_USER_INPUT', 'The child has no other record to split it from.');
      return decide(ctx, 'splitRecord', 'SPLIT', [child, child], [args.record, other], reason);
    },
    reverseLinkDecision: async (_: unknown, args: { id: string; reason: string }, ctx: HubContext) => {
      const register = await requireSteward(ctx, 'reverseLinkDecision');
      const reason = reasonOf(args.reason);
      const missing = (): GraphQLError => hubError('NOT_FOUND', 'No decision with that id.');
      if (!DECISION_ID.test(args.id)) throw missing();
      const decision = await register.decision(args.id);
      if (decision === null) throw missing();
      const a = await childFor(ctx, register, decision.record, 'reverseLinkDecision');
      const b = await childFor(ctx, register, decision.other, 'reverseLinkDecision');
      if (decision.reversedAt !== null)
        throw hubError('BAD_USER_INPUT', 'That decision is already reversed.');
      await recordAccess(ctx, {
        childId: a.hubId,
        childIds: shownIds([a.hubId, b.hubId]),
        action: 'LINK_DECISION',
        groups: ['linkReview'],
        fields: ['reverseLinkDecision', decision.kind],
        purpose: reason,
        decision: 'ALLOWED',
      });
      const reversed = await register.reverse(args.id, ctx.viewer.userId, reason);
      if (reversed === null) throw hubError('BAD_USER_INPUT', 'That decision is already reversed.');
      return toGraph(register, reversed.decision);
    },
  },
};
