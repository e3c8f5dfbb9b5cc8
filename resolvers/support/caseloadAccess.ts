/**
 * Need to know: a caseload (children's names and flags) is shown to the worker themself and to
 * colleagues in the same team whose role includes caseloads, never across teams.
 */
import { canAccessService } from '../../src/domain/access/index.ts';
import type { HubContext } from '../context.ts';

export function mayViewCaseload(ctx: HubContext, teamId: string | null, workerId: string | null): boolean {
  if (workerId !== null && workerId === ctx.viewer.workerId) return true;
  return teamId !== null && teamId === ctx.viewer.teamId && canAccessService(ctx.viewer, 'caseloads');
}
