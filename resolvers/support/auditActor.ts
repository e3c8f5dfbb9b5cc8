/** Who is asking, as every audit record names them: one place, so no record misses a field. */
import type { AuditEntry } from '../../src/platform/audit/types.ts';
import type { HubContext } from '../context.ts';

export type AuditActor = Pick<AuditEntry, 'requestId' | 'correlationId' | 'userId' | 'roles' | 'teamId'>;

export function auditActor(ctx: HubContext): AuditActor {
  return {
    requestId: ctx.requestId,
    ...(ctx.correlationId !== null ? { correlationId: ctx.correlationId } : {}),
    userId: ctx.viewer.userId,
    roles: ctx.viewer.roles,
    teamId: ctx.viewer.teamId,
  };
}
