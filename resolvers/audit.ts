/**
 * The audit trail's GraphQL surface: Child.accessLog (the last accesses to one child, for the
 * allocated worker, their team and auditors) and the auditor's queries (Query.auditTrail,
 * Query.breakGlassAlerts). Reading the trail is itself recorded; a refused read is recorded as a
 * denial; a read that cannot be recorded is refused.
 *
 * Every record is shown, so `seq` has no gaps; a record about a child this viewer may not know
 * exists (a restricted record) is shown without that child: no id, and none of the words typed
 * about it (purpose, break-glass use). A refused restricted id then reads exactly like a refused
 * unknown id, and the trail cannot be used to learn that a restricted child exists.
 */
import type { Resolvers } from './types.generated.ts';
import { canAccessService } from '../src/domain/access/index.ts';
import type { AuditAction, AuditEntry, AuditRecord } from '../src/platform/audit/index.ts';
import type { HubContext } from './context.ts';
import { childNotFound, hubError } from '../src/platform/errors.ts';
import type { ChildView } from './support/childView.ts';
import { pageSize } from './support/connection.ts';
import { recordAccess } from './support/disclosure.ts';

/** Largest page of the trail one query returns. */
export const MAX_AUDIT_PAGE = 200;
/** Largest accessLog (CP-IS shows 25). */
export const MAX_ACCESS_LOG = 100;

const CHILD_ID = /^(?:C[A-Z2-7]{6,40}|(?:lcs|eyes|lift|frontdoor):[A-Za-z0-9_-]{1,40})$/;
const USER_ID = /^[\w.@:|+-]{1,200}$/;

interface AuditTrailArgs {
  userId?: string | null;
  childId?: string | null;
  from?: string | null;
  to?: string | null;
  actions?: AuditAction[] | null;
  first?: number | null;
}

/** Records a read of the trail (or its refusal); no trace, no answer. */
function recordRead(
  ctx: HubContext,
  entry: Pick<AuditEntry, 'childId' | 'action' | 'fields' | 'decision'>,
): Promise<void> {
  return recordAccess(ctx, { ...entry, groups: ['audit'] });
}

/** Auditors only; anyone else is refused, and the refusal is on the trail. */
async function requireAuditAccess(ctx: HubContext, field: string): Promise<void> {
  if (canAccessService(ctx.viewer, 'audit')) return;
  await recordRead(ctx, { childId: null, action: 'DENY', fields: [field], decision: 'DENIED' });
  throw hubError('FORBIDDEN', 'Your role may not read the audit trail.');
}

/**
 * Whether this viewer may know the child exists, decided once per child per answer. A child that
 * no longer resolves (removed upstream) carries nothing the directory could still hide.
 */
function revealer(ctx: HubContext): (childId: string) => boolean {
  const { directory } = ctx.services;
  const verdicts = new Map<string, boolean>();
  return (childId) => {
    let verdict = verdicts.get(childId);
    if (verdict === undefined) {
      const cluster = directory.resolve(childId);
      verdict = cluster === null || directory.mayReveal(cluster, ctx.viewer);
      verdicts.set(childId, verdict);
    }
    return verdict;
  };
}

/**
 * The record as this viewer may see it. A record about a child it may not know exists keeps
 * neither that child's id nor anything tied to it: the words typed (purpose, break-glass use) and
 * the children listed beside it (its possible matches). Elsewhere `listed` says which of the
 * children a list showed are named.
 */
function presentable(
  record: AuditRecord,
  mayReveal: (childId: string) => boolean,
  listed: (childId: string) => boolean = mayReveal,
): AccessRecordModel {
  const shown = toAccessRecord(record);
  if (shown.childId !== null && !mayReveal(shown.childId)) {
    return { ...shown, childId: null, childIds: [], purpose: null, breakGlass: null };
  }
  const childIds = shown.childIds.filter(listed);
  return childIds.length === shown.childIds.length ? shown : { ...shown, childIds };
}

/**
 * In a view of one child, a record about another child the viewer may not know exists (one that
 * merely listed this child, as a possible match) is that child's business, not this one's.
 */
function concerns(record: AuditRecord, childId: string, mayReveal: (childId: string) => boolean): boolean {
  return record.childId === null || record.childId === childId || mayReveal(record.childId);
}

export type AccessRecordModel = ReturnType<typeof toAccessRecord>;

function toAccessRecord(record: AuditRecord) {
  return {
    seq: record.seq,
    at: record.at,
    requestId: record.requestId,
    userId: record.userId,
    roles: record.roles,
    teamId: record.teamId,
    childId: record.childId,
    childIds: record.childIds ?? [],
    action: record.action,
    decision: record.decision,
    groups: record.groups,
    fields: record.fields ?? [],
    purpose: record.purpose ?? null,
    breakGlass: record.breakGlass ?? null,
  };
}

function filtersGiven(args: AuditTrailArgs): string[] {
  return (['userId', 'childId', 'from', 'to', 'actions'] as const).filter((key) => {
    const value = args[key];
    return value !== null && value !== undefined && (!Array.isArray(value) || value.length > 0);
  });
}

export const auditResolvers: Resolvers = {
  Query: {
    auditTrail: async (_: unknown, args: AuditTrailArgs, ctx: HubContext) => {
      await requireAuditAccess(ctx, 'auditTrail');
      const first = pageSize(args.first, MAX_AUDIT_PAGE, 50);
      if (args.userId != null && !USER_ID.test(args.userId))
        throw hubError('BAD_USER_INPUT', 'That is not a user id.');
      if (args.from && args.to && Date.parse(args.from) > Date.parse(args.to)) {
        throw hubError('BAD_USER_INPUT', '`from` must not be after `to`.');
      }
      let childId: string | null = null;
      if (args.childId != null) {
        if (!CHILD_ID.test(args.childId)) {
          throw hubError(
            'BAD_USER_INPUT',
            'A child id is a hub id or a system-qualified id such as lcs:123.',
          );
        }
        const cluster = ctx.services.directory.resolve(args.childId);
        // A hidden child is answered exactly as an unknown one, and both refusals are on the trail.
        if (cluster === null || !ctx.services.directory.mayReveal(cluster, ctx.viewer)) {
          await recordRead(ctx, {
            childId: cluster?.hubId ?? null,
            action: 'DENY',
            fields: ['auditTrail', ...filtersGiven(args)],
            decision: 'NOT_FOUND',
          });
          throw childNotFound();
        }
        childId = cluster.hubId;
      }
      await recordRead(ctx, {
        childId,
        action: 'AUDIT_QUERY',
        fields: ['auditTrail', ...filtersGiven(args)],
        decision: 'ALLOWED',
      });
      if (first === 0) return [];

      const actions = args.actions && args.actions.length > 0 ? new Set<string>(args.actions) : null;
      const mayReveal = revealer(ctx);
      const wanted = (record: AuditRecord) =>
        (actions === null || actions.has(record.action)) &&
        (childId === null || concerns(record, childId, mayReveal));
      const answer: AuditRecord[] = [];
      // Records are filtered after the sink answers (`wanted`), so read in widening windows until
      // the page is full or the sink has no more to give.
      let to: string | undefined = args.to ?? undefined;
      let limit = Math.min(1000, first * 2);
      const seen = new Set<number>();
      for (let round = 0; round < 4 && answer.length < first; round++) {
        const batch = await ctx.services.audit.query({
          ...(args.userId != null ? { userId: args.userId } : {}),
          ...(childId !== null ? { childId } : {}),
          ...(args.from ? { from: args.from } : {}),
          ...(to !== undefined ? { to } : {}),
          limit,
        });
        const fresh = batch.filter((record) => !seen.has(record.seq));
        for (const record of fresh) seen.add(record.seq);
        answer.push(...fresh.filter(wanted));
        if (batch.length < limit || fresh.length === 0) break;
        to = batch[batch.length - 1]!.at;
        limit = 1000;
      }
      return answer.slice(0, first).map((record) => presentable(record, mayReveal));
    },

    breakGlassAlerts: async (_: unknown, args: { first?: number | null }, ctx: HubContext) => {
      await requireAuditAccess(ctx, 'breakGlassAlerts');
      const first = pageSize(args.first, MAX_AUDIT_PAGE, 50);
      await recordRead(ctx, {
        childId: null,
        action: 'AUDIT_QUERY',
        fields: ['breakGlassAlerts'],
        decision: 'ALLOWED',
      });
      if (first === 0) return [];
      const alerts = await ctx.services.audit.alerts(first);
      const mayReveal = revealer(ctx);
      return alerts.slice(0, first).map((record) => presentable(record, mayReveal));
    },
  },

  Child: {
    /** Part of the child's view (field group accessLog): recorded with the VIEW that opened it. */
    accessLog: async (child: ChildView, args: { first?: number | null }) => {
      const first = pageSize(args.first, MAX_ACCESS_LOG, 25);
      if (first === 0) return [];
      const records = await child.ctx.services.audit.recentForChild(child.hubId, first);
      const mayReveal = revealer(child.ctx);
      // The log is about this child: lists that named it show it alone, not the others shown with it.
      return records
        .filter((record) => concerns(record, child.hubId, mayReveal))
        .map((record) => presentable(record, mayReveal, (childId) => childId === child.hubId));
    },
  },
};
