/**
 * The one way a resolver puts an access on the audit trail: who (from the request), what (action,
 * groups, fields, and for lists the hub ids of the children shown) and the outcome. The record is
 * durable before the answer leaves; if it cannot be written the answer is refused, whatever was
 * asked: no disclosure, and no refusal, without a trace.
 */
import type { ServiceFieldGroup } from '../../src/domain/access/types.ts';
import type { AuditEntry } from '../../src/platform/audit/index.ts';
import type { HubContext } from '../context.ts';
import { accessNotRecorded } from '../../src/platform/errors.ts';
import { auditActor } from './auditActor.ts';

/** What a resolver says about an access; the request supplies who made it. */
export type AccessEntry = Omit<
  AuditEntry,
  'requestId' | 'correlationId' | 'userId' | 'roles' | 'teamId' | 'childId'
> & {
  childId?: string | null;
};

export async function recordAccess(ctx: HubContext, entry: AccessEntry): Promise<void> {
  try {
    await ctx.services.audit.record({ ...auditActor(ctx), childId: null, ...entry });
  } catch {
    throw accessNotRecorded();
  }
}

/** Records the refusal of a service-scoped answer (a caseload, a report) before it is refused. */
export function recordRefusal(ctx: HubContext, group: ServiceFieldGroup, fields: string[]): Promise<void> {
  return recordAccess(ctx, { action: 'DENY', groups: [group], fields, decision: 'DENIED' });
}

/** Hub ids in the order shown, each once (a child on two workers' cases is one child shown). */
export function shownIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}
